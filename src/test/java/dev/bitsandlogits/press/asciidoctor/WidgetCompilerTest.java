package dev.bitsandlogits.press.asciidoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bitsandlogits.widgets.BinaryEntropyWidget;
import dev.bitsandlogits.widgets.LearningSlowdownWidget;

/** The widget cache's key, and the HTML a widget's page carries before any script runs (no TeaVM here: it costs seconds). */
@DisplayName("Widget cache and markup")
class WidgetCompilerTest {

    @Test
    @DisplayName("a cached script is current while every class it was compiled from has the same bytes")
    void cacheKey(@TempDir Path classes) throws IOException {
        Path measures = classes.resolve("dev/bitsandlogits/info/Measures.class");
        Files.createDirectories(measures.getParent());
        Files.write(measures, new byte[] {1, 2, 3});
        String header = "teavm " + WidgetCompiler.TEAVM + " advanced entry e";
        List<String> manifest = List.of(header, "dev.bitsandlogits.info.Measures " + WidgetCompiler.hash(measures));
        assertTrue(WidgetCompiler.upToDate(classes, header, manifest));
        assertFalse(WidgetCompiler.upToDate(classes, "teavm 0.17.0 advanced entry e", manifest), "another TeaVM");
        Files.write(measures, new byte[] {1, 2, 4});
        assertFalse(WidgetCompiler.upToDate(classes, header, manifest), "a changed class file");
        Files.delete(measures);
        assertFalse(WidgetCompiler.upToDate(classes, header, manifest), "a deleted class file");
        assertFalse(WidgetCompiler.upToDate(classes, header, List.of()), "an empty manifest");
    }

    @Test
    @DisplayName("names: binary-entropy is BinaryEntropyWidget, entry bitsAndLogitsWidget_binaryEntropy")
    void names() {
        assertEquals("BinaryEntropyWidget", WidgetBlockMacro.className("binary-entropy"));
        assertEquals("bitsAndLogitsWidget_binaryEntropy", WidgetBlockMacro.entryPoint("binary-entropy"));
        assertEquals("bitsAndLogitsWidget_softmax", WidgetBlockMacro.entryPoint("softmax"));
    }

    @Test
    @DisplayName("the static figure: labelled disabled sliders at the start, live readouts, two drawings with a text alternative")
    void markup() {
        Document doc = Jsoup.parse(WidgetBlockMacro.html("binary-entropy", new BinaryEntropyWidget()));
        Element input = doc.selectFirst("figure#widget-binary-entropy input[type=range]");
        assertEquals("63", input.attr("value"));
        assertEquals("64", input.attr("max"));
        assertEquals("0.984375", input.attr("aria-valuetext"));
        assertTrue(input.hasAttr("disabled"));
        assertEquals("p, probability of heads", doc.selectFirst("label[for=" + input.id() + "]").text());
        assertEquals("polite", doc.selectFirst("dl.widget-readouts").attr("aria-live"));
        assertEquals("6.0", doc.select("[data-readout]").get(1).text(), "I(1/64) = 6 bits, as a result line shows it");
        assertEquals(2, doc.select("svg.widget-svg[role=img]").size());
        for (Element svg : doc.select("svg.widget-svg")) {
            for (String id : svg.attr("aria-labelledby").split(" ")) {
                assertFalse(doc.getElementById(id).text().isBlank(), id);
            }
        }
        assertTrue(doc.select("button[data-play]").isEmpty(), "no Play without a play label");
        Document slowdown = Jsoup.parse(WidgetBlockMacro.html("learning-slowdown", new LearningSlowdownWidget()));
        assertEquals("Play training", slowdown.selectFirst("button[data-play]").text());
        assertTrue(slowdown.selectFirst("button[data-play]").hasAttr("disabled"));
    }
}
