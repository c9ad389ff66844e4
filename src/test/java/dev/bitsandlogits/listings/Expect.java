package dev.bitsandlogits.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions shared by the listings tests. */
final class Expect {

    /**
     * Relative tolerance: the library promises 1e-12 relative (DESIGN.md §5), and the reference
     * values, computed with mpmath at 40 digits, are exact far beyond that.
     */
    static final double REL_TOL = 1e-12;

    /** Absolute floor for results that are exactly 0, where a relative error means nothing. */
    static final double ABS_TOL_AT_ZERO = 1e-300;

    private Expect() {
    }

    /** Asserts {@code actual} is within {@link #REL_TOL} of {@code expected}; infinities must match exactly. */
    static void close(double expected, double actual) {
        close(expected, actual, "");
    }

    static void close(double expected, double actual, String what) {
        if (Double.isInfinite(expected) || Double.isNaN(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double tolerance = Math.max(REL_TOL * Math.abs(expected), ABS_TOL_AT_ZERO);
        if (!(Math.abs(actual - expected) <= tolerance)) {
            fail(what + " expected " + expected + " but was " + actual + " (relative error "
                    + Math.abs(actual - expected) / Math.abs(expected) + ")");
        }
    }

    /** Element-wise {@link #close(double, double)}. */
    static void close(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], "[" + i + "]");
        }
    }
}
