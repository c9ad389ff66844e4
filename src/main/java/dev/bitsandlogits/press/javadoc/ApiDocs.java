package dev.bitsandlogits.press.javadoc;

import dev.bitsandlogits.press.core.BuildStore;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Problem;
import dev.bitsandlogits.press.core.SiteOutput;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The library's Javadoc, published under {@code site/api/}. Generated in-process with the JDK's
 * javadoc tool into {@code target/apidocs} (so {@code compile exec:java@build-site} and
 * {@code package} both get it), and regenerated only when a public source file changed: a stamp
 * of their names, sizes and modification times sits beside the output. Javadoc's own checks
 * (doclint) stay on; what it reports fails the build with the file and line.
 */
public final class ApiDocs {

    /** The packages readers call; {@code internal}, {@code listings} and {@code site} are not API. */
    public static final List<String> PACKAGES = List.of("dev.bitsandlogits.info", "dev.bitsandlogits.loss");

    private static final String STAMP = ".sources-stamp";
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    private static String lastStamp;
    private static List<Problem> lastProblems = List.of();

    private ApiDocs() {
    }

    static Path output(BuildConfig config) {
        return config.root().resolve("target/apidocs");
    }

    private static Path sourceRoot(BuildConfig config) {
        return config.root().resolve("src/main/java");
    }

    /** Generates the Javadoc if it is missing or older than the sources; returns what went wrong. */
    public static synchronized List<Problem> ensure(BuildConfig config) {
        List<Path> sources = sources(config);
        if (sources.isEmpty()) {
            return List.of();
        }
        Path out = output(config);
        String stamp = stamp(config, sources);
        if (stamp.equals(lastStamp)) {
            return lastProblems;
        }
        lastStamp = stamp;
        lastProblems = generate(config, out, stamp, sources);
        return lastProblems;
    }

