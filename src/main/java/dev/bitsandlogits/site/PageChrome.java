package dev.bitsandlogits.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Postprocessor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The reader's frame around each converted page: the site bar (search, theme toggle), the book's
 * navigation with the current page marked, the in-page contents as a collapsible panel, labels on
 * the heading anchors, previous/next links and the chapter's JShell script. Also wraps every
 * {@code \( … \)} and {@code \[ … \]} that Asciidoctor leaves for a typesetter in a
 * {@code span.math} and typesets it there with {@link MathTypesetter}; TeX that KaTeX rejects is
 * a problem at its line. Where KaTeX cannot run at build time, the page loads it and typesets the
 * spans in the browser instead.
 */
final class PageChrome extends Postprocessor {

    static final String SITE_NAME = "Bits & Logits";

    /** Runs in the head before the first paint: no flash of the wrong theme. */
    private static final String THEME_BOOT = "(function(){var d=document.documentElement,t=null;d.classList.add('js');"
            + "try{t=localStorage.getItem('bl-theme')}catch(e){}"
            + "d.setAttribute('data-theme',t||(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'))})()";

    /** Collapses the in-page contents on screens too narrow for a third column (matches the CSS breakpoint). */
    private static final String TOC_BOOT = "if(matchMedia('(max-width: 79.99em)').matches)document.getElementById('toc').open=false";

    /** The fallback: typesets each span.math once KaTeX's deferred script has run. */
    private static final String TYPESET_IN_BROWSER = "document.addEventListener('DOMContentLoaded',function(){"
            + "document.querySelectorAll('.math').forEach(function(e){var t=e.textContent.trim();"
            + "try{katex.render(t.slice(2,-2),e,{displayMode:e.classList.contains('math-display'),throwOnError:true})}"
            + "catch(x){console.error('KaTeX could not typeset '+t+': '+x.message)}})})";

