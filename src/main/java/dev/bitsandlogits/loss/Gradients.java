package dev.bitsandlogits.loss;

import dev.bitsandlogits.internal.Checks;

/**
 * Gradients of the per-example losses in {@link Losses} with respect to their logits:
 * entry {@code [i][j]} is {@code ∂ loss_i / ∂ z_ij}.
 *
 * <p>The same argument rules as in {@link Losses} apply; results keep full relative accuracy
 * also when they are tiny, as for confident, correct predictions.
 */
public final class Gradients {

  private Gradients() {}

  /**
   * Returns the gradient of {@link Losses#softmaxCrossEntropyWithLogits}:
   * {@code ∂ loss_i / ∂ z_ij = softmax(z_i)_j − y_ij}.
   *
   * <p>Each row sums to 0 within rounding (labels sum to 1).
   * <br>Throws {@link IllegalArgumentException} if the shapes differ, a logit is not finite, or a
   * label row is not a distribution.
   *
   * <p>Algorithm: with {@code m}, {@code k}, {@code S} as in {@link Softmax}, entries
   * {@code j ≠ k} are {@code exp(z_j − m)/(1 + S) − y_j}; at the maximum {@code k} the gradient
   * is {@code (1 − y_k) − S/(1 + S)}, so a confident correct prediction ({@code y_k = 1}) gets
   * {@code −S/(1 + S)} exactly instead of the cancelling {@code softmax_k − 1}.
   */
  public static double[][] softmaxCrossEntropyWithLogits(double[][] labels, double[][] logits) {
    Checks.sameShape("labels", labels, "logits", logits);
    double[][] gradient = new double[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      double[] y = labels[i];
      double[] z = logits[i];
      Checks.distributionRow("labels", i, y);
      int k = Losses.argmaxRow(i, z);
      double m = z[k];
      double s = Softmax.sumExpOthers(z, m, k);
      double denominator = 1 + s;
      double[] row = new double[z.length];
      for (int j = 0; j < z.length; j++) {
        row[j] = j == k
            ? (1 - y[j]) - s / denominator
            : Math.exp(z[j] - m) / denominator - y[j];
      }
      gradient[i] = row;
    }
    return gradient;
  }

  /**
   * Returns the gradient of {@link Losses#sigmoidCrossEntropyWithLogits}:
   * {@code ∂ loss / ∂ x = σ(x) − z}, element by element.
   *
   * <p>Lies in [−1, 1].
   * <br>Throws {@link IllegalArgumentException} if the shapes differ, a logit is not finite, or a
   * label is outside [0, 1].
   *
   * <p>Algorithm: for {@code x ≥ 0}, {@code (1 − z) − σ(−x)}; for {@code x < 0},
   * {@code σ(x) − z}. Only the small one of {@code σ(x)}, {@code σ(−x)} is used, so for
   * {@code z = 1} and large {@code x} the result is {@code −σ(−x)} to full accuracy.
   */
  public static double[][] sigmoidCrossEntropyWithLogits(double[][] labels, double[][] logits) {
    return Losses.elementwise(labels, logits, (z, x) -> x >= 0
        ? (1 - z) - Softmax.sigmoidUnchecked(-x)
        : Softmax.sigmoidUnchecked(x) - z);
  }

}
