package dev.bitsandlogits.book;

import dev.bitsandlogits.press.build.JShellScript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code site/jshell/*.jsh} the way a reader would, and checks that it runs clean and
 * computes what the page shows.
 */
@DisplayName("The JShell scripts")
class JShellScriptsIT {

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(BuiltSiteIT.SITE.resolve("jshell"))) {
            return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList().stream();
        }
    }

    /** A region of a script: its tag, the exception it is marked to throw (or null), its code. */
    record Region(String tag, String expected, String code) {
    }

    static List<Region> regions(String script) {
        List<Region> regions = new ArrayList<>();
        String[] parts = script.split("(?m)^" + JShellScript.MARKER);
        regions.add(new Region(null, null, parts[0]));
        for (int i = 1; i < parts.length; i++) {
            String header = parts[i].substring(0, parts[i].indexOf('\n'));
            String tag = header.split(" ")[0];
            String expected = header.contains(JShellScript.EXPECT)
                    ? header.substring(header.indexOf(JShellScript.EXPECT) + JShellScript.EXPECT.length()).replace(")", "")
                    : null;
            regions.add(new Region(tag, expected, parts[i].substring(header.length() + 1)));
        }
        return regions;
    }

    @ParameterizedTest(name = "{0} runs clean and matches its page")
    @MethodSource("scripts")
    void runsClean(Path script) throws IOException {
        String page = script.getFileName().toString().replace(".jsh", ".html");
        Document doc = BuiltSiteIT.parse(BuiltSiteIT.SITE.resolve(page));
        try (JShell jshell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build()) {
            jshell.addToClasspath(Path.of("target/classes").toAbsolutePath().toString());
            SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
            for (Region region : regions(Files.readString(script, StandardCharsets.UTF_8))) {
                List<String[]> values = new ArrayList<>(); // {name, value} in the order JShell produced them
                String thrown = null;
                String remaining = region.code();
                while (!remaining.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                    for (SnippetEvent event : jshell.eval(info.source())) {
                        if (event.causeSnippet() != null) {
                            continue;
                        }
                        assertFalse(event.status() == Snippet.Status.REJECTED, () -> script + ": JShell rejected "
                                + info.source() + ": " + jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                        if (event.exception() != null) {
                            thrown = event.exception() instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName() : event.exception().toString();
                        } else if (event.value() != null && (event.snippet().kind() == Snippet.Kind.VAR
                                || event.snippet().kind() == Snippet.Kind.EXPRESSION)) {
                            String name = event.snippet() instanceof jdk.jshell.VarSnippet v ? v.name()
                                    : ((jdk.jshell.ExpressionSnippet) event.snippet()).name();
                            values.add(new String[] {name, event.value()});
                        }
                    }
                    remaining = info.remaining();
                }
                if (region.tag() == null) {
                    continue;
                }
                if (region.expected() == null) {
                    assertEquals(null, thrown, script + ": region " + region.tag() + " threw");
                    Element shown = doc.getElementById("snippet-" + region.tag());
                    if (shown != null) {
                        // The page leaves some results out (literal declarations) and shows some at the region's
                        // end: each value it shows is, in order, the exact value JShell gave that name.
                        int next = 0;
                        for (Element value : shown.select(".snippet-value:not(.snippet-exception)")) {
                            String name = value.selectFirst(".snippet-name").text();
                            String exact = exact(value.selectFirst("samp"));
                            String where = script + ": region " + region.tag() + ", " + name;
                            if (value.selectFirst(".snippet-note") != null) {
                                List<SnippetEvent> now = jshell.eval(name + ";");
                                assertEquals(exact, now.get(0).value(), where + " at the end of the region");
                                continue;
                            }
                            while (next < values.size() && !values.get(next)[0].equals(name)) {
                                next++;
                            }
                            assertTrue(next < values.size(), where + ": the page shows a result JShell did not produce (in this order)");
                            assertEquals(exact, values.get(next)[1], where);
                            next++;
                        }
                    }
                } else {
                    assertNotNull(thrown, script + ": region " + region.tag() + " should throw " + region.expected());
                    assertTrue(thrown.endsWith("." + region.expected()), thrown);
                }
            }
        }
    }

    /** What a result line stands for: the exact value in its tooltip when the line shows it rounded. */
    private static String exact(Element samp) {
        String title = samp.attr("title");
        return title.startsWith("exactly ") ? title.substring("exactly ".length()) : samp.text();
    }

    /** True if the script assigns {@code name} only where it declares it (a loop may update it after the page showed it). */
    private static boolean assignedOnce(String script, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?<![\\w.])" + name + "\\s*(?:[-+*/]?=(?!=)|\\+\\+|--)").matcher(script);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count == 1;
    }

    /**
     * The jshell tool's output for each script. Each run is two JVMs (the tool and its agent) and
     * takes 8–25 s, mostly on one core, so they all start before the tests, two at a time, longest
     * script first, and run while the in-process checks above do.
     */
    private static final Map<Path, CompletableFuture<String>> TOOL_RUNS = new ConcurrentHashMap<>();
    private static ExecutorService toolRunner;

    @BeforeAll
    static void startToolRuns() throws IOException {
        toolRunner = Executors.newFixedThreadPool(2);
        List<Path> longestFirst = new ArrayList<>(scripts().toList());
        longestFirst.sort(java.util.Comparator.comparingLong((Path p) -> p.toFile().length()).reversed());
        for (Path script : longestFirst) {
            TOOL_RUNS.put(script.getFileName(), CompletableFuture.supplyAsync(() -> runTool(script), toolRunner));
        }
    }

    @AfterAll
    static void stopToolRuns() {
        toolRunner.shutdownNow();
        TOOL_RUNS.clear();
    }

    private static String toolOutput(Path script) throws InterruptedException {
        try {
            return TOOL_RUNS.get(script.getFileName()).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new AssertionError(script + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(script + ": no jshell result within 10 minutes", e);
        }
    }

    /** Runs a script in the jshell tool as a reader would, with only the downloaded jar, then /vars; its output. */
    private static String runTool(Path script) {
        try {
            Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
            Process process = new ProcessBuilder(jshell.toString(), "--class-path", "bits-and-logits.jar",
                    "jshell/" + script.getFileName(), "-")
                    .directory(BuiltSiteIT.SITE.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().write("/vars\n/exit\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jshell did not finish within 120 s");
            }
            return new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("jshell on " + script + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} runs in the jshell tool with only the downloaded jar, and ends with the page's values")
    @MethodSource("scripts")
    void runsInTheJShellTool(Path script) throws IOException, InterruptedException {
        String output = toolOutput(script);
        String text = Files.readString(script, StandardCharsets.UTF_8);
        long expected = regions(text).stream().filter(r -> r.expected() != null).count();
        long thrown = output.lines().filter(l -> l.contains("Exception java.")).count();
        assertFalse(output.contains("Error:"), output);
        assertEquals(expected, thrown, "exceptions in the tool's output, one per region marked to throw:\n" + output);

        // The final value of each variable, as /vars lists it, is the last value the page shows for it.
        Document doc = BuiltSiteIT.parse(BuiltSiteIT.SITE.resolve(script.getFileName().toString().replace(".jsh", ".html")));
        Map<String, String> shown = new java.util.HashMap<>();
        for (Element value : doc.select(".snippet-value")) {
            Element name = value.selectFirst(".snippet-name");
            Element samp = value.selectFirst("samp");
            if (name != null && samp != null && name.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                shown.put(name.text(), exact(samp));
            }
        }
        int compared = 0;
        for (String line : output.lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\|?\\s+\\S+ (\\w+) = (.*)$").matcher(line);
            if (m.matches() && shown.containsKey(m.group(1)) && assignedOnce(text, m.group(1))) {
                assertEquals(shown.get(m.group(1)), m.group(2).strip(), script + ": variable " + m.group(1));
                compared++;
            }
        }
        assertTrue(compared > 0 || shown.isEmpty(), "no variable compared; output:\n" + output);
    }
}
