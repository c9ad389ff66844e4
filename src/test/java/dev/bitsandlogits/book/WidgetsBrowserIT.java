package dev.bitsandlogits.book;

import dev.bitsandlogits.press.asciidoctor.WidgetBlockMacro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Messages;
import dev.bitsandlogits.widgets.Readout;
import dev.bitsandlogits.widgets.Slider;
import dev.bitsandlogits.widgets.Widget;

/**
 * Every widget of the built site in headless Chromium: its sliders moved with the keyboard, its
 * readouts read off the page and compared with the same widget class run here on the JVM at the
 * position the slider reached (the exact double, in the readout's title, within 1e-12 relative;
 * the shown text, exactly); no console error, nothing fetched from another host.
 * {@code -Dwidgets.screenshots=DIR} also saves each widget at 1280 and 390 px, light and dark.
 */
@DisplayName("Widgets")
class WidgetsBrowserIT extends BrowserTest {

    /** A widget on a page: {@code 01-information.html binary-entropy}. */
    record Placed(String page, String name) {
        @Override
        public String toString() {
            return page + " " + name;
        }
    }

    static List<Placed> widgets() throws IOException {
        List<Placed> found = new ArrayList<>();
        for (String page : Browser.allPages()) {
            Document doc = Jsoup.parse(Browser.siteDir().resolve(page).toFile(), "UTF-8");
            for (Element figure : doc.select("figure.widget[data-widget]")) {
                found.add(new Placed(page, figure.attr("data-widget")));
            }
        }
        return found;
    }

    /** The widgets with a Play button; the learning-slowdown widget has one. */
    static List<Placed> playable() throws Exception {
        List<Placed> found = new ArrayList<>();
        for (Placed p : widgets()) {
            if (instance(p).playLabel() != null) {
                found.add(p);
            }
        }
        assertTrue(found.stream().anyMatch(p -> p.name().equals("learning-slowdown")), "learning-slowdown has Play: " + found);
        return found;
    }

    /** The language of a page: {@code zh-CN} for {@code zh-CN/01-information.html}, else the original's. */
    static String lang(String page) {
        int slash = page.indexOf('/');
        return slash < 0 ? Edition.ORIGINAL : page.substring(0, slash);
    }

    /** The widget as the page's language shows it: its strings from that language's bundle. */
    static Widget instance(Placed placed) throws ReflectiveOperationException {
        Widget widget = (Widget) Class.forName(WidgetBlockMacro.PACKAGE + "." + WidgetBlockMacro.className(placed.name()))
                .getConstructor().newInstance();
        java.util.Set<String> missing = new java.util.TreeSet<>();
        WidgetBlockMacro.strings(placed.name(), widget, Messages.of(lang(placed.page())), missing);
        assertEquals(java.util.Set.of(), missing, placed + ": strings missing in its language");
        return widget;
    }

