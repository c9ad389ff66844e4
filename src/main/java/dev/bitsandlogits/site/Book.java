package dev.bitsandlogits.site;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * The book's build: one warm Asciidoctor with our extensions, converting every page of
 * {@code docs/} into a fresh directory that replaces {@code site/} only if nothing went wrong.
 * Keep one instance for many builds (tests, watch mode): creating Asciidoctor costs seconds.
 */
public final class Book implements AutoCloseable {

    private static final Pattern MISSING_ATTRIBUTE = Pattern.compile("missing attribute: (\\S+)");

    private final Asciidoctor asciidoctor;
    private final PrintStream progress;
    private PageContext page;
    private List<Problem> problems;

    /** Starts Asciidoctor and registers the extensions; progress lines go to {@code progress}. */
    public Book(PrintStream progress) {
        this.progress = progress;
        // Asciidoctor's messages reach us through the log handler below, with their file and line;
        // its own java.util.logging echo would print each of them a second time, without the docs/ path.
        Logger.getLogger("asciidoctor").setLevel(Level.OFF);
        this.asciidoctor = Asciidoctor.Factory.create();
        asciidoctor.registerLogHandler(this::onLog);
        var registry = asciidoctor.javaExtensionRegistry();
        registry.blockMacro(new SnippetBlockMacro(this));
        registry.inlineMacro(new ValueInlineMacro(this));
        registry.inlineMacro(new ApiInlineMacro(this));
        registry.docinfoProcessor(new HeadDocinfo());
        registry.docinfoProcessor(new FooterDocinfo());
        registry.postprocessor(new OfflinePostprocessor());
        registry.postprocessor(new PageChrome());
    }

    PageContext page() {
        if (page == null) {
            throw new IllegalStateException("no page is being converted");
        }
        return page;
    }

    /** Builds the whole book; throws {@link BuildFailedException} with every problem found. */
    public BuildReport build(BuildConfig config) {
        long start = System.nanoTime();
        problems = new ArrayList<>();
        SnippetIndex index = SnippetIndex.scan(config.root(), config.listingsDir());
        problems.addAll(index.problems());
        List<Path> pages = pages(config.docsDir());
        if (pages.isEmpty()) {
            problems.add(new Problem(config.relative(config.docsDir()), "no pages: add an .adoc file", null));
        }
        Path out = createTempSibling(config.siteDir());
        List<PageReport> reports = new ArrayList<>();
        boolean done = false;
        try {
            for (Path file : pages) {
                reports.add(convert(config, index, file, out));
            }
            SiteAssets.copy(config, out);
            problems.addAll(ReaderFiles.write(config, out));
            problems.addAll(new LinkChecker(config, out).check());
            if (problems.isEmpty()) {
                SiteOutput.replace(out, config.siteDir());
                done = true;
            }
        } finally {
            page = null;
            if (!done) {
                SiteOutput.delete(out);
            }
        }
        BuildReport report = new BuildReport(reports, System.nanoTime() - start);
        if (!problems.isEmpty()) {
            throw new BuildFailedException(List.copyOf(problems), report);
        }
        return report;
    }

    private PageReport convert(BuildConfig config, SnippetIndex index, Path file, Path out) {
        long start = System.nanoTime();
        String base = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        int before = problems.size();
        try (PageContext context = new PageContext(config, file, index, problems)) {
            page = context;
            asciidoctor.convertFile(file.toFile(), options(config, out.resolve(base + ".html")));
            List<SnippetResult> results = context.results();
            if (!results.isEmpty()) {
                JShellScript.write(out.resolve("jshell").resolve(base + ".jsh"), base, results, context);
            }
            long nanos = System.nanoTime() - start;
            long snippetNanos = results.stream().mapToLong(SnippetResult::nanos).sum();
            PageReport report = new PageReport(config.relative(file), results.size(), context.values, nanos, snippetNanos,
                    problems.size() - before);
            progress.println(report.line());
            return report;
        } finally {
            page = null;
        }
    }

    private static Options options(BuildConfig config, Path target) {
        Attributes attributes = Attributes.builder()
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
        return Options.builder()
                .safe(SafeMode.UNSAFE)
                .sourcemap(true)
                .standalone(true)
                .baseDir(config.docsDir().toFile())
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
        if (cursor != null && cursor.getFile() != null && page != null) {
            Path file = cursor.getDir() == null ? Path.of(cursor.getFile()) : Path.of(cursor.getDir(), cursor.getFile());
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

    static List<Path> pages(Path docsDir) {
        try (Stream<Path> files = Files.list(docsDir)) {
            return files.filter(p -> p.toString().endsWith(".adoc") && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + docsDir, e);
        }
    }

    private static Path createTempSibling(Path siteDir) {
        try {
            Path parent = siteDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + siteDir.getFileName() + "-tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        asciidoctor.close();
    }

    /** What one page cost and contained. */
    public record PageReport(String page, int snippets, int values, long nanos, long snippetNanos, int problems) {
        String line() {
            return String.format("  %-32s %2d snippets %3d values %6d ms%s", page, snippets, values, nanos / 1_000_000,
                    problems == 0 ? "" : "   " + problems + " problem" + (problems == 1 ? "" : "s"));
        }
    }

    /** What the whole build did. */
    public record BuildReport(List<PageReport> pages, long nanos) {
        public int snippets() {
            return pages.stream().mapToInt(PageReport::snippets).sum();
        }

        public String summary() {
            return String.format("Built %d pages, %d snippets executed, %d values computed in %.1f s",
                    pages.size(), snippets(), pages.stream().mapToInt(PageReport::values).sum(), nanos / 1e9);
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
