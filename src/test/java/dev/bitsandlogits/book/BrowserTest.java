package dev.bitsandlogits.book;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * One headless Chromium per browser test class, started and closed around the class's tests.
 * Without Chromium each test (each page of a parameterized one) is reported as skipped, with the
 * install command, so the counts show what did not run; a class-level assumption would show none.
 */
@ExtendWith(BrowserTest.SkipWithoutBrowser.class)
abstract class BrowserTest {

    static Browser browser;
    private static String missing;

    @BeforeAll
    static void start() {
        missing = Browser.missing();
        if (missing == null) {
            browser = Browser.start();
        } else {
            System.err.println("SKIPPED: " + missing);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Every page of every edition (the Chinese pages pass the same checks as the English ones). */
    static List<String> pages() {
        return Browser.allPages();
    }

    /** Skips every test and every parameterized invocation while the browser is missing. */
    static final class SkipWithoutBrowser implements InvocationInterceptor {

        private static void skipIfMissing(Invocation<Void> invocation) {
            if (missing != null) {
                invocation.skip();
                throw new TestAbortedException(missing);
            }
        }

        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
                                        ExtensionContext extension) throws Throwable {
            skipIfMissing(invocation);
            invocation.proceed();
        }

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
                                                ExtensionContext extension) throws Throwable {
            skipIfMissing(invocation);
            invocation.proceed();
        }
    }
}
