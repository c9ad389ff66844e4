package dev.bitsandlogits.internal;

/**
 * Error-free transformations for compensated summation, shared by the library packages.
 *
 * <p>A long sum {@code s = Σ x_i} taken left to right in doubles can err by up to {@code (n−1)·u}
 * relative ({@code u = 2^−53}): 1e-10 for a million terms, and the bound is reached by vectors
 * as plain as a uniform distribution. The library's sums are compensated instead
 * (Neumaier/Kahan–Babuška with Knuth's branch-free TwoSum): next to the running sum {@code s} a
 * second double {@code c} collects the exact rounding error of every addition, and the result is
 * {@code s + c}. Its error is at most {@code 2u·|Σx_i| + O(n·u²)·Σ|x_i|} — for sums of
 * non-negative terms, within about one ulp of the exact sum for any realistic length:
 *
 * <pre>{@code
 * double s = 0, c = 0;
 * for (double x : xs) {
 *   double t = s + x;
 *   c += Sums.twoSumError(s, x, t);
 *   s = t;
 * }
 * double sum = Sums.finish(s, c);
 * }</pre>
 *
 * <p>Not part of the public API: it is public only because {@code info} and {@code loss} are
 * different packages.
 */
public final class Sums {

  private Sums() {}

  /**
   * The rounding error of {@code sum = a + b} (Knuth's TwoSum, no branch, no condition on the
   * magnitudes): {@code a + b = sum + error} exactly, when {@code sum} is the rounded
   * {@code a + b} and nothing overflows.
   */
  public static double twoSumError(double a, double b, double sum) {
    double bVirtual = sum - a;
    double aVirtual = sum - bVirtual;
    return (a - aVirtual) + (b - bVirtual);
  }

  /**
   * {@code sum + compensation}, or {@code sum} itself if it is infinite or NaN (an overflowed
   * running sum makes the compensation NaN).
   */
  public static double finish(double sum, double compensation) {
    return Math.abs(sum) <= Double.MAX_VALUE ? sum + compensation : sum;
  }

  /** The compensated sum of {@code x}, see the class comment. */
  public static double sum(double[] x) {
    double s = 0.0;
    double c = 0.0;
    for (double xi : x) {
      double t = s + xi;
      c += twoSumError(s, xi, t);
      s = t;
    }
    return finish(s, c);
  }

  /**
   * {@code a·b·c·2^shift} for finite {@code a, b, c ≥ 0}, with no intermediate overflow or
   * underflow: each factor is scaled to [1, 2) by its binary exponent, the three mantissas are
   * multiplied (two roundings, as for {@code (a·b)·c}) and the exponents added back once. Equal to
   * {@code (a·b)·c·2^shift} whenever that is computed without leaving the normal range; +∞ only
   * if the exact product exceeds {@link Double#MAX_VALUE}.
   */
  public static double product(double a, double b, double c, int shift) {
    if (a == 0 || b == 0 || c == 0) {
      return 0.0;
    }
    int ea = exponent(a);
    int eb = exponent(b);
    int ec = exponent(c);
    double mantissas = Math.scalb(a, -ea) * Math.scalb(b, -eb) * Math.scalb(c, -ec);
    // The exponent sum cannot overflow an int: each is within ±1100 and |shift| is small.
    return Math.scalb(mantissas, ea + eb + ec + shift);
  }

  /** The binary exponent of a finite {@code x > 0}, also for subnormals: 2^e ≤ x < 2^(e+1). */
  public static int exponent(double x) {
    if (x >= Double.MIN_NORMAL) {
      return Math.getExponent(x);
    }
    return Math.getExponent(x * 0x1p54) - 54;
  }
}
