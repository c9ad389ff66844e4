package dev.bitsandlogits.site;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One headless Chromium per browser test class, started and closed around the class's tests. */
abstract class BrowserTest {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    static List<String> pages() {
        return Browser.pages();
    }
}
