package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.asciidoctor.ApiInlineMacro;
import dev.bitsandlogits.press.asciidoctor.AsciidoctorStart;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.asciidoctor.ChartBlockMacro;
import dev.bitsandlogits.press.asciidoctor.Conversion;
import dev.bitsandlogits.press.asciidoctor.Theme;
import dev.bitsandlogits.press.charts.ChartStrings;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.asciidoctor.IncludeGuard;
import dev.bitsandlogits.press.checks.LinkChecker;
import dev.bitsandlogits.press.snippets.ListingsClassLoader;
import dev.bitsandlogits.press.math.MathTypesetter;
import dev.bitsandlogits.press.core.Messages;
import dev.bitsandlogits.press.asciidoctor.OfflinePostprocessor;
import dev.bitsandlogits.press.asciidoctor.PageContext;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.core.SiteOutput;
import dev.bitsandlogits.press.asciidoctor.SnippetBlockMacro;
import dev.bitsandlogits.press.snippets.SnippetCache;
import dev.bitsandlogits.press.snippets.SnippetIndex;
import dev.bitsandlogits.press.snippets.SnippetResult;
import dev.bitsandlogits.press.snippets.SnippetSession;
import dev.bitsandlogits.press.snippets.SnippetStore;
import dev.bitsandlogits.press.math.StemBrackets;
import dev.bitsandlogits.press.checks.Translations;
import dev.bitsandlogits.press.asciidoctor.ValueInlineMacro;
import dev.bitsandlogits.press.asciidoctor.WidgetBlockMacro;
import dev.bitsandlogits.press.asciidoctor.WidgetCompiler;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * The book's build: one warm Asciidoctor with our extensions, converting every page of
 * {@code docs/} into a fresh directory that replaces {@code site/} only if nothing went wrong.
 * Keep one instance for many builds (tests, watch mode): creating Asciidoctor costs seconds.
 */
public final class Book implements AutoCloseable, Conversion {

    /** Held strongly: java.util.logging forgets a logger's level when nothing references the logger. */
    private static final Logger ASCIIDOCTOR_JUL = Logger.getLogger("asciidoctor");
    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("missing attribute: (\\S+)");
    private static final Pattern SOURCE_LANGUAGE = Pattern.compile("\\[source,\\s*([A-Za-z0-9_+#-]+)");
    /** One a core, at most four; {@code -Dbitsandlogits.pageThreads=1} converts one page after another. */
    private static final int PAGE_THREADS = Math.max(1, Integer.getInteger("bitsandlogits.pageThreads",
            Math.min(4, Runtime.getRuntime().availableProcessors())));

    private final Asciidoctor asciidoctor;
    private final MathTypesetter math;
    private PrintStream progress;
    private final SnippetCache cache;
    private final Map<Path, Set<String>> tagsByPage = new java.util.concurrent.ConcurrentHashMap<>();
    private String fingerprint;
    private SnippetIndex lastIndex;
    private long assetNanos;
    private ListingsClassLoader listingsLoader;
    private SnippetSession session;
    private int ranAhead;
    private long linkNanos;
    /** The page each converting thread is on: pages are converted in parallel, one a thread. */
    private final ThreadLocal<PageContext> page = new ThreadLocal<>();
    /** Only one page at a time may use the shared JShell (pages whose snippets are cached never do). */
    private final ReentrantLock jshell = new ReentrantLock();
    /** Languages whose Rouge lexer has every state built ({@link #prepareLexers}). */
    private final Set<String> lexersReady = new java.util.HashSet<>();
    private volatile List<Problem> problems;
    /** TeaVM for the widgets, with its cache under target/ ({@link WidgetBlockMacro}). */
    private final WidgetCompiler widgets = new WidgetCompiler();

    /** Starts Asciidoctor and registers the extensions; progress lines go to {@code progress}. */
    public Book(PrintStream progress) {
        this(progress, new SnippetCache());
    }