    /** The Latin words (two letters or more) of a widget's strings in {@code lang}. */
    private static java.util.Set<String> words(String name, String lang) {
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (String s : Messages.of(lang).withPrefix(WidgetBlockMacro.prefix(name)).values()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(s);
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }

    @ParameterizedTest(name = "{0}: labels, readouts, button, caption and drawing in the page's language, also once live")
    @MethodSource("widgets")
    void language(Placed placed) throws Exception {
        Widget widget = instance(placed);
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        browser.open(placed.page());
        String figure = "figure.widget[data-widget=\"" + placed.name() + "\"]";
        browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", figure);
        browser.waitFor("document.querySelector('" + figure + "').dataset.live === 'true'");
        Slider[] sliders = widget.sliders();
        for (Slider s : sliders) {
            assertEquals(s.label(), browser.js("return document.querySelector(arguments[0]).textContent",
                    figure + " label[for=\"widget-" + placed.name() + "-" + s.id() + "\"]"), placed + ": slider " + s.id());
        }
        @SuppressWarnings("unchecked")
        List<String> dts = (List<String>) browser.js("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.textContent)", figure + " dl.widget-readouts dt");
        Readout[] readouts = widget.readouts(widget.startValues());
        assertEquals(readouts.length, dts.size());
        for (int j = 0; j < readouts.length; j++) {
            assertEquals(readouts[j].label(), dts.get(j), placed + ": readout " + j);
        }
        assertEquals(widget.title(), browser.js("return document.querySelector(arguments[0]).textContent", figure + " figcaption"));
        assertEquals(widget.title(), browser.js("return document.querySelector(arguments[0]).textContent", figure + " svg title"));
        assertEquals(widget.description(), browser.js("return document.querySelector(arguments[0]).textContent", figure + " svg desc"));
        if (widget.playLabel() != null) {
            WebElement button = browser.driver.findElement(By.cssSelector(figure + " button[data-play]"));
            assertEquals(widget.playLabel(), button.getText());
            button.click();
            assertEquals(widget.pauseLabel(), button.getText());
            button.click();
            assertEquals(widget.playLabel(), button.getText());
        }
        // move the first slider so the script has drawn both figures with its own strings
        browser.driver.findElement(By.cssSelector(figure + " input[data-slider=\"" + sliders[0].id() + "\"]")).sendKeys(Keys.ARROW_LEFT);
        check(placed, widget, figure, "moved one step, in " + lang(placed.page()));
        if (!lang(placed.page()).equals(Edition.ORIGINAL)) {
            // every text the figure shows or tells a screen reader: no word of the English strings that this language does not use too
            java.util.Set<String> english = words(placed.name(), Edition.ORIGINAL);
            english.removeAll(words(placed.name(), lang(placed.page())));
            assertFalse(english.isEmpty(), "the English strings have words of their own: " + english);
            String shown = (String) browser.js("const f = document.querySelector(arguments[0]);"
                    + " return [f.innerText, ...Array.from(f.querySelectorAll('svg text, title, desc, label, dt, button, figcaption'),"
                    + " e => e.textContent), ...Array.from(f.querySelectorAll('[aria-label], [aria-valuetext]'),"
                    + " e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('aria-valuetext') || ''))].join('\\n')", figure);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(shown);
            while (m.find()) {
                assertFalse(english.contains(m.group()), placed + ": English word '" + m.group() + "' on the page: " + shown);
            }
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    @DisplayName("the book has at least one widget, and each page's widget script is within budget")
    void budget() throws IOException {
        List<Placed> all = widgets();
        assertFalse(all.isEmpty(), "no widget::name[] on any page");
        for (String page : Browser.pages()) {
            Document doc = Jsoup.parse(Browser.siteDir().resolve(page).toFile(), "UTF-8");
            long bytes = 0;
            for (Element script : doc.select("script[src^=widgets/]")) {
                bytes += Files.size(Browser.siteDir().resolve(script.attr("src")));
            }
            // Loaded as the widget nears the screen (bits-and-logits.js): the page names it on the figure.
            for (Element figure : doc.select("figure.widget[data-script]")) {
                bytes += Files.size(Browser.siteDir().resolve(figure.attr("data-script")));
            }
            assertTrue(bytes <= WidgetBlockMacro.BUDGET, page + ": " + bytes + " bytes of widget JavaScript");
        }
    }

    @ParameterizedTest(name = "{0}: without JavaScript the page shows the JVM's values at the start, sliders disabled")
    @MethodSource("widgets")
    void staticFallback(Placed placed) throws Exception {
        Document doc = Jsoup.parse(Browser.siteDir().resolve(placed.page()).toFile(), "UTF-8");
        Element figure = doc.selectFirst("figure.widget[data-widget=" + placed.name() + "]");
        Widget widget = instance(placed);
        Readout[] expected = widget.readouts(widget.startValues());
        var shown = figure.select("[data-readout]");
        assertEquals(expected.length, shown.size());
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j].text(), shown.get(j).text(), expected[j].label());
            assertEquals(Double.toString(expected[j].value()), shown.get(j).attr("title"), expected[j].label());
        }
        for (Element input : figure.select("input[type=range]")) {
            assertTrue(input.hasAttr("disabled"), "a slider without its script is disabled");
            assertFalse(doc.select("label[for=" + input.id() + "]").isEmpty(), input.id() + " has a label");
        }
        assertFalse(figure.select("svg.widget-svg g.widget-plot g.w-axis").isEmpty(), "the static figure is drawn");
    }

