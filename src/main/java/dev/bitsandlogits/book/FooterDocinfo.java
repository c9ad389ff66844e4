package dev.bitsandlogits.book;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.DocinfoProcessor;
import org.asciidoctor.extension.Location;
import org.asciidoctor.extension.LocationType;

/** Under each page: where its code came from and how to run it in JShell. */
@Location(LocationType.FOOTER)
final class FooterDocinfo extends DocinfoProcessor {

    @Override
    public String process(Document document) {
        return "";
    }
}
