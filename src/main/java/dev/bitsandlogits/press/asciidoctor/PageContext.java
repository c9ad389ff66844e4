package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Messages;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.snippets.Snippet;
import dev.bitsandlogits.press.snippets.SnippetCache;
import dev.bitsandlogits.press.snippets.SnippetIndex;
import dev.bitsandlogits.press.snippets.SnippetResult;
import dev.bitsandlogits.press.snippets.SnippetSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the page being converted: its source (to point messages at lines), its JShell
 * session, and the problems found so far. Extensions reach it through {@link Book#page()}.
 */
public final class PageContext implements AutoCloseable {

    public final BuildConfig config;
    final Path file;
    final SnippetIndex index;
    public final List<Problem> problems;
    private final List<String> lines;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, SnippetResult> byTag = new LinkedHashMap<>();
    private final Map<String, String> expected = new LinkedHashMap<>();
    private final SnippetCache cache;
    private final List<Snippet> executed = new ArrayList<>();
    private final Map<String, String> chainAfter = new HashMap<>();
    private String lastRun;
    private final java.util.function.Supplier<SnippetSession> sessions;
    private SnippetSession session;
    private int inSession;
    private String chain;
    public int values;
    public int jshellRuns;
    /** The language of the page (set before it is converted); null means the original. */
    public Edition edition;

    /** The words of the page's language ({@link Messages}). */
    Messages messages() {
        return Messages.of(edition == null ? Edition.ORIGINAL : edition.lang());
    }
    /** Time spent typesetting this page's formulas (KaTeX, and parsing its HTML into the page). */
    public long mathNanos;
    /** Time spent drawing this page's charts (the listing's method, JFreeChart's SVG, the figure parsed into the page). */
    public long chartNanos;
    /** Time spent on this page's widgets (their start values, and TeaVM or its cache). */
    long widgetNanos;
    /** Widget JavaScript this page loads, in bytes, and the widgets it has ({@link WidgetBlockMacro}). */
    long widgetBytes;
    final java.util.Set<String> widgets = new java.util.HashSet<>();

    /**
     * @param fingerprint {@link SnippetCache#fingerprint} of the classes the snippets run against
     */
    public PageContext(BuildConfig config, Path file, SnippetIndex index, List<Problem> problems, SnippetCache cache,
                String fingerprint, java.util.function.Supplier<SnippetSession> sessions) {
        this.sessions = sessions;
        this.config = config;
        this.file = file;
        this.index = index;
        this.problems = problems;
        this.lines = read(file);
        this.cache = cache;
        this.chain = fingerprint;
    }

    /** This page's path as messages show it, e.g. {@code docs/01-information.adoc}. */
    public String name() {
        return config.relative(file);
    }

    /**
     * The place of the next not-yet-claimed occurrence of {@code needle} in the page's source,
     * so the second {@code snippet::x[]} on a page is reported at its own line. Falls back to
     * the other {@code docs/} files (included partials), then to the page without a line.
     */
    public Problem problem(String needle, String message) {
        int nth = seen.merge(needle, 1, Integer::sum);
        Problem here = find(file, lines, needle, nth, message);
        if (here != null) {
            return here;
        }
        try (var docs = Files.walk(config.docsDir())) {
            for (Path other : docs.filter(p -> p.toString().endsWith(".adoc") && !p.equals(file)).sorted().toList()) {
                Problem there = find(other, read(other), needle, 1, message);
                if (there != null) {
                    return there;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Problem(name(), message, null);
    }

    /** Whether a line of the page's own source contains {@code needle}. */
    public boolean quotes(String needle) {
        return lines.stream().anyMatch(line -> line.contains(needle));
    }

    /** Marks one more use of {@code needle} without reporting, so later problems find the right line. */
    void claim(String needle) {
        seen.merge(needle, 1, Integer::sum);
    }

    public void report(String needle, String message) {
        problems.add(problem(needle, message));
    }

    /** Several problems of one use of {@code needle}, each a line of its own at that use's line. */
    public void report(String needle, List<String> messages) {
        Problem first = problem(needle, messages.get(0));
        problems.add(first);
        for (String message : messages.subList(1, messages.size())) {
            problems.add(new Problem(first.location(), message, first.sourceLine()));
        }
    }

    private Problem find(Path path, List<String> source, String needle, int nth, String message) {
        int count = 0;
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(needle) && ++count == nth) {
                return new Problem(config.relative(path) + ":" + (i + 1), message, source.get(i));
            }
        }
        return null;
    }

    /**
     * Runs {@code snippet} in this page's session, once; a second use on the page reuses the
     * result. A result cached by an earlier build with the same classes and the same preceding
     * snippets is reused without starting JShell.
     */
    SnippetResult run(Snippet snippet, String expectedException, java.time.Duration limit) {
        SnippetResult done = byTag.get(snippet.tag());
        if (done != null) {
            return done;
        }
        if (expectedException != null) {
            expected.put(snippet.tag(), expectedException);
        }
        chain = SnippetCache.next(chain, snippet);
        List<SnippetResult.Statement> cached = cache.statements(chain);
        SnippetResult result;
        if (cached != null) {
            result = new SnippetResult(snippet, cached, 0);
        } else {
            result = session().run(snippet, limit);
            inSession++;
            jshellRuns++;
            cache.putStatements(chain, result.statements());
        }
        executed.add(snippet);
        byTag.put(snippet.tag(), result);
        chainAfter.put(snippet.tag(), chain);
        lastRun = snippet.tag();
        return result;
    }

    /**
     * The value of {@code expression} as it stood right after snippet {@code tag} ran — not after
     * the whole page, whose later snippets may redefine a variable (inline macros are converted
     * only after every block of the page was parsed). A variable the snippet declared and did not
     * change afterwards is read from its recorded result; any other expression is evaluated after running the snippet
     * again (snippets are deterministic). Cached like snippet results.
     */
    SnippetSession.Value value(String tag, String expression) {
        SnippetResult result = byTag.get(tag);
        for (int i = result.statements().size() - 1; i >= 0; i--) {
            SnippetResult.Statement st = result.statements().get(i);
            if (expression.equals(st.name()) && st.value() != null) {
                if (SnippetBlockMacro.changedAfter(result.statements(), i)) {
                    break; // changed later in the snippet: read its value at the snippet's end
                }
                return new SnippetSession.Value(SnippetSession.unquote(st.value()), null);
            }
        }
        String key = SnippetCache.value(chainAfter.get(tag), expression);
        SnippetSession.Value value = cache.value(key);
        if (value == null) {
            SnippetSession current = session();
            if (!tag.equals(lastRun)) {
                current.run(result.snippet());
                jshellRuns++;
                lastRun = tag;
            }
            value = current.value(expression);
            cache.putValue(key, value);
        }
        return value;
    }

    /**
     * The page's JShell, brought up to date: snippets whose results came from the cache are
     * replayed first, so the session holds everything the page defined so far.
     */
    private SnippetSession session() {
        if (session == null) {
            session = sessions.get();
            session.reset();
        }
        while (inSession < executed.size()) {
            session.run(executed.get(inSession++));
            jshellRuns++;
        }
        return session;
    }

    /** Snippets executed for this page, in execution order. */
    public List<SnippetResult> results() {
        return List.copyOf(byTag.values());
    }

    /** The exception type a snippet was marked to throw, or null. */
    public String expectedFailure(String tag) {
        return expected.get(tag);
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // The session belongs to the Book, which resets it for the next page.
        session = null;
    }
}