    /** A book whose snippet cache may already hold results ({@link SnippetPrefetch}). */
    Book(PrintStream progress, SnippetCache cache) {
        this(progress, cache, null);
    }

    /**
     * A book that will build {@code root} (null: unknown): when the formulas of an earlier build of
     * it are stored, the KaTeX JVM starts only for a formula that is not.
     */
    Book(PrintStream progress, SnippetCache cache, Path root) {
        this.progress = progress;
        this.cache = cache;
        // V8 and KaTeX start on their own thread while JRuby starts on this one.
        this.math = MathTypesetter.start(System.err, root);
        // Asciidoctor's messages reach us through the log handler below, with their file and line;
        // its own java.util.logging echo would print each of them a second time, without the docs/ path.
        ASCIIDOCTOR_JUL.setLevel(Level.OFF);
        this.asciidoctor = AsciidoctorStart.create();
        asciidoctor.registerLogHandler(this::onLog);
        var registry = asciidoctor.javaExtensionRegistry();
        registry.blockMacro(new SnippetBlockMacro(this));
        registry.inlineMacro(new ValueInlineMacro(this));
        registry.blockMacro(new ChartBlockMacro(this));
        registry.blockMacro(new WidgetBlockMacro(this, widgets));
        registry.inlineMacro(new ApiInlineMacro(this));
        registry.preprocessor(new StemBrackets());
        registry.postprocessor(new OfflinePostprocessor());
        registry.includeProcessor(new IncludeGuard(this));
        // The book's look (site bar, navigation, head and footer), found on the class path.
        for (Theme theme : ServiceLoader.load(Theme.class, Book.class.getClassLoader())) {
            theme.register(registry, this);
        }
    }

    /**
     * The JShell all pages share, reset between pages (a new JShell per page would warm its
     * compiler up again each time). A new one is started for another classes directory, or after
     * {@link #classesChanged()}: a JShell cannot unload classes it has loaded.
     */
    private SnippetSession session(BuildConfig config) {
        if (session != null && !session.classesDir().equals(config.classesDir())) {
            classesChanged();
        }
        if (session == null) {
            session = new SnippetSession(config.classesDir());
        }
        return session;
    }

    /**
     * Converts a small document with the constructs the book uses (highlighted Java, math, a table,
     * an admonition, a collapsible block), so that loading Rouge's lexer and Asciidoctor's
     * converters is not paid by the first real page. Meant for time otherwise spent waiting.
     */
    public void warmUp() {
        String doc = String.join("\n", "= Warm-up", ":stem: latexmath", "", "== Section", "",
                "Text with stem:[x^2] and `code`.", "", "[source,java]", "----",
                "double[] p = {0.5, 0.5}; // comment", "String s = \"text\";", "----", "",
                "NOTE: A note.", "", "|===", "| a | b", "| 1 | 2", "|===", "", "[%collapsible]", ".Solution", "====",
                "Hidden.", "====");
        asciidoctor.convert(doc, Options.builder().safe(SafeMode.UNSAFE).standalone(false)
                .attributes(Attributes.builder().attribute("source-highlighter", "rouge").build()).build());
    }

    /** Sends progress lines to {@code progress} (a book started ahead learns late where they go). */
    void progressTo(PrintStream progress) {
        this.progress = progress;
    }

    /** Uses {@code warm} as the shared JShell (one warmed up while Asciidoctor was starting). */
    void adoptSession(SnippetSession warm) {
        classesChanged();
        session = warm;
    }

    /** Forgets the snippet results and typeset formulas held in memory, so the next build reads them from disk or makes them, as a new JVM would. */
    void forgetSnippetResults() {
        cache.clear();
        math.forget();
    }

    /** Snippets the head start ran into the cache for the next build ({@link SnippetPrefetch}), counted in its report. */
    void ranAhead(int runs) {
        ranAhead = runs;
    }

    /** The compiled classes changed (live preview): the next snippet gets a new JShell. */
    public void classesChanged() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The library and listings as compiled when this build started (see {@link ListingsClassLoader}). */
    @Override
    public ClassLoader listingsLoader() {
        return listingsLoader;
    }

