package dev.bitsandlogits.press.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the library and listings afresh from {@code target/classes} for one build, so that code
 * the builder calls directly (charts) sees what the live preview just recompiled, as JShell does.
 * The chart records ({@code Chart}, {@code BarChart}, {@code BlockChart}) are shared with the
 * builder, which reads them.
 */
public final class ListingsClassLoader extends URLClassLoader {

    private static final String OWN = "dev.bitsandlogits.";
    /** The chart records the builder reads, and their nested records. */
    private static final List<String> SHARED = List.of("dev.bitsandlogits.press.api.Chart",
            "dev.bitsandlogits.press.api.BarChart", "dev.bitsandlogits.press.api.BlockChart",
            // what the builder reads of a widget (the widget itself and the library it calls are loaded afresh)
            "dev.bitsandlogits.widgets.Widget", "dev.bitsandlogits.widgets.Slider", "dev.bitsandlogits.widgets.Readout",
            "dev.bitsandlogits.widgets.Numbers");
    private static final String BUILDER = "dev.bitsandlogits.press.";

    public ListingsClassLoader(Path classesDir) {
        super(new URL[] {url(classesDir)}, ListingsClassLoader.class.getClassLoader());
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static boolean shared(String name) {
        return SHARED.stream().anyMatch(s -> name.equals(s) || name.startsWith(s + "$"));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OWN) || shared(name) || name.startsWith(BUILDER)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
