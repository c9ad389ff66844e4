package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Html;
import dev.bitsandlogits.press.snippets.ListingWidth;
import dev.bitsandlogits.press.core.Messages;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.snippets.ResultNumbers;
import dev.bitsandlogits.press.snippets.Snippet;
import dev.bitsandlogits.press.snippets.SnippetIndex;
import dev.bitsandlogits.press.snippets.SnippetResult;
import dev.bitsandlogits.press.snippets.SnippetSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

/**
 * {@code snippet::china-vs-brazil[]} — places a tagged region of the listings, executed at build
 * time, with each statement's value beneath the code. {@code snippet::tag[expect=IllegalArgumentException]}
 * marks a region that must throw: the page shows the exception, and the build fails if it does not throw.
 */
@Name("snippet")
public final class SnippetBlockMacro extends BlockMacroProcessor {

    private final Conversion book;

    public SnippetBlockMacro(Conversion book) {
        this.book = book;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        PageContext page = book.page();
        String needle = "snippet::" + target + "[";
        Snippet snippet = page.index.find(target).orElse(null);
        if (snippet == null) {
            page.report(needle, unknownTag(page.index, target));
            return null;
        }
        String expect = (String) attributes.get("expect");
        java.time.Duration limit = SnippetSession.DEFAULT_LIMIT;
        Object timeout = attributes.get("timeout");
        if (timeout != null) {
            java.util.Optional<java.time.Duration> given = seconds(timeout.toString());
            if (given.isEmpty()) {
                page.report(needle, "snippet '" + target + "': timeout=" + timeout
                        + " is not a time limit; write a number of seconds greater than 0, e.g. timeout=30");
                return null;
            }
            limit = given.get();
        }
        SnippetResult result = page.run(snippet, expect, limit);
        Problem problem = check(result, expect);
        List<String> messages = new java.util.ArrayList<>();
        if (problem != null) {
            messages.add(problem.message());
        }
        messages.addAll(ListingWidth.tooLong(snippet));
        if (messages.isEmpty()) {
            page.claim(needle);
        } else {
            page.report(needle, messages);
        }
        boolean echoAll = "all".equals(attributes.get("echo")) || "all".equals(parent.getDocument().getAttribute("snippet-echo"));
        parseContent(parent, render(result, (String) attributes.get("title"), problem == null ? page : null, echoAll));
        return null;
    }

    static String unknownTag(SnippetIndex index, String target) {
        List<String> similar = index.similarTo(target);
        return "unknown snippet tag '" + target + "'"
                + (similar.isEmpty() ? "" : " (did you mean " + String.join(", ", similar) + "?)")
                + "; tags are defined by // tag::name[] … // end::name[] in src/main/java/dev/bitsandlogits/listings";
    }

    private static final java.util.regex.Pattern TIMEOUT = java.util.regex.Pattern.compile("\\btimeout=\"?([^,\\]\"]+)");

    /** The time limit a {@code snippet::} macro line gives with {@code timeout=}, if it gives a valid one. */
    public static java.util.Optional<java.time.Duration> limit(String macroLine) {
        java.util.regex.Matcher m = TIMEOUT.matcher(macroLine);
        return m.find() ? seconds(m.group(1)) : java.util.Optional.empty();
    }

