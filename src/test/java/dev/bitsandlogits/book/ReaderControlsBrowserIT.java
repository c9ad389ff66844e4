package dev.bitsandlogits.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;

/** The reader's controls in headless Chromium: search, theme, copy, navigation, narrow screens. */
@DisplayName("Reader controls")
class ReaderControlsBrowserIT extends BrowserTest {

    @AfterEach
    void reset() {
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        if (browser.driver.getCurrentUrl().startsWith("http")) {
            browser.js("localStorage.clear()");
        }
    }

    /** One section and a word found in no other section: chapter 4's if the site has it, else chapter 1's. */
    record Target(String page, String id, String word) {
    }

    @SuppressWarnings("unchecked")
    static Target searchTarget() throws IOException {
        String json = Files.readString(Browser.siteDir().resolve("search-index.json"), StandardCharsets.UTF_8);
        List<Map<String, Object>> entries = new Json().toType(json, List.class);
        Map<String, Integer> sectionsWithWord = new HashMap<>();
        for (Map<String, Object> e : entries) {
            for (String w : words(e)) {
                sectionsWithWord.merge(w, 1, Integer::sum);
            }
        }
        for (String prefix : new String[] {"04-", "01-"}) {
            for (Map<String, Object> e : entries) {
                String page = (String) e.get("page");
                if (!page.startsWith(prefix) || ((String) e.get("id")).isEmpty()) {
                    continue;
                }
                for (String w : words(e)) {
                    // a word in exactly one section, and in no other section as part of a longer word
                    if (w.length() >= 6 && sectionsWithWord.get(w) == 1 && entries.stream().filter(o -> o != e)
                            .noneMatch(o -> (o.get("title") + " " + o.get("text")).toLowerCase(Locale.ROOT).contains(w))) {
                        return new Target(page, (String) e.get("id"), w);
                    }
                }
            }
        }
        throw new AssertionError("no word unique to one section of chapter 4 or 1 in search-index.json");
    }

