package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.math.MathTypesetter;

import dev.bitsandlogits.press.core.BuildConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a page loads, copied into {@code site/assets/}: KaTeX's stylesheet and WOFF2 fonts
 * from its webjar (and its script, only when the pages typeset math in the browser), Asciidoctor's
 * default stylesheet, and our theme from {@code docs/theme/}. The library jar goes to the site
 * root so readers can download it.
 */
final class SiteAssets {

    static final String KATEX_VERSION = MathTypesetter.KATEX_VERSION;
    static final String KATEX_DIST = MathTypesetter.KATEX_DIST;
    private static final String ASCIIDOCTOR_CSS = "gems/asciidoctor-2.0.26/data/stylesheets/asciidoctor-default.css";

    private SiteAssets() {
    }

    /** @param katexScript whether pages load KaTeX's script (see {@link MathTypesetter#available()}) */
    static void copy(BuildConfig config, Path out, boolean katexScript) {
        try {
            Path assets = Files.createDirectories(out.resolve("assets"));
            copyKatex(assets.resolve("katex"), katexScript);
            copyResource(ASCIIDOCTOR_CSS, assets.resolve("asciidoctor.css"));
            Path theme = config.themeDir();
            if (Files.isDirectory(theme)) {
                try (Stream<Path> files = Files.list(theme)) {
                    for (Path f : files.sorted().toList()) {
                        Files.copy(f, assets.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            writeFaviconIco(out.resolve("favicon.ico"));
            Path jar = config.root().resolve("target/bits-and-logits.jar");
            if (Files.exists(jar)) {
                Files.copy(jar, out.resolve("bits-and-logits.jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyKatex(Path target, boolean script) throws IOException {
        URL css = resource(KATEX_DIST + "katex.min.css");
        URI root;
        try {
            root = css.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (root.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                copyDist(jar.getPath("/" + KATEX_DIST), target, script);
            }
        } else {
            copyDist(Path.of(root).getParent(), target, script);
        }
    }

    /** The minified CSS, the script if asked for, and the WOFF2 fonts. */
    private static void copyDist(Path dist, Path target, boolean script) throws IOException {
        for (String file : script ? new String[] {"katex.min.css", "katex.min.js"} : new String[] {"katex.min.css"}) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(dist.resolve(file), to, StandardCopyOption.REPLACE_EXISTING);
        }
        // Only the WOFF2 fonts are copied, so the stylesheet offers only them (every browser we
        // target reads WOFF2; the WOFF and TTF fallbacks would be links to missing files).
        Path css = target.resolve("katex.min.css");
        Files.writeString(css, Files.readString(css, StandardCharsets.UTF_8)
                .replaceAll(",url\\(fonts/[^)]+\\.(woff|ttf)\\) format\\(\"(woff|truetype)\"\\)", ""), StandardCharsets.UTF_8);
        Path fonts = Files.createDirectories(target.resolve("fonts"));
        try (Stream<Path> files = Files.list(dist.resolve("fonts"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".woff2")).sorted().toList()) {
                Files.copy(f, fonts.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * A 32 × 32 {@code favicon.ico} for pages that declare no icon (the Javadoc under api/):
     * browsers then ask for /favicon.ico, and a 404 is a console error. Drawn, not loaded: the
     * design of favicon.svg (an H on the theme's dark blue), from rectangles only, so the bytes
     * do not depend on the machine's fonts.
     */
    static void writeFaviconIco(Path target) throws IOException {
        System.setProperty("java.awt.headless", "true");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x1d, 0x35, 0x57));
        g.fillRoundRect(0, 0, 32, 32, 12, 12);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(9, 8, 4, 16);
        g.fillRect(19, 8, 4, 16);
        g.fillRect(9, 14, 14, 4);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        byte[] data = png.toByteArray();
        java.nio.ByteBuffer ico = java.nio.ByteBuffer.allocate(22 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);          // ICONDIR: icon, one image
        ico.put((byte) 32).put((byte) 32).put((byte) 0).put((byte) 0);            // 32 × 32, no palette
        ico.putShort((short) 1).putShort((short) 32).putInt(data.length).putInt(22); // planes, bpp, size, offset
        ico.put(data);
        Files.write(target, ico.array());
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = resource(name).openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static URL resource(String name) {
        URL url = SiteAssets.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the class path; is the dependency in pom.xml?");
        }
        return url;
    }
}
