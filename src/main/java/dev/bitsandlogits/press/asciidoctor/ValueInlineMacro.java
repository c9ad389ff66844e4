package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.Html;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.snippets.ResultNumbers;
import dev.bitsandlogits.press.snippets.Snippet;
import dev.bitsandlogits.press.snippets.SnippetResult;
import dev.bitsandlogits.press.snippets.SnippetSession;

import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Map;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.PositionalAttributes;

/**
 * {@code value:china-vs-brazil[brazil,format=%.4f]} — one computed value in the prose: the
 * variable {@code brazil} (or any Java expression) after the region {@code china-vs-brazil} ran
 * on this page, formatted with {@link String#format}. If the region is not shown on the page it
 * is executed all the same, so the number is computed either way.
 */
@Name("value")
@PositionalAttributes({"expression"})
public final class ValueInlineMacro extends InlineMacroProcessor {

    private final Conversion book;

    public ValueInlineMacro(Conversion book) {
        this.book = book;
        updateConfig(Map.of("content_model", ":attributes"));
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        PageContext page = book.page();
        String needle = "value:" + target + "[";
        String text = resolve(page, target, attributes);
        if (text == null) {
            return createPhraseNode(parent, "quoted", "??", Map.of("role", "computed-missing"));
        }
        page.claim(needle);
        page.values++;
        return createPhraseNode(parent, "quoted", Html.escape(text),
                Map.of("role", "computed", "title", page.messages().format("value.title", target)));
    }

    private static String resolve(PageContext page, String target, Map<String, Object> attributes) {
        String needle = "value:" + target + "[";
        Snippet snippet = page.index.find(target).orElse(null);
        if (snippet == null) {
            page.report(needle, SnippetBlockMacro.unknownTag(page.index, target));
            return null;
        }
        Object expr = attributes.get("expression");
        if (expr == null) {
            page.report(needle, "value:" + target + "[] needs the variable or expression to show, e.g. value:"
                    + target + "[name,format=%.4f]");
            return null;
        }
        String expression = expr.toString().strip();
        SnippetResult result = page.run(snippet, null, SnippetSession.DEFAULT_LIMIT);
        if (result.failure().isPresent() && page.expectedFailure(target) == null) {
            Problem p = SnippetBlockMacro.check(result, null);
            if (p != null) {
                page.report(needle, p.message());
            } else {
                page.claim(needle);
            }
            return null;
        }
        SnippetSession.Value value = page.value(target, expression);
        if (value.error() != null) {
            page.report(needle, "value '" + expression + "' of snippet '" + target + "': " + value.error()
                    + (expression.matches("[A-Za-z_$][A-Za-z0-9_$]*")
                        ? "; variables of that snippet: " + String.join(", ", result.statements().stream()
                                .filter(s -> s.name() != null).map(SnippetResult.Statement::name).toList())
                        : ""));
            return null;
        }
        Object format = attributes.get("format");
        if (format == null) {
            return ResultNumbers.formatValue(value.text());
        }
        try {
            double number = Double.parseDouble(value.text());
            return String.format(Locale.ROOT, format.toString(), number);
        } catch (NumberFormatException e) {
            page.report(needle, "format=" + format + " needs a number, but '" + expression + "' is " + value.text());
        } catch (IllegalFormatException e) {
            page.report(needle, "format=" + format + " is not a valid number format (" + e.getMessage()
                    + "); use e.g. %.4f or %.3e");
        }
        return null;
    }
}
