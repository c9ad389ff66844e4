package dev.bitsandlogits.site;

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
        return String.join("\n",
                "<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">",
                "<link rel=\"stylesheet\" href=\"assets/bits-and-logits.css\">",
                "<script defer src=\"assets/bits-and-logits.js\"></script>");
    }
}
