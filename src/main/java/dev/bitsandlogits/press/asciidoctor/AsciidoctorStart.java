package dev.bitsandlogits.press.asciidoctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.AsciidoctorJRuby;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;

/**
 * Starts Asciidoctor's JRuby without the parts of a Ruby installation a book build does not use.
 *
 * <p>By default JRuby boots RubyGems, whose only job here is to find the gems AsciidoctorJ's jar
 * bundles; putting their {@code lib} directories on the load path finds them directly. And JRuby
 * binds native POSIX functions through jnr-ffi (a native library unpacked to a temporary
 * directory, ~500 classes, stubs assembled at run time), where the JDK's file API does all a
 * converter needs. Together that is ~2 of the ~5 CPU-seconds JRuby took to start (measured: a
 * start plus one page, 7.7–8.6 → 5.3–5.8 s of process CPU), and the site is byte-identical.
 *
 * <p>Rouge, the highlighter, loads all of its ~250 lexers when it is required; {@code lean-rouge.rb}
 * (beside this class) loads it with each lexer loaded when first asked for: another ~1.2
 * CPU-seconds.
 *
 * <p>Each switch is JRuby's own system property and is only set when unset, so
 * {@code -Djruby.cli.rubygems.enable=true} or {@code -Djruby.native.enabled=true} restores
 * JRuby's default.
 */
public final class AsciidoctorStart {

    static final String RUBYGEMS = "jruby.cli.rubygems.enable";
    static final String NATIVE = "jruby.native.enabled";
    private static final Pattern GEM_LIB = Pattern.compile("gems/[^/]+/lib/");
    /** Loads Rouge with its lexers on demand; see the script. */
    private static final String LEAN_ROUGE = resource("lean-rouge.rb");

    private AsciidoctorStart() {
    }

    /** A new Asciidoctor (seconds: a JRuby runtime each). */
    public static Asciidoctor create() {
        setIfUnset(NATIVE, "false");
        boolean rubygems = Boolean.parseBoolean(System.getProperty(RUBYGEMS, "false"));
        List<String> gems = rubygems ? List.of() : bundledGems();
        if (gems.isEmpty()) {
            return Asciidoctor.Factory.create(); // RubyGems finds the gems, and Rouge loads as it always does
        }
        setIfUnset(RUBYGEMS, "false");
        Asciidoctor asciidoctor = AsciidoctorJRuby.Factory.create(gems);
        JRubyRuntimeContext.get(asciidoctor).evalScriptlet(LEAN_ROUGE);
        return asciidoctor;
    }

    /**
     * The {@code lib} directories of the gems in AsciidoctorJ's jar, as JRuby load paths,
     * Asciidoctor's first; none if the jar cannot be read (then RubyGems finds them, slower).
     */
    static List<String> bundledGems() {
        CodeSource source = AsciidoctorJRuby.class.getProtectionDomain().getCodeSource();
        List<String> gems = new ArrayList<>();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return List.of();
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).filter(name -> GEM_LIB.matcher(name).matches())
                        .forEach(lib -> gems.add("uri:classloader:/" + lib.substring(0, lib.length() - 1)));
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
        gems.sort(Comparator.comparing((String lib) -> !isAsciidoctor(lib)).thenComparing(Comparator.naturalOrder()));
        return gems.stream().anyMatch(AsciidoctorStart::isAsciidoctor) ? List.copyOf(gems) : List.of();
    }

    private static boolean isAsciidoctor(String gemLib) {
        return gemLib.startsWith("uri:classloader:/gems/asciidoctor-");
    }

    /**
     * JRuby compiles a Ruby method to JVM bytecode once it has run 50 times. In a build that
     * converts ten pages and exits, that costs more than it saves: the compiling, then loading and
     * JIT-compiling the generated classes (measured: 1–2.5 of the ~28 core-seconds of a clean
     * {@code package}, the page times unchanged). One-shot builds interpret Ruby instead; the live
     * preview, which converts pages for as long as an author writes, keeps JRuby's default.
     */
    public static void oneShot() {
        setIfUnset("jruby.compile.mode", "OFF");
    }

    private static String resource(String name) {
        try (InputStream in = AsciidoctorStart.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + AsciidoctorStart.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setIfUnset(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
