package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.javadoc.ApiDocs;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Html;
import dev.bitsandlogits.press.core.Messages;

import java.util.HashMap;
import java.util.Map;

import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.PositionalAttributes;

/**
 * {@code api:Measures#information[]} — a link to the library's Javadoc under {@code site/api/},
 * shown as {@code Measures.information}. The class is found in the API packages by name; the
 * member (optional) links to its first overload, or to the one named by a full Javadoc signature:
 * {@code api:Measures#entropy(double[],dev.bitsandlogits.info.Unit)[]}. A text in the brackets
 * replaces the default label: {@code api:Unit[the Unit enum]}. An unknown class or member fails the
 * build at its line.
 */
@Name("api")
@PositionalAttributes({"text"})
public final class ApiInlineMacro extends InlineMacroProcessor {

    private final Conversion book;

    public ApiInlineMacro(Conversion book) {
        this.book = book;
        updateConfig(Map.of("content_model", ":attributes"));
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        PageContext page = book.page();
        String needle = "api:" + target + "[";
        int hash = target.indexOf('#');
        String className = hash < 0 ? target : target.substring(0, hash);
        String member = hash < 0 ? null : target.substring(hash + 1);
        ApiDocs.ensure(page.config); // its problems are reported once, by ReaderFiles after the pages
        String href = ApiDocs.link(page.config, className, member).orElse(null);
        String label = member == null ? className : className + "." + member.replaceFirst("\\(.*$", "");
        if (href == null) {
            page.report(needle, "api:" + target + "[] names no " + (member == null ? "class" : "member")
                    + " of the library's API (packages " + String.join(", ", ApiDocs.PACKAGES)
                    + "); write api:Class[] or api:Class#member[]");
            return createPhraseNode(parent, "quoted", Html.escape(label), Map.of("role", "api-missing"));
        }
        page.claim(needle);
        Object text = attributes.get("text");
        String shown = text != null ? Html.escape(text.toString()) : "<code>" + Html.escape(label) + "</code>";
        Map<String, Object> options = new HashMap<>();
        options.put("type", ":link");
        Object root = parent.getDocument().getAttribute(Edition.SITE_ROOT);
        options.put("target", (root == null ? "" : root.toString()) + href);
        Object lang = parent.getDocument().getAttribute("lang");
        Messages m = Messages.of(lang == null ? Edition.ORIGINAL : lang.toString());
        return createPhraseNode(parent, "anchor", shown, Map.of("role", "api-link", "title", m.format("api.title", label)), options);
    }
}