    private static final Pattern MATH = Pattern.compile("\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);
    private static final Set<String> NO_MATH = Set.of("pre", "code", "script", "style", "textarea", "samp", "kbd");

    private final Book book;

    PageChrome(Book book) {
        this.book = book;
    }

    @Override
    public String process(Document document, String output) {
        Object docdir = document.getAttribute("docdir");
        String base = String.valueOf(document.getAttribute("docname"));
        if (docdir == null) {
            return output;
        }
        Path docsDir = Path.of(docdir.toString());
        BookPages pages = BookPages.scan(docsDir);
        org.jsoup.nodes.Document html = Jsoup.parse(output);
        html.outputSettings().prettyPrint(false);

        Element head = html.head();
        Element body = html.body();
        String title = html.title();
        if (!base.equals("index")) {
            html.title(title + " · " + SITE_NAME);
        }
        head.prependElement("meta").attr("name", "color-scheme").attr("content", "light dark");
        // Our theme is the whole stylesheet; Asciidoctor's default one would cost 29 KB to undo.
        head.select("link[rel=stylesheet][href$=asciidoctor.css]").remove();
        head.appendElement("script").appendChild(new org.jsoup.nodes.DataNode(THEME_BOOT));
        // Our theme lays out the book and page contents itself: drop Asciidoctor's fixed left TOC column.
        body.removeClass("toc2").removeClass("toc-left").addClass("page-" + base);

        Element header = body.getElementById("header");
        Element content = body.getElementById("content");
        if (header == null || content == null) {
            return output;
        }
        Element main = new Element("main").attr("id", "main");
        header.before(main);
        main.appendChild(header);
        main.appendChild(content);
        main.before(siteBar(pages));
        main.before(bookNav(pages, base));
        body.prependChild(new Element("a").addClass("skip-link").attr("href", "#content").text("Skip to content"));

        Element toc = header.getElementById("toc");
        if (toc != null) {
            Element details = new Element("details").attr("id", "toc").addClass("page-toc").attr("open", true);
            details.appendElement("summary").attr("id", "toctitle").text("On this page");
            for (Element ul : toc.select("> ul")) {
                details.appendChild(ul);
            }
            toc.replaceWith(details);
            details.after(new Element("script").appendChild(new org.jsoup.nodes.DataNode(TOC_BOOT)));
        }
        for (Element anchor : content.select("a.anchor")) {
            Element heading = anchor.parent();
            String name = heading == null ? "" : heading.text();
            anchor.attr("aria-label", "Link to this section: " + name);
        }
        if (wrapMath(content)) {
            // Last in the head, where the theme's script used to add it: the cascade is as before. Its fonts
            // load only when a formula uses them.
            head.appendElement("link").attr("rel", "stylesheet").attr("href", "assets/katex/katex.min.css");
            if (book.math().available()) {
                typeset(content, book.page());
            } else {
                head.appendElement("script").attr("defer", true).attr("src", "assets/katex/katex.min.js");
                head.appendElement("script").appendChild(new org.jsoup.nodes.DataNode(TYPESET_IN_BROWSER));
            }
        }
        tables(content);
        // Code, results and display math scroll sideways when wide: keyboard users must reach them.
        for (Element scrolling : content.select(".listingblock pre, .literalblock pre, .snippet-results, .stemblock > .content")) {
            scrolling.attr("tabindex", "0");
        }

        boolean hasSnippets = !content.select(".snippet-results").isEmpty();
        Path root = docsDir.toAbsolutePath().getParent();
        boolean hasJar = root != null && Files.exists(root.resolve("target/bits-and-logits.jar"));
        Element h1 = header.selectFirst("h1");
        if (hasSnippets && h1 != null) {
            h1.after(new Element("p").addClass("run-link").appendChild(
                    new Element("a").attr("href", "#run-this-chapter").text("Run this chapter's code in JShell")));
        }
        main.appendChild(footer(pages, base, hasSnippets, hasJar));
        return html.outerHtml();
    }

    /** The site name links the landing page: index.html, or the first page of a book without one. */
    private static Element siteBar(BookPages pages) {
        String home = pages.entries().stream().map(BookPages.Entry::base).filter("index"::equals).findFirst()
                .or(() -> pages.entries().stream().map(BookPages.Entry::base).findFirst()).orElse("index") + ".html";
        Element bar = new Element("header").addClass("site-bar");
        bar.appendElement("button").addClass("nav-toggle").attr("type", "button").attr("aria-controls", "book-nav")
                .attr("aria-expanded", "false").html("<span aria-hidden=\"true\">☰</span> <span class=\"label\">Chapters</span>");
        bar.appendElement("a").addClass("site-name").attr("href", home).text(SITE_NAME);
        Element search = bar.appendElement("div").addClass("search").attr("role", "search");
        search.appendElement("label").addClass("visually-hidden").attr("for", "search-input").text("Search the book");
        search.appendElement("input").attr("id", "search-input").attr("type", "search").attr("placeholder", "Search")
                .attr("autocomplete", "off").attr("spellcheck", "false").attr("aria-controls", "search-results");
        search.appendElement("div").attr("id", "search-results").addClass("search-results").attr("aria-live", "polite").attr("hidden", true);
        bar.appendElement("button").addClass("theme-toggle").attr("type", "button").attr("aria-pressed", "false")
                .html("<span aria-hidden=\"true\" class=\"theme-icon\"></span><span class=\"visually-hidden\">Dark theme</span>");
        return bar;
    }

    private static Element bookNav(BookPages pages, String current) {
        Element nav = new Element("nav").attr("id", "book-nav").addClass("book-nav").attr("aria-label", "Book");
        Element list = nav.appendElement("ol");
        for (BookPages.Entry e : pages.entries()) {
            Element item = list.appendElement("li");
            if (e.number() != null) {
                item.addClass("chapter");
            }
            Element link = item.appendElement("a").attr("href", e.href());
            if (e.number() != null) {
                link.appendElement("span").addClass("chapter-number").text(e.number() + ".");
                link.appendText(" ");
            }
            link.appendText(e.base().equals("index") ? "Introduction" : e.title());
            if (e.base().equals(current)) {
                link.attr("aria-current", "page");
                item.addClass("current");
            }
        }
        return nav;
    }

    private static Element footer(BookPages pages, String base, boolean hasSnippets, boolean hasJar) {
        Element footer = new Element("footer").addClass("page-footer");
        if (hasSnippets) {
            String script = "jshell/" + base + ".jsh";
            Element run = footer.appendElement("section").addClass("run-in-jshell").attr("id", "run-this-chapter")
                    .attr("aria-labelledby", "run-this-chapter-title");
            run.appendElement("h2").attr("id", "run-this-chapter-title").text("Run this chapter");
            Element p = run.appendElement("p");
            p.appendText("Every snippet on this page, in order, is in ");
            p.appendElement("a").attr("href", script).attr("download", "").appendElement("code").text(script);
            p.appendText(". From a clone of the project:");
            run.appendElement("pre").addClass("command").appendElement("code")
                    .text("./mvnw -q compile jshell:run -Djshell.scripts=site/" + script);
            Element p2 = run.appendElement("p");
            p2.appendText("With only a JDK 17, next to ");
            if (hasJar) {
                p2.appendElement("a").attr("href", "bits-and-logits.jar").attr("download", "").appendElement("code").text("bits-and-logits.jar");
            } else {
                p2.appendElement("code").text("bits-and-logits.jar");
            }
            p2.appendText(":");
            run.appendElement("pre").addClass("command").appendElement("code")
                    .text("jshell --class-path bits-and-logits.jar " + base + ".jsh");
        }
        int i = pages.indexOf(base).orElse(-1);
        if (i >= 0) {
            Element nav = footer.appendElement("nav").addClass("prev-next").attr("aria-label", "Previous and next page");
            if (i > 0) {
                pageLink(nav, pages.entries().get(i - 1), "prev", "Previous");
            }
            if (i + 1 < pages.entries().size()) {
                pageLink(nav, pages.entries().get(i + 1), "next", "Next");
            }
        }
        return footer;
    }

    private static void pageLink(Element nav, BookPages.Entry e, String rel, String label) {
        Element a = nav.appendElement("a").addClass(rel).attr("rel", rel).attr("href", e.href());
        a.appendElement("span").addClass("direction").text(label);
        a.appendElement("span").addClass("page-title").text(e.base().equals("index") ? "Introduction" : e.label());
    }

    /** Replaces the TeX in each span.math with KaTeX's HTML; TeX that KaTeX rejects is reported at its line. */
    private void typeset(Element content, PageContext page) {
        long start = System.nanoTime();
        for (Element span : content.select("span.math")) {
            String raw = span.wholeText();
            String tex = raw.substring(2, raw.length() - 2);
            String cut = "stem:[" + tex.replace("]", "\\]") + "]]";
            if (!span.hasClass("math-display") && (page.quotes(cut) || page.quotes("stem:[" + tex + "]]"))) {
                // StemBrackets joined every balanced pair: a ] right after the macro is the formula's own, cut off.
                page.report(page.quotes(cut) ? cut : "stem:[" + tex + "]]", "stem:[" + tex + "] ends at a ] inside the formula,"
                        + " which is left as text after it; write that ] as \\] (stem:[(0, 1\\]])");
            }
            try {
                span.html(book.math().render(tex, span.hasClass("math-display")));
                String narrow = span.hasClass("math-display") ? justificationsBelow(tex) : null;
                if (narrow != null) {
                    // A proof's justifications (&& \text{…}) go under their step on a phone: a second rendering, one shown at a time.
                    span.addClass("math-wide");
                    span.after(new Element("span").addClass("math").addClass("math-display").addClass("math-narrow")
                            .html(book.math().render(narrow, true)));
                }
            } catch (MathTypesetter.TexError e) {
                page.report(sourceOf(tex, e.position(), page), e.getMessage());
            }
        }
        page.mathNanos += System.nanoTime() - start;
    }

    private static final Pattern JUSTIFICATION = Pattern.compile("\\s*&&\\s*(?=\\\\text\\{)");

    /**
     * {@code tex} with each {@code && \text{why}} of an aligned proof moved to a row of its own under
     * its step, indented; null if the formula has none.
     */
    static String justificationsBelow(String tex) {
        if (!tex.contains("\\begin{aligned}") || !JUSTIFICATION.matcher(tex).find()) {
            return null;
        }
        return JUSTIFICATION.matcher(tex).replaceAll(Matcher.quoteReplacement(" \\\\ & \\quad \\small "));
    }

    /** Lets tables scroll in a box of their own, and identifiers in their cells break after {@code _} and {@code .}. */
    static void tables(Element content) {
        int n = 0;
        for (Element table : content.select("table.tableblock")) {
            n++;
            if (table.parent() != null && !table.parent().hasClass("table-scroll")) {
                // A named region a keyboard can scroll; each name unique on the page (axe: landmark-unique).
                Element caption = table.selectFirst("caption");
                Element box = new Element("div").addClass("table-scroll").attr("tabindex", "0")
                        .attr("role", "region").attr("aria-label", caption != null && !caption.text().isBlank()
                                ? caption.text() : "Table " + n);
                table.before(box);
                box.appendChild(table);
            }
            for (Element code : table.select("td code, th code")) {
                List<TextNode> texts = new ArrayList<>();
                collect(code, texts);
                for (TextNode text : texts) {
                    String t = text.getWholeText();
                    if (!t.matches("(?s).*[_.].*[^_.].*")) {
                        continue;
                    }
                    String[] pieces = t.split("(?<=[_.])(?=[^_.])");
                    for (String piece : pieces) {
                        text.before(new TextNode(piece));
                        if (piece != pieces[pieces.length - 1]) {
                            text.before(new Element("wbr"));
                        }
                    }
                    text.remove();
                }
            }
        }
    }

    /**
     * The line of {@code tex} where KaTeX stopped ({@code position}; the first line if unknown), as
     * it stands in the page's source: as it is, or with {@code \]} where Asciidoctor unescaped the
     * {@code ]} of a {@code stem:[…]}.
     */
    private static String sourceOf(String tex, int position, PageContext page) {
        int at = Math.min(Math.max(position, 0), tex.length());
        int start = tex.lastIndexOf('\n', at - 1) + 1;
        int end = tex.indexOf('\n', at);
        String line = tex.substring(start, end < 0 ? tex.length() : end).strip();
        if (line.isEmpty()) {
            line = tex.strip().lines().findFirst().orElse("").strip();
        }
        String escaped = line.replace("]", "\\]");
        return !page.quotes(line) && page.quotes(escaped) ? escaped : line;
    }

    /** Wraps each TeX fragment of the prose in {@code <span class="math">}, leaving code alone; true if there was any. */
    static boolean wrapMath(Element root) {
        boolean any = false;
        List<TextNode> texts = new ArrayList<>();
        collect(root, texts);
        for (TextNode text : texts) {
            String s = text.getWholeText();
            Matcher m = MATH.matcher(s);
            if (!m.find()) {
                continue;
            }
            List<Node> parts = new ArrayList<>();
            int last = 0;
            do {
                if (m.start() > last) {
                    parts.add(new TextNode(s.substring(last, m.start())));
                }
                boolean display = m.group(2) != null;
                parts.add(new Element("span").addClass("math").addClass(display ? "math-display" : "math-inline")
                        .appendChild(new TextNode(m.group())));
                last = m.end();
            } while (m.find());
            if (last < s.length()) {
                parts.add(new TextNode(s.substring(last)));
            }
            for (Node part : parts) {
                text.before(part);
            }
            text.remove();
            any = true;
        }
        return any;
    }

    private static void collect(Node node, List<TextNode> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.add(t);
            } else if (child instanceof Element e && !NO_MATH.contains(e.tagName())) {
                collect(e, out);
            }
        }
    }
}