    /** Typesets the formulas of every page, or says that the browser must ({@link MathTypesetter#available()}). */
    @Override
    public MathTypesetter math() {
        return math;
    }

    /** The page this thread converts, or null (the warm-up document). */
    @Override
    public PageContext currentPage() {
        return page.get();
    }

    @Override
    public PageContext page() {
        PageContext current = page.get();
        if (current == null) {
            throw new IllegalStateException("no page is being converted");
        }
        return current;
    }

    /** Builds the whole book; throws {@link BuildFailedException} with every problem found. */
    public BuildReport build(BuildConfig config) {
        return build(config, null);
    }

    /**
     * Rebuilds only {@code changed} pages (watch mode): they are converted into a temporary
     * directory, every link of the site is checked with them in place, and only then are they
     * moved into {@code site/}, one file at a time. Falls back to a full build when there is no
     * site yet.
     */
    public BuildReport rebuild(BuildConfig config, Set<Path> changed) {
        return build(config, Files.isDirectory(config.siteDir()) ? changed : null);
    }

    private BuildReport build(BuildConfig config, Set<Path> only) {
        long start = System.nanoTime();
        problems = Collections.synchronizedList(new ArrayList<>());
        SnippetIndex index = SnippetIndex.scan(config.root(), config.listingsDir());
        listingsLoader = new ListingsClassLoader(config.classesDir());
        fingerprint = SnippetCache.start(config, index);
        cache.persistTo(SnippetStore.of(config));
        math.useStore(config.root());
        lastIndex = index;
        problems.addAll(index.problems());
        List<Edition> editions = Edition.all(config.docsDir());
        problems.addAll(Translations.check(config, editions));
        for (Path dir : Edition.withoutBundle(config.docsDir())) {
            problems.add(new Problem(config.relative(dir), "pages in a language the site has no words for: add "
                    + "src/main/resources/" + Messages.resource(dir.getFileName().toString())
                    + " with every key of messages_en.properties", null));
        }
        editions.forEach(e -> problems.addAll(ChartStrings.of(config, e).problems()));
        List<Path> pages = new ArrayList<>();
        for (Edition edition : editions) {
            pages.addAll(Edition.pages(edition.docsDir()));
        }
        if (pages.isEmpty()) {
            problems.add(new Problem(config.relative(config.docsDir()), "no pages: add an .adoc file", null));
        }
        Path out = createTempSibling(config.siteDir());
        List<PageReport> reports = new ArrayList<>();
        boolean done = false;
        long pagesStart = System.nanoTime();
        long pagesNanos = 0;
        try {
            convertAll(config, index, pages.stream().filter(file -> only == null || only.contains(file)).toList(), out,
                    reports);
            if (problems.isEmpty()) { // a page that failed may lack ids for that reason alone
                problems.addAll(Translations.anchors(config, editions,
                    pages.stream().filter(file -> only == null || only.contains(file)).toList(),
                    only == null ? List.of(out) : List.of(out, config.siteDir())));
            }
            for (Translations.Stale stale : Translations.stale(config, editions)) {
                progress.println(stale.message());
            }
            long assetsStart = System.nanoTime();
            pagesNanos = assetsStart - pagesStart;
            if (only == null) {
                SiteAssets.copy(config, out, !math.available());
                problems.addAll(ReaderFiles.write(config, out));
            } else {
                // A rebuild keeps assets and API docs; the search text may have changed with the prose.
                for (Edition edition : editions) {
                    SearchIndex.write(out, edition);
                }
            }
            assetNanos = System.nanoTime() - assetsStart;
            long linksStart = System.nanoTime();
            problems.addAll(new LinkChecker(config, only == null ? List.of(out) : List.of(out, config.siteDir())).check());
            linkNanos = System.nanoTime() - linksStart;
            if (problems.isEmpty()) {
                SiteOutput.normalizeModes(out);
                if (only == null) {
                    SiteOutput.replace(out, config.siteDir());
                } else {
                    SiteOutput.merge(out, config.siteDir());
                }
                done = true;
            }
        } finally {
            SiteOutput.delete(out);
            cache.forgetFaults();
        }
        BuildReport report = new BuildReport(reports, ranAhead, pagesNanos, assetNanos, linkNanos, System.nanoTime() - start);
        ranAhead = 0;
        if (!problems.isEmpty()) {
            throw new BuildFailedException(Problem.inSourceOrder(problems), report);
        }
        return report;
    }

