package dev.bitsandlogits.book;

import dev.bitsandlogits.press.asciidoctor.Conversion;
import dev.bitsandlogits.press.build.BookPages;
import dev.bitsandlogits.press.core.CjkLineBreaks;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.math.MathTypesetter;
import dev.bitsandlogits.press.core.Messages;
import dev.bitsandlogits.press.asciidoctor.PageContext;

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

    private final Conversion book;

    PageChrome(Conversion book) {
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
        PageContext context = book.currentPage();
        Path bookDocs = context != null ? context.config.docsDir() : docsDir;
        Edition edition = Edition.of(bookDocs, docsDir.resolve(base + ".adoc"));
        Messages m = edition.messages();
        String root = edition.root();
        org.jsoup.nodes.Document html = Jsoup.parse(output);
        html.outputSettings().prettyPrint(false);

        Element head = html.head();
        Element body = html.body();
        String title = html.title();
        if (!base.equals("index")) {
            html.title(title + " · " + m.get("site.name"));
        }
        languages(head, bookDocs, edition, base);
        head.prependElement("meta").attr("name", "color-scheme").attr("content", "light dark");
        // Our theme is the whole stylesheet; Asciidoctor's default one would cost 29 KB to undo.
        head.select("link[rel=stylesheet][href$=asciidoctor.css]").remove();
        head.appendElement("script").appendChild(new org.jsoup.nodes.DataNode(THEME_BOOT));
        // The words the stylesheet shows (generated content), in the page's language.
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(":root{--bl-results:" + cssString(m.get("css.results"))
                + ";--bl-scroll:" + cssString(m.get("css.scroll")) + "}"));
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
        main.before(siteBar(pages, m, languageSwitch(bookDocs, edition, base)));
        main.before(bookNav(pages, base, m));
        body.prependChild(new Element("a").addClass("skip-link").attr("href", "#content").text(m.get("skip.content")));
        // The theme's script reads its words (copy button, theme toggle, search) from here.
        body.appendElement("script").attr("type", "application/json").attr("id", "bl-strings")
                .appendChild(new org.jsoup.nodes.DataNode(m.script()));

        Element toc = header.getElementById("toc");
        if (toc != null) {
            Element details = new Element("details").attr("id", "toc").addClass("page-toc").attr("open", true);
            details.appendElement("summary").attr("id", "toctitle").text(m.get("toc.title"));
            for (Element ul : toc.select("> ul")) {
                details.appendChild(ul);
            }
            toc.replaceWith(details);
            details.after(new Element("script").appendChild(new org.jsoup.nodes.DataNode(TOC_BOOT)));
        }
        for (Element anchor : content.select("a.anchor")) {
            Element heading = anchor.parent();
            String name = heading == null ? "" : heading.text();
            anchor.attr("aria-label", m.format("anchor.label", name));
        }
        if (wrapMath(content)) {
            // Last in the head, where the theme's script used to add it: the cascade is as before. Its fonts
            // load only when a formula uses them.
            head.appendElement("link").attr("rel", "stylesheet").attr("href", root + "assets/katex/katex.min.css");
            if (book.math().available()) {
                typeset(content, book.page());
            } else {
                head.appendElement("script").attr("defer", true).attr("src", root + "assets/katex/katex.min.js");
                head.appendElement("script").appendChild(new org.jsoup.nodes.DataNode(TYPESET_IN_BROWSER));
            }
        }
        tables(content, m);
        // A widget's script (55-60 KB, its start draws both figures) loads as the widget nears the screen
        // (bits-and-logits.js), not with the page: a phone opening the chapter does not run it. Without JavaScript
        // the figure is the same (the build drew it at the start values).
        for (Element script : content.select("script[src^=widgets/]")) {
            Element figure = null;
            for (Element before = script.previousElementSibling(); before != null && figure == null; before = before.previousElementSibling()) {
                figure = before.is("figure.widget") ? before : before.selectFirst("figure.widget");
            }
            if (figure != null && !figure.hasAttr("data-script")) {
                figure.attr("data-script", script.attr("src"));
                script.remove();
            }
        }
        if (!edition.original()) {
            untranslatedLinks(content, edition, bookDocs);
        }
        CjkLineBreaks.join(header);
        CjkLineBreaks.join(content);
        CjkLineBreaks.keepPunctuation(content);
        // Code, results and display math scroll sideways when wide: keyboard users must reach them.
        for (Element scrolling : content.select(".listingblock pre, .literalblock pre, .snippet-results, .stemblock > .content")) {
            scrolling.attr("tabindex", "0");
        }

        boolean hasSnippets = !content.select(".snippet-results").isEmpty();
        Path project = bookDocs.toAbsolutePath().getParent();
        boolean hasJar = project != null && Files.exists(project.resolve("target/bits-and-logits.jar"));
        Element h1 = header.selectFirst("h1");
        if (hasSnippets && h1 != null) {
            h1.after(new Element("p").addClass("run-link").appendChild(
                    new Element("a").attr("href", "#run-this-chapter").text(m.get("run.link"))));
        }
        main.appendChild(footer(pages, base, hasSnippets, hasJar, m, root));
        return html.outerHtml();
    }

    /**
     * The link to this page in each other language ({@code <a hreflang>} in the site bar), or to that
     * edition's home when the page has no twin there; the theme's script adds the reader's
     * {@code #section} on the way (twins share their ids). Null in a book with one language.
     */
    private static Element languageSwitch(Path bookDocs, Edition current, String base) {
        List<Edition> editions = Edition.all(bookDocs);
        if (editions.size() < 2) {
            return null;
        }
        Element list = new Element("ul").addClass("language-switch");
        for (Edition other : editions) {
            if (other.equals(current)) {
                continue;
            }
            Messages theirs = other.messages();
            boolean twin = Files.exists(other.docsDir().resolve(base + ".adoc"));
            String home = Files.exists(other.docsDir().resolve("index.adoc")) ? "index" : BookPages.scan(other.docsDir())
                    .entries().stream().map(BookPages.Entry::base).findFirst().orElse("index");
            String href = current.root() + other.dir() + (twin ? base : home) + ".html";
            Element a = list.appendElement("li").appendElement("a").addClass("language-link").attr("href", href)
                    .attr("hreflang", other.lang()).attr("lang", other.lang())
                    .attr("title", theirs.get(twin ? "language.switch" : "language.home"))
                    .text(theirs.get("language.name"));
            if (twin) {
                a.attr("data-keep-fragment", "");
            }
        }
        return list;
    }

    /**
     * A translated page's links to pages its edition does not have (yet) lead to the original's page:
     * a translation can be published chapter by chapter.
     */
    private static void untranslatedLinks(Element content, Edition edition, Path bookDocs) {
        for (Element a : content.select("a[href]")) {
            String href = a.attr("href");
            Matcher m = LOCAL_PAGE.matcher(href);
            if (m.matches() && !Files.exists(edition.docsDir().resolve(m.group(1) + ".adoc"))
                    && Files.exists(bookDocs.resolve(m.group(1) + ".adoc"))) {
                a.attr("href", edition.root() + href).attr("hreflang", Edition.ORIGINAL);
            }
        }
    }

    private static final Pattern LOCAL_PAGE = Pattern.compile("([A-Za-z0-9_-]+)\\.html(#.*)?");

    /** A CSS string literal. */
    static String cssString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c < 0x20) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code <link rel="alternate" hreflang>} for each edition that has this page, this one included. */
    private static void languages(Element head, Path bookDocs, Edition current, String base) {
        List<Edition> editions = Edition.all(bookDocs);
        if (editions.size() < 2) {
            return;
        }
        for (Edition e : editions) {
            if (Files.exists(e.docsDir().resolve(base + ".adoc"))) {
                head.appendElement("link").attr("rel", "alternate").attr("hreflang", e.lang())
                        .attr("href", (e.equals(current) ? "" : current.root() + e.dir()) + base + ".html");
            }
        }
    }

    /** The site name links the landing page: index.html, or the first page of a book without one. */
    private static Element siteBar(BookPages pages, Messages m, Element languageSwitch) {
        String home = pages.entries().stream().map(BookPages.Entry::base).filter("index"::equals).findFirst()
                .or(() -> pages.entries().stream().map(BookPages.Entry::base).findFirst()).orElse("index") + ".html";
        Element bar = new Element("header").addClass("site-bar");
        bar.appendElement("button").addClass("nav-toggle").attr("type", "button").attr("aria-controls", "book-nav")
                .attr("aria-expanded", "false").html("<span aria-hidden=\"true\">☰</span> <span class=\"label\"></span>");
        bar.selectFirst(".nav-toggle .label").text(m.get("nav.toggle"));
        bar.appendElement("a").addClass("site-name").attr("href", home).text(m.get("site.name"));
        Element search = bar.appendElement("div").addClass("search").attr("role", "search");
        search.appendElement("label").addClass("visually-hidden").attr("for", "search-input").text(m.get("search.label"));
        search.appendElement("input").attr("id", "search-input").attr("type", "search").attr("placeholder", m.get("search.placeholder"))
                .attr("autocomplete", "off").attr("spellcheck", "false").attr("aria-controls", "search-results");
        search.appendElement("div").attr("id", "search-results").addClass("search-results").attr("aria-live", "polite").attr("hidden", true);
        bar.appendElement("button").addClass("theme-toggle").attr("type", "button").attr("aria-pressed", "false")
                .html("<span aria-hidden=\"true\" class=\"theme-icon\"></span><span class=\"visually-hidden\"></span>");
        bar.selectFirst(".theme-toggle .visually-hidden").text(m.get("theme.toggle"));
        if (languageSwitch != null) {
            bar.appendChild(languageSwitch);
        }
        return bar;
    }

    private static Element bookNav(BookPages pages, String current, Messages m) {
        Element nav = new Element("nav").attr("id", "book-nav").addClass("book-nav").attr("aria-label", m.get("nav.label"));
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
            link.appendText(e.base().equals("index") ? m.get("page.introduction") : e.title());
            if (e.base().equals(current)) {
                link.attr("aria-current", "page");
                item.addClass("current");
            }
        }
        return nav;
    }

    private static Element footer(BookPages pages, String base, boolean hasSnippets, boolean hasJar, Messages m,
                                  String root) {
        Element footer = new Element("footer").addClass("page-footer");
        if (hasSnippets) {
            // One script a chapter serves every edition: the code is the same (Translations checks it).
            String script = "jshell/" + base + ".jsh";
            Element run = footer.appendElement("section").addClass("run-in-jshell").attr("id", "run-this-chapter")
                    .attr("aria-labelledby", "run-this-chapter-title");
            run.appendElement("h2").attr("id", "run-this-chapter-title").text(m.get("run.title"));
            Element p = run.appendElement("p");
            p.appendText(m.get("run.script.before"));
            p.appendElement("a").attr("href", root + script).attr("download", "").appendElement("code").text(script);
            p.appendText(m.get("run.script.after"));
            run.appendElement("pre").addClass("command").appendElement("code")
                    .text("./mvnw -q compile jshell:run -Djshell.scripts=site/" + script);
            Element p2 = run.appendElement("p");
            p2.appendText(m.get("run.jdk.before"));
            if (hasJar) {
                p2.appendElement("a").attr("href", root + "bits-and-logits.jar").attr("download", "").appendElement("code").text("bits-and-logits.jar");
            } else {
                p2.appendElement("code").text("bits-and-logits.jar");
            }
            p2.appendText(m.get("run.jdk.after"));
            run.appendElement("pre").addClass("command").appendElement("code")
                    .text("jshell --class-path bits-and-logits.jar " + base + ".jsh");
        }
        int i = pages.indexOf(base).orElse(-1);
        if (i >= 0) {
            Element nav = footer.appendElement("nav").addClass("prev-next").attr("aria-label", m.get("prevnext.label"));
            if (i > 0) {
                pageLink(nav, pages.entries().get(i - 1), "prev", m.get("prev"), m);
            }
            if (i + 1 < pages.entries().size()) {
                pageLink(nav, pages.entries().get(i + 1), "next", m.get("next"), m);
            }
        }
        return footer;
    }

    private static void pageLink(Element nav, BookPages.Entry e, String rel, String label, Messages m) {
        Element a = nav.appendElement("a").addClass(rel).attr("rel", rel).attr("href", e.href());
        a.appendElement("span").addClass("direction").text(label);
        a.appendElement("span").addClass("page-title").text(e.base().equals("index") ? m.get("page.introduction") : e.label());
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

    /** Lets tables scroll in a box of their own; identifiers in inline code break after {@code .}, {@code _} and {@code (} only. */
    static void tables(Element content, Messages m) {
        int n = 0;
        for (Element table : content.select("table.tableblock")) {
            n++;
            if (table.parent() != null && !table.parent().hasClass("table-scroll")) {
                // A named region a keyboard can scroll; each name unique on the page (axe: landmark-unique).
                Element caption = table.selectFirst("caption");
                Element box = new Element("div").addClass("table-scroll").attr("tabindex", "0")
                        .attr("role", "region").attr("aria-label", caption != null && !caption.text().isBlank()
                                ? caption.text() : m.format("table.label", n));
                table.before(box);
                box.appendChild(table);
            }
        }
        // Inline code anywhere (prose, lists, tables): a phone breaks a long name after . _ ( and nowhere inside a word.
        for (Element code : content.select("code")) {
            if (code.closest("pre, .snippet-results, .katex") == null) {
                identifierBreaks(code);
            }
        }
    }

    /** A break point between a word and the next, after {@code .}, {@code _} or {@code (}: {@code Measures.cross_entropy(p, q)}. */
    private static final Pattern IDENTIFIER_BREAK = Pattern.compile("(?<=[^\\s._(][._(])(?=[^\\s._()\\d,])");

    /** Puts a {@code <wbr>} at each {@link #IDENTIFIER_BREAK} in the text of {@code code}. */
    static void identifierBreaks(Element code) {
        List<TextNode> texts = new ArrayList<>();
        collect(code, texts);
        for (TextNode text : texts) {
            String t = text.getWholeText();
            String[] pieces = IDENTIFIER_BREAK.split(t);
            if (pieces.length < 2) {
                continue;
            }
            for (int i = 0; i < pieces.length; i++) {
                text.before(new TextNode(pieces[i]));
                if (i < pieces.length - 1) {
                    text.before(new Element("wbr"));
                }
            }
            text.remove();
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
