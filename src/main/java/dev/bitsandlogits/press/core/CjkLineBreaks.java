package dev.bitsandlogits.press.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Removes the space a line break of the AsciiDoc source leaves between two Chinese (or Japanese)
 * characters: a browser shows a newline inside a paragraph as a space, which Chinese text does not
 * have ({@code 交叉熵\n衡量} would read {@code 交叉熵 衡量}). Works on the converted page, so every
 * message keeps its source line; code, math, scripts and preformatted blocks are left alone, and a
 * break next to a Latin letter, a digit or math stays a space. Breaks between two inline elements
 * of one paragraph ({@code <em>熵</em>\n<strong>…}) are joined too.
 */
public final class CjkLineBreaks {

    /** Han, kana, CJK and full-width punctuation: the characters between which there is no space. */
    private static final String CJK = "\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
    /** Quotation marks Chinese shares with English: joined only when the other side is CJK. */
    private static final String QUOTES = "\\u2018\\u2019\\u201c\\u201d";
    private static final Pattern INSIDE = Pattern.compile(
            "(?<=[" + CJK + "])[ \\t]*\\n[ \\t]*(?=[" + CJK + QUOTES + "])|(?<=[" + QUOTES + "])[ \\t]*\\n[ \\t]*(?=[" + CJK + "])");
    private static final Pattern CJK_CHAR = Pattern.compile("[" + CJK + "]");
    private static final Pattern CJK_OR_QUOTE = Pattern.compile("[" + CJK + QUOTES + "]");
    private static final Set<String> SKIP = Set.of("pre", "code", "script", "style", "textarea", "samp", "kbd", "svg", "math");
    private static final Set<String> BLOCKS = Set.of("p", "li", "dd", "dt", "td", "th", "div", "blockquote", "figcaption",
            "caption", "h1", "h2", "h3", "h4", "h5", "h6", "body", "section", "summary", "details");

    private CjkLineBreaks() {
    }

    /** Joins the lines under {@code root}; returns the number of breaks removed. */
    public static int join(Element root) {
        List<TextNode> texts = new ArrayList<>();
        collect(root, texts);
        int joined = 0;
        for (TextNode t : texts) {
            String s = t.getWholeText();
            String j = INSIDE.matcher(s).replaceAll("");
            if (!j.equals(s)) {
                joined += (s.length() - j.length() > 0) ? 1 : 0;
                t.text(j);
            }
        }
        // A break that is a text node of its own, between two inline elements: <em>熵</em>\n<b>衡</b>.
        for (int i = 1; i + 1 < texts.size(); i++) {
            TextNode t = texts.get(i);
            String s = t.getWholeText();
            if (!s.isBlank() || !s.contains("\n") || block(t) != block(texts.get(i - 1)) || block(t) != block(texts.get(i + 1))) {
                continue;
            }
            String left = texts.get(i - 1).getWholeText().stripTrailing();
            String right = texts.get(i + 1).getWholeText().stripLeading();
            if (!left.isEmpty() && !right.isEmpty() && joins(left.substring(left.length() - 1), right.substring(0, 1))) {
                t.text("");
                joined++;
            }
        }
        // A break at the edge of a text node, between it and the next text of the same paragraph.
        for (int i = 0; i + 1 < texts.size(); i++) {
            TextNode a = texts.get(i);
            TextNode b = texts.get(i + 1);
            if (block(a) != block(b)) {
                continue;
            }
            String sa = a.getWholeText();
            String sb = b.getWholeText();
            String trimmedA = sa.stripTrailing();
            String trimmedB = sb.stripLeading();
            boolean breakBetween = sa.substring(trimmedA.length()).contains("\n") || sb.substring(0, sb.length() - trimmedB.length()).contains("\n");
            if (!breakBetween || trimmedA.isEmpty() || trimmedB.isEmpty()) {
                continue;
            }
            String left = trimmedA.substring(trimmedA.length() - 1);
            String right = trimmedB.substring(0, 1);
            if (joins(left, right)) {
                a.text(trimmedA);
                b.text(trimmedB);
                joined++;
            }
        }
        return joined;
    }

    /** Full-width punctuation a line must not start with (Chinese line-breaking rules). */
    private static final String CLOSING = "，。、；：？！）」』】》〉”’";

    /**
     * Keeps inline math, code or a computed value together with the full-width punctuation right after
     * it ({@code stem:[x]，}), when it is short: the browser would otherwise start a line with the comma. Returns the
     * number of pairs kept together.
     */
    public static int keepPunctuation(Element root) {
        int kept = 0;
        for (Element e : root.select("span.math-inline, code, span.computed")) {
            if (e.parent() != null && e.parent().hasClass("nobr")) {
                continue;
            }
            // Only short ones: a long formula must keep its own break points on a phone.
            String shown = e.hasClass("math-inline") && !e.select("annotation").isEmpty() ? e.select("annotation").text() : e.text();
            if (shown.length() > 32) {
                continue;
            }
            Node next = e.nextSibling();
            if (next instanceof TextNode t && !t.getWholeText().isEmpty() && CLOSING.indexOf(t.getWholeText().charAt(0)) >= 0) {
                String s = t.getWholeText();
                Element box = new Element("span").addClass("nobr");
                e.before(box);
                box.appendChild(e);
                box.appendChild(new TextNode(s.substring(0, 1)));
                t.text(s.substring(1));
                kept++;
            }
        }
        return kept;
    }

    private static boolean joins(String left, String right) {
        return (CJK_CHAR.matcher(left).matches() && CJK_OR_QUOTE.matcher(right).matches())
                || (CJK_OR_QUOTE.matcher(left).matches() && CJK_CHAR.matcher(right).matches());
    }

    private static Element block(Node node) {
        Element e = node.parent() instanceof Element p ? p : null;
        while (e != null && !BLOCKS.contains(e.tagName())) {
            e = e.parent();
        }
        return e;
    }

    private static void collect(Node node, List<TextNode> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.add(t);
            } else if (child instanceof Element e && !SKIP.contains(e.tagName()) && !e.hasClass("math")
                    && !e.hasClass("katex") && !e.hasClass("literalblock") && !e.hasClass("listingblock")) {
                collect(e, out);
            }
        }
    }
}
