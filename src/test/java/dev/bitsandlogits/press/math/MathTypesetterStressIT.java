package dev.bitsandlogits.press.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * KaTeX's V8 cannot crash the JVM that builds: it never runs there. V8 runtimes made on further
 * threads of one JVM crashed Maven's JVM on CPUs with memory protection keys; here many
 * typesetters start, typeset and close, one after another and from several threads at once, and
 * the build's JVM never maps Javet's library.
 */
@DisplayName("KaTeX under stress")
class MathTypesetterStressIT {

    private static final String TEX = "H(p, q) = -\\sum_{i=0}^{C-1} p_i \\log q_i";
    private static String expected;

    @BeforeAll
    static void reference() throws MathTypesetter.TexError {
        try (MathTypesetter math = MathTypesetter.start(new PrintStream(PrintStream.nullOutputStream()))) {
            assumeTrue(math.available(), "Javet's V8 does not run on this machine");
            expected = math.typeset(TEX, true);
        }
    }

    private static void cycle(int i) throws MathTypesetter.TexError {
        try (MathTypesetter math = MathTypesetter.start(new PrintStream(PrintStream.nullOutputStream()))) {
            assertTrue(math.available(), "cycle " + i);
            assertEquals(expected, math.typeset(TEX, true), "cycle " + i);
            assertTrue(math.typeset("x_{" + i + "}", false).contains("<mn>" + i + "</mn>"), "cycle " + i);
        }
    }

    @Test
    @DisplayName("12 start/typeset/close cycles in a row, then 3 threads × 4 cycles at once: same HTML, no V8 in this JVM")
    void cycles() throws Exception {
        // Other tests in this JVM (the shared book) may keep their own KaTeX JVM open: count only new ones.
        java.util.Set<Long> before = new java.util.HashSet<>();
        katexJvms().forEach(p -> before.add(p.pid()));
        for (int i = 0; i < 12; i++) {
            cycle(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 4; i++) {
                        cycle(100 * thread + i);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(mappedLibraries().contains("libjavet"), "Javet's native library is mapped into the build's JVM");
        long left = katexJvms().filter(p -> !before.contains(p.pid())).filter(ProcessHandle::isAlive).count();
        assertEquals(0, left, "KaTeX JVMs started by these cycles and left running after close");
    }

    @Test
    @DisplayName("a KaTeX JVM that dies is replaced at the next formula")
    void recovers() throws Exception {
        try (MathTypesetter math = MathTypesetter.start(new PrintStream(PrintStream.nullOutputStream()))) {
            assertTrue(math.available());
            assertEquals(expected, math.typeset(TEX, true));
            ProcessHandle own = ProcessHandle.of(math.pid()).orElseThrow();
            own.destroyForcibly();
            own.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(expected, math.typeset(TEX, true), "after its JVM was killed");
        }
    }

    private static java.util.stream.Stream<ProcessHandle> katexJvms() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(KatexServer.class.getName())).orElse(false));
    }

    private static String mappedLibraries() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        return Files.exists(maps) ? Files.readString(maps) : "";
    }
}
