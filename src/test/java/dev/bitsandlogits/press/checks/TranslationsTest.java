package dev.bitsandlogits.press.checks;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.CjkLineBreaks;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Messages;
import dev.bitsandlogits.press.core.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Translations")
class TranslationsTest {

    @Nested
    @DisplayName("the message bundles")
    class Bundles {

        @Test
        @DisplayName("have the same keys in every language, none empty but the chapter signifier, with the same {n} arguments")
        void sameKeys() {
            Messages en = Messages.of("en");
            Messages zh = Messages.of("zh-CN");
            assertEquals(en.keys(), zh.keys());
            assertTrue(en.keys().size() > 40, "a bundle that lost its keys: " + en.keys());
            for (String key : en.keys()) {
                for (Messages m : List.of(en, zh)) {
                    if (!key.equals("asciidoctor.chapter-signifier")) {
                        assertTrue(!m.get(key).isBlank(), m.lang() + ": " + key + " is empty");
                    }
                }
                assertEquals(arguments(en.get(key)), arguments(zh.get(key)), key + ": other {n} arguments");
            }
        }

        @Test
        @DisplayName("give Chinese pages Asciidoctor's Chinese captions")
        void captions() {
            var zh = Messages.of("zh-CN").asciidoctorAttributes();
            assertEquals("表", zh.get("table-caption"));
            assertEquals("图", zh.get("figure-caption"));
            assertEquals("示例", zh.get("example-caption"));
            assertEquals("目录", zh.get("toc-title"));
            assertEquals("注", zh.get("note-caption"));
            assertEquals("警告", zh.get("warning-caption"));
            assertEquals(Messages.of("en").asciidoctorAttributes().keySet(), zh.keySet());
        }

        private Set<String> arguments(String s) {
            Set<String> found = new TreeSet<>();
            var m = java.util.regex.Pattern.compile("\\{\\d+}").matcher(s);
            while (m.find()) {
                found.add(m.group());
            }
            return found;
        }
    }

    @Nested
    @DisplayName("the twin check")
    class Twins {

        @Test
        @DisplayName("reads snippet, value, chart, widget, include and api macros in order, skipping comments; api text is prose")
        void macros() {
            List<String> lines = List.of("= T", "// snippet::commented[]", "////", "chart::in-block-comment[]", "////",
                    "snippet::a[echo=all]", "Text value:a[x,format=%.2f] and value:a[\"q[1\\]\",format=%.3f] api:Softmax#logSumExp(double[])[the LSE].",
                    "chart::c[]", "widget::w[k=1]", "include::_p.adoc[tag=x]");
            assertEquals(List.of("snippet::a[echo=all]", "value:a[x,format=%.2f]", "value:a[\"q[1\\]\",format=%.3f]",
                            "api:Softmax#logSumExp(double[])[]", "chart::c[]", "widget::w[k=1]", "include::_p.adoc[tag=x]"),
                    Translations.macros(lines).stream().map(Translations.Macro::text).toList());
            assertEquals(List.of(6, 7, 7, 7, 8, 9, 10), Translations.macros(lines).stream().map(Translations.Macro::line).toList());
        }

        @Test
        @DisplayName("passes the same macros with other prose and api text")
        void same() {
            assertEquals(List.of(), Translations.compare("zh.adoc",
                    List.of("= 标题", "", "中文 value:t[v] api:Measures#entropy[熵]。", "snippet::t[]"),
                    "en.adoc", List.of("= Title", "", "English value:t[v] api:Measures#entropy[].", "", "snippet::t[]")));
        }

        @Test
        @DisplayName("fails at the translation's line, naming the twin's macro and line")
        void differs() {
            List<Problem> p = Translations.compare("docs/zh-CN/x.adoc", List.of("= 标题", "value:t[v,format=%.2f]"),
                    "docs/x.adoc", List.of("= Title", "", "value:t[v,format=%.3f]"));
            assertEquals(1, p.size());
            assertEquals("docs/zh-CN/x.adoc:2", p.get(0).location());
            assertTrue(p.get(0).message().startsWith("value:t[v,format=%.2f] is macro 1 of the page, but docs/x.adoc:3 has"
                    + " value:t[v,format=%.3f] there"), p.get(0).message());
        }

        @Test
        @DisplayName("fails a translation that stops early or runs a snippet its twin does not")
        void missingAndExtra() {
            List<Problem> early = Translations.compare("zh.adoc", List.of("= 标题", "snippet::a[]"),
                    "en.adoc", List.of("= T", "snippet::a[]", "chart::b[]"));
            assertTrue(early.get(0).message().startsWith("ends before chart::b[] (en.adoc:3, its macro 2 of 2)"), early.toString());
            List<Problem> extra = Translations.compare("zh.adoc", List.of("= 标题", "snippet::a[]", "snippet::b[]"),
                    "en.adoc", List.of("= T", "snippet::a[]"));
            assertEquals("zh.adoc:3", extra.get(0).location());
        }
    }

    @Nested
    @DisplayName(":translated-from:")
    class Blobs {

        @Test
        @DisplayName("is git hash-object's SHA-1 of \"blob <length>\\0\" and the bytes")
        void blob(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("hello.txt"), "hello\n");
            // `printf 'hello\n' | git hash-object --stdin`, git's documented example
            assertEquals("ce013625030ba8dba906f756967f9e9ca394464a", Translations.blob(file));
        }