    /** A number of seconds greater than 0 (at most a day) as a duration, or empty. */
    static java.util.Optional<java.time.Duration> seconds(String text) {
        try {
            double s = Double.parseDouble(text.strip());
            return s > 0 && s <= 86_400 ? java.util.Optional.of(java.time.Duration.ofMillis((long) Math.ceil(s * 1000)))
                    : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The message for a snippet that failed unexpectedly, or was expected to fail and did not; else null. */
    static Problem check(SnippetResult result, String expect) {
        Snippet s = result.snippet();
        var failure = result.failure().orElse(null);
        String where = " (" + s.location() + ")";
        if (failure != null && failure.exceptionType() != null && SnippetSession.FAULTS.contains(failure.exceptionType())) {
            // A snippet after the one that ended the page's JShell: that one is reported.
            return SnippetSession.SESSION_LOST.equals(failure.exceptionType()) ? null
                    : new Problem(s.location(), "snippet '" + s.tag() + "' " + failure.exception() + where, null);
        }
        if (failure != null && failure.rejected() != null) {
            return new Problem(s.location(), "snippet '" + s.tag() + "' does not compile in JShell: "
                    + failure.rejected() + "; in: " + failure.source() + where, null);
        }
        if (failure != null && expect == null) {
            return new Problem(s.location(), "snippet '" + s.tag() + "' threw " + failure.exception() + where
                    + "; if the failure is the point, write snippet::" + s.tag() + "[expect=" + failure.exceptionType() + "]",
                    null);
        }
        if (failure != null && !expect.equals(failure.exceptionType())) {
            return new Problem(s.location(), "snippet '" + s.tag() + "' was expected to throw " + expect
                    + " but threw " + failure.exception() + where, null);
        }
        if (failure == null && expect != null) {
            return new Problem(s.location(), "snippet '" + s.tag() + "' was expected to throw " + expect
                    + " but completed normally" + where, null);
        }
        return null;
    }

    /** AsciiDoc for the code block (highlighted by Rouge) and an HTML block of results under it. */
    private static List<String> render(SnippetResult result, String title, PageContext page, boolean echoAll) {
        Snippet s = result.snippet();
        List<String> lines = new ArrayList<>();
        lines.add("[.snippet#snippet-" + s.tag() + "]");
        lines.add("--");
        if (title != null) {
            lines.add("." + title);
        }
        lines.add("[source,java]");
        lines.add("----");
        lines.addAll(s.code().strip().lines().toList());
        lines.add("----");
        lines.add("++++");
        lines.add(resultsHtml(result, page, echoAll));
        lines.add("++++");
        lines.add("--");
        return lines;
    }

    /**
     * The results under the code: what each statement printed, threw, or evaluated to. A declaration
     * whose initializer is a literal ({@code double w = 2.0;}) repeats the code and is left out
     * unless {@code echo=all}; a variable the snippet changes after declaring it shows the value it
     * ends with (and, if its initializer was computed, the value it started with, labelled). Doubles
     * are rounded by {@link ResultNumbers}; the exact text stays in the {@code title}.
     *
     * @param page the page, to read end values from its session; null when the snippet failed
     */
    static String resultsHtml(SnippetResult result, PageContext page, boolean echoAll) {
        Messages m = page != null ? page.messages() : Messages.of(Edition.ORIGINAL);
        StringBuilder html = new StringBuilder("<div class=\"snippet-results\" role=\"group\" aria-label=\"")
                .append(Html.escape(m.get("results.label"))).append("\">\n");
        List<SnippetResult.Statement> statements = result.statements();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SnippetResult.Statement st = statements.get(i);
            if (!st.output().isEmpty()) {
                html.append("<pre class=\"snippet-output\">").append(Html.escape(st.output().stripTrailing())).append("</pre>\n");
            }
            if (st.exception() != null) {
                html.append("<div class=\"snippet-value snippet-exception\"><span class=\"snippet-arrow\" aria-hidden=\"true\">⇒</span> <samp>")
                        .append(Html.escape(st.exception())).append("</samp></div>\n");
            } else if (st.value() != null) {
                boolean later = st.name() != null && page != null && changedAfter(statements, i);
                boolean literal = st.name() != null && literalInitializer(st.source(), st.name());
                if (later && !changed.contains(st.name())) {
                    changed.add(st.name());
                }
                if (literal && !echoAll) {
                    continue;
                }
                String label = st.name() != null ? st.name()
                        : st.source().lines().count() == 1 && st.source().length() <= 48 ? st.source().replaceAll(";$", "") : null;
                valueLine(html, label, later ? m.get("result.when-declared") : null, st.value(), m);
            }
        }
        for (String name : changed) {
            SnippetSession.Value end = page.value(result.snippet().tag(), name);
            if (end.text() != null) {
                valueLine(html, name, m.get("result.at-end"), end.text(), m);
            }
        }
        return html.append("</div>").toString();
    }

    private static void valueLine(StringBuilder html, String label, String note, String value, Messages m) {
        html.append("<div class=\"snippet-value\">");
        if (label != null) {
            html.append("<code class=\"snippet-name\">").append(Html.escape(label)).append("</code> ");
        }
        if (note != null) {
            html.append("<span class=\"snippet-note\">(").append(note).append(")</span> ");
        }
        String shown = ResultNumbers.formatValue(value);
        html.append("<span class=\"snippet-arrow\" aria-hidden=\"true\">⇒</span> <samp");
        if (!shown.equals(value)) {
            html.append(" title=\"").append(Html.escape(m.format("result.exactly", value))).append("\"");
        }
        html.append(">").append(Html.escape(shown)).append("</samp></div>\n");
    }

    private static final String LITERAL = "(?:-?(?:\\d[\\d_]*\\.?[\\d_]*|\\.\\d+)(?:[eE][-+]?\\d+)?[dDfFlL]?"
            + "|\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)+'|true|false|null)";
    /** An array initializer of literals only, nested ({@code {{1, 0}, {0, 1}}}), with or without {@code new double[][]}. */
    private static final String ARRAY = "(?:new\\s+[\\w.]+\\s*(?:\\[\\s*\\]\\s*)+)?\\{(?:[\\s,{}]|" + LITERAL + ")*\\}";

    /** Whether {@code name}'s initializer in {@code source} is a literal or an array of literals. */
    static boolean literalInitializer(String source, String name) {
        String code = source.replaceAll("//[^\n]*", " ");
        return java.util.regex.Pattern.compile("(?<![\\w.$])" + java.util.regex.Pattern.quote(name)
                + "\\s*=\\s*(?:" + LITERAL + "|" + ARRAY + ")\\s*[,;]").matcher(code).find();
    }

    /** Whether a statement after {@code index} assigns to the variable statement {@code index} declared. */
    static boolean changedAfter(List<SnippetResult.Statement> statements, int index) {
        String name = statements.get(index).name();
        if (name == null) {
            return false;
        }
        String q = java.util.regex.Pattern.quote(name);
        java.util.regex.Pattern assigned = java.util.regex.Pattern.compile(
                "(?<![\\w.$])" + q + "\\s*(?:\\[[^\\]]*\\]\\s*)*(?:[-+*/%&|^]|<<|>>>?)?=(?!=)"
                + "|(?<![\\w.$])" + q + "\\s*(?:\\+\\+|--)|(?:\\+\\+|--)\\s*" + q + "(?![\\w$])");
        String declared = statements.get(index).source();
        for (int i = index + 1; i < statements.size(); i++) {
            SnippetResult.Statement st = statements.get(i);
            if (st.source().equals(declared)) {
                continue; // the same unit, declaring its next variable (double w = 2.0, b = 2.0;)
            }
            if (name.equals(st.name())) {
                return false; // declared again: the later line shows its own value
            }
            if (assigned.matcher(st.source().replaceAll("//[^\n]*", " ")).find()) {
                return true;
            }
        }
        return false;
    }
}
