package dev.bitsandlogits.press.core;

import dev.bitsandlogits.press.math.KatexServer;
import dev.bitsandlogits.press.snippets.SnippetAgent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Class paths of the child JVMs")
class ChildJvmTest {

    private static long copies(String name) throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("bitsandlogits-" + name + "-")).count();
        }
    }

    @Test
    @DisplayName("the same classes share one directory however often a JVM starts; other classes get another")
    void noDirectoryPerStart() throws IOException {
        Path first = ChildJvm.classesAlone("childjvm-test", KatexServer.class);
        long before = copies("childjvm-test");
        for (int i = 0; i < 5; i++) {
            assertEquals(first, ChildJvm.classesAlone("childjvm-test", KatexServer.class));
        }
        assertEquals(before, copies("childjvm-test"), "a directory left behind per start");
        assertTrue(Files.isRegularFile(first.resolve("dev/bitsandlogits/press/math/KatexServer.class")));
        Files.delete(first.resolve("dev/bitsandlogits/press/math/KatexServer.class")); // as a tmp cleaner might
        assertEquals(first, ChildJvm.classesAlone("childjvm-test", KatexServer.class));
        assertTrue(Files.isRegularFile(first.resolve("dev/bitsandlogits/press/math/KatexServer.class")), "not copied again");
        Path other = ChildJvm.classesAlone("childjvm-test", KatexServer.class, SnippetAgent.class);
        assertNotEquals(first, other);
        assertTrue(Files.isRegularFile(other.resolve("dev/bitsandlogits/press/snippets/SnippetAgent.class")));
    }
}
