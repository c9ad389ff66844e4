package dev.bitsandlogits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
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

  // ---------------------------------------------------------------------------------------------
  // High-precision references, independent of the library: BigDecimal at 50 significant digits
  // (60 inside, so that the last digits of a reference are not rounding noise). Every double is
  // converted exactly (new BigDecimal(double)), so a reference is the exact value for the given
  // doubles, rounded once at the end.
  // ---------------------------------------------------------------------------------------------

  /** The precision of the references. */
  public static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);

  private static final MathContext WORK = new MathContext(60, RoundingMode.HALF_EVEN);

  /** ln 2 = 2·atanh(1/3), to 60 digits. */
  private static final BigDecimal LN2 = atanhTimesTwo(
      BigDecimal.ONE.divide(BigDecimal.valueOf(3), WORK));

  /** Below this a reference treats exp(x) as 0: e^−3000 is 1e-1303, far below any 50-digit sum. */
  private static final BigDecimal EXP_FLOOR = BigDecimal.valueOf(-3000);

  /** The exact value of a double. */
  public static BigDecimal big(double x) {
    return new BigDecimal(x);
  }

  /**
   * Natural logarithm of {@code x > 0}, to 60 digits: x = y·2^k, y in [0.75, 1.5), with y exact
   * (so that ln of 1 + 4e-48 keeps all its digits), then 2·atanh((y − 1)/(y + 1)).
   */
  public static BigDecimal ln(BigDecimal x) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("ln of " + x);
    }
    // k ≈ log2 x from the unscaled value's bit length and the scale (exact enough to start).
    long k = Math.round((x.unscaledValue().bitLength() - 1) - x.scale() * 3.321928094887362);
    BigDecimal y = x.multiply(powerOfTwo(-k));
    while (y.compareTo(BigDecimal.valueOf(1.5)) >= 0) {
      y = y.divide(BigDecimal.valueOf(2));
      k++;
    }
    while (y.compareTo(BigDecimal.valueOf(0.75)) < 0) {
      y = y.multiply(BigDecimal.valueOf(2));
      k--;
    }
    BigDecimal t = y.subtract(BigDecimal.ONE).divide(y.add(BigDecimal.ONE), WORK);
    return atanhTimesTwo(t).add(LN2.multiply(BigDecimal.valueOf(k), WORK), WORK);
  }

  /** Natural logarithm of a double: x = y·2^k with y a double in [0.75, 1.5), both exact. */
  public static BigDecimal ln(double x) {
    if (!(x > 0 && x <= Double.MAX_VALUE)) {
      throw new ArithmeticException("ln of " + x);
    }
    int k = x >= Double.MIN_NORMAL ? Math.getExponent(x) : Math.getExponent(x * 0x1p54) - 54;
    double y = Math.scalb(x, -k); // in [1, 2), exact
    if (y >= 1.5) {
      y /= 2;
      k++;
    }
    BigDecimal by = big(y);
    BigDecimal t = by.subtract(BigDecimal.ONE).divide(by.add(BigDecimal.ONE), WORK);
    return atanhTimesTwo(t).add(LN2.multiply(BigDecimal.valueOf(k), WORK), WORK);
  }

  /** e^x to 60 digits (0 below −3000): x = k·ln 2 + r, |r| ≤ ln 2 / 2, Taylor series of e^r. */
  public static BigDecimal exp(BigDecimal x) {
    if (x.compareTo(EXP_FLOOR) < 0) {
      return BigDecimal.ZERO;
    }
    BigInteger k = x.divide(LN2, WORK).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    BigDecimal r = x.subtract(LN2.multiply(new BigDecimal(k), WORK), WORK);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal epsilon = BigDecimal.ONE.movePointLeft(70);
    for (int i = 1; term.abs().compareTo(epsilon) > 0; i++) {
      term = term.multiply(r, WORK).divide(BigDecimal.valueOf(i), WORK);
      sum = sum.add(term, WORK);
    }
    return sum.multiply(powerOfTwo(k.longValueExact()), WORK);
  }

  /** ln(Σ_j e^{z_j}) to 60 digits, as m + ln Σ e^{z_j − m} with the differences exact. */
  public static BigDecimal logSumExp(double[] z) {
    BigDecimal m = big(Arrays.stream(z).max().orElseThrow());
    BigDecimal sum = BigDecimal.ZERO;
    for (double x : z) {
      sum = sum.add(exp(big(x).subtract(m))); // exact: 1 + 4e-48 must keep its 4e-48
    }
    return m.add(ln(sum)); // exact: rounding m + ln(sum) to 60 digits would lose ln(sum) for |m| ~ 1e308
  }

  /** 2^k exactly (a BigDecimal with a finite expansion for negative k too). */
  public static BigDecimal powerOfTwo(long k) {
    if (k >= 0) {
      return new BigDecimal(BigInteger.ONE.shiftLeft((int) k));
    }
    // 2^−k = 5^k / 10^k
    return new BigDecimal(BigInteger.valueOf(5).pow((int) -k), (int) -k);
  }

  /** Relative error |actual − exact| / |exact| (absolute error if exact is 0). */
  public static double relativeError(BigDecimal exact, double actual) {
    if (!Double.isFinite(actual)) {
      return Double.POSITIVE_INFINITY;
    }
    BigDecimal error = big(actual).subtract(exact).abs();
    if (exact.signum() == 0) {
      return error.doubleValue();
    }
    return error.divide(exact.abs(), MC).doubleValue();
  }

  /**
   * Asserts {@code actual} is within {@link #RELATIVE_TOLERANCE} of the high-precision
   * {@code exact} ({@link #ABSOLUTE_TOLERANCE_NEAR_ZERO} absolute near 0), and finite if the
   * exact value is a finite double.
   */
  public static void assertCloseToExact(BigDecimal exact, double actual, String what) {
    double expected = exact.doubleValue();
    if (Double.isInfinite(expected)) {
      // The exact value overflows; ±MAX_VALUE is as good an answer when within the tolerance.
      if (actual != expected && !(relativeError(exact, actual) <= RELATIVE_TOLERANCE)) {
        fail(what + ": the exact value " + exact.round(new MathContext(5)) + " overflows, but was "
            + actual);
      }
      return;
    }
    if (!Double.isFinite(actual)) {
      // Within the tolerance of MAX_VALUE an overflow is one rounding away: accept ±∞ there.
      boolean atTheEdge = Double.isInfinite(actual) && exact.signum() == Math.signum(actual)
          && exact.abs().compareTo(big(Double.MAX_VALUE * (1 - RELATIVE_TOLERANCE))) >= 0;
      if (!atTheEdge) {
        fail(what + ": expected " + expected + " (finite), but was " + actual);
      }
      return;
    }
    BigDecimal error = big(actual).subtract(exact).abs();
    BigDecimal allowed = exact.abs().multiply(big(RELATIVE_TOLERANCE))
        .max(big(ABSOLUTE_TOLERANCE_NEAR_ZERO));
    if (error.compareTo(allowed) > 0) {
      fail(what + ": expected " + expected + " within relative " + RELATIVE_TOLERANCE
          + ", but was " + actual + " (relative error " + relativeError(exact, actual) + ")");
    }
  }

  private static BigDecimal atanhTimesTwo(BigDecimal t) {
    BigDecimal t2 = t.multiply(t, WORK);
    BigDecimal power = t;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal epsilon = t.abs().movePointLeft(70); // relative: t may be 1e-70 itself
    for (int i = 1; power.abs().compareTo(epsilon) > 0; i += 2) {
      sum = sum.add(power.divide(BigDecimal.valueOf(i), WORK), WORK);
      power = power.multiply(t2, WORK);
    }
    return sum.multiply(BigDecimal.valueOf(2), WORK);
  }
}
