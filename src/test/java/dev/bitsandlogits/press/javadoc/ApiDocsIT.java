package dev.bitsandlogits.press.javadoc;

import dev.bitsandlogits.press.core.BuildConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The library's Javadoc, as the site build generated it into {@code target/apidocs} (an
 * integration test: generating it takes seconds that {@code package} spends in parallel).
 */
@DisplayName("links to the API docs")
class ApiDocsIT {

    private final BuildConfig config = BuildConfig.standard(Path.of("."));

    @Test
    @DisplayName("Javadoc of the library is generated without doclint complaints, and api: targets resolve to its anchors")
    void resolves() {
        assertEquals(List.of(), ApiDocs.ensure(config));
        assertEquals("api/dev/bitsandlogits/info/Measures.html", ApiDocs.link(config, "Measures", null).orElseThrow());
        assertEquals("api/dev/bitsandlogits/info/Measures.html#information(double,dev.bitsandlogits.info.Unit)",
                ApiDocs.link(config, "Measures", "information").orElseThrow());
        assertEquals("api/dev/bitsandlogits/loss/Softmax.html#logSumExp(double[])",
                ApiDocs.link(config, "Softmax", "logSumExp(double[])").orElseThrow());
    }

    @Test
    @DisplayName("unknown classes, members and non-API packages do not resolve")
    void unknown() {
        ApiDocs.ensure(config);
        assertTrue(ApiDocs.link(config, "Measure", null).isEmpty());
        assertTrue(ApiDocs.link(config, "Measures", "informatio").isEmpty());
        assertTrue(ApiDocs.link(config, "Checks", null).isEmpty(), "internal is not API");
    }
}
