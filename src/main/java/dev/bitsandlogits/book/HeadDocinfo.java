package dev.bitsandlogits.book;

import dev.bitsandlogits.press.core.Edition;


import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.DocinfoProcessor;
import org.asciidoctor.extension.Location;
import org.asciidoctor.extension.LocationType;

/**
 * Links our theme into every page's head; all files are local. KaTeX's stylesheet is linked by
 * {@link PageChrome}, only on pages with math.
 */
@Location(LocationType.HEADER)
final class HeadDocinfo extends DocinfoProcessor {

    @Override
    public String process(Document document) {
        // A translated page lives one directory down (site/zh-CN/): its assets are the root's.
        Object root = document.getAttribute(Edition.SITE_ROOT);
        String r = root == null ? "" : root.toString();
        return String.join("\n",
                "<link rel=\"icon\" href=\"" + r + "assets/favicon.svg\" type=\"image/svg+xml\">",
                "<link rel=\"stylesheet\" href=\"" + r + "assets/bits-and-logits.css\">",
                "<script defer src=\"" + r + "assets/bits-and-logits.js\"></script>");
    }
}
