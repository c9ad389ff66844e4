package dev.bitsandlogits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the library tests. */
public final class NumericAssertions {

  /**
   * The library's accuracy promise (DESIGN §5): within 1e-12 relative of the exact value. Our
   * kernels are good to a few ulps (~1e-15); 1e-12 leaves room for the conversions between units
   * and for summing long vectors, and would still catch a formula that loses half the digits.
   */
  public static final double RELATIVE_TOLERANCE = 1e-12;

  /** Near zero a relative bound is meaningless; below 1e-300 we accept absolute error. */
  public static final double ABSOLUTE_TOLERANCE_NEAR_ZERO = 1e-300;

  private NumericAssertions() {}

  /** Asserts {@code actual} is within {@link #RELATIVE_TOLERANCE} of {@code expected}. */
  public static void assertRelativelyClose(double expected, double actual) {
    assertRelativelyClose(expected, actual, RELATIVE_TOLERANCE);
  }

  /** Asserts {@code |actual − expected| ≤ max(tolerance·|expected|, 1e-300)}; ±∞ must match. */
  public static void assertRelativelyClose(double expected, double actual, double tolerance) {
    if (Double.isInfinite(expected) || Double.isNaN(expected)) {
      assertEquals(expected, actual);
      return;
    }
    double error = Math.abs(actual - expected);
    if (!(error <= Math.max(tolerance * Math.abs(expected), ABSOLUTE_TOLERANCE_NEAR_ZERO))) {
      fail("expected " + expected + " within relative " + tolerance + ", but was " + actual
          + " (relative error " + error / Math.abs(expected) + ")");
    }
  }

  /** Asserts arrays element by element with {@link #assertRelativelyClose(double, double)}. */
  public static void assertRelativelyClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, "length");
    for (int i = 0; i < expected.length; i++) {
      assertRelativelyClose(expected[i], actual[i]);
    }
  }

  /** Asserts that {@code call} throws {@link IllegalArgumentException} with exactly this message. */
  public static void assertThrowsMessage(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
  }
}
