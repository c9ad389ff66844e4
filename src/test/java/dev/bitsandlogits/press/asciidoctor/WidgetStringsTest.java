package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bitsandlogits.widgets.Readout;
import dev.bitsandlogits.widgets.Slider;
import dev.bitsandlogits.widgets.Widget;

/**
 * Every widget's strings come from the message bundles: the keys a widget asks for, anywhere its
 * sliders can go, are exactly the {@code widget.<name>.} keys of each language's bundle (none
 * missing, none left over), and the Chinese ones hold no English word but the terms the glossary
 * keeps in English.
 */
@DisplayName("Widget strings")
class WidgetStringsTest {

    /** Words the Chinese edition keeps in English (glossary: logits, softmax; exp, ln, NaN are code). */
    private static final Set<String> KEPT = Set.of("softmax", "logit", "logits", "exp", "ln", "log", "NaN");

    /** Every {@code *Widget} class of the widgets package, as its {@code widget::} name. */
    static List<String> names() throws IOException, URISyntaxException {
        Path dir = Path.of(Widget.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(WidgetBlockMacro.PACKAGE.replace('.', '/'));
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith("Widget.class") && !f.equals("Widget.class"))
                    .sorted().forEach(f -> names.add(kebab(f.substring(0, f.length() - "Widget.class".length()))));
        }
        assertTrue(names.size() >= 4, "the book's four widgets at least: " + names);
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    static Widget instance(String name) throws ReflectiveOperationException {
        return (Widget) Class.forName(WidgetBlockMacro.PACKAGE + "." + WidgetBlockMacro.className(name))
                .getConstructor().newInstance();
    }

    /** Everything the widget can show, at the start, each slider at both ends, and all sliders at either end. */
    static void exercise(Widget w) {
        w.title();
        w.description();
        w.playLabel();
        w.pauseLabel();
        Slider[] s = w.sliders();
        List<double[]> positions = new ArrayList<>();
        positions.add(w.startValues());
        double[] low = w.startValues();
        double[] high = w.startValues();
        for (int i = 0; i < s.length; i++) {
            for (int k : new int[] {s[i].from(), s[i].to()}) {
                double[] x = w.startValues();
                x[i] = s[i].value(k);
                positions.add(x);
            }
            low[i] = s[i].value(s[i].from());
            high[i] = s[i].value(s[i].to());
        }
        positions.add(low);
        positions.add(high);
        for (double[] x : positions) {
            for (Readout r : w.readouts(x)) {
                r.label();
            }
            w.narrow(false);
            w.figure(x);
            w.narrow(true);
            w.figure(x);
            w.narrow(false);
        }
    }

    /** The keys (without prefix) the widget asks for, answered from {@code lang}'s bundle; an unknown key fails. */
    static Set<String> used(String name, String lang) throws ReflectiveOperationException {
        Widget w = instance(name);
        Map<String, String> table = Messages.of(lang).withPrefix(WidgetBlockMacro.prefix(name));
        Set<String> used = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        w.strings(key -> {
            used.add(key);
            String s = table.get(key);
            if (s == null) {
                unknown.add(key);
                return key;
            }
            return s;
        });
        exercise(w);
        assertEquals(Set.of(), unknown, name + ": keys missing in " + Messages.resource(lang));
        return used;
    }

    @ParameterizedTest(name = "{0}: the keys it asks for are exactly its keys in English and in Chinese")
    @MethodSource("names")
    void sameKeys(String name) throws Exception {
        String prefix = WidgetBlockMacro.prefix(name);
        for (String lang : List.of("en", "zh-CN")) {
            Set<String> used = used(name, lang);
            assertFalse(used.isEmpty(), name + " asks for no string");
            assertEquals(Messages.of(lang).withPrefix(prefix).keySet(), used,
                    name + ": keys of " + Messages.resource(lang) + " it never asks for, or asks for and lacks");
        }
    }

    @ParameterizedTest(name = "{0}: its Chinese strings differ from the English, with no English word but the glossary's kept terms")
    @MethodSource("names")
    void chinese(String name) {
        String prefix = WidgetBlockMacro.prefix(name);
        Map<String, String> en = Messages.of("en").withPrefix(prefix);
        Map<String, String> zh = Messages.of("zh-CN").withPrefix(prefix);
        for (var e : zh.entrySet()) {
            Matcher words = Pattern.compile("[A-Za-z]{3,}").matcher(e.getValue());
            while (words.find()) {
                assertTrue(KEPT.contains(words.group()), prefix + e.getKey() + ": English word '" + words.group() + "' in " + e.getValue());
            }
            if (Pattern.compile("[A-Za-z]{3,}").matcher(en.get(e.getKey()).replaceAll("softmax|logit|exp|ln|NaN", "")).find()) {
                assertNotEquals(en.get(e.getKey()), e.getValue(), prefix + e.getKey() + " is not translated");
            }
        }
    }

    @Test
    @DisplayName("the build's figure carries the page language's strings for the script, and draws with them")
    void page() throws Exception {
        Set<String> missing = new TreeSet<>();
        Document doc = Jsoup.parse(WidgetBlockMacro.html("learning-slowdown", instance("learning-slowdown"),
                Messages.of("zh-CN"), missing));
        assertEquals(Set.of(), missing);
        Map<String, String> zh = Messages.of("zh-CN").withPrefix(WidgetBlockMacro.prefix("learning-slowdown"));
        assertEquals(zh.get("play"), doc.selectFirst("button[data-play]").text());
        assertEquals(zh.get("slider.epoch"), doc.selectFirst("label[for=widget-learning-slowdown-epoch]").text());
        assertEquals(zh.get("title"), doc.selectFirst("figcaption").text());
        var figure = doc.selectFirst("figure.widget");
        for (var e : zh.entrySet()) {
            assertEquals(e.getValue(), figure.attr(Widget.STRING_ATTRIBUTE + e.getKey()), e.getKey());
        }
    }

    @Test
    @DisplayName("a string missing in a language is reported, not shown as its key")
    void missing() throws Exception {
        Set<String> missing = new TreeSet<>();
        Widget w = instance("softmax");
        // an edition whose bundle has none of the widget's keys: every key the original has is missing
        WidgetBlockMacro.strings("softmax", w, Messages.of("en"), missing);
        assertEquals(Set.of(), missing);
        WidgetBlockMacro.strings("no-such-widget", w, Messages.of("en"), missing);
        exercise(w);
        assertTrue(missing.contains("widget.no-such-widget.legend.stable"), missing.toString());
    }
}