    private static List<Problem> generate(BuildConfig config, Path out, String stamp, List<Path> sources) {
        try {
            if (Files.exists(out.resolve(STAMP)) && Files.readString(out.resolve(STAMP)).equals(stamp)) {
                return List.of();
            }
            SiteOutput.delete(out);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        if (javadoc == null) {
            return List.of(new Problem("src/main/java", "no javadoc tool: run the build on a JDK, not a JRE", null));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        List<Problem> problems = new ArrayList<>();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = options(config, out);
            var task = javadoc.getTask(log, files, diagnostics, null, options, files.getJavaFileObjectsFromPaths(sources));
            boolean ok = task.call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING) {
                    String where = d.getSource() == null ? "javadoc"
                            : config.relative(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber();
                    problems.add(new Problem(where, "javadoc: " + d.getMessage(Locale.ROOT), null));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem("javadoc", "javadoc failed: " + log.toString().strip(), null));
            }
            if (problems.isEmpty()) {
                Files.writeString(out.resolve(STAMP), stamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** Copies the generated Javadoc to {@code site/api/}. */
    public static void copy(BuildConfig config, Path site) {
        Path from = output(config);
        if (!Files.isDirectory(from)) {
            return;
        }
        Path to = site.resolve("api");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(STAMP)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            repairConstantValues(to.resolve("constant-values.html"));
            adaptStylesheet(to.resolve("stylesheet.css"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two changes to javadoc's stylesheet, in one read and write. Some JDK builds (Debian's among
     * them) leave out the DejaVu web fonts that it imports; the import then fails on every API page,
     * so a missing one is dropped and the pages use the system fonts. And it tells links from the
     * text around them by colour alone, which axe-core reports as a serious failure (WCAG 1.4.1)
     * wherever a type name is a link inside a signature or a sentence: the links of the page content
     * are underlined (the navigation bars stay as they are).
     */
    private static void adaptStylesheet(Path stylesheet) throws IOException {
        if (!Files.exists(stylesheet)) {
            return;
        }
        String css = Files.readString(stylesheet, StandardCharsets.UTF_8);
        Matcher imp = Pattern.compile("@import url\\('([^']+)'\\);\\s*").matcher(css);
        StringBuilder out = new StringBuilder();
        while (imp.find()) {
            boolean present = Files.exists(stylesheet.resolveSibling(imp.group(1)));
            imp.appendReplacement(out, present ? Matcher.quoteReplacement(imp.group()) : "");
        }
        imp.appendTail(out);
        out.append("\n/* Bits & Logits: links in the content are underlined, not only coloured. */\n")
                .append("main a[href]:link, main a[href]:visited { text-decoration: underline; }\n");
        Files.writeString(stylesheet, out.toString(), StandardCharsets.UTF_8);
    }

    /**
     * JDK 17's javadoc links the constant-values index to {@code #dev.bitsandlogits}, a package-group
     * anchor it never writes (its sections are per package, {@code id="dev.bitsandlogits.loss"}):
     * point each such link at the first section whose id it prefixes, so the link check passes.
     */
    private static void repairConstantValues(Path page) throws IOException {
        if (!Files.exists(page)) {
            return;
        }
        String html = Files.readString(page, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String target = link.group(1);
            String fixed = ids.contains(target) ? target
                    : ids.stream().filter(i -> i.startsWith(target + ".")).findFirst().orElse(target);
            link.appendReplacement(out, Matcher.quoteReplacement("href=\"#" + fixed + "\""));
        }
        link.appendTail(out);
        Files.writeString(page, out.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The page of a public class and, optionally, the anchor of a member, relative to the site root:
     * {@code Measures#entropy} becomes
     * {@code api/dev/bitsandlogits/info/Measures.html#entropy(double[],dev.bitsandlogits.info.Unit)}.
     * A bare member name picks its first overload; write the full signature to choose another.
     */
    public static Optional<String> link(BuildConfig config, String className, String member) {
        for (String pkg : PACKAGES) {
            String path = pkg.replace('.', '/') + "/" + className;
            if (!Files.exists(sourceRoot(config).resolve(path + ".java"))) {
                continue;
            }
            String href = "api/" + path + ".html";
            if (member == null || member.isEmpty()) {
                return Optional.of(href);
            }
            Path page = output(config).resolve(path + ".html");
            if (!Files.exists(page)) {
                return Optional.empty();
            }
            try {
                Matcher ids = ID.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (ids.find()) {
                    String id = ids.group(1);
                    if (id.equals(member) || (!member.contains("(") && (id.startsWith(member + "(") || id.equals(member)))) {
                        return Optional.of(href + "#" + id);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> options(BuildConfig config, Path out) {
        return List.of("-d", out.toString(), "-sourcepath", sourceRoot(config).toString(),
                "-encoding", "UTF-8", "-docencoding", "UTF-8", "-charset", "UTF-8", "-quiet", "-notimestamp",
                "-windowtitle", "Bits & Logits API", "-doctitle", "Bits &amp; Logits API",
                "-Xdoclint:all,-missing", "-Xmaxwarns", "200");
    }

    private static List<Path> sources(BuildConfig config) {
        List<Path> all = new ArrayList<>();
        for (String pkg : PACKAGES) {
            Path dir = sourceRoot(config).resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                all.addAll(files.filter(p -> p.toString().endsWith(".java")).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /**
     * What decides the API docs: the JDK, javadoc's options, this class (it edits javadoc's output),
     * and the content of every source javadoc reads: the documented packages and the library's
     * internal package their signatures and comments may refer to (the library depends on nothing
     * else of ours). Times are not part of it: a checkout or a touch does not regenerate them.
     */
    private static String stamp(BuildConfig config, List<Path> sources) {
        StringBuilder s = new StringBuilder("api docs 2\n").append(Runtime.version()).append('\n')
                .append(String.join(" ", options(config, output(config)))).append('\n')
                .append(BuildStore.builderClasses(Pattern.compile("ApiDocs(\\$[^/]*)?\\.class"), ApiDocs.class)).append('\n');
        List<Path> read = new ArrayList<>(sources);
        Path internal = sourceRoot(config).resolve("dev/bitsandlogits/internal");
        if (Files.isDirectory(internal)) {
            try (Stream<Path> files = Files.list(internal)) {
                read.addAll(files.filter(p -> p.toString().endsWith(".java")).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            for (Path p : read) {
                s.append(sourceRoot(config).relativize(p)).append(' ').append(BuildStore.sha256Hex(Files.readAllBytes(p))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }
}
