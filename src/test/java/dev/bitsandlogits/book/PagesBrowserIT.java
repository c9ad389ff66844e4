package dev.bitsandlogits.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every page of the built site in headless Chromium: clean console, nothing fetched from the network, math typeset at build time. */
@DisplayName("Each page in the browser")
class PagesBrowserIT extends BrowserTest {

    @ParameterizedTest(name = "{0} loads with no console error, no failed request and no request off 127.0.0.1")
    @MethodSource("pages")
    void loadsOffline(String page) {
        browser.consoleErrors();
        browser.requests();
        browser.open(page);
        List<String> errors = browser.consoleErrors();
        Browser.Requests requests = browser.requests();
        assertEquals(List.of(), errors, page + ": console errors");
        assertEquals(List.of(), requests.external(), page + ": requests to other hosts");
        assertEquals(List.of(), requests.failed(), page + ": failed requests");
        assertTrue(requests.urls().size() > 1, page + ": the performance log saw no requests; is it enabled?");
    }

    @ParameterizedTest(name = "{0} has lang, a title, a description and the favicon")
    @MethodSource("pages")
    void headMatter(String page) {
        browser.open(page);
        assertEquals(Browser.lang(page), browser.js("return document.documentElement.lang"));
        String title = browser.driver.getTitle();
        assertTrue(title.contains("Bits & Logits"), page + ": title '" + title + "' names the book");
        String description = (String) browser.js("const m = document.querySelector('meta[name=description]'); return m ? m.content : ''");
        assertFalse(description.isBlank(), page + ": <meta name=description> (set :description: in the page header)");
        assertEquals(Browser.root(page) + "assets/favicon.svg", browser.js("return document.querySelector('link[rel=icon]').getAttribute('href')"));
    }

    @ParameterizedTest(name = "{0} shows math typeset at build time, with MathML and KaTeX's fonts, never raw TeX")
    @MethodSource("pages")
    void mathIsTypeset(String page) {
        browser.open(page);
        long math = (Long) browser.js("return document.querySelectorAll('.math').length");
        long typeset = (Long) browser.js("return document.querySelectorAll('.math > .katex, .math > .katex-display > .katex').length");
        long mathml = (Long) browser.js("return document.querySelectorAll('.math .katex-mathml math').length");
        long errors = (Long) browser.js("return document.querySelectorAll('.katex-error').length");
        assertEquals(math, typeset, page + ": every span.math holds KaTeX output");
        assertEquals(math, mathml, page + ": every formula carries MathML for screen readers");
        assertEquals(0, errors, page + ": KaTeX error boxes");
        assertEquals(0L, browser.js("return document.querySelectorAll('script[src*=katex]').length"),
                page + ": KaTeX's script is not loaded: the build typeset the math");
        assertEquals(math > 0 ? 1L : 0L, browser.js("return document.querySelectorAll('link[href$=\"katex/katex.min.css\"]').length"),
                page + ": KaTeX's stylesheet is linked exactly where there is math");
        if (math > 0) {
            // The glyphs are drawn in KaTeX's own fonts once they arrived (system fonts would misplace them).
            Object fonts = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.fonts.ready.then(() => done([...document.fonts]
                        .filter(f => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded').length));""");
            assertTrue(((Number) fonts).intValue() > 0, page + ": KaTeX_Main loaded");
        }
        String raw = (String) browser.js("""
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
                  acceptNode: n => n.parentElement.closest('pre, code, script, style, .katex-mathml, noscript')
                      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
                let found = '';
                while (walk.nextNode()) {
                  const t = walk.currentNode.textContent;
                  const i = t.search(/\\\\[\\(\\[]/);
                  if (i >= 0) { found = t.substring(Math.max(0, i - 20), i + 40); break; }
                }
                return found;""");
        assertEquals("", raw, page + ": raw TeX in the visible text");
        if (page.replaceFirst("^.*/", "").matches("\\d+-.*")) {
            assertTrue(math > 0, page + ": a chapter without math? (the test expects each chapter to use stem:[])");
        }
    }
}
