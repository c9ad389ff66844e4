package dev.bitsandlogits.press.asciidoctor;

import org.asciidoctor.extension.JavaExtensionRegistry;

/**
 * A book's look: the extensions that frame its pages (site bar, navigation, head and footer).
 * The build finds them with {@link java.util.ServiceLoader} ({@code META-INF/services}) and
 * registers them after its own, so the engine knows no book.
 */
public interface Theme {

    void register(JavaExtensionRegistry registry, Conversion conversion);
}
