package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.asciidoctor.AsciidoctorStart;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.math.MathTypesetter;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.core.SiteOutput;
import dev.bitsandlogits.press.snippets.SnippetCache;
import dev.bitsandlogits.press.snippets.SnippetSession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds small fixture books in a temporary directory, against the real listings and the
 * compiled classes, and checks the exact message for each kind of fault.
 */
@DisplayName("Site build")
class SiteBuildIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static Book book;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAsciidoctor() {
        book = SharedBook.get();
    }

    private BuildConfig config() {
        return new BuildConfig(dir, dir.resolve("docs"), PROJECT.resolve("src/main/java/dev/bitsandlogits/listings"),
                PROJECT.resolve("target/classes"), dir.resolve("site"), PROJECT.resolve("docs/theme"));
    }

    private void page(String name, String... lines) throws IOException {
        Files.createDirectories(dir.resolve("docs").resolve(name).getParent());
        Files.writeString(dir.resolve("docs").resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code src/main/java/Fixture.java} (lines joined by newlines) in the fixture project and
     * returns a configuration whose listings are that file alone.
     */
    private BuildConfig fixtureListing(String... lines) throws IOException {
        Path listing = dir.resolve("src/main/java/Fixture.java");
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, String.join("\n", lines));
        return new BuildConfig(dir, dir.resolve("docs"), listing.getParent(),
                PROJECT.resolve("target/classes"), dir.resolve("site"), PROJECT.resolve("docs/theme"));
    }

    private List<String> failures() {
        Book.BuildFailedException e = assertThrows(Book.BuildFailedException.class, () -> book.build(config()));
        return e.problems().stream().map(Problem::format).toList();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Nested
    @DisplayName("a good page")
    class Good {

        @Test
        @DisplayName("shows each statement's value and puts computed values into the prose")
        void computesValues() throws IOException {
            page("one.adoc", "= One", "", "snippet::china-vs-brazil[]", "",
                    "Brazil: value:china-vs-brazil[brazil,format=%.1f] bits, China value:china-vs-brazil[china,format=%.3e].");
            book.build(config());
            String html = Files.readString(dir.resolve("site/one.html"));
            // -log2(1/64) = 6 exactly; -log2(63/64) = 0.0227200765000835... (mpmath, 40 digits)
            assertTrue(html.contains("<code class=\"snippet-name\">brazil</code> <span class=\"snippet-arrow\" aria-hidden=\"true\">⇒</span> <samp>6.0</samp>"), html);
            assertTrue(html.contains("<span class=\"computed\">6.0</span>"), html);
            assertTrue(html.contains("<span class=\"computed\">2.272e-02</span>"), html);
            assertTrue(Files.readString(dir.resolve("site/jshell/one.jsh")).contains("//// snippet china-vs-brazil\n"));
        }

        @Test
        @DisplayName("ends with one summary line: pages, snippets, values, time, and where the time went")
        void summary() throws IOException {
            page("one.adoc", "= One", ":stem: latexmath", "", "snippet::china-vs-brazil[]", "", "stem:[H(p)]", "",
                    "chart::binary-entropy[]");
            page("two.adoc", "= Two", "", "Prose only.");
            String summary = book.build(config()).summary();
            Matcher m = Pattern.compile("Built 2 pages, 1 snippets \\(\\d run in JShell\\), 0 values in \\d+\\.\\d s"
                    + " \\[pages \\d+ ms \\(\\d+ ms of page time on \\d threads?\\), of which snippets \\d+ ms, math (\\d+) ms,"
                    + " charts (\\d+) ms; assets \\d+ ms; link check \\d+ ms\\]").matcher(summary);
            assertTrue(m.matches(), summary);
            assertTrue(Integer.parseInt(m.group(2)) > 0, "a chart takes time: " + summary);
        }

        @Test
        @DisplayName("reads a value in the state right after its own snippet, not after the page")
        void valueInItsOwnState() throws IOException {
            BuildConfig config = fixtureListing("class Fixture {", "  static void f() {",
                    "    // tag::first[]", "    double v = 1.5;", "    // end::first[]",
                    "    // tag::second[]", "    double v = 2.5;", "    // end::second[]", "  }", "}");
            page("one.adoc", "= One", "", "snippet::first[]", "", "snippet::second[]", "",
                    "First value:first[v], twice value:first[\"v * 2\"]; second value:second[v].");
            book.build(config);
            assertEquals(List.of("1.5", "3.0", "2.5"),
                    org.jsoup.Jsoup.parse(Files.readString(dir.resolve("site/one.html"))).select(".computed").eachText());
        }

        @Test
        @DisplayName("shows what a statement prints, from System.out and System.err, under it")
        void printedOutput() throws IOException {
            BuildConfig config = fixtureListing("class Fixture {", "  static void f() {",
                    "    // tag::printing[]", "    System.out.println(\"p = \" + 0.25);",
                    "    System.err.println(\"warning: naïve\");", "    // end::printing[]", "  }", "}");
            page("one.adoc", "= One", "", "snippet::printing[]");
            book.build(config);
            assertEquals(List.of("p = 0.25", "warning: naïve"), org.jsoup.Jsoup.parse(
                    Files.readString(dir.resolve("site/one.html"))).select("pre.snippet-output").eachText());
        }

        @Test
        @DisplayName("shows the exception of a snippet marked as expected to throw")
        void expectedFailure() throws IOException {
            page("one.adoc", "= One", "", "snippet::information-out-of-range[expect=IllegalArgumentException]");
            book.build(config());
            String html = Files.readString(dir.resolve("site/one.html"));
            assertTrue(html.contains("<samp>IllegalArgumentException: p (1.5) must be in [0, 1]</samp>"), html);
        }
    }

    @Nested
    @DisplayName("math")
    class Typesetting {

        @Test
        @DisplayName("is typeset at build time: pages with math link KaTeX's stylesheet, and no page loads its script")
        void atBuildTime() throws IOException {
            page("one.adoc", "= One", "", "Square stem:[x^2].");
            page("two.adoc", "= Two", "", "No math.");
            book.build(config());
            org.jsoup.nodes.Document one = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("site/one.html")));
            assertEquals(1, one.select("span.math-inline > span.katex > span.katex-mathml > math").size(), one.html());
            assertEquals(List.of("assets/katex/katex.min.css"), one.select("link[href*=katex]").eachAttr("href"));
            assertTrue(one.select("script[src*=katex]").isEmpty());
            assertTrue(Files.readString(dir.resolve("site/two.html")).indexOf("katex") < 0);
            assertTrue(Files.exists(dir.resolve("site/assets/katex/katex.min.css")));
            assertTrue(Files.exists(dir.resolve("site/assets/katex/fonts/KaTeX_Main-Regular.woff2")));
            assertFalse(Files.exists(dir.resolve("site/assets/katex/katex.min.js")));
        }

        @Test
        @DisplayName("with -Dbitsandlogits.math=browser (as where V8 cannot run), pages load KaTeX and typeset in the browser")
        void inTheBrowser() throws IOException {
            page("one.adoc", "= One", "", "Square stem:[x^2].");
            System.setProperty(MathTypesetter.MODE_PROPERTY, "browser");
            try (Book browser = new Book(new java.io.PrintStream(java.io.PrintStream.nullOutputStream()))) {
                browser.build(config());
            } finally {
                System.clearProperty(MathTypesetter.MODE_PROPERTY);
            }
            org.jsoup.nodes.Document one = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("site/one.html")));
            assertEquals("\\(x^2\\)", one.selectFirst("span.math-inline").wholeText());
            assertEquals(List.of("assets/katex/katex.min.js"), one.select("script[src*=katex]").eachAttr("src"));
            assertEquals(List.of("assets/katex/katex.min.css"), one.select("link[href*=katex]").eachAttr("href"));
            assertTrue(one.select("script:not([src])").stream().anyMatch(s -> s.data().contains("katex.render(")));
            assertTrue(Files.exists(dir.resolve("site/assets/katex/katex.min.js")));
        }
    }

    @Nested
    @DisplayName("the built files")
    class Permissions {

        @Test
        @DisplayName("have the modes the umask gives any new file and directory (0644 and 0755 under 022), not a temporary directory's 0700")
        void umaskModes() throws IOException {
            org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
            page("index.adoc", "= One", "", "Text.");
            book.build(config());
            var fileMode = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain-file")));
            var dirMode = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("plain-dir")));
            assertEquals(dirMode, Files.getPosixFilePermissions(dir.resolve("site")), "site/");
            try (Stream<Path> built = Files.walk(dir.resolve("site"))) {
                for (Path p : built.toList()) {
                    assertEquals(Files.isDirectory(p) ? dirMode : fileMode, Files.getPosixFilePermissions(p), p.toString());
                }
            }
        }
    }

    @Nested
    @DisplayName("a faulty page fails the build at its docs/ line")
    class Faults {

        @Test
        @DisplayName("missing include file")
        void missingInclude() throws IOException {
            page("one.adoc", "= One", "", "Text.", "", "include::_parts/nowhere.adoc[]");
            assertEquals(List.of("docs/one.adoc:5: include file not found: docs/_parts/nowhere.adoc"
                    + "\n    | include::_parts/nowhere.adoc[]"), failures());
        }

        @Test
        @DisplayName("include whose tag names no tag")
        void missingIncludeTag() throws IOException {
            page("_part.adoc", "// tag::here[]", "Included.", "// end::here[]");
            page("one.adoc", "= One", "", "include::_part.adoc[tag=there]");
            assertEquals(List.of("docs/one.adoc:3: tag 'there' not found in include file: docs/_part.adoc"
                    + "\n    | include::_part.adoc[tag=there]"), failures());
        }

        @Test
        @DisplayName("unresolved attribute reference")
        void missingAttribute() throws IOException {
            page("one.adoc", "= One", "", "Fine line.", "", "The {nowhere} attribute.");
            assertEquals(List.of("docs/one.adoc:5: unresolved attribute reference {nowhere}: define it with :nowhere: value,"
                    + " or escape it as \\{nowhere}\n    | The {nowhere} attribute."), failures());
        }

        @Test
        @DisplayName("snippet that throws without being marked")
        void throwingSnippet() throws IOException {
            page("one.adoc", "= One", "", "Intro.", "", "snippet::information-out-of-range[]");
            String region = "src/main/java/dev/bitsandlogits/listings/Information.java:" + lineOf("double surprise = Measures.information(1.5");
            assertEquals(List.of("docs/one.adoc:5: snippet 'information-out-of-range' threw IllegalArgumentException:"
                    + " p (1.5) must be in [0, 1] (" + region + "); if the failure is the point, write"
                    + " snippet::information-out-of-range[expect=IllegalArgumentException]"
                    + "\n    | snippet::information-out-of-range[]"), failures());
        }

        @Test
        @DisplayName("region that javac accepts but JShell rejects")
        void rejectedByJShell() throws IOException {
            BuildConfig config = fixtureListing("class Fixture {", "  static double twice(double x) {",
                    "    // tag::uses-parameter[]", "    double y = 2 * x;", "    // end::uses-parameter[]", "    return y;", "  }", "}");
            page("one.adoc", "= One", "", "snippet::uses-parameter[]");
            Book.BuildFailedException e = assertThrows(Book.BuildFailedException.class, () -> book.build(config));
            assertEquals(List.of("docs/one.adoc:3: snippet 'uses-parameter' does not compile in JShell: cannot find symbol,"
                    + " symbol:   variable x; in: double y = 2 * x; (src/main/java/Fixture.java:4)"
                    + "\n    | snippet::uses-parameter[]"), e.problems().stream().map(Problem::format).toList());
        }

        @Test
        @DisplayName("region line too long for a code box at 1280 px: the page's line and the Java line")
        void lineTooLong() throws IOException {
            String fits = "    double fits = " + "1 + ".repeat(20) + "100.0;";     // 100 characters without its indentation
            String tooLong = "    double tooLong = " + "1 + ".repeat(20) + "1.0;";   // 101
            BuildConfig config = fixtureListing("class Fixture {", "  static void f() {",
                    "    // tag::wide[]", "", fits, "    // tag::inner[]", tooLong, "    // end::inner[]", "    // end::wide[]",
                    "  }", "}");
            page("one.adoc", "= One", "", "Some text.", "", "snippet::wide[timeout=60]");
            Book.BuildFailedException e = assertThrows(Book.BuildFailedException.class, () -> book.build(config));
            assertEquals(100, fits.strip().length());
            assertEquals(List.of("docs/one.adoc:5: snippet 'wide': a line of 101 characters is wider than a code box at 1280 px"
                    + " (100), so it wraps (src/main/java/Fixture.java:7); break it after a comma, an operator or an opening"
                    + " parenthesis, or move its comment to a line of its own\n    | snippet::wide[timeout=60]"),
                    e.problems().stream().map(Problem::format).toList());
        }

        @Test
        @DisplayName("region whose continuation line the jshell tool would run as a statement of its own")
        void continuationLine() throws IOException {
            BuildConfig config = fixtureListing("class Fixture {", "  static void f() {",
                    "    // tag::leading-plus[]", "    double sum = 1.0", "        + 2.0;", "    // end::leading-plus[]", "  }", "}");
            page("one.adoc", "= One", "", "snippet::leading-plus[]");
            Book.BuildFailedException e = assertThrows(Book.BuildFailedException.class, () -> book.build(config));
            List<String> failures = e.problems().stream().map(Problem::format).toList();
            assertEquals(1, failures.size(), failures::toString);
            assertTrue(failures.get(0).startsWith("docs/one.adoc:3: snippet 'leading-plus' does not compile in JShell: "),
                    failures.get(0));
            assertTrue(failures.get(0).contains("runs 'double sum = 1.0' as a complete statement"), failures.get(0));
            assertTrue(failures.get(0).contains("(src/main/java/Fixture.java:4)"), failures.get(0));
        }

        @Test
        @DisplayName("snippet expected to throw that does not")
        void expectedFailureThatSucceeds() throws IOException {
            page("one.adoc", "= One", "", "snippet::china-vs-brazil[expect=IllegalArgumentException]");
            String region = "src/main/java/dev/bitsandlogits/listings/Information.java:" + lineOf("double pChina = 63.0 / 64;");
            assertEquals(List.of("docs/one.adoc:3: snippet 'china-vs-brazil' was expected to throw IllegalArgumentException"
                    + " but completed normally (" + region + ")"
                    + "\n    | snippet::china-vs-brazil[expect=IllegalArgumentException]"), failures());
        }

        @Test
        @DisplayName("unknown snippet tag, with a suggestion")
        void unknownTag() throws IOException {
            page("one.adoc", "= One", "", "snippet::china-vs-brazl[]");
            assertEquals(List.of("docs/one.adoc:3: unknown snippet tag 'china-vs-brazl' (did you mean china-vs-brazil?);"
                    + " tags are defined by // tag::name[] … // end::name[] in src/main/java/dev/bitsandlogits/listings"
                    + "\n    | snippet::china-vs-brazl[]"), failures());
        }

        @Test
        @DisplayName("unknown variable in a value macro")
        void unknownValue() throws IOException {
            page("one.adoc", "= One", "", "Brazil: value:china-vs-brazil[brasil] bits.");
            List<String> failures = failures();
            assertEquals(1, failures.size(), failures::toString);
            assertTrue(failures.get(0).startsWith("docs/one.adoc:3: value 'brasil' of snippet 'china-vs-brazil': cannot find symbol, symbol:   variable brasil; variables of that snippet: pChina, china, brazil"), failures.get(0));
        }

        @Test
        @DisplayName("cross-reference to a missing page")
        void missingPage() throws IOException {
            page("one.adoc", "= One", "", "See xref:two.adoc#intro[the next page].");
            assertEquals(List.of("docs/one.adoc:3: broken link two.html#intro: there is no page two.html in the site"
                    + "\n    | See xref:two.adoc#intro[the next page]."), failures());
        }

        @Test
        @DisplayName("cross-reference to a missing anchor")
        void missingAnchor() throws IOException {
            page("one.adoc", "= One", "", "== Start", "", "See <<finish>>.");
            assertEquals(List.of("docs/one.adoc:5: broken link #finish: this page has no anchor 'finish'"
                    + "\n    | See <<finish>>."), failures());
        }

        @Test
        @DisplayName("unterminated block")
        void unterminatedBlock() throws IOException {
            page("one.adoc", "= One", "", "----", "code without an end");
            assertEquals(List.of("docs/one.adoc:3: unterminated listing block\n    | ----"), failures());
        }

        @Test
        @DisplayName("duplicate id")
        void duplicateId() throws IOException {
            page("one.adoc", "= One", "", "[#same]", "== A", "", "[#same]", "== B");
            List<String> failures = failures();
            assertEquals(1, failures.size(), failures::toString);
            assertTrue(failures.get(0).startsWith("docs/one.adoc:7: id assigned to section already in use: same"), failures.get(0));
        }

        @Test
        @DisplayName("TeX that KaTeX cannot parse, inline and in a block, with KaTeX's message; the previous site stays")
        void badTex() throws IOException {
            page("one.adoc", "= One", "", "Square stem:[x^2].");
            book.build(config());
            Map<String, String> before = tree(dir.resolve("site"));
            page("one.adoc", "= One", "", "Square stem:[x^2].", "", "A list stem:[[a, b\\] \\fracc{a}{b}] with a typo.", "",
                    "[stem]", "++++", "H(p) = -\\sum_i p_i", "  \\log \\frac{1}{p_i", "++++");
            assertEquals(List.of("docs/one.adoc:5: KaTeX parse error: Undefined control sequence: \\fracc at position 8:"
                            + " [a, b] \\\u0332f\u0332r\u0332a\u0332c\u0332c\u0332{a}{b}"
                            + "\n    | A list stem:[[a, b\\] \\fracc{a}{b}] with a typo.",
                    "docs/one.adoc:10: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input:"
                            + " …og \\frac{1}{p_i"
                            + "\n    | \\log \\frac{1}{p_i"), failures());
            assertEquals(before, tree(dir.resolve("site")));
        }

        @Test
        @DisplayName("several faults are all reported, in page order")
        void severalFaults() throws IOException {
            page("one.adoc", "= One", "", "snippet::nope[]", "", "The {nowhere} attribute.", "", "snippet::information-out-of-range[]");
            List<String> failures = failures();
            assertEquals(3, failures.size(), failures::toString);
            assertTrue(failures.get(0).startsWith("docs/one.adoc:3: unknown snippet tag 'nope'"), failures::toString);
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("docs/one.adoc:5: unresolved attribute reference {nowhere}")), failures::toString);
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("docs/one.adoc:7: snippet 'information-out-of-range' threw")), failures::toString);
        }

        @Test
        @DisplayName("an include outside docs/ (absolute, or climbing out with ../) is refused at its line")
        void includeOutsideTheProject() throws IOException {
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("src/part.adoc"), "Text from outside docs.\n");
            for (String target : List.of("/etc/hostname", "../../../../../../../../etc/hostname", "../src/part.adoc")) {
                page("one.adoc", "= One", "", "include::" + target + "[]");
                List<String> failures = failures();
                assertEquals(1, failures.size(), failures.toString());
                assertTrue(failures.get(0).startsWith("docs/one.adoc:3: "), failures.get(0));
                assertFalse(Files.exists(dir.resolve("site")), "nothing was built");
            }
        }

        @Test
        @DisplayName("an include inside docs/ is the book's own, and allowed")
        void includeInsideTheProject() throws IOException {
            page("_parts/part.adoc", "Text from a partial.");
            page("index.adoc", "= Home", "", "include::_parts/part.adoc[]");
            book.build(config());
            assertTrue(Files.readString(dir.resolve("site/index.html")).contains("Text from a partial."));
        }

        @Test
        @DisplayName("a failed build leaves the previous site byte for byte")
        void previousSiteIntact() throws IOException {
            page("one.adoc", "= One", "", "snippet::china-vs-brazil[]");
            book.build(config());
            Map<String, String> before = tree(dir.resolve("site"));
            page("one.adoc", "= One", "", "snippet::information-out-of-range[]");
            failures();
            assertEquals(before, tree(dir.resolve("site")));
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of("docs", "site"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no temporary directory is left behind");
            }
            assertFalse(before.isEmpty());
        }
    }

    @Nested
    @DisplayName("the snippet cache")
    class Cache {

        private BuildConfig fixture() throws IOException {
            Path classes = dir.resolve("classes");
            try (Stream<Path> walk = Files.walk(PROJECT.resolve("target/classes"))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path to = classes.resolve(PROJECT.resolve("target/classes").relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
            return new BuildConfig(dir, dir.resolve("docs"), dir.resolve("listings"), classes, dir.resolve("site"),
                    PROJECT.resolve("docs/theme"));
        }

        private void listing(String region) throws IOException {
            Files.createDirectories(dir.resolve("listings"));
            Files.writeString(dir.resolve("listings/Fixture.java"), String.join("\n",
                    "import dev.bitsandlogits.info.Measures;", "import dev.bitsandlogits.info.Unit;",
                    "class Fixture {", "  static void f() {", "    // tag::fixture[]", region, "    // end::fixture[]", "  }", "}"));
        }

        @Test
        @DisplayName("does not run an unchanged page again, and reruns it when its region or the classes change")
        void invalidation() throws IOException {
            BuildConfig config = fixture();
            listing("    double bits = Measures.information(0.25, Unit.BITS);");
            page("one.adoc", "= One", "", "snippet::fixture[]", "", "Two bits: value:fixture[bits].");
            page("two.adoc", "= Two", "", "snippet::china-vs-brazil[]");
            Files.copy(PROJECT.resolve("src/main/java/dev/bitsandlogits/listings/Information.java"),
                    dir.resolve("listings/Information.java"));

            assertEquals(2, book.build(config).executed(), "first build runs both snippets");
            String first = Files.readString(dir.resolve("site/one.html"));
            assertEquals(0, book.build(config).executed(), "nothing changed: everything from the cache");
            assertEquals(first, Files.readString(dir.resolve("site/one.html")), "and the page is the same");

            listing("    double bits = Measures.information(0.125, Unit.BITS);");
            assertEquals(1, book.build(config).executed(), "the changed region runs again, the other page does not");
            assertTrue(Files.readString(dir.resolve("site/one.html")).contains("<span class=\"computed\">3.0</span>"));

            Path someClass = config.classesDir().resolve("dev/bitsandlogits/info/Unit.class");
            Files.copy(someClass, someClass.resolveSibling("Changed.class"));
            assertEquals(2, book.build(config).executed(), "a changed class reruns every page");
        }
    }

    @Nested
    @DisplayName("converting pages in parallel")
    class Parallel {

        @Test
        @DisplayName("a fresh Asciidoctor highlights every page as a warm one does (Rouge builds its lexers on one thread first)")
        void sameAsOneByOne() throws IOException {
            String[][] snippets = {{"china-vs-brazil", "units"}, {"extremes", "china-vs-brazil"}, {"units", "extremes"},
                    {"china-vs-brazil", "extremes"}};
            for (int i = 0; i < snippets.length; i++) {
                page("p" + i + ".adoc", "= Page " + i, "", "snippet::" + snippets[i][0] + "[]", "",
                        "[source,shell]", "----", "./mvnw -q package && ls site | wc -l", "----", "",
                        "snippet::" + snippets[i][1] + "[]");
            }
            BuildConfig config = config();
            book.build(config);
            Map<String, String> warm = tree(dir.resolve("site"));
            // Snippets run ahead, as in a real build: no page waits for JShell, so they convert side by side.
            SnippetCache cache = new SnippetCache();
            try (SnippetSession session = new SnippetSession(PROJECT.resolve("target/classes"));
                 Book fresh = new Book(new java.io.PrintStream(java.io.PrintStream.nullOutputStream()), cache)) {
                SnippetPrefetch.run(config, cache, () -> session);
                assertEquals(0, fresh.build(config).executed());
            }
            Map<String, String> parallel = tree(dir.resolve("site"));
            assertEquals(warm.keySet(), parallel.keySet());
            for (String page : warm.keySet()) {
                assertFalse(parallel.get(page).contains("class=\"err\""), page + ": a listing lexed as an error");
                assertEquals(warm.get(page), parallel.get(page), page);
            }
            assertTrue(parallel.get("p0.html").contains("<span class=\"kt\">double</span>"), "Java highlighted");
        }
    }

    @Nested
    @DisplayName("the JShell a page's snippets run in")
    class Sessions {

        @Test
        @DisplayName("starts clean for every page, whether the last page's snippets are dropped or a new JShell starts")
        void resetForgetsThePreviousPage() {
            try (SnippetSession session = new SnippetSession(PROJECT.resolve("target/classes"))) {
                // Page 1 evaluates enough to make the next reset start a new JShell; page 2 few enough to be dropped.
                for (int i = 0; i < 45; i++) {
                    assertEquals(String.valueOf(i), session.value("int a" + i + " = " + i).text());
                }
                assertEquals("44", session.value("a44").text());
                session.reset();
                assertTrue(session.value("a44").error().contains("cannot find symbol"), "page 1's variable after a new JShell");
                assertEquals("2.0", session.value("double b = Math.sqrt(4)").text());
                session.reset();
                assertTrue(session.value("b").error().contains("cannot find symbol"), "page 2's variable after dropping");
                assertEquals("6", session.value("java.util.List.of(1, 2, 3).stream().mapToInt(x -> x).sum()").text());
            }
        }
    }

    @Nested
    @DisplayName("Rouge without its eager loading (lean-rouge.rb)")
    class LeanRouge {

        private String highlight(org.asciidoctor.Asciidoctor asciidoctor, String language, String code) {
            return asciidoctor.convert(String.join("\n", "[source," + language + "]", "----", code, "----"),
                    org.asciidoctor.Options.builder().attributes(org.asciidoctor.Attributes.builder()
                            .sourceHighlighter("rouge").build()).build());
        }

        private int lexersLoaded(org.asciidoctor.Asciidoctor asciidoctor) {
            return Integer.parseInt(org.asciidoctor.jruby.internal.JRubyRuntimeContext.get(asciidoctor)
                    .evalScriptlet("Rouge::Lexer.all_loaded.size").toString());
        }

        @Test
        @DisplayName("loads a lexer when a page asks for it; an alias or an unknown language loads them all, as Rouge would")
        void loadsLexersWhenAskedFor() {
            try (org.asciidoctor.Asciidoctor asciidoctor = AsciidoctorStart.create()) {
                assertEquals(0, lexersLoaded(asciidoctor), "no lexer before the first listing");
                assertTrue(highlight(asciidoctor, "java", "double x = 1;").contains("<span class=\"kt\">double</span>"));
                assertEquals(1, lexersLoaded(asciidoctor), "only Java's");
                // 'sh' names no lexer file: it is an alias of the shell lexer, found only by loading every lexer.
                assertTrue(highlight(asciidoctor, "sh", "echo $HOME").contains(
                        "<span class=\"nb\">echo</span> <span class=\"nv\">$HOME</span>"));
                assertTrue(lexersLoaded(asciidoctor) > 200, "all of Rouge's lexers");
                String unknown = highlight(asciidoctor, "no-such-language", "a < b");
                assertTrue(unknown.contains("<code data-lang=\"no-such-language\">a &lt; b</code>"), unknown);
            }
        }
    }

    @Nested
    @DisplayName("running snippets ahead")
    class Prefetch {

        @Test
        @DisplayName("computes exactly the keys the pages use: the build then runs nothing in JShell, with the same pages")
        void sameKeysAsThePages() throws IOException {
            page("one.adoc", "= One", "", "snippet::china-vs-brazil[]", "", "snippet::extremes[]", "",
                    "Brazil: value:china-vs-brazil[brazil], twice: value:china-vs-brazil[\"brazil * 2\"].");
            page("two.adoc", "= Two", "", "snippet::units[]");
            BuildConfig config = config();
            book.build(config);
            String expected = Files.readString(dir.resolve("site/one.html"));

            SiteOutput.delete(dir.resolve("target/site-cache")); // the results the build left on disk
            SnippetCache cache = new SnippetCache();
            try (SnippetSession session = new SnippetSession(PROJECT.resolve("target/classes"));
                 Book fresh = new Book(new java.io.PrintStream(java.io.PrintStream.nullOutputStream()), cache)) {
                assertEquals(4, SnippetPrefetch.run(config, cache, () -> session), "three snippets, and one rerun for the expression");
                assertEquals(0, fresh.build(config).executed());
                assertEquals(expected, Files.readString(dir.resolve("site/one.html")));
            }
        }
    }

    private static int lineOf(String code) throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("src/main/java/dev/bitsandlogits/listings/Information.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(code)) {
                return i + 1;
            }
        }
        throw new AssertionError(code + " not found");
    }
}
