package dev.bitsandlogits.book;

import dev.bitsandlogits.press.asciidoctor.Conversion;
import dev.bitsandlogits.press.asciidoctor.Theme;

import org.asciidoctor.extension.JavaExtensionRegistry;

/** This book's look: head (favicon, fonts, theme script), footer, and the frame of every page. */
public final class BookTheme implements Theme {

    @Override
    public void register(JavaExtensionRegistry registry, Conversion conversion) {
        registry.docinfoProcessor(new HeadDocinfo());
        registry.docinfoProcessor(new FooterDocinfo());
        registry.postprocessor(new PageChrome(conversion));
    }
}