    @ParameterizedTest(name = "{0}: keyboard moves every slider; readouts match the JVM at each position")
    @MethodSource("widgets")
    void keyboard(Placed placed) throws Exception {
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        browser.open(placed.page());
        browser.consoleErrors();
        browser.requests();
        String figure = "figure.widget[data-widget=\"" + placed.name() + "\"]";
        // The widget's script loads as the figure nears the screen, as a reader scrolls to it.
        browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", figure);
        browser.waitFor("document.querySelector('" + figure + "').dataset.live === 'true'");
        Widget widget = instance(placed);
        Slider[] sliders = widget.sliders();
        check(placed, widget, figure, "at the start");
        for (Slider s : sliders) {
            WebElement input = browser.driver.findElement(By.cssSelector(figure + " input[data-slider=\"" + s.id() + "\"]"));
            assertTrue(input.isEnabled(), s.id() + " enabled by the script");
            input.sendKeys(Keys.ARROW_LEFT);
            check(placed, widget, figure, s.id() + " one step left");
            input.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            check(placed, widget, figure, s.id() + " two steps right of the start");
            input.sendKeys(Keys.HOME);
            check(placed, widget, figure, s.id() + " at its minimum");
            assertEquals(Integer.toString(s.from()), input.getAttribute("value"));
            input.sendKeys(Keys.END);
            check(placed, widget, figure, s.id() + " at its maximum");
            assertEquals(Integer.toString(s.to()), input.getAttribute("value"));
            input.sendKeys(Keys.PAGE_DOWN);
            check(placed, widget, figure, s.id() + " a page below its maximum");
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
        Browser.Requests requests = browser.requests();
        assertEquals(List.of(), requests.external(), "requests to other hosts");
        assertEquals(List.of(), requests.failed(), "failed requests");
        screenshots(placed, figure);
    }

    @ParameterizedTest(name = "{0}: Play runs the last slider to its end, and the readouts follow")
    @MethodSource("playable")
    void play(Placed placed) throws Exception {
        Widget widget = instance(placed);
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        browser.open(placed.page());
        browser.consoleErrors();
        String figure = "figure.widget[data-widget=\"" + placed.name() + "\"]";
        // The widget's script loads as the figure nears the screen, as a reader scrolls to it.
        browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", figure);
        browser.waitFor("document.querySelector('" + figure + "').dataset.live === 'true'");
        Slider last = widget.sliders()[widget.sliders().length - 1];
        WebElement input = browser.driver.findElement(By.cssSelector(figure + " input[data-slider=\"" + last.id() + "\"]"));
        input.sendKeys(Keys.END);
        for (int i = 0; i < 12; i++) {
            input.sendKeys(Keys.ARROW_LEFT);
        }
        assertEquals(Integer.toString(last.to() - 12), input.getAttribute("value"));
        WebElement button = browser.driver.findElement(By.cssSelector(figure + " button[data-play]"));
        assertEquals(widget.playLabel(), button.getText());
        button.click();
        assertEquals("true", button.getAttribute("aria-pressed"));
        assertEquals(widget.pauseLabel(), button.getText());
        browser.waitFor("document.querySelector('" + figure + " button[data-play]').getAttribute('aria-pressed') === 'false'");
        assertEquals(Integer.toString(last.to()), input.getAttribute("value"), "played to the end");
        assertEquals(widget.playLabel(), button.getText());
        check(placed, widget, figure, "after Play");
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    /** The page's readouts against the widget run here at the sliders' current positions. */
    private static void check(Placed placed, Widget widget, String figure, String when) {
        Slider[] sliders = widget.sliders();
        double[] x = new double[sliders.length];
        for (int i = 0; i < sliders.length; i++) {
            String position = (String) browser.js("return document.querySelector(arguments[0]).value",
                    figure + " input[data-slider=\"" + sliders[i].id() + "\"]");
            x[i] = sliders[i].value(Integer.parseInt(position));
            String shown = (String) browser.js("return document.querySelector(arguments[0]).textContent",
                    figure + " output[data-slider=\"" + sliders[i].id() + "\"]");
            assertEquals(sliders[i].text(x[i]), shown, placed + " " + when + ": slider " + sliders[i].id());
        }
        Readout[] expected = widget.readouts(x);
        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) browser.js("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => [e.textContent, e.title])", figure + " [data-readout]");
        assertEquals(expected.length, shown.size());
        for (int j = 0; j < expected.length; j++) {
            String what = placed + " " + when + ": " + expected[j].label();
            assertEquals(expected[j].text(), shown.get(j).get(0), what);
            double exact = expected[j].value();
            double page = parse(shown.get(j).get(1));
            if (Double.isNaN(exact) || Double.isInfinite(exact) || exact == 0) {
                assertEquals(exact, page, what);
            } else {
                assertTrue(Math.abs(page - exact) <= 1e-12 * Math.abs(exact), what + ": page " + page + ", JVM " + exact);
            }
        }
        for (String layout : new String[] {"wide", "narrow"}) {
            String svg = (String) browser.js("return document.querySelector(arguments[0]).innerHTML",
                    figure + " g.widget-plot[data-layout=" + layout + "]");
            widget.narrow(layout.equals("narrow"));
            // the JVM's markup as this browser serializes it (<path/> comes back as <path></path>)
            String jvm = (String) browser.js("const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');"
                    + " g.innerHTML = arguments[0]; return g.innerHTML", widget.figure(x));
            assertEquals(jvm, svg, what(placed, when) + ": the " + layout + " drawing, as the JVM draws it");
            widget.narrow(false);
        }
    }

    private static String what(Placed placed, String when) {
        return placed + " " + when;
    }

    private static double parse(String javaScriptDouble) {
        return switch (javaScriptDouble) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(javaScriptDouble);
        };
    }

    private static void screenshots(Placed placed, String figure) throws IOException {
        String dir = System.getProperty("widgets.screenshots");
        if (dir == null) {
            return;
        }
        for (int width : new int[] {1280, 390}) {
            for (String theme : new String[] {"light", "dark"}) {
                browser.driver.manage().window().setSize(new Dimension(width, 900));
                browser.js("document.documentElement.dataset.theme = arguments[0]", theme);
                WebElement element = browser.driver.findElement(By.cssSelector(figure));
                browser.js("arguments[0].scrollIntoView()", element);
                Path file = Path.of(dir).resolve(lang(placed.page()) + "-" + placed.name() + "-" + width + "-" + theme + ".png");
                Files.createDirectories(file.getParent());
                Files.write(file, element.getScreenshotAs(OutputType.BYTES));
            }
        }
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        Files.writeString(Path.of(dir).resolve("done.txt"), placed.toString(), StandardCharsets.UTF_8);
    }
}
