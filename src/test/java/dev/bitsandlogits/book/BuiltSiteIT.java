package dev.bitsandlogits.book;

import dev.bitsandlogits.press.build.Book;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.checks.Translations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the site that {@code ./mvnw package} built, as files: every page, every value, no leftovers. */
@DisplayName("The built site")
class BuiltSiteIT {

    static final Path SITE = Path.of(System.getProperty("site.dir", "site"));
    private static final Pattern RAW_ATTRIBUTE = Pattern.compile("\\{[a-z][a-z0-9_-]*\\}");

    /** Every page of every edition: site/*.html, then each translation's site/<lang>/*.html. */
    static Stream<Path> pages() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Edition edition : Edition.all(Path.of("docs"))) {
            Path dir = edition.original() ? SITE : SITE.resolve(edition.lang());
            try (Stream<Path> files = Files.list(dir)) {
                all.addAll(files.filter(p -> p.toString().endsWith(".html")).sorted().toList());
            }
        }
        return all.stream();
    }

    static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), StandardCharsets.UTF_8.name());
    }

    @Test
    @DisplayName("has a page for every docs/ page, and the library jar")
    void everyPage() throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (Edition edition : Edition.all(Path.of("docs"))) {
            Edition.pages(edition.docsDir()).forEach(p -> expected.add(edition.dir() + p.getFileName().toString().replace(".adoc", ".html")));
        }
        assertTrue(expected.stream().anyMatch(p -> p.startsWith("zh-CN/")), "the Chinese edition is built: " + expected);
        assertEquals(expected, pages().map(p -> SITE.relativize(p).toString().replace('\\', '/')).toList());
        assertTrue(Files.size(SITE.resolve("bits-and-logits.jar")) > 1000, "the library jar readers download");
    }

    @Test
    @DisplayName("the readers' jar holds the library and the listings, none of the site builder")
    void readersJar() throws IOException {
        List<String> entries;
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(SITE.resolve("bits-and-logits.jar").toFile())) {
            entries = jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
        }
        for (String needed : List.of("dev/bitsandlogits/info/Measures.class", "dev/bitsandlogits/loss/Softmax.class",
                "dev/bitsandlogits/internal/Checks.class", "dev/bitsandlogits/listings/Entropy.class",
                "dev/bitsandlogits/press/api/Chart.class")) {
            assertTrue(entries.contains(needed), "the jar lacks " + needed);
        }
        assertEquals(List.of(), entries.stream()
                        .filter(n -> n.startsWith("dev/bitsandlogits/press/") && !n.startsWith("dev/bitsandlogits/press/api/")
                                || n.startsWith("dev/bitsandlogits/book/") || n.startsWith("dev/bitsandlogits/widgets/")).toList(),
                "builder or widget classes in the readers' jar");
    }

    @ParameterizedTest(name = "{0} has no unprocessed AsciiDoc")
    @MethodSource("pages")
    void noLeftovers(Path page) throws IOException {
        Document doc = parse(page);
        doc.select("pre, code, script, style, .math").remove();
        String text = doc.body().text();
        for (String raw : List.of("include::", "snippet::", "value:", "chart::", "xref:", "<<", "ifdef::")) {
            assertFalse(text.contains(raw), page + " shows raw '" + raw + "'");
        }
        assertFalse(RAW_ATTRIBUTE.matcher(text).find(),
                page + " shows an unresolved {attribute}");
        assertTrue(doc.select(".computed-missing").isEmpty(), page + " has a value that was not computed");
    }

    @Test
    @DisplayName("chapter 1 shows the computed information of China's and Brazil's wins")
    void chapterOneValues() throws IOException {
        Document doc = parse(SITE.resolve("01-information.html"));
        Element snippet = doc.getElementById("snippet-china-vs-brazil");
        List<String> values = snippet.select(".snippet-value").eachText();
        // −log2(63/64) = 0.0227200765000835296505…, −log2(1/64) = 6 (mpmath, 40 digits): the page rounds to
        // ten significant digits; the title keeps the shortest decimal that rounds to the nearest double.
        assertEquals(List.of("pChina ⇒ 0.984375", "china ⇒ 0.0227200765", "brazil ⇒ 6.0"), values);
        assertEquals("exactly 0.02272007650008353", snippet.select(".snippet-value samp").get(1).attr("title"));
        List<String> computed = doc.select(".computed").eachText();
        assertTrue(computed.containsAll(List.of("0.0227", "6")), computed.toString());
        assertTrue(doc.select("#snippet-information-out-of-range .snippet-exception").text()
                .contains("IllegalArgumentException: p (1.5) must be in [0, 1]"));
    }

    @Test
    @DisplayName("no translated page is stale or differs from its twin (the build only warns about a stale one)")
    void translationsCurrent() {
        BuildConfig config = BuildConfig.standard(Path.of(""));
        List<Edition> editions = Edition.all(config.docsDir());
        assertEquals(List.of(), Translations.stale(config, editions).stream().map(Translations.Stale::message).toList(),
                "update each translation, then its :translated-from: (README, 'Translations')");
        assertEquals(List.of(), Translations.check(config, editions).stream().map(Problem::format).toList());
    }

    @ParameterizedTest(name = "{0} shows its twin's numbers, in its own language, and links the twin")
    @MethodSource("translatedPages")
    void sameNumbers(Path page) throws IOException {
        Document zh = parse(page);
        Document en = parse(SITE.resolve(page.getFileName()));
        assertEquals(page.getParent().getFileName().toString(), zh.selectFirst("html").attr("lang"));
        assertEquals(en.select(".computed").eachText(), zh.select(".computed").eachText(), page + ": values in the prose");
        assertEquals(en.select(".snippet-results").eachText().stream().map(t -> t.replaceAll("\\([^)]*\\)", "")).toList(),
                zh.select(".snippet-results").eachText().stream().map(t -> t.replaceAll("\\([^)]*\\)", "")).toList(),
                page + ": results under the code (notes such as (at the end) aside)");
        assertEquals(en.select(".snippet-results").size(), zh.select(".snippet-results").size());
        assertEquals("../" + page.getFileName(), zh.selectFirst("a.language-link").attr("href"));
        assertEquals(page.getParent().getFileName() + "/" + page.getFileName(), en.selectFirst("a.language-link").attr("href"));
        // a Chinese sentence broken across source lines reads without a space: none left between two Han characters
        for (Element p : zh.getElementById("content").select("p")) {
            String text = p.text();
            java.util.regex.Matcher gap = Pattern.compile("\\p{IsHan} \\p{IsHan}").matcher(text);
            assertFalse(gap.find(), page + ": a space between Chinese characters: " + text);
        }
    }

    static Stream<Path> translatedPages() throws IOException {
        return pages().filter(p -> !p.getParent().equals(SITE));
    }

    @ParameterizedTest(name = "{0} loads nothing from another host")
    @MethodSource("pages")
    void selfContained(Path page) throws IOException {
        for (Element el : parse(page).select("script[src], link[href], img[src], iframe[src], source[src]")) {
            String url = el.hasAttr("src") ? el.attr("src") : el.attr("href");
            assertFalse(url.matches("(?i)^(https?:)?//.*"), page + " loads " + url);
        }
    }
}
