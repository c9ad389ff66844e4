package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.SiteOutput;
import dev.bitsandlogits.press.math.MathTypesetter;
import dev.bitsandlogits.press.snippets.SnippetCache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture builds with the snippet results kept on disk (target/site-cache/snippets/). Every build
 * here first forgets the results held in memory, as a new {@code ./mvnw package} JVM would start.
 */
@DisplayName("Snippet results kept between builds")
class SnippetStoreBuildIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern RUN_LINE = Pattern.compile("Built \\d+ pages, (\\d+) snippets \\((\\d+) run in JShell\\)");
    private static Book book;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAsciidoctor() {
        book = SharedBook.get();
    }

    /** A copy of the project's classes (a library class is changed below), and a library class of the fixture's own. */
    private BuildConfig fixture() throws IOException {
        Path classes = dir.resolve("classes");
        try (Stream<Path> walk = Files.walk(PROJECT.resolve("target/classes"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path to = classes.resolve(PROJECT.resolve("target/classes").relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        constant("1.0");
        listing("2 * bits", "");
        page("one.adoc", "= One", "", "snippet::first[]", "", "snippet::second[]", "",
                "Twice: value:second[twice]; three times: value:second[\"twice + bits\"].");
        page("two.adoc", "= Two", "", "snippet::constant[]", "", "The constant: value:constant[c].");
        page("three.adoc", "= Three", "", "Prose only, and stem:[H(p)] math.");
        return new BuildConfig(dir, dir.resolve("docs"), dir.resolve("listings"), classes, dir.resolve("site"),
                PROJECT.resolve("docs/theme"));
    }

    /** {@code fixture.Constant.value()} returns {@code value}: a library class (compiled, not a listing). */
    private void constant(String value) throws IOException {
        Path src = dir.resolve("lib/fixture/Constant.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package fixture;\npublic final class Constant {\n"
                + "    public static double value() { return " + value + "; }\n}\n");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(),
                src.toString());
        assertEquals(0, status, "javac");
    }

    private void listing(String twice, String outside) throws IOException {
        Files.createDirectories(dir.resolve("listings"));
        Files.writeString(dir.resolve("listings/Fixture.java"), String.join("\n",
                "import dev.bitsandlogits.info.Measures;", "import dev.bitsandlogits.info.Unit;", "import fixture.Constant;",
                "class Fixture {", "  static void f() {",
                "    // tag::first[]", "    double bits = Measures.information(0.25, Unit.BITS);", "    // end::first[]",
                "    // tag::second[]", "    double twice = " + twice + ";", "    // end::second[]",
                "    // tag::constant[]", "    double c = Constant.value();", "    // end::constant[]",
                "  }", outside, "}"));
    }

    private void page(String name, String... lines) throws IOException {
        Path file = dir.resolve("docs").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private Path store() {
        return dir.resolve("target/site-cache/snippets");
    }

    /** A build in a new JVM: nothing in memory, whatever is on disk, a JShell that has loaded no class yet. */
    private Book.BuildReport build(BuildConfig config) {
        book.forgetSnippetResults();
        book.classesChanged();
        return book.build(config);
    }

    /** The run count of the build's own report line, "N snippets (M run in JShell)". */
    private static int runInJShell(Book.BuildReport report) {
        Matcher m = RUN_LINE.matcher(report.summary());
        assertTrue(m.find(), report.summary());
        return Integer.parseInt(m.group(2));
    }

    private static int executed(Book.BuildReport report, String page) {
        return report.pages().stream().filter(p -> p.page().equals(page)).findFirst().orElseThrow().executed();
    }

    private Set<Path> storeFiles() throws IOException {
        if (!Files.isDirectory(store())) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(store())) {
            return new HashSet<>(walk.filter(Files::isRegularFile).toList());
        }
    }

    private Set<String> newFiles(Set<Path> before) throws IOException {
        Set<String> added = new java.util.TreeSet<>();
        for (Path p : storeFiles()) {
            if (!before.contains(p)) {
                String name = p.getFileName().toString();
                added.add(name.substring(name.length() - 1));
            }
        }
        return added;
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameSite(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String file : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(file), actual.get(file)), file + " differs");
        }
    }

    private String html(String page) throws IOException {
        return Files.readString(dir.resolve("site").resolve(page));
    }

    @Test
    @DisplayName("a build with the last build's results on disk runs no snippet, starts no JShell, and writes the same bytes")
    void warmBuildIsTheCleanBuild() throws IOException {
        BuildConfig config = fixture();
        Book.BuildReport clean = build(config);
        assertEquals(3, clean.snippets());
        assertTrue(runInJShell(clean) >= 3, clean.summary());
        Map<String, byte[]> cleanSite = tree(dir.resolve("site"));
        assertTrue(html("one.html").contains("<span class=\"computed\">4.0</span>"), "twice 2 bits");
        assertTrue(html("one.html").contains("<span class=\"computed\">6.0</span>"), "twice + bits");
        assertFalse(storeFiles().isEmpty(), "results written under target/site-cache/snippets/");

        Book.BuildReport warm = build(config);
        assertEquals(0, runInJShell(warm), warm.summary());
        assertEquals(3, warm.snippets());
        assertSameSite(cleanSite, tree(dir.resolve("site")));

        // The head start of ./mvnw package finds every page cached and never asks for a JShell.
        assertEquals(0, SnippetPrefetch.run(config, new SnippetCache(), () -> {
            throw new AssertionError("a JShell was started although every result is on disk");
        }));

        // A clean build again (no target/): the same bytes as with the warm cache.
        SiteOutput.delete(dir.resolve("target"));
        Book.BuildReport again = build(config);
        assertEquals(runInJShell(clean), runInJShell(again));
        assertSameSite(cleanSite, tree(dir.resolve("site")));
    }

    @Test
    @DisplayName("prose edits rerun nothing; a region reruns its page from that region on; code outside regions and library classes rerun all")
    void invalidation() throws IOException {
        BuildConfig config = fixture();
        build(config);

        page("one.adoc", "= One", "", "Changed prose.", "", "snippet::first[]", "", "snippet::second[]", "",
                "Twice: value:second[twice]; three times: value:second[\"twice + bits\"].");
        assertEquals(0, runInJShell(build(config)), "a prose edit");
        assertTrue(html("one.html").contains("Changed prose."));

        // The second region: the first's result is still on disk; only the second's and its value's keys are new.
        Set<Path> before = storeFiles();
        listing("3 * bits", "");
        Book.BuildReport region = build(config);
        assertEquals(Set.of("s", "v"), newFiles(before), "new results for the changed region and the value after it");
        assertEquals(2, storeFiles().size() - before.size(), "one new snippet result, one new value");
        assertTrue(executed(region, "docs/one.adoc") > 0);
        assertEquals(0, executed(region, "docs/two.adoc"), "the other page's chain did not change");
        assertTrue(html("one.html").contains("<span class=\"computed\">6.0</span>"), "3 × 2 bits");
        assertTrue(html("one.html").contains("<span class=\"computed\">8.0</span>"), "twice + bits");
        assertEquals(0, runInJShell(build(config)), "and then it is cached");

        // The first region: both of the page's snippet results are new.
        before = storeFiles();
        Files.writeString(dir.resolve("listings/Fixture.java"), Files.readString(dir.resolve("listings/Fixture.java"))
                .replace("information(0.25, Unit.BITS)", "information(0.125, Unit.BITS)"));
        Book.BuildReport first = build(config);
        assertEquals(3, storeFiles().size() - before.size(), "two snippet results and a value");
        assertEquals(0, executed(first, "docs/two.adoc"));
        assertTrue(html("one.html").contains("<span class=\"computed\">9.0</span>"), "3 × 3 bits");

        // Code outside every region (it could change what a region calls): every page runs again.
        Path listing = dir.resolve("listings/Fixture.java");
        Files.writeString(listing, Files.readString(listing).replace("  static void f() {",
                "  static double helper() { return 1; }\n  static void f() {"));
        Book.BuildReport outside = build(config);
        assertTrue(executed(outside, "docs/one.adoc") > 0 && executed(outside, "docs/two.adoc") > 0, outside.summary());
        assertTrue(html("one.html").contains("<span class=\"computed\">9.0</span>"), "the same values");

        // A library class: every page runs again, and the new value shows.
        assertTrue(html("two.html").contains("<span class=\"computed\">1.0</span>"));
        constant("2.5");
        Book.BuildReport library = build(config);
        assertTrue(executed(library, "docs/one.adoc") > 0 && executed(library, "docs/two.adoc") > 0, library.summary());
        assertTrue(html("two.html").contains("<span class=\"computed\">2.5</span>"), "the recompiled class's value");
        assertEquals(0, runInJShell(build(config)));
    }

    @Test
    @DisplayName("damaged cache files are ignored: the snippets run again, the site is the clean one, the files are rewritten")
    void corruptFilesAreIgnored() throws IOException {
        BuildConfig config = fixture();
        Book.BuildReport clean = build(config);
        Map<String, byte[]> cleanSite = tree(dir.resolve("site"));
        List<Path> files = storeFiles().stream().sorted().toList();
        assertTrue(files.size() >= 4, files.toString());
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            byte[] bytes = Files.readAllBytes(f);
            switch (i % 4) {
                case 0 -> Files.write(f, Arrays.copyOf(bytes, bytes.length / 2)); // truncated
                case 1 -> {
                    bytes[bytes.length - 40] ^= 1; // one bit of the body
                    Files.write(f, bytes);
                }
                case 2 -> Files.write(f, new byte[0]); // empty
                default -> Files.writeString(f, "not a cache file \u0000\uFFFD"); // garbage
            }
        }
        Book.BuildReport damaged = build(config);
        assertEquals(runInJShell(clean), runInJShell(damaged), "every snippet ran again: " + damaged.summary());
        assertSameSite(cleanSite, tree(dir.resolve("site")));
        assertEquals(0, runInJShell(build(config)), "rewritten");
        assertSameSite(cleanSite, tree(dir.resolve("site")));
    }

    /** A chart of the fixture's own, {@code chart::fixture-constant[]}, drawn from the library class {@code fixture.Constant}. */
    private void chartClass() throws IOException {
        Path src = dir.resolve("lib/dev/bitsandlogits/listings/FixtureCharts.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, String.join("\n", "package dev.bitsandlogits.listings;",
                "import dev.bitsandlogits.press.api.Chart;",
                "public final class FixtureCharts {", "    public static Chart fixtureConstantChart() {",
                "        double c = fixture.Constant.value();",
                "        return new Chart(\"The constant\", \"A horizontal line at the constant.\", \"x\", \"value\",",
                "                java.util.List.of(new Chart.Series(\"constant\", new double[] {0, 1}, new double[] {c, c})));",
                "    }", "}", ""));
        String classes = dir.resolve("classes").toString();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", classes, "-d", classes,
                src.toString()), "javac");
    }

    private Set<Path> files(String kind) throws IOException {
        Path root = dir.resolve("target/site-cache").resolve(kind);
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return new HashSet<>(walk.filter(Files::isRegularFile).toList());
        }
    }

    private static <T> Set<T> added(Set<T> before, Set<T> after) {
        Set<T> added = new HashSet<>(after);
        added.removeAll(before);
        return added;
    }

    @Test
    @DisplayName("typeset formulas and charts come from target/site-cache/: the same bytes as a clean build; a library class redraws its chart, prose re-typesets only new formulas")
    void mathAndChartsFromTheStore() throws IOException {
        BuildConfig config = fixture();
        chartClass();
        page("four.adoc", "= Four", "", "Inline stem:[D_{KL}(p \\parallel q)] math.", "", "chart::fixture-constant[]", "",
                "[stem]", "++++", "\\sum_i p_i = 1", "++++");
        build(config);
        Map<String, byte[]> cleanSite = tree(dir.resolve("site"));
        Set<Path> math = files("math");
        Set<Path> charts = files("charts");
        assertTrue(math.size() >= 3, "H(p), D_KL, the sum: " + math);
        assertEquals(1, charts.size(), "one chart, both of its drawings in one file: " + charts);
        assertTrue(html("four.html").contains("class=\"katex\""), "typeset at build time");
        String svg = Files.readString(dir.resolve("site/charts/fixture-constant.svg"));

        // Nothing changed: nothing is typeset or drawn again, and the site is the clean build's, byte for byte.
        build(config);
        assertSameSite(cleanSite, tree(dir.resolve("site")));
        assertEquals(math, files("math"));
        assertEquals(charts, files("charts"));

        // Prose: only the new formula is typeset; the chart is not redrawn.
        page("four.adoc", "= Four", "", "Inline stem:[D_{KL}(p \\parallel q)] math and stem:[\\log_2 3] too.", "",
                "chart::fixture-constant[]", "", "[stem]", "++++", "\\sum_i p_i = 1", "++++");
        build(config);
        assertEquals(1, added(math, files("math")).size(), "one new formula");
        assertEquals(charts, files("charts"));
        math = files("math");

        // A region's source (the listings are not the chart's classes): no chart is redrawn.
        listing("3 * bits", "");
        build(config);
        assertEquals(charts, files("charts"));

        // The library class the chart method calls: its chart is redrawn, with the new value; no formula is.
        constant("2.5");
        build(config);
        assertEquals(1, added(charts, files("charts")).size(), "the chart of the recompiled class");
        assertEquals(math, files("math"));
        String redrawn = Files.readString(dir.resolve("site/charts/fixture-constant.svg"));
        assertFalse(redrawn.equals(svg), "the chart shows the new constant");
        assertTrue(redrawn.contains("2.5"), "a tick at 2.5");

        // A clean build (no target/) of the same inputs writes the same bytes as the warm one.
        Map<String, byte[]> warmSite = tree(dir.resolve("site"));
        SiteOutput.delete(dir.resolve("target"));
        build(config);
        assertSameSite(warmSite, tree(dir.resolve("site")));
    }

    @Test
    @DisplayName("a typesetter whose formulas are all stored starts no KaTeX JVM; a missing or damaged one starts it and is written again")
    void storedFormulasStartNoKatex() throws Exception {
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.PrintStream.nullOutputStream());
        String inline;
        String display;
        try (MathTypesetter first = MathTypesetter.start(quiet, dir)) {
            inline = first.render("H(p) = -\\sum_i p_i \\log p_i", false);
            display = first.render("x^2", true);
        }
        Set<Path> stored = files("math");
        assertEquals(2, stored.size(), stored.toString());
        try (MathTypesetter second = MathTypesetter.start(quiet, dir)) {
            assertEquals(-1, second.pid(), "no KaTeX JVM at the start");
            assertTrue(second.available());
            assertEquals(inline, second.render("H(p) = -\\sum_i p_i \\log p_i", false));
            assertEquals(display, second.render("x^2", true));
            assertEquals(-1, second.pid(), "every formula was stored");
            assertFalse(second.render("x^2", false).equals(display), "inline and display are stored apart");
            assertTrue(second.pid() > 0, "a formula not stored starts KaTeX");
        }
        for (Path f : files("math")) {
            Files.writeString(f, "damaged");
        }
        try (MathTypesetter third = MathTypesetter.start(quiet, dir)) {
            assertEquals(display, third.render("x^2", true), "typeset again, not read from a damaged file");
            assertTrue(third.pid() > 0);
        }
        try (MathTypesetter fourth = MathTypesetter.start(quiet, dir)) {
            assertEquals(display, fourth.render("x^2", true));
            assertEquals(-1, fourth.pid(), "the damaged file was rewritten");
        }
    }
}
