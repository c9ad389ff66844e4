package dev.bitsandlogits.press.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole site builder, as {@code ./mvnw package} runs it, in a JVM of its own, on a fixture
 * book whose snippets misbehave: it ends by itself, exits non-zero, names each page's line and
 * snippet, and leaves the previous {@code site/} as it was.
 */
@DisplayName("a build whose snippets misbehave")
class SnippetFaultBuildIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path root;

    private static final String[][] FAULTS = {
        // tag, region, macro attributes, what the message must say
        {"fault-exit", "System.exit(0);", "timeout=30", "ended the JVM it runs in (System.exit or Runtime.halt, status 0)"},
        {"fault-loop", "long spins = 0;\nwhile (true) spins++;", "timeout=2", "ran longer than its time limit of 2 s"},
        {"fault-sleep", "Thread.sleep(600_000);", "", "ran longer than its time limit of 3 s"},
        {"fault-oom", "var hoard = new java.util.ArrayList<long[]>();\nwhile (true) hoard.add(new long[10_000_000]);", "timeout=30",
            "ran out of memory"},
        {"fault-thread", "new Thread(() -> { while (true) Thread.onSpinWait(); }, \"forever\").start();", "timeout=30",
            "returned but left 1 thread(s) running (forever)"},
        {"fault-throws", "Object boom = java.util.List.of().get(0);", "timeout=30", "threw ArrayIndexOutOfBoundsException"},
    };

    private void fixture(String[][] faults) throws IOException {
        Path java = root.resolve("src/main/java/dev/bitsandlogits");
        Files.createDirectories(java.resolve("listings"));
        for (String pkg : List.of("info", "loss", "internal")) {
            Files.createSymbolicLink(java.resolve(pkg), PROJECT.resolve("src/main/java/dev/bitsandlogits").resolve(pkg));
        }
        Files.createDirectories(root.resolve("target"));
        Files.createSymbolicLink(root.resolve("target/classes"), PROJECT.resolve("target/classes"));
        Files.createDirectories(root.resolve("docs"));
        Files.createSymbolicLink(root.resolve("docs/theme"), PROJECT.resolve("docs/theme"));
        StringBuilder listing = new StringBuilder("package dev.bitsandlogits.listings;\n\nfinal class Faults {\n");
        for (String[] f : faults) {
            listing.append("    static void m").append(Math.abs(f[0].hashCode())).append("() throws Exception {\n")
                    .append("        // tag::").append(f[0]).append("[]\n");
            f[1].lines().forEach(l -> listing.append("        ").append(l).append('\n'));
            listing.append("        // end::").append(f[0]).append("[]\n    }\n");
        }
        Files.writeString(java.resolve("listings/Faults.java"), listing.append("}\n"));
        write("index.adoc", "= Faults", ":description: A book whose snippets misbehave.", "", "Pages follow.");
        for (String[] f : faults) {
            write(f[0] + ".adoc", "= " + f[0], ":description: " + f[0] + ".", "", "Before the snippet.", "",
                    "snippet::" + f[0] + "[" + f[2] + "]", "", "After it.");
        }
        Files.createDirectories(root.resolve("site"));
        Files.writeString(root.resolve("site/index.html"), "the previous site");
    }

    private void write(String page, String... lines) throws IOException {
        Files.writeString(root.resolve("docs").resolve(page), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private record Run(int status, String output, double seconds) {
    }

    private Run build() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbitsandlogits.snippetTimeout=3", "-cp", System.getProperty("java.class.path"),
                SiteBuilder.class.getName(), "--root", root.toString()));
        Path log = root.resolve("build.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(ended, "the build did not end by itself:\n" + output);
        return new Run(p.exitValue(), output, (System.nanoTime() - start) / 1e9);
    }

    @Test
    @DisplayName("exit, busy loop, sleep, heap exhaustion, a runaway thread, an exception: each reported at its page's line")
    void faults() throws Exception {
        fixture(FAULTS);
        Run run = build();
        assertEquals(1, run.status(), run.output());
        for (String[] f : FAULTS) {
            String at = "docs/" + f[0] + ".adoc:6: snippet '" + f[0] + "' ";
            assertTrue(run.output().lines().anyMatch(l -> l.startsWith(at) && l.contains(f[3])),
                    "no line starting '" + at + "' and saying '" + f[3] + "' in:\n" + run.output());
        }
        assertTrue(run.output().contains("Site build FAILED: 6 problems"), run.output());
        assertEquals("the previous site", Files.readString(root.resolve("site/index.html")));
        assertTrue(run.seconds() < 60, "took " + run.seconds() + " s");
    }

    @Test
    @DisplayName("50 MB of printing is cut on the page with a note of how many lines were left out")
    void flood() throws Exception {
        fixture(new String[][] {{"fault-flood", "for (int i = 0; i < 5_000_000; i++) System.out.println(\"line \" + i);", "timeout=60", ""}});
        Run run = build();
        assertEquals(0, run.status(), run.output());
        Path page = root.resolve("site/fault-flood.html");
        long size = Files.size(page);
        assertTrue(size < 400_000, "page is " + size + " bytes");
        String html = Files.readString(page);
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("… (\\d+) more lines").matcher(html);
        assertTrue(more.find(), "no cut note");
        long shown = html.lines().filter(l -> l.matches("(<pre class=\"snippet-output\">)?line \\d+")).count();
        assertEquals(5_000_000, shown + Long.parseLong(more.group(1)), "shown and cut lines add up");
    }
}
