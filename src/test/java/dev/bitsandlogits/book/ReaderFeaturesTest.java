package dev.bitsandlogits.book;

import dev.bitsandlogits.press.build.BookPages;
import dev.bitsandlogits.press.build.SearchIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reader features of the builder")
class ReaderFeaturesTest {

    @Nested
    @DisplayName("the book's page order")
    class Order {

        @Test
        @DisplayName("is index, numbered chapters, notation, references, then the rest; titles come from '= Title'")
        void order(@TempDir Path docs) throws IOException {
            write(docs, "references.adoc", "= References\n");
            write(docs, "02-entropy.adoc", "= Entropy\n:description: Expected surprise.\n\nText.\n");
            write(docs, "zeta.adoc", "= Zeta\n");
            write(docs, "index.adoc", "= Bits & Logits\n");
            write(docs, "notation.adoc", "= Notation\n");
            write(docs, "01-information.adoc", "// a comment first\n= Information content\n");
            write(docs, "_partial.adoc", "= Not a page\n");
            BookPages pages = BookPages.scan(docs);
            assertEquals(List.of("index", "01-information", "02-entropy", "notation", "references", "zeta"),
                    pages.entries().stream().map(BookPages.Entry::base).toList());
            BookPages.Entry entropy = pages.entries().get(2);
            assertEquals("2. Entropy", entropy.label());
            assertEquals("Expected surprise.", entropy.description());
            assertEquals("Information content", pages.entries().get(1).title());
        }
    }

    @Nested
    @DisplayName("math in the prose")
    class Math {

        @Test
        @DisplayName("each \\( … \\) and \\[ … \\] becomes a span.math; code is left alone")
        void wraps() {
            Element content = Jsoup.parseBodyFragment("<div id='content'><p>If \\(p = 1\\), then \\(I = 0\\).</p>"
                    + "<div class='stemblock'><div class='content'>\\[H(p) = -\\sum p \\log p\\]</div></div>"
                    + "<pre><code>String s = \"\\\\(\";</code></pre></div>").getElementById("content");
            assertTrue(PageChrome.wrapMath(content));
            assertEquals(List.of("\\(p = 1\\)", "\\(I = 0\\)"), content.select("span.math-inline").eachText());
            assertEquals("\\[H(p) = -\\sum p \\log p\\]", content.selectFirst("span.math-display").text());
            assertEquals("If , then .", content.selectFirst("p").ownText());
            assertTrue(content.select("pre span.math").isEmpty());
        }

        @Test
        @DisplayName("a page without TeX reports none, so it loads no KaTeX")
        void none() {
            assertFalse(PageChrome.wrapMath(Jsoup.parseBodyFragment("<p>No math (here).</p>").body()));
        }
    }

    @Nested
    @DisplayName("the search index")
    class Search {

        @Test
        @DisplayName("strings are JSON and safe inside a script element")
        void escaping() {
            assertEquals("\"a \\\"b\\\" \\\\ <\\/script> \\u2028 \\n\"", SearchIndex.string("a \"b\" \\ </script> \u2028 \n"));
        }

        @Test
        @DisplayName("has one entry per section with its own text, without results or TeX")
        void sections(@TempDir Path site) throws IOException {
            write(site, "index.html", "<html><body><div id='content'><div id='preamble'><p>Welcome.</p></div>"
                    + "<div class='sect1'><h2 id='coins'><a class='anchor' href='#coins'></a>Coins</h2><div class='sectionbody'>"
                    + "<p>A fair coin <span class='math'>\\(p\\)</span> flips.</p><div class='snippet-results'>x ⇒ 1</div>"
                    + "<div class='sect2'><h3 id='biased'>Biased coins</h3><p>Loaded.</p></div></div></div></div></body></html>");
            BookPages pages = new BookPages(List.of(new BookPages.Entry("index", "Bits & Logits", null, "")));
            List<SearchIndex.Entry> entries = SearchIndex.read(site, pages);
            assertEquals(List.of(
                    new SearchIndex.Entry("index.html", "Introduction", "", "Introduction", "Welcome."),
                    new SearchIndex.Entry("index.html", "Introduction", "coins", "Coins", "A fair coin flips."),
                    new SearchIndex.Entry("index.html", "Introduction", "biased", "Biased coins", "Loaded.")), entries);
        }
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
