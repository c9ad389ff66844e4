package dev.bitsandlogits.loss;

import dev.bitsandlogits.internal.Checks;
import dev.bitsandlogits.internal.Sums;

/**
 * Softmax, log-softmax, log-sum-exp and the logistic sigmoid, evaluated without overflow and
 * without cancellation for any finite logits.
 *
 * <p>All three vector functions use the same decomposition. With {@code m = max z}, {@code k} the
 * first index where it is attained and {@code S = Σ_{j≠k} exp(z_j − m)} (so {@code 0 ≤ S ≤ n−1}):
 * {@code logSumExp(z) = m + log1p(S)}. Keeping the 1 contributed by {@code z_k} out of {@code S}
 * means {@code log1p} sees the small remainder itself, not {@code 1 + S} rounded. {@code S} is
 * summed with compensation ({@link Sums}), so long rows (a million logits) keep the accuracy of
 * short ones.
 */
public final class Softmax {

  private Softmax() {}

  /**
   * Returns the softmax of {@code logits}: {@code softmax(z)_i = exp(z_i) / Σ_j exp(z_j)}.
   *
   * <p>The result sums to 1 within rounding and every entry is in [0, 1].
   * <br>Invariant under adding a constant to every logit.
   * <br>Throws {@link IllegalArgumentException} if {@code logits} is null, empty, or has a
   * non-finite entry.
   *
   * <p>Algorithm: {@code exp(z_i − m) / (1 + S)}, see the class comment.
   */
  public static double[] softmax(double[] logits) {
    int k = argmaxChecked("logits", logits);
    double m = logits[k];
    double s = sumExpOthers(logits, m, k);
    double denominator = 1 + s;
    double[] result = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      result[i] = (i == k ? 1.0 : Math.exp(logits[i] - m)) / denominator;
    }
    return result;
  }

  /**
   * Returns the logarithm of the softmax: {@code logSoftmax(z)_i = z_i − log Σ_j exp(z_j)}.
   *
   * <p>Every entry is ≤ 0; the largest logit gets {@code −log1p(S)}, which is −0.0 … tiny for a
   * confident prediction rather than a rounded 0.
   * <br>Throws {@link IllegalArgumentException} if {@code logits} is null, empty, or has a
   * non-finite entry.
   *
   * <p>Algorithm: {@code (z_i − m) − log1p(S)}, see the class comment.
   */
  public static double[] logSoftmax(double[] logits) {
    int k = argmaxChecked("logits", logits);
    double m = logits[k];
    double logNormalizer = Math.log1p(sumExpOthers(logits, m, k));
    double[] result = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      result[i] = (logits[i] - m) - logNormalizer;
    }
    return result;
  }

  /**
   * Returns {@code log Σ_j exp(z_j)}, the smooth maximum of the logits.
   *
   * <p>Lies in {@code [max z, max z + log n]}.
   * <br>Throws {@link IllegalArgumentException} if {@code logits} is null, empty, or has a
   * non-finite entry.
   *
   * <p>Algorithm: {@code m + log1p(S)}, see the class comment. May overflow to +∞ only if the
   * exact result exceeds {@link Double#MAX_VALUE}.
   */
  public static double logSumExp(double[] logits) {
    int k = argmaxChecked("logits", logits);
    double m = logits[k];
    return m + Math.log1p(sumExpOthers(logits, m, k));
  }

  /**
   * Returns the logistic sigmoid {@code σ(x) = 1 / (1 + exp(−x))}, the probability that a
   * logit {@code x} stands for.
   *
   * <p>{@code σ(0) = 0.5}; {@code σ(−x) = 1 − σ(x)}.
   * <br>Underflows to 0 only below about −745, where the exact value is below the smallest double.
   * <br>Throws {@link IllegalArgumentException} if {@code x} is not finite.
   *
   * <p>Algorithm: for {@code x ≥ 0}, {@code 1 / (1 + exp(−x))}; for {@code x < 0},
   * {@code exp(x) / (1 + exp(x))}, so {@code exp} never overflows and small results keep their
   * relative accuracy.
   */
  public static double sigmoid(double x) {
    Checks.finite("x", x);
    return sigmoidUnchecked(x);
  }

  static double sigmoidUnchecked(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /**
   * {@code log(1 + exp(t))}, the softplus, as {@code max(t, 0) + log1p(exp(−|t|))}: the sum of two
   * non-negative terms, no overflow, full relative accuracy also for very negative t.
   */
  static double softplus(double t) {
    return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
  }

  /** Index of the first maximum; throws if {@code z} is null, empty or has a non-finite entry. */
  static int argmaxChecked(String name, double[] z) {
    Checks.nonEmpty(name, z);
    int k = 0;
    double m = z[0];
    for (int i = 0; i < z.length; i++) {
      double x = z[i];
      if (!(Math.abs(x) <= Double.MAX_VALUE)) {
        throw Checks.notFinite(name, i, x);
      }
      if (x > m) {
        m = x;
        k = i;
      }
    }
    return k;
  }

  /**
   * {@code Σ_{j≠k} exp(z_j − m)}, compensated ({@link Sums}); terms whose difference overflows to
   * −∞ contribute 0 (their exact value is below e^−1e308).
   */
  static double sumExpOthers(double[] z, double m, int k) {
    double s = 0.0;
    double c = 0.0;
    for (int j = 0; j < k; j++) {
      double x = Math.exp(z[j] - m);
      double t = s + x;
      c += Sums.twoSumError(s, x, t);
      s = t;
    }
    for (int j = k + 1; j < z.length; j++) {
      double x = Math.exp(z[j] - m);
      double t = s + x;
      c += Sums.twoSumError(s, x, t);
      s = t;
    }
    return s + c;
  }
}
