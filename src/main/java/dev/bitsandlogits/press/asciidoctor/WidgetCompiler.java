package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.BuildConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.teavm.backend.javascript.JSModuleType;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Compiles a widget's {@code main} class and the classes it reaches to JavaScript with TeaVM,
 * at most once for given class files: the result is kept under {@code target/widgets-js/} with
 * the list of the project's classes TeaVM used and a hash of each. A later build (or the
 * preview) recompiles only when one of those class files changed, or TeaVM's version did; an
 * edit to prose, or to a listing no widget calls, costs a few file hashes.
 */
public final class WidgetCompiler {

    /** Bumped with the pom's TeaVM version (it is part of every cache key). */
    static final String TEAVM = "0.16.0";
    private static final String OWN = "dev.bitsandlogits.";

    /** The outcome of one compile: the script, and whether it came from the cache. */
    record Result(String javascript, boolean cached, long nanos) {
    }

    /**
     * One compile at a time in this class loader: the head start's ({@link #prefetch}) and the
     * pages' (a page waits for a compile begun ahead, then finds its script in the cache).
     */
    private static final Object LOCK = new Object();
    private static final java.util.regex.Pattern MACRO = java.util.regex.Pattern.compile("^widget::([a-z][a-z0-9-]*)\\[",
            java.util.regex.Pattern.MULTILINE);

    /**
     * Compiles, into the cache, every widget the pages name, so that the build finds them there:
     * run by the head start after the snippets and the Javadoc, while the unit tests still run.
     * Failures are left for the build to report at the macro's line.
     */
    public static void prefetch(BuildConfig config) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (var files = Files.list(config.docsDir())) {
            for (Path page : files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                var m = MACRO.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        WidgetCompiler compiler = new WidgetCompiler();
        for (String name : names) {
            String mainClass = WidgetBlockMacro.PACKAGE + "." + WidgetBlockMacro.className(name);
            if (Files.isRegularFile(classFile(config.classesDir(), mainClass))) {
                try {
                    compiler.compile(config, mainClass, WidgetBlockMacro.entryPoint(name));
                } catch (RuntimeException e) {
                    // reported by the page
                }
            }
        }
    }

    /** The script of {@code mainClass} compiled from {@code config.classesDir()}; {@code entry} names its global function. */
    Result compile(BuildConfig config, String mainClass, String entry) {
        synchronized (LOCK) {
            return compileLocked(config, mainClass, entry);
        }
    }

    private Result compileLocked(BuildConfig config, String mainClass, String entry) {
        long start = System.nanoTime();
        Path cacheDir = config.root().resolve("target/widgets-js");
        Path script = cacheDir.resolve(mainClass + ".js");
        Path manifest = cacheDir.resolve(mainClass + ".classes");
        String header = "teavm " + TEAVM + " advanced entry " + entry;
        try {
            if (Files.isRegularFile(script) && Files.isRegularFile(manifest)
                    && upToDate(config.classesDir(), header, Files.readAllLines(manifest, StandardCharsets.UTF_8))) {
                return new Result(Files.readString(script, StandardCharsets.UTF_8), true, System.nanoTime() - start);
            }
            Path work = Files.createDirectories(cacheDir.resolve("work-" + mainClass));
            TeaVMTool tool = new TeaVMTool();
            tool.setTargetType(TeaVMTargetType.JAVASCRIPT);
            tool.setMainClass(mainClass);
            tool.setEntryPointName(entry);
            tool.setJsModuleType(JSModuleType.NONE);
            tool.setTargetDirectory(work.toFile());
            tool.setTargetFileName("widget.js");
            tool.setObfuscated(true);
            tool.setOptimizationLevel(TeaVMOptimizationLevel.ADVANCED);
            tool.setIncremental(false);
            tool.setDebugInformationGenerated(false);
            tool.setSourceMapsFileGenerated(false);
            tool.setLog(new QuietLog());
            try (URLClassLoader loader = new URLClassLoader(new URL[] {url(config.classesDir())},
                    WidgetCompiler.class.getClassLoader())) {
                tool.setClassLoader(loader);
                tool.generate();
            }
            var problems = tool.getProblemProvider().getSevereProblems();
            if (!problems.isEmpty()) {
                List<String> messages = new ArrayList<>();
                for (var problem : problems) {
                    DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
                    problem.render(text);
                    messages.add(text.getText() + (problem.getLocation() != null && problem.getLocation().getSourceLocation() != null
                            ? " (" + problem.getLocation().getSourceLocation() + ")" : ""));
                }
                throw new IllegalStateException(String.join("; ", messages));
            }
            String js = Files.readString(work.resolve("widget.js"), StandardCharsets.UTF_8) + "\n" + entry + "();\n";
            List<String> lines = new ArrayList<>();
            lines.add(header);
            for (String name : new java.util.TreeSet<>(tool.getClasses())) {
                Path file = classFile(config.classesDir(), name);
                // TeaVM's own synthetic classes (lambdas) have no class file: they follow from their host's.
                if (name.startsWith(OWN) && Files.isRegularFile(file)) {
                    lines.add(name + " " + hash(file));
                }
            }
            Files.writeString(script, js, StandardCharsets.UTF_8);
            Files.write(manifest, lines, StandardCharsets.UTF_8);
            return new Result(js, false, System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TeaVMToolException e) {
            throw new IllegalStateException("TeaVM failed on " + mainClass + ": " + e.getMessage(), e);
        }
    }

    static boolean upToDate(Path classes, String header, List<String> manifest) throws IOException {
        if (manifest.isEmpty() || !manifest.get(0).equals(header)) {
            return false;
        }
        for (String line : manifest.subList(1, manifest.size())) {
            int space = line.indexOf(' ');
            Path file = classFile(classes, line.substring(0, space));
            if (!Files.isRegularFile(file) || !hash(file).equals(line.substring(space + 1))) {
                return false;
            }
        }
        return true;
    }

    private static Path classFile(Path classes, String name) {
        return classes.resolve(name.replace('.', '/') + ".class");
    }

    static String hash(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** TeaVM's progress lines would drown the build's; its errors come back as problems. */
    private static final class QuietLog implements TeaVMToolLog {
        @Override public void info(String text) { }
        @Override public void debug(String text) { }
        @Override public void warning(String text) { }
        @Override public void error(String text) { }
        @Override public void info(String text, Throwable e) { }
        @Override public void debug(String text, Throwable e) { }
        @Override public void warning(String text, Throwable e) { }
        @Override public void error(String text, Throwable e) { }
    }
}
