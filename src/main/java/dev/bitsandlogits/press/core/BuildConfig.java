package dev.bitsandlogits.press.core;

import java.nio.file.Path;

/**
 * Where a build reads and writes. Paths in messages are relative to {@code root}.
 *
 * @param root        the project directory
 * @param docsDir     AsciiDoc sources; every {@code *.adoc} not starting with {@code _} is a page
 * @param listingsDir Java sources holding the tagged regions
 * @param classesDir  compiled library and listings, put on JShell's class path
 * @param siteDir     the output; replaced only when the whole build succeeds
 * @param themeDir    stylesheets, scripts and icons copied to {@code site/assets/}
 */
public record BuildConfig(Path root, Path docsDir, Path listingsDir, Path classesDir, Path siteDir, Path themeDir) {

    /** The project's standard layout under {@code root}. */
    public static BuildConfig standard(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return new BuildConfig(r, r.resolve("docs"), r.resolve("src/main/java/dev/bitsandlogits/listings"),
                r.resolve("target/classes"), r.resolve("site"), r.resolve("docs/theme"));
    }

    /** {@code path} relative to the root with forward slashes, as messages show it. */
    public String relative(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
