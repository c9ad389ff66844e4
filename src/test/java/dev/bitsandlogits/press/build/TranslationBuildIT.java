package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.checks.Translations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture books with a Chinese edition (docs/zh-CN/), built against the real listings. */
@DisplayName("Site build with a translation")
class TranslationBuildIT {

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

    private Path page(String name, String... lines) throws IOException {
        Path file = dir.resolve("docs").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static final String[] ENGLISH = {"= One", ":description: English.", ":stem: latexmath", "",
        "== Surprise", "", "snippet::china-vs-brazil[]", "", "Brazil: value:china-vs-brazil[brazil,format=%.1f] bits, api:Measures#information[].",
        "", ".A table", "|===", "| a | b", "|===", "", "NOTE: Mind the base.", "", "chart::binary-entropy[]", "", "stem:[H(p)]",
        "", "See <<two#later,later>>."};

    /** The English fixture pages and their translations (one = ENGLISH, two, and a Chinese one of each). */
    private void bilingual(String... chinese) throws IOException {
        // api: links resolve against the project's sources and Javadoc (links, not copies; the temporary directory drops the links only)
        Files.createDirectories(dir.resolve("src/main"));
        Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(dir.resolve("src/main/java"), PROJECT.resolve("src/main/java"));
        Files.createSymbolicLink(dir.resolve("target/apidocs"), PROJECT.resolve("target/apidocs"));
        Path one = page("one.adoc", ENGLISH);
        Path two = page("two.adoc", "= Two", ":description: Second.", "", "[#later]", "== Later", "", "Text.");
        page("zh-CN/chart-strings.txt", "Binary entropy of a coin that lands heads with probability p", "硬币的二元熵", "",
                "The entropy of a coin that lands heads with probability p, in bits, for p from 0 to 1. The curve is 0 at both ends, rises symmetrically and peaks at 1 bit at p = 0.5.",
                "描述。", "", "p (probability of heads)", "p（正面朝上的概率）", "", "entropy in bits", "熵（比特）", "",
                "entropy of (p, 1 − p)", "(p, 1 − p) 的熵");
        List<String> zh = new java.util.ArrayList<>(List.of(chinese.length > 0 ? chinese : new String[] {"= 一",
            ":translated-from: " + Translations.blob(one), ":description: 中文。", ":stem: latexmath", "",
            "[#surprise]", "== 意外", "", "snippet::china-vs-brazil[]", "",
            "巴西：value:china-vs-brazil[brazil,format=%.1f] 比特，api:Measures#information[信息量]。",
            "交叉熵", "衡量差异。", "", ".一个表", "|===", "| a | b", "|===", "", "NOTE: 注意底数。", "", "chart::binary-entropy[]", "",
            "stem:[H(p)]", "", "见<<two#later,后文>>。"}));
        page("zh-CN/one.adoc", zh.toArray(String[]::new));
        page("zh-CN/two.adoc", "= 二", ":translated-from: " + Translations.blob(two), ":description: 第二。", "", "[#later]",
                "== 后文", "", "正文。");
    }

    private List<String> failures() {
        Book.BuildFailedException e = assertThrows(Book.BuildFailedException.class, () -> book.build(config()));
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    @DisplayName("writes site/zh-CN/ pages in Chinese, from the English run's results, with assets one directory up")
    void builds() throws IOException {
        bilingual();
        Book.BuildReport report = book.build(config());
        Book.PageReport zhOne = report.pages().stream().filter(p -> p.page().equals("docs/zh-CN/one.adoc")).findFirst().orElseThrow();
        assertEquals(1, zhOne.snippets());
        assertEquals(0, zhOne.executed(), "the Chinese page reuses the English page's snippet results");
        Document zh = Jsoup.parse(dir.resolve("site/zh-CN/one.html").toFile(), "UTF-8");
        Document en = Jsoup.parse(dir.resolve("site/one.html").toFile(), "UTF-8");
        assertEquals("zh-CN", zh.selectFirst("html").attr("lang"));
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("一 · Bits & Logits", zh.title());
        // Captions from the Chinese bundle, chrome in Chinese
        assertEquals("表 1. 一个表", zh.selectFirst("table caption").text());
        assertEquals("注", zh.selectFirst(".admonitionblock .title, .admonitionblock td.icon .title").text());
        assertEquals("搜索", zh.getElementById("search-input").attr("placeholder"));
        assertEquals("本页内容", zh.getElementById("toctitle").text());
        assertEquals("Table 1. A table", en.selectFirst("table caption").text());
        // the same numbers
        assertEquals(en.select(".computed").eachText(), zh.select(".computed").eachText());
        assertEquals(en.select(".snippet-value").eachText(), zh.select(".snippet-value").eachText());
        // assets, KaTeX, API docs and the JShell script from the root; the chart beside the page
        assertEquals("../assets/bits-and-logits.css", zh.selectFirst("link[rel=stylesheet][href$=bits-and-logits.css]").attr("href"));
        assertEquals("../assets/katex/katex.min.css", zh.selectFirst("link[href$=katex.min.css]").attr("href"));
        assertTrue(zh.selectFirst("a.api-link").attr("href").startsWith("../api/dev/bitsandlogits/info/Measures.html#information"));
        assertEquals("信息量", zh.selectFirst("a.api-link").text());
        assertEquals("../jshell/one.jsh", zh.selectFirst(".run-in-jshell a[download]").attr("href"));
        assertFalse(Files.exists(dir.resolve("site/zh-CN/jshell")), "one script a chapter, for both editions");
        assertTrue(Files.readString(dir.resolve("site/zh-CN/charts/binary-entropy.svg")).contains("硬币的二元熵"));
        assertTrue(zh.selectFirst("#chart-binary-entropy figcaption").text().startsWith("硬币的二元熵"));
        assertFalse(Files.readString(dir.resolve("site/charts/binary-entropy.svg")).contains("硬币"));
        // the language switch: to the twin, keeping the section
        assertEquals("../one.html", zh.selectFirst("a.language-link").attr("href"));
        assertEquals("English", zh.selectFirst("a.language-link").text());
        assertEquals("zh-CN/one.html", en.selectFirst("a.language-link").attr("href"));
        assertEquals("中文", en.selectFirst("a.language-link").text());
        assertTrue(en.selectFirst("a.language-link").hasAttr("data-keep-fragment"));
        // a cross-reference leads to the Chinese page
        assertEquals("two.html#later", zh.selectFirst("#content a[href^=two.html]").attr("href"));
        // no space where the source broke a line between two Chinese characters
        assertTrue(zh.getElementById("content").text().contains("交叉熵衡量差异。"), zh.getElementById("content").text());
        // a search index per language, with the Chinese sections
        String index = Files.readString(dir.resolve("site/zh-CN/search-index.js"));
        assertTrue(index.contains("\"page\":\"one.html\"") && index.contains("交叉熵衡量差异"), index);
        assertFalse(Files.readString(dir.resolve("site/search-index.js")).contains("交叉熵"));
    }

    @Test
    @DisplayName("a page with no twin in the other language links that edition's home; an untranslated page's link leads to the original")
    void partialTranslation() throws IOException {
        bilingual();
        Files.delete(dir.resolve("docs/zh-CN/two.adoc"));
        page("index.adoc", "= Home", ":description: Home.", "", "Text.");
        book.build(config());
        Document en = Jsoup.parse(dir.resolve("site/index.html").toFile(), "UTF-8");
        assertEquals("zh-CN/one.html", en.selectFirst("a.language-link").attr("href"), "no Chinese index: its first page");
        assertFalse(en.selectFirst("a.language-link").hasAttr("data-keep-fragment"));
        Document zh = Jsoup.parse(dir.resolve("site/zh-CN/one.html").toFile(), "UTF-8");
        assertEquals("../two.html#later", zh.selectFirst("#content a[href*=two.html]").attr("href"));
    }

    @Test
    @DisplayName("fails at the Chinese line when its macros differ from the twin's, or a chart text has no translation")
    void twinAndChartProblems() throws IOException {
        bilingual();
        Files.writeString(dir.resolve("docs/zh-CN/chart-strings.txt"), "entropy in bits\n熵（比特）\n", StandardCharsets.UTF_8);
        String zh = Files.readString(dir.resolve("docs/zh-CN/one.adoc"));
        Files.writeString(dir.resolve("docs/zh-CN/one.adoc"), zh.replace("format=%.1f]", "format=%.2f]"));
        List<String> problems = failures();
        assertTrue(problems.get(0).startsWith("docs/zh-CN/one.adoc:11: value:china-vs-brazil[brazil,format=%.2f] is macro 2 of the page,"
                + " but docs/one.adoc:9 has value:china-vs-brazil[brazil,format=%.1f] there"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("docs/zh-CN/one.adoc:22: chart 'binary-entropy' has text with no"
                + " zh-CN translation in docs/zh-CN/chart-strings.txt: \"Binary entropy of a coin")), problems.toString());
    }

    @Test
    @DisplayName("fails a translation that lacks a section id of its twin; reports, but builds, a stale one")
    void anchorsAndStale() throws IOException {
        bilingual();
        String zh = Files.readString(dir.resolve("docs/zh-CN/one.adoc"));
        Files.writeString(dir.resolve("docs/zh-CN/one.adoc"), zh.replace("[#surprise]\n", ""));
        List<String> problems = failures();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("docs/zh-CN/one.adoc: lacks the ids surprise of docs/one.adoc"), problems.get(0));
        Files.writeString(dir.resolve("docs/zh-CN/one.adoc"), zh);
        Files.writeString(dir.resolve("docs/one.adoc"), Files.readString(dir.resolve("docs/one.adoc")) + "\nMore English.\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        book.progressTo(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            book.build(config());
        } finally {
            book.progressTo(new java.io.PrintStream(java.io.PrintStream.nullOutputStream()));
        }
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("docs/zh-CN/one.adoc:2: translated from an older docs/one.adoc (blob "), log);
        assertTrue(log.contains("is now blob " + Translations.blob(dir.resolve("docs/one.adoc"))), log);
    }
}