    /** The listings as the last build read them (watch mode compares them with the files). */
    public SnippetIndex lastIndex() {
        return lastIndex;
    }

    /** The snippet fingerprint of the last build ({@link SnippetCache#start}). */
    public String lastFingerprint() {
        return fingerprint;
    }

    /** The snippet tags each page used in the last build that converted it, for watch mode. */
    public Map<Path, Set<String>> tagsByPage() {
        return tagsByPage;
    }

    /**
     * Converts {@code files} on up to {@link #PAGE_THREADS} threads, one page a thread, and
     * reports them in page order as they complete. Once the snippets have run, a page is
     * Asciidoctor, our extensions and KaTeX on one core; the book's pages take ~2 s that way,
     * with the second core otherwise idle at the end of the build.
     */
    private void convertAll(BuildConfig config, SnippetIndex index, List<Path> files, Path out, List<PageReport> reports) {
        int threads = Math.min(PAGE_THREADS, files.size());
        if (threads <= 1) {
            for (Path file : files) {
                reports.add(convert(config, index, file, out));
                progress.println(reports.get(reports.size() - 1).line());
            }
            return;
        }
        prepareLexers(config);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "page-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        try {
            List<Future<PageReport>> pending = new ArrayList<>();
            Map<Path, Future<PageReport>> originals = new java.util.HashMap<>();
            for (Path file : files) {
                Path twin = config.docsDir().resolve(file.getFileName().toString());
                Future<PageReport> first = file.getParent().equals(config.docsDir()) ? null : originals.get(twin);
                Future<PageReport> f = pool.submit(() -> {
                    // A translation runs no snippet of its own: its twin's (submitted earlier, so running
                    // or done) leaves every result and value in the cache.
                    if (first != null) {
                        first.get();
                    }
                    return convert(config, index, file, out);
                });
                if (file.getParent().equals(config.docsDir())) {
                    originals.put(file, f);
                }
                pending.add(f);
            }
            for (Future<PageReport> f : pending) {
                PageReport report = f.get();
                reports.add(report);
                progress.println(report.line());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting pages", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Rouge builds a lexer's states on first use, and not thread-safely: {@code StateDSL#load!}
     * marks a state as loaded before it has read the state's rules, so a second page thread that
     * enters the state meanwhile builds it with rules missing, for good, and its listings come out
     * as one error token (a test caught a whole Java listing in {@code <span class="err">}). So
     * every state of each lexer the book uses — Java for the snippets, and each {@code [source,x]}
     * language under {@code docs/} — is built here, on one thread, before pages run in parallel.
     */
    private void prepareLexers(BuildConfig config) {
        Set<String> languages = new TreeSet<>(Set.of("java"));
        try (Stream<Path> files = Files.walk(config.docsDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = SOURCE_LANGUAGE.matcher(line);
                    if (m.lookingAt()) {
                        languages.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        languages.removeAll(lexersReady);
        if (languages.isEmpty()) {
            return;
        }
        String list = languages.stream().map(l -> "'" + l + "'").collect(java.util.stream.Collectors.joining(", "));
        JRubyRuntimeContext.get(asciidoctor).evalScriptlet("require 'rouge'\n"
                + "[" + list + "].each do |name|\n"
                + "  lexer = Rouge::Lexer.find(name)\n"
                + "  next unless lexer.respond_to?(:state_definitions)\n"
                + "  lexer.state_definitions.keys.each { |state| lexer.get_state(state) }\n"
                + "end\n");
        lexersReady.addAll(languages);
    }

    private PageReport convert(BuildConfig config, SnippetIndex index, Path file, Path out) {
        long start = System.nanoTime();
        String base = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        Edition edition = Edition.of(config.docsDir(), file);
        List<Problem> found = new ArrayList<>();
        try (PageContext context = new PageContext(config, file, index, found, cache, fingerprint, () -> {
            jshell.lock();
            return session(config);
        })) {
            page.set(context);
            context.edition = edition;
            asciidoctor.convertFile(file.toFile(), options(config, edition, out.resolve(edition.dir() + base + ".html")));
            List<SnippetResult> results = context.results();
            tagsByPage.put(file, results.stream().map(r -> r.snippet().tag()).collect(java.util.stream.Collectors.toSet()));
            // One script a chapter: a translation's snippets are its twin's (Translations checks that).
            if (!results.isEmpty() && edition.original()) {
                JShellScript.write(out.resolve("jshell").resolve(base + ".jsh"), base, results, context);
            }
            long nanos = System.nanoTime() - start;
            long snippetNanos = results.stream().mapToLong(SnippetResult::nanos).sum();
            return new PageReport(config.relative(file), results.size(), context.jshellRuns, context.values,
                    nanos, snippetNanos, context.mathNanos, context.chartNanos, found.size());
        } finally {
            page.remove();
            while (jshell.isHeldByCurrentThread()) {
                jshell.unlock();
            }
            problems.addAll(found);
        }
    }

    private static Options options(BuildConfig config, Edition edition, Path target) {
        var builder = Attributes.builder();
        // The language's captions (Table, Figure, NOTE …) and labels, from its message bundle.
        edition.messages().asciidoctorAttributes().forEach(builder::attribute);
        if (!edition.original()) {
            builder.attribute("lang", edition.lang());
        }
        Attributes attributes = builder
                .attribute(Edition.SITE_ROOT, edition.root())
                .attribute("attribute-missing", "warn")
                .attribute("source-highlighter", "rouge")
                .attribute("rouge-style", "github")
                .attribute("stem", "latexmath")
                .attribute("sectanchors", "")
                .attribute("idprefix", "")
                .attribute("idseparator", "-")
                .attribute("toc", "left")
                .attribute("linkcss", "")
                .attribute("stylesdir", "assets")
                .attribute("stylesheet", "asciidoctor.css")
                .attribute("copycss!", "")
                .attribute("webfonts!", "")
                .attribute("reproducible", "")
                .attribute("nofooter", "")
                .attribute("outfilesuffix", ".html")
                .attribute("docinfo", "")
                .build();
        // UNSAFE lets Asciidoctor write pages outside docs/ (SAFE forbids to_file outside its jail);
        // IncludeGuard refuses includes from outside docs/ instead.
        return Options.builder()
                .safe(SafeMode.UNSAFE)
                .sourcemap(true)
                .standalone(true)
                .baseDir(edition.docsDir().toFile())
                .toFile(target.toFile())
                .mkDirs(true)
                .attributes(attributes)
                .build();
    }

    /** Asciidoctor's messages: WARN and above fail the build, each at its docs/ file and line. */
    private void onLog(LogRecord record) {
        if (record.getSeverity().ordinal() < Severity.WARN.ordinal() || problems == null) {
            return;
        }
        String message = record.getMessage();
        var cursor = record.getCursor();
        PageContext page = this.page.get();
        List<Problem> problems = page == null ? this.problems : page.problems;
        if (page != null) {
            // Asciidoctor names files by absolute path; the reader wants docs/... as everywhere else.
            message = message.replace(page.config.root().toString() + java.io.File.separator, "");
        }
        if (cursor != null && cursor.getFile() != null && page != null) {
            Path file = Path.of(cursor.getFile());
            if (!file.isAbsolute() && cursor.getDir() != null) {
                file = Path.of(cursor.getDir()).resolve(file);
            }
            String line = lineOf(file, cursor.getLineNumber());
            problems.add(new Problem(page.config.relative(file) + ":" + cursor.getLineNumber(), message, line));
            return;
        }
        if (page == null) {
            problems.add(new Problem("asciidoctor", message, null));
            return;
        }
        Matcher missing = MISSING_ATTRIBUTE.matcher(message);
        if (missing.find()) {
            String name = missing.group(1);
            problems.add(page.problem("{" + name + "}", "unresolved attribute reference {" + name
                    + "}: define it with :" + name + ": value, or escape it as \\{" + name + "}"));
        } else {
            problems.add(new Problem(page.name(), message, null));
        }
    }

    private static String lineOf(Path file, int line) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static Path createTempSibling(Path siteDir) {
        try {
            Path parent = siteDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Not Files.createTempDirectory, whose 0700 would become site/'s mode: a plain directory
            // gets the umask's mode (0755 under 022), as the files in it do (0644).
            java.util.Random random = new java.util.Random();
            while (true) {
                Path dir = parent.resolve("." + siteDir.getFileName() + "-tmp-" + Long.toUnsignedString(random.nextLong(), 36));
                try {
                    return Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        classesChanged();
        math.close();
        asciidoctor.close();
    }

    /** What one page cost and contained. */
    public record PageReport(String page, int snippets, int executed, int values, long nanos, long snippetNanos,
                             long mathNanos, long chartNanos, int problems) {
        String line() {
            return String.format("  %-32s %2d snippets (%2d run) %3d values %6d ms%s", page, snippets, executed, values,
                    nanos / 1_000_000,
                    problems == 0 ? "" : "   " + problems + " problem" + (problems == 1 ? "" : "s"));
        }
    }

    /** What the whole build did. */
    public record BuildReport(List<PageReport> pages, int ranAhead, long pagesNanos, long assetNanos, long linkNanos,
                              long nanos) {
        public int snippets() {
            return pages.stream().mapToInt(PageReport::snippets).sum();
        }

        /**
         * Snippets run in JShell in this build, replays and the head start's runs ahead included;
         * cached snippets (also those on disk from an earlier build) are not run again.
         */
        public int executed() {
            return ranAhead + pages.stream().mapToInt(PageReport::executed).sum();
        }

        public String summary() {
            return String.format("Built %d pages, %d snippets (%d run in JShell), %d values in %.1f s"
                            + " [pages %d ms (%d ms of page time on %s), of which snippets %d ms, math %d ms, charts %d ms;"
                            + " assets %d ms; link check %d ms]",
                    pages.size(), snippets(), executed(), pages.stream().mapToInt(PageReport::values).sum(), nanos / 1e9,
                    pagesNanos / 1_000_000, pages.stream().mapToLong(PageReport::nanos).sum() / 1_000_000,
                    Math.min(PAGE_THREADS, pages.size()) == 1 ? "1 thread" : Math.min(PAGE_THREADS, pages.size()) + " threads",
                    pages.stream().mapToLong(PageReport::snippetNanos).sum() / 1_000_000,
                    pages.stream().mapToLong(PageReport::mathNanos).sum() / 1_000_000,
                    pages.stream().mapToLong(PageReport::chartNanos).sum() / 1_000_000,
                    assetNanos / 1_000_000, linkNanos / 1_000_000);
        }
    }

    /** The build found problems; {@link #problems()} lists every one, not only the first. */
    public static final class BuildFailedException extends RuntimeException {
        private final List<Problem> problems;
        private final BuildReport report;

        BuildFailedException(List<Problem> problems, BuildReport report) {
            super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the book:\n"
                    + String.join("\n", problems.stream().map(Problem::format).toList()));
            this.problems = problems;
            this.report = report;
        }

        public List<Problem> problems() {
            return problems;
        }

        public BuildReport report() {
            return report;
        }
    }

}