        @Test
        @DisplayName("a language directory without a message bundle is not an edition, and is named")
        void noBundle(@TempDir Path root) throws IOException {
            Files.createDirectories(root.resolve("docs/fr"));
            Files.createDirectories(root.resolve("docs/theme"));
            Files.writeString(root.resolve("docs/a.adoc"), "= A\n");
            Files.writeString(root.resolve("docs/fr/a.adoc"), "= A\n");
            Files.writeString(root.resolve("docs/theme/a.adoc"), "= not a language\n");
            assertEquals(List.of("en"), Edition.all(root.resolve("docs")).stream().map(Edition::lang).toList());
            assertEquals(List.of(root.resolve("docs/fr")), Edition.withoutBundle(root.resolve("docs")));
        }

        @Test
        @DisplayName("reports a stale page with both blobs; a missing or malformed marker fails at its line")
        void stale(@TempDir Path root) throws IOException {
            Path docs = Files.createDirectories(root.resolve("docs/zh-CN"));
            Files.writeString(root.resolve("docs/a.adoc"), "= A\n\nText.\n");
            Files.writeString(root.resolve("docs/b.adoc"), "= B\n\nText.\n");
            Files.writeString(root.resolve("docs/c.adoc"), "= C\n\nText.\n");
            String old = "0123456789abcdef0123456789abcdef01234567";
            Files.writeString(docs.resolve("a.adoc"), "= 甲\n:translated-from: " + old + "\n\n正文。\n", StandardCharsets.UTF_8);
            Files.writeString(docs.resolve("b.adoc"), "= 乙\n\n正文。\n", StandardCharsets.UTF_8);
            Files.writeString(docs.resolve("c.adoc"), "= 丙\n:description: d\n:translated-from: HEAD\n\n正文。\n", StandardCharsets.UTF_8);
            Files.writeString(docs.resolve("d.adoc"), "= 丁\n", StandardCharsets.UTF_8);
            BuildConfig config = BuildConfig.standard(root);
            List<Edition> editions = Edition.all(config.docsDir());
            assertEquals(List.of("en", "zh-CN"), editions.stream().map(Edition::lang).toList());
            List<Translations.Stale> stale = Translations.stale(config, editions);
            assertEquals(1, stale.size());
            String now = Translations.blob(root.resolve("docs/a.adoc"));
            assertEquals("docs/zh-CN/a.adoc:2: translated from an older docs/a.adoc (blob " + old + "); docs/a.adoc is now blob "
                    + now + ". See what changed with `git diff " + old + " " + now + "`, bring the translation up to date,"
                    + " then set :translated-from: " + now, stale.get(0).message());
            List<String> problems = Translations.check(config, editions).stream().map(p -> p.location() + " " + p.message()).toList();
            assertEquals(3, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("docs/zh-CN/b.adoc:1 no :translated-from: in the page's header: add `:translated-from: "
                    + Translations.blob(root.resolve("docs/b.adoc")) + "`"), problems.get(0));
            assertTrue(problems.get(1).startsWith("docs/zh-CN/c.adoc:3 :translated-from: must be the 40 hex digits"), problems.get(1));
            assertTrue(problems.get(2).startsWith("docs/zh-CN/d.adoc translates no page: there is no docs/d.adoc"), problems.get(2));
        }
    }

    @Nested
    @DisplayName("CJK line breaks")
    class LineBreaks {

        private String joined(String html) {
            var doc = Jsoup.parseBodyFragment(html);
            doc.outputSettings().prettyPrint(false);
            Element body = doc.body();
            CjkLineBreaks.join(body);
            return body.html().replace("\n", "⏎");
        }

        @Test
        @DisplayName("vanish between two Chinese characters or full-width punctuation")
        void betweenHan() {
            assertEquals("<p>交叉熵衡量两个分布。它不对称。</p>", joined("<p>交叉熵\n衡量两个分布。\n它不对称。</p>"));
            assertEquals("<p>“熵”是平均信息量</p>", joined("<p>“熵”\n是平均信息量</p>"));
        }

        @Test
        @DisplayName("stay a space next to Latin letters, digits, math and in English prose")
        void staySpaces() {
            assertEquals("<p>单位是⏎bits 和⏎42</p>", joined("<p>单位是\nbits 和\n42</p>"));
            assertEquals("<p>English “quoted”⏎words</p>", joined("<p>English “quoted”\nwords</p>"));
        }

        @Test
        @DisplayName("vanish between inline elements of one paragraph, not between paragraphs")
        void inline() {
            assertEquals("<p><em>交叉熵</em><strong>衡量</strong>差异</p>", joined("<p><em>交叉熵</em>\n<strong>衡量</strong>\n差异</p>"));
            assertEquals("<p>甲</p>⏎<p>乙</p>", joined("<p>甲</p>\n<p>乙</p>"));
        }

        @Test
        @DisplayName("never start a line with the full-width comma after inline math or code")
        void punctuation() {
            var doc = Jsoup.parseBodyFragment("<p>当 <span class=\"math math-inline\">x</span>，它 <code>f</code>。<code>g</code> 和</p>");
            doc.outputSettings().prettyPrint(false);
            assertEquals(2, CjkLineBreaks.keepPunctuation(doc.body()));
            assertEquals("<p>当 <span class=\"nobr\"><span class=\"math math-inline\">x</span>，</span>它 <span class=\"nobr\"><code>f</code>。</span>"
                    + "<code>g</code> 和</p>", doc.body().html());
        }

        @Test
        @DisplayName("leave code, preformatted text and math alone")
        void code() {
            assertEquals("<pre>中文\n注释</pre>", joined("<pre>中文\n注释</pre>").replace("⏎", "\n"));
            assertEquals("<p><code>甲⏎乙</code></p>", joined("<p><code>甲\n乙</code></p>"));
            assertEquals("<p><span class=\"math\">\\(\\text{甲}⏎\\text{乙}\\)</span></p>",
                    joined("<p><span class=\"math\">\\(\\text{甲}\n\\text{乙}\\)</span></p>"));
        }
    }
}
