package dev.bitsandlogits.press.asciidoctor;

import java.util.regex.Pattern;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Postprocessor;

/**
 * Rewrites what Asciidoctor emits for us. Asciidoctor's html5 converter hard-codes MathJax from a CDN whenever {@code :stem:} is set.
 * We typeset with KaTeX at build time instead ({@link MathTypesetter}), so the CDN script and its
 * configuration are removed; {@link LinkChecker} then fails the build if any other reference to a
 * remote host is left in a page.
 */
public final class OfflinePostprocessor extends Postprocessor {

    private static final Pattern MATHJAX = Pattern.compile(
            "<script type=\"text/x-mathjax-config\">.*?</script>\\s*<script src=\"[^\"]*mathjax[^\"]*\"></script>\\s*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** With linkcss, Rouge links a GitHub-theme stylesheet; our theme styles the tokens instead (light and dark). */
    private static final Pattern ROUGE_CSS = Pattern.compile("<link rel=\"stylesheet\" href=\"[^\"]*rouge-[a-z_]+\\.css\">\\s*");

    @Override
    public String process(Document document, String output) {
        String html = MATHJAX.matcher(output).replaceFirst("");
        return ROUGE_CSS.matcher(html).replaceFirst("");
    }
}
