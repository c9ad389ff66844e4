package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.BuildConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The site build's head start during the tests")
class WarmBuildTest {

    @ParameterizedTest(name = "goals {0} -> start ahead: {1}")
    @CsvSource(delimiter = ';', value = {
        "[package]; true",
        "[clean, package]; true",
        "[clean, verify]; true",
        "[install]; true",
        "[test]; false",
        "[clean, test-compile]; false",
        "[compile, exec:java@build-site]; false",
        "[compile, jshell:run]; false",
        "[]; false",
    })
    void reachesPackage(String goals, boolean expected) {
        assertEquals(expected, WarmBuild.reachesPackage(goals));
    }

    @Test
    @DisplayName("a build of another project does not claim this one's head start")
    void otherRoot(@TempDir Path other) {
        assertNull(WarmBuild.claim(BuildConfig.standard(other), true));
    }
}
