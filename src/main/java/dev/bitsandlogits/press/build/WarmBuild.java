package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.BuildConfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/**
 * Starts the site build's slow parts during the tests of {@code ./mvnw package}: Maven runs
 * {@code SiteBuilder --warm-up} right after compiling (process-classes), and the package-phase
 * {@code SiteBuilder} claims what it started instead of starting again. JRuby, Asciidoctor and
 * the snippets then run on one core while the tests run on the other.
 *
 * <p>Maven's exec plugin runs each execution in its own class loader and closes it afterwards, so
 * the head start lives in a class loader of its own (the same class path, JDK parent), and the
 * two executions meet through a daemon thread with a known name that is a JDK
 * {@link BiFunction}: the only types they share are the JDK's.
 */
final class WarmBuild {

    static final String THREAD_NAME = "bits-and-logits-site-head-start";

    /** Lifecycle phases at or after package: only these builds will claim the head start. */
    private static final Set<String> PACKAGE_AND_LATER = Set.of("package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    private WarmBuild() {
    }

    /** True if Maven's goals (as {@code ${session.request.goals}} prints them, "[clean, package]") reach package. */
    static boolean reachesPackage(String goals) {
        for (String goal : goals.replaceAll("[\\[\\]]", " ").trim().split("[,\\s]+")) {
            if (PACKAGE_AND_LATER.contains(goal)) {
                return true;
            }
        }
        return false;
    }

    /** Starts the head start in a class loader that outlives this Maven execution's. */
    static void launch(BuildConfig config) {
        if (!(WarmBuild.class.getClassLoader() instanceof URLClassLoader own)) {
            return; // not run by the exec plugin: nothing to hand over to
        }
        URLClassLoader kept = new URLClassLoader("bits-and-logits-head-start", own.getURLs(),
                ClassLoader.getPlatformClassLoader());
        try {
            Method start = Class.forName(WarmBuild.class.getName(), true, kept).getDeclaredMethod("start", String.class);
            start.setAccessible(true); // package-private across class loaders is another runtime package
            start.invoke(null, config.root().toString());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not start the site build ahead", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not start the site build ahead", e);
        }
    }

    /** In the kept class loader: begins the slow parts and waits, under {@link #THREAD_NAME}, to be claimed. */
    static void start(String root) {
        new Handle(BuildConfig.standard(Path.of(root))).start();
    }

    /**
     * Builds the site with a head start begun in this JVM for the same root, if there is one;
     * returns its exit status, or null if there is none.
     */
    static Integer claim(BuildConfig config, boolean quiet) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(THREAD_NAME) && thread instanceof BiFunction<?, ?, ?> handle) {
                @SuppressWarnings("unchecked")
                BiFunction<String, Boolean, Integer> build = (BiFunction<String, Boolean, Integer>) handle;
                return build.apply(config.root().toString(), quiet);
            }
        }
        return null;
    }

    /** Holds the head start alive until a build claims it. */
    private static final class Handle extends Thread implements BiFunction<String, Boolean, Integer> {

        private final BuildConfig config;
        private final HeadStart head;
        private final CountDownLatch claimed = new CountDownLatch(1);

        Handle(BuildConfig config) {
            super(THREAD_NAME);
            setDaemon(true);
            this.config = config;
            this.head = HeadStart.begin(config);
        }

        @Override
        public void run() {
            try {
                claimed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public synchronized Integer apply(String root, Boolean quiet) {
            if (claimed.getCount() == 0 || !root.equals(config.root().toString())) {
                return null;
            }
            setName(THREAD_NAME + " (claimed)");
            Thread caller = Thread.currentThread();
            ClassLoader callerLoader = caller.getContextClassLoader();
            caller.setContextClassLoader(Handle.class.getClassLoader());
            try {
                return SiteBuilder.build(config, quiet, head);
            } finally {
                caller.setContextClassLoader(callerLoader);
                claimed.countDown();
            }
        }
    }
}
