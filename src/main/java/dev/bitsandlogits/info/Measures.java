package dev.bitsandlogits.info;

import dev.bitsandlogits.internal.Checks;
import dev.bitsandlogits.internal.Sums;

/**
 * Information, entropy, cross-entropy and Kullback–Leibler divergence of discrete distributions.
 *
 * <p>Distributions are arrays of probabilities, each in [0, 1], summing to 1 within
 * {@link Checks#SUM_TOLERANCE}. Every result is within a few ulps of the exact value for the given
 * doubles, in the requested {@link Unit}, whatever the length of the vectors: the sums are
 * compensated ({@link Sums}), so a million terms cost no more accuracy than ten (a left-to-right
 * sum of a million terms can be off by 1e-10 relative, and is by 2e-12 for the uniform
 * distribution on 10^5 outcomes).
 */
public final class Measures {

  /**
   * Below this relative difference {@code d = (p − q) / q} a Kullback–Leibler term is evaluated by
   * its Taylor series, since the closed form {@code p·log1p(d) − (p − q)} then cancels: by a
   * factor of about {@code 2/|d|}, so at 0.01 it loses 2.3 digits and errs by at most about
   * {@code 4u/|d| ≈ 5e-14} relative ({@code u = 2^−53}; {@code log1p} of the exactly computed
   * {@code d}, not {@code log(p/q)}, whose rounded ratio would cost another factor {@code 1/|d|}).
   * Below it, ten series terms leave a truncation error under 2e-20 relative.
   */
  private static final double SERIES_THRESHOLD = 0.01;

  private Measures() {}

  /**
   * Returns the information content (surprisal) of an event of probability {@code p}:
   * {@code I(p) = −log p}.
   *
   * <p>If {@code p} is 0, returns +∞.
   * <br>If {@code p} is 1, returns +0.0.
   * <br>Throws {@link IllegalArgumentException} if {@code p} is NaN or outside [0, 1].
   *
   * <p>Algorithm: {@code −Math.log(p)}, converted with {@link Unit#fromNats}.
   */
  public static double information(double p, Unit unit) {
    Checks.probability("p", p);
    Checks.notNull("unit", unit);
    return unit.fromNats(0.0 - Math.log(p)); // 0.0 − … turns −0.0 into +0.0 for p = 1
  }

  /**
   * Returns the Shannon entropy of the distribution {@code p}: {@code H(p) = −Σ p_i log p_i}.
   *
   * <p>Terms with {@code p_i = 0} contribute 0 (the limit of {@code x log x} as x → 0).
   * <br>A point mass has entropy +0.0.
   * <br>Throws {@link IllegalArgumentException} if {@code p} is null, empty, has an entry outside
   * [0, 1] or NaN, or does not sum to 1.
   *
   * <p>Algorithm: one pass, compensated summation ({@link Sums}) of the terms
   * {@code −p_i·log p_i}; every term is non-negative, so there is no cancellation and the result
   * is within a few ulps of the exact value for any length.
   */
  public static double entropy(double[] p, Unit unit) {
    Checks.distribution("p", p);
    Checks.notNull("unit", unit);
    double s = 0.0;
    double c = 0.0;
    for (double pi : p) {
      if (pi > 0) {
        double term = -(pi * Math.log(pi));
        double t = s + term;
        c += Sums.twoSumError(s, term, t);
        s = t;
      }
    }
    return unit.fromNats(s + c + 0.0);
  }

