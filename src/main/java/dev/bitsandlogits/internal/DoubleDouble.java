package dev.bitsandlogits.internal;

/**
 * Double-double arithmetic (a value {@code hi + lo} with {@code |lo| ≤ ulp(hi)/2}, about 106
 * bits), for the few places where a result is the small difference of two nearly equal
 * quantities and a double cannot hold the minuend accurately enough: {@code softmax − y} and
 * {@code σ(x) − z} when the label almost equals the prediction. Only the operations those need:
 * sums, products, quotients and {@code exp} of a double-double, with relative errors of about
 * 1e-30 (exp: about 1e-29 over its whole range).
 *
 * <p>Values are immutable; the library uses them only on slow paths, where allocation does not
 * matter. Not part of the public API.
 */
public final class DoubleDouble {

  /** The high part. */
  public final double hi;
  /** The low part. */
  public final double lo;

  private DoubleDouble(double hi, double lo) {
    this.hi = hi;
    this.lo = lo;
  }

  /** {@code hi + lo}, renormalised. */
  public static DoubleDouble of(double hi, double lo) {
    double s = hi + lo;
    return new DoubleDouble(s, lo - (s - hi));
  }

  /** A double, exactly. */
  public static DoubleDouble of(double x) {
    return new DoubleDouble(x, 0.0);
  }

  /** {@code a + b} exactly (TwoSum). */
  public static DoubleDouble sum(double a, double b) {
    double s = a + b;
    return new DoubleDouble(s, Sums.twoSumError(a, b, s));
  }

  /** {@code a·b} exactly (Dekker's product with Veltkamp's split; no FMA needed). */
  public static DoubleDouble product(double a, double b) {
    double p = a * b;
    double[] as = split(a);
    double[] bs = split(b);
    double error = ((as[0] * bs[0] - p) + as[0] * bs[1] + as[1] * bs[0]) + as[1] * bs[1];
    return new DoubleDouble(p, error);
  }

  private static final double SPLITTER = 0x1p27 + 1;

  private static double[] split(double a) {
    double t = SPLITTER * a;
    double high = t - (t - a);
    return new double[] {high, a - high};
  }

  /** {@code this + b}, accurate also under cancellation. */
  public DoubleDouble plus(DoubleDouble b) {
    double s = hi + b.hi;
    double e = Sums.twoSumError(hi, b.hi, s);
    double t = lo + b.lo;
    double f = Sums.twoSumError(lo, b.lo, t);
    e += t;
    double s2 = s + e;
    e = e - (s2 - s);
    e += f;
    double s3 = s2 + e;
    return new DoubleDouble(s3, e - (s3 - s2));
  }

  /** {@code this + b}. */
  public DoubleDouble plus(double b) {
    return plus(of(b));
  }

  /** {@code −this}. */
  public DoubleDouble negate() {
    return new DoubleDouble(-hi, -lo);
  }

  /** {@code this − b}, accurate also under cancellation. */
  public DoubleDouble minus(DoubleDouble b) {
    return plus(b.negate());
  }

  /** {@code this · b}. */
  public DoubleDouble times(DoubleDouble b) {
    DoubleDouble p = product(hi, b.hi);
    return of(p.hi, p.lo + (hi * b.lo + lo * b.hi));
  }

  /** {@code this · b}. */
  public DoubleDouble times(double b) {
    DoubleDouble p = product(hi, b);
    return of(p.hi, p.lo + lo * b);
  }

  /** {@code this / b}: three quotient digits. */
  public DoubleDouble dividedBy(DoubleDouble b) {
    double q1 = hi / b.hi;
    DoubleDouble r = minus(b.times(q1));
    double q2 = r.hi / b.hi;
    r = r.minus(b.times(q2));
    double q3 = r.hi / b.hi;
    return of(q1, q2).plus(q3);
  }

  /** The nearest double. */
  public double doubleValue() {
    return hi + lo;
  }

  // ln 2 in three parts: A has 32 significant bits, so k·A is exact for |k| < 2^21.
  private static final double LN2_A = 0x1.62e42fefp-1;
  private static final DoubleDouble LN2_BC = of(0x1.473de6af278edp-34, -0x1.9ff0342542fc3p-90);
  private static final double LN2 = Math.log(2);
  private static final int SQUARINGS = 10;
  private static final DoubleDouble[] INVERSE_FACTORIALS = new DoubleDouble[12];

  static {
    double factorial = 1;
    for (int n = 1; n < INVERSE_FACTORIALS.length; n++) {
      factorial *= n; // exact up to 22!
      INVERSE_FACTORIALS[n] = of(1.0).dividedBy(of(factorial));
    }
  }

  /**
   * {@code e^d · 2^k} for {@code 0 ≤ k < 2^20}, where {@code e^d} alone would underflow:
   * {@code exp((d + k·A) + k·B)} with ln 2 ≈ A + B to 138 bits and {@code k·A} exact, so only
   * the sum, of the result's logarithm's size, is rounded (relative error about
   * {@code |log result|·u + 1 ulp}).
   */
  public static double expTimesPowerOfTwo(double d, int k) {
    return Math.exp((d + k * LN2_A) + k * LN2_BC.hi);
  }

  /**
   * {@code e^x} for the double-double {@code x} (for example an exact difference of two
   * doubles). 0 below −746 (the exact value is below half the smallest double); +∞ above 709.8.
   *
   * <p>Algorithm: {@code x = k·ln 2 + r} with ln 2 to 138 bits, {@code |r| ≤ 0.35}; the Taylor
   * series of {@code expm1(r/2^10)} to 11 terms, squared back ten times as
   * {@code e·(2 + e)} (which keeps the relative accuracy of expm1), and {@code 2^k·(1 + e)}.
   */
  public static DoubleDouble exp(DoubleDouble x) {
    if (x.hi < -746) {
      return of(0.0);
    }
    if (x.hi > 709.8) {
      return of(Double.POSITIVE_INFINITY);
    }
    double k = Math.rint(x.hi / LN2);
    // x.hi − k·A is exact (k·A is, and the two are within a factor of 2 unless k = 0).
    DoubleDouble r = of(x.hi - k * LN2_A).plus(x.lo).minus(LN2_BC.times(k));
    DoubleDouble s = of(Math.scalb(r.hi, -SQUARINGS), Math.scalb(r.lo, -SQUARINGS));
    DoubleDouble e = INVERSE_FACTORIALS[INVERSE_FACTORIALS.length - 1];
    for (int n = INVERSE_FACTORIALS.length - 2; n >= 1; n--) {
      e = e.times(s).plus(INVERSE_FACTORIALS[n]);
    }
    e = e.times(s); // expm1(s)
    for (int i = 0; i < SQUARINGS; i++) {
      e = e.times(e.plus(2.0));
    }
    DoubleDouble result = e.plus(1.0);
    int scale = (int) k;
    return new DoubleDouble(Math.scalb(result.hi, scale), Math.scalb(result.lo, scale));
  }
}
