package dev.bitsandlogits.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
                List<String> values = new ArrayList<>();
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
                            values.add(event.value());
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
                        assertEquals(shown.select(".snippet-value samp").eachText(), values,
                                script + ": region " + region.tag() + " computes what the page shows");
                    }
                } else {
                    assertNotNull(thrown, script + ": region " + region.tag() + " should throw " + region.expected());
                    assertTrue(thrown.endsWith("." + region.expected()), thrown);
                }
            }
        }
    }

    @Test
    @DisplayName("chapter 1 runs in the jshell tool with only the downloaded jar on the class path")
    void runsWithJarOnly() throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Process process = new ProcessBuilder(jshell.toString(), "--class-path", "bits-and-logits.jar",
                "jshell/01-information.jsh", "-")
                .directory(BuiltSiteIT.SITE.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().write("System.out.println(\"brazil=\" + brazil);\n/exit\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("jshell did not finish within 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.contains("brazil=6.0"), output);
        assertTrue(output.contains("IllegalArgumentException"), "the expected failure shows, as on the page:\n" + output);
        assertFalse(output.contains("Error:"), output);
    }
}