  /**
   * Returns the cross-entropy of {@code q} relative to {@code p}:
   * {@code H(p, q) = −Σ p_i log q_i}, the average information when events drawn from {@code p}
   * are coded for {@code q}.
   *
   * <p>Terms with {@code p_i = 0} contribute 0, whatever {@code q_i}.
   * <br>If some {@code p_i > 0} has {@code q_i = 0}, returns +∞.
   * <br>Throws {@link IllegalArgumentException} if either argument is not a distribution, or their
   * lengths differ.
   *
   * <p>Algorithm: compensated summation ({@link Sums}) of the non-negative terms
   * {@code −p_i·log q_i}: within a few ulps of the exact value for any length.
   */
  public static double crossEntropy(double[] p, double[] q, Unit unit) {
    checkPair(p, q);
    Checks.notNull("unit", unit);
    double s = 0.0;
    double c = 0.0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        if (q[i] == 0) {
          return Double.POSITIVE_INFINITY;
        }
        double term = -(p[i] * Math.log(q[i]));
        double t = s + term;
        c += Sums.twoSumError(s, term, t);
        s = t;
      }
    }
    return unit.fromNats(s + c + 0.0);
  }

  /**
   * Returns the Kullback–Leibler divergence of {@code q} from {@code p}:
   * {@code KL(p ‖ q) = Σ p_i log(p_i / q_i)}, the extra information paid for coding {@code p}
   * with {@code q}.
   *
   * <p>Terms with {@code p_i = 0} contribute 0.
   * <br>If some {@code p_i > 0} has {@code q_i = 0}, returns +∞.
   * <br>{@code klDivergence(p, p, unit)} is exactly +0.0.
   * <br>Never negative. Gibbs' inequality makes KL ≥ 0 for true distributions, but doubles that
   * pass the sum check may sum to slightly different values, and then the exact sum for those
   * doubles can fall below 0 by at most {@code |Σp − Σq|} (about 1e-16 for vectors normalised in
   * floating point); such a residue is returned as +0.0.
   * <br>Throws {@link IllegalArgumentException} if either argument is not a distribution, or their
   * lengths differ.
   *
   * <p>Algorithm: the sum is rewritten as {@code Σ q_i·φ(d_i) + Σ (p_i − q_i)} with
   * {@code d_i = (p_i − q_i)/q_i} and {@code φ(d) = (1+d)·log(1+d) − d ≥ 0}, so the first sum has
   * no cancellation; {@code φ} uses its Taylor series when {@code |d| < 0.01} and otherwise
   * {@code p_i·log1p(d_i) − (p_i − q_i)} (or {@code log(p_i/q_i)} outside
   * {@code q_i/2 ≤ p_i ≤ 2q_i}, where little cancels), so each term is within about 5e-14 relative of its exact value, also just
   * above the threshold. Both sums are compensated ({@link Sums}), so the result keeps that
   * accuracy on vectors of any length. The second sum (zero for exactly normalised inputs) is
   * accumulated with error-free transformations.
   */
  public static double klDivergence(double[] p, double[] q, Unit unit) {
    checkPair(p, q);
    Checks.notNull("unit", unit);
    double divergences = 0.0; // Σ q_i φ(d_i), all terms ≥ 0, compensated by the next
    double divergenceCompensation = 0.0;
    double differences = 0.0; // Σ (p_i − q_i), with compensation below
    double compensation = 0.0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i];
      double qi = q[i];
      if (pi == 0) {
        continue; // q_i φ(−1) + (0 − q_i) = 0
      }
      if (qi == 0) {
        return Double.POSITIVE_INFINITY;
      }
      double diff = pi - qi; // exact when p_i, q_i are within a factor 2 (Sterbenz)
      double d = diff / qi;
      double term;
      if (Math.abs(d) < SERIES_THRESHOLD) {
        term = qi * phiSeries(d);
      } else if (d >= -0.5 && d <= 1) { // q/2 ≤ p ≤ 2q: diff is exact (Sterbenz), d rounded once
        term = pi * Math.log1p(d) - diff;
      } else {
        term = pi * logRatio(pi, qi) - diff;
      }
      term = Math.max(term, 0.0);
      double sum = divergences + term;
      divergenceCompensation += Sums.twoSumError(divergences, term, sum);
      divergences = sum;
      // Two-sum of p_i and −q_i, then Neumaier summation of both parts.
      double errorOfDiff = twoSumError(pi, -qi, diff);
      double t = differences + diff;
      compensation += twoSumError(differences, diff, t) + errorOfDiff;
      differences = t;
    }
    double nats = (divergences + divergenceCompensation) + (differences + compensation);
    return unit.fromNats(Math.max(nats, 0.0));
  }

  /** {@code φ(d) = (1+d) log1p(d) − d = Σ_{k≥2} (−1)^k d^k / (k(k−1))}, for |d| < 0.01. */
  private static double phiSeries(double d) {
    double sum = 0.0;
    // Horner from the smallest term (k = 10) up: error of truncation < d^9/72 relative to d²/2.
    for (int k = 10; k >= 3; k--) {
      sum = (1.0 / (k * (k - 1.0))) - d * sum;
      // after this line: sum = Σ_{j=k}^{10} (−d)^{j−k} / (j(j−1))
    }
    // φ(d) = d² (1/2 − d·sum)
    return d * d * (0.5 - d * sum);
  }

  /** {@code log(p/q)} without overflow or underflow of the ratio. */
  private static double logRatio(double p, double q) {
    double ratio = p / q;
    if (ratio >= Double.MIN_NORMAL && ratio <= Double.MAX_VALUE) {
      return Math.log(ratio);
    }
    return Math.log(p) - Math.log(q);
  }

  private static double twoSumError(double a, double b, double sum) {
    return Sums.twoSumError(a, b, sum);
  }

  private static void checkPair(double[] p, double[] q) {
    Checks.notNull("p", p);
    Checks.notNull("q", q);
    Checks.sameLength("p", p.length, "q", q.length);
    Checks.distribution("p", p);
    Checks.distribution("q", q);
  }
}