    private static List<String> words(Map<String, Object> entry) {
        String text = (entry.get("title") + " " + entry.get("text")).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : text.split("[^\\p{L}]+")) {
            if (!w.isEmpty() && !words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    @Test
    @DisplayName("search finds a word of one section, and its result lands on that section")
    void searchLandsOnSection() throws IOException {
        Target target = searchTarget();
        browser.open("index.html");
        WebElement input = browser.driver.findElement(By.id("search-input"));
        input.sendKeys(target.word());
        browser.waitFor("!document.getElementById('search-results').hidden");
        assertEquals(1L, browser.js("return document.querySelectorAll('#search-results a').length"),
                "results for '" + target.word() + "': " + browser.js("return document.getElementById('search-results').innerText"));
        String href = target.page() + "#" + target.id();
        List<WebElement> links = browser.driver.findElements(By.cssSelector("#search-results a"));
        assertEquals(1, links.size(), "results for '" + target.word() + "'");
        assertEquals(href, links.get(0).getAttribute("href").replace(browser.origin, ""));
        links.get(0).click();
        browser.waitFor("location.hash === '#" + target.id() + "'");
        assertTrue(browser.driver.getCurrentUrl().endsWith(href), browser.driver.getCurrentUrl());
        Object top = browser.js("return document.getElementById(arguments[0]).getBoundingClientRect().top", target.id());
        double y = ((Number) top).doubleValue();
        assertTrue(y >= 0 && y < 200, "the section heading is at the top of the window, below the bar (y = " + y + ")");
    }

    @Test
    @DisplayName("search also works on pages opened from file://")
    void searchFromFile() throws IOException {
        Target target = searchTarget();
        browser.driver.get(Browser.siteDir().toAbsolutePath().resolve("index.html").toUri().toString());
        browser.driver.findElement(By.id("search-input")).sendKeys(target.word());
        browser.waitFor("document.querySelector('#search-results a')");
        String href = browser.driver.findElement(By.cssSelector("#search-results a")).getAttribute("href");
        assertTrue(href.endsWith(target.page() + "#" + target.id()), href);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @DisplayName("search says so when nothing matches, and Escape closes the results")
    void searchNothing() {
        browser.open("index.html");
        WebElement input = browser.driver.findElement(By.id("search-input"));
        input.sendKeys("zqxjkv");
        browser.waitFor("document.querySelector('#search-results .empty')");
        input.sendKeys(Keys.ESCAPE);
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('search-results').hidden"));
    }

    @Test
    @DisplayName("the theme toggle switches to dark, and the choice holds on the next page before it paints")
    void darkToggle() {
        browser.open("index.html");
        browser.js("localStorage.clear()");
        browser.open("index.html");
        assertEquals("light", browser.js("return document.documentElement.dataset.theme"), "headless Chromium prefers light");
        String lightBg = (String) browser.js("return getComputedStyle(document.body).backgroundColor");
        browser.driver.findElement(By.cssSelector(".theme-toggle")).click();
        assertEquals("dark", browser.js("return document.documentElement.dataset.theme"));
        assertEquals("true", browser.driver.findElement(By.cssSelector(".theme-toggle")).getAttribute("aria-pressed"));
        String darkBg = (String) browser.js("return getComputedStyle(document.body).backgroundColor");
        assertNotEquals(lightBg, darkBg);
        String next = Browser.pages().stream().filter(p -> !p.equals("index.html")).findFirst().orElse("index.html");
        browser.open(next);
        assertEquals("dark", browser.js("return document.documentElement.dataset.theme"));
        assertEquals(darkBg, browser.js("return getComputedStyle(document.body).backgroundColor"));
        // The head script sets the theme before the body exists: no light flash.
        String boot = (String) browser.js("return [...document.head.querySelectorAll('script:not([src])')].map(s => s.textContent).join()");
        assertTrue(boot.contains("bl-theme"), "the theme is applied by an inline script in <head>");
        browser.driver.findElement(By.cssSelector(".theme-toggle")).click();
        browser.open("index.html");
        assertEquals("light", browser.js("return document.documentElement.dataset.theme"));
    }

    @ParameterizedTest(name = "{0} at 390 px: no horizontal page scroll, chapters menu opens")
    @MethodSource("pages")
    void narrowScreen(String page) {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.open(page);
        long scrollWidth = (Long) browser.js("return document.documentElement.scrollWidth");
        long innerWidth = (Long) browser.js("return window.innerWidth");
        assertTrue(scrollWidth <= innerWidth, page + ": page is " + scrollWidth + " px wide in a " + innerWidth + " px window");
        WebElement nav = browser.driver.findElement(By.id("book-nav"));
        assertFalse(nav.isDisplayed(), "the chapter list is folded away on a phone");
        browser.driver.findElement(By.cssSelector(".nav-toggle")).click();
        assertTrue(nav.isDisplayed(), "the Chapters button opens the chapter list");
    }

    @Test
    @DisplayName("the copy button puts the code, and not its results, on the clipboard")
    void copyButton() {
        String page = Browser.pages().stream().filter(p -> p.matches("\\d+-.*")).findFirst().orElseThrow();
        browser.open(page);
        browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", browser.origin.replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement block = browser.driver.findElement(By.cssSelector(".snippet .listingblock"));
        String code = (String) browser.js("return arguments[0].querySelector('pre code').textContent", block);
        WebElement button = block.findElement(By.cssSelector(".copy-button"));
        button.click();
        browser.waitFor("document.querySelector('.snippet .copy-button').dataset.copied === 'true'");
        Object clip = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
        assertEquals(code.stripTrailing() + "\n", clip);
        assertFalse(((String) clip).contains("⇒"), "results are not copied");
    }

    @Test
    @DisplayName("the book navigation lists every page in order with the current one marked, and chapters link previous and next")
    void navigation() {
        List<String> pages = Browser.pages();
        String chapter = pages.stream().filter(p -> p.matches("\\d+-.*")).findFirst().orElseThrow();
        browser.open(chapter);
        @SuppressWarnings("unchecked")
        List<String> nav = (List<String>) browser.js("return [...document.querySelectorAll('#book-nav a')].map(a => a.getAttribute('href'))");
        assertEquals("index.html", nav.get(0));
        assertEquals(pages.size(), nav.size(), "one link per page: " + nav);
        assertEquals(chapter, browser.js("return document.querySelector('#book-nav a[aria-current=page]').getAttribute('href')"));
        assertEquals("index.html", browser.js("return document.querySelector('.prev-next a[rel=prev]').getAttribute('href')"));
        assertTrue(browser.driver.findElements(By.cssSelector("a[href^='jshell/'][href$='.jsh']")).size() == 1,
                "the chapter links its JShell script");
        assertTrue(browser.driver.findElement(By.id("run-this-chapter")).getText().contains("jshell --class-path bits-and-logits.jar"));
        browser.open("index.html");
        assertEquals(nav.get(1), browser.js("return document.querySelector('.prev-next a[rel=next]').getAttribute('href')"));
    }
}
