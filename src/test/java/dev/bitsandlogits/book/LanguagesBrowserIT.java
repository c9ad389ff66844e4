package dev.bitsandlogits.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The two editions in the browser: the language switch, and search in Chinese. */
@DisplayName("English and Chinese editions in the browser")
class LanguagesBrowserIT extends BrowserTest {

    /** The first chapter that has a Chinese twin. */
    private static String chapter() {
        return Browser.pages().stream().filter(p -> p.matches("\\d+-.*") && Files.exists(Browser.siteDir().resolve("zh-CN").resolve(p)))
                .findFirst().orElseThrow(() -> new AssertionError("no chapter has a Chinese page under site/zh-CN/"));
    }

    @Test
    @DisplayName("the switch on a chapter's section leads to the same section of the Chinese chapter, and back")
    void switchKeepsSection() {
        String page = chapter();
        browser.open(page);
        String id = (String) browser.js("return document.querySelectorAll('#content .sect1 > h2[id]')[1].id");
        browser.js("location.hash = arguments[0]", id);
        browser.waitFor("location.hash === '#" + id + "'");
        WebElement link = browser.driver.findElement(By.cssSelector("a.language-link"));
        assertEquals("中文", link.getText());
        assertEquals("zh-CN", link.getAttribute("hreflang"));
        link.click();
        browser.waitFor("document.documentElement.lang === 'zh-CN' && document.readyState === 'complete'");
        assertEquals(browser.origin + "zh-CN/" + page + "#" + id, browser.driver.getCurrentUrl());
        double top = ((Number) browser.js("return document.getElementById(arguments[0]).getBoundingClientRect().top", id)).doubleValue();
        assertTrue(top >= 0 && top < 200, "the Chinese section heading is at the top of the window (y = " + top + ")");
        assertEquals("搜索", browser.js("return document.getElementById('search-input').placeholder"));
        assertEquals(List.of(), browser.consoleErrors());
        browser.driver.findElement(By.cssSelector("a.language-link")).click();
        browser.waitFor("document.documentElement.lang === 'en' && document.readyState === 'complete'");
        assertEquals(browser.origin + page + "#" + id, browser.driver.getCurrentUrl());
    }

    @Test
    @DisplayName("the theme script speaks the page's language: copy button and theme toggle in Chinese")
    void chromeInChinese() {
        browser.open("zh-CN/" + chapter());
        assertEquals("复制", browser.js("return document.querySelector('.copy-button').textContent"));
        assertEquals("复制代码", browser.js("return document.querySelector('.copy-button').getAttribute('aria-label')"));
        String title = (String) browser.js("return document.querySelector('.theme-toggle').title");
        assertTrue(title.startsWith("切换到"), title);
        assertEquals("结果", browser.js("return getComputedStyle(document.querySelector('.snippet-results'), '::before').content.replace(/\"/g, '')"));
        // Han text falls back to a CJK font of the system: no webfont is loaded for it.
        assertEquals(0L, browser.js("return [...document.fonts].filter(f => !f.family.replace(/\"/g, '').startsWith('KaTeX')).length"));
    }

    @ParameterizedTest(name = "a Chinese page's search for {0} finds Chinese sections that contain it, best first")
    @ValueSource(strings = {"交叉熵", "散度", "比特"})
    void chineseSearch(String term) {
        String page = "zh-CN/" + chapter();
        browser.open(page);
        browser.driver.findElement(By.id("search-input")).sendKeys(term);
        browser.waitFor("document.querySelector('#search-results a')");
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.js("return [...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))");
        assertFalse(hrefs.isEmpty());
        for (String href : hrefs) {
            assertFalse(href.startsWith("../") || href.contains("://"), "a result of the Chinese edition: " + href);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> index = (List<Map<String, Object>>) browser.js("return window.BITS_AND_LOGITS_SEARCH");
        String top = hrefs.get(0);
        Map<String, Object> best = index.stream().filter(e -> (e.get("page") + (e.get("id").toString().isEmpty() ? "" : "#" + e.get("id"))).equals(top))
                .findFirst().orElseThrow();
        assertTrue((best.get("title") + " " + best.get("text")).contains(term), top + " does not contain " + term);
        if (index.stream().anyMatch(e -> e.get("title").toString().contains(term))) {
            assertTrue(best.get("title").toString().contains(term), "a section titled with " + term + " ranks first, not " + best.get("title"));
        }
        assertTrue((Boolean) browser.js("return !!document.querySelector('#search-results mark')"), "the term is marked in the excerpt");
        browser.driver.findElements(By.cssSelector("#search-results a")).get(0).click();
        browser.waitFor("location.href.indexOf('/zh-CN/') > 0 && document.readyState === 'complete'");
    }

    @Test
    @DisplayName("Chinese search works from file:// too, from the Chinese edition's own index")
    void chineseSearchFromFile() {
        browser.driver.get(Browser.siteDir().toAbsolutePath().resolve("zh-CN").resolve(chapter()).toUri().toString());
        browser.driver.findElement(By.id("search-input")).sendKeys("交叉熵");
        browser.waitFor("document.querySelector('#search-results a')");
        String href = browser.driver.findElement(By.cssSelector("#search-results a")).getAttribute("href");
        assertTrue(href.startsWith("file:") && href.contains("/zh-CN/"), href);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @DisplayName("a page not translated yet links the Chinese home instead of a missing page")
    void untranslated() {
        for (String page : Browser.pages()) {
            browser.open(page);
            String href = (String) browser.js("return document.querySelector('a.language-link').getAttribute('href')");
            if (Files.exists(Browser.siteDir().resolve("zh-CN").resolve(page))) {
                assertEquals("zh-CN/" + page, href);
            } else {
                assertEquals("zh-CN/index.html", href, page);
            }
        }
    }
}
