package dev.bitsandlogits.loss;

import dev.bitsandlogits.internal.Checks;
import dev.bitsandlogits.internal.DoubleDouble;

/**
 * Gradients of the per-example losses in {@link Losses} with respect to their logits:
 * entry {@code [i][j]} is {@code ∂ loss_i / ∂ z_ij}.
 *
 * <p>The same argument rules as in {@link Losses} apply; results are within 1e-12 relative of
 * the exact gradient (1e-300 absolute near 0) also when they are tiny, as for confident, correct
 * predictions, and when they are the small difference of a label and a prediction that almost
 * agree.
 */
public final class Gradients {

  private Gradients() {}

  /** The unit roundoff 2^−53. */
  private static final double U = 0x1p-53;

  /**
   * A plain-double gradient entry is redone in double-double arithmetic when its error bound
   * exceeds this fraction of its magnitude: a tenth of the 1e-12 the library promises.
   */
  private static final double TRUSTED = 1e-13;

  /**
   * Returns the gradient of {@link Losses#softmaxCrossEntropyWithLogits}:
   * {@code ∂ loss_i / ∂ z_ij = softmax(z_i)_j − y_ij}.
   *
   * <p>Each entry is within 1e-12 relative of the exact {@code softmax(z_i)_j − y_ij} for the
   * given doubles (1e-300 absolute near 0), also when the label almost equals the prediction,
   * where the difference is many orders of magnitude below both, and for rows of any length.
   * Each row sums to 0 within rounding (labels sum to 1).
   * <br>Throws {@link IllegalArgumentException} if the shapes differ, a logit is not finite, or a
   * label row is not a distribution.
   *
   * <p>Algorithm: with {@code m}, {@code k}, {@code S} as in {@link Softmax} ({@code S}
   * compensated), entries {@code j ≠ k} are {@code exp(z_j − m)/(1 + S) − y_j}; at the maximum
   * {@code k} the gradient is {@code (1 − y_k) − S/(1 + S)} if {@code y_k ≥ 1/2} (so a confident
   * correct prediction gets {@code −S/(1 + S)} exactly instead of the cancelling
   * {@code softmax_k − 1}) and {@code 1/(1 + S) − y_k} otherwise. Alongside, a first-order bound
   * on each entry's rounding error is kept (the rounding of {@code z_j − m} costs
   * {@code |z_j − m|·u} relative in the exponential); where it exceeds 1e-13 of the entry —
   * the label agrees with the prediction to more than about two digits — the row is recomputed
   * in double-double arithmetic (about 106 bits: exact differences {@code z_j − m}, a
   * double-double {@code exp}) and each entry rounded once, so the cancellation costs nothing.
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
      // errorOfS ≈ Σ (|z_j − m| + 2)·exp(z_j − m)·u: each exponential's argument rounding.
      double errorOfS = 0.0;
      for (int j = 0; j < z.length; j++) {
        if (j != k) {
          double d = z[j] - m;
          errorOfS += (2 - d) * Math.exp(d);
        }
      }
      double relativeErrorOfDenominator = (errorOfS / denominator + 2) * U;
      double[] row = new double[z.length];
      boolean trusted = true;
      for (int j = 0; j < z.length; j++) {
        double g;
        double bound;
        if (j == k) {
          double yk = y[k];
          if (yk >= 0.5) {
            double p = s / denominator;
            g = (1 - yk) - p;
            bound = (p + 1 / denominator) * (relativeErrorOfDenominator + 3 * U) + 2 * U * yk;
          } else {
            double p = 1 / denominator;
            g = p - yk;
            bound = p * (relativeErrorOfDenominator + 3 * U) + 2 * U * yk;
          }
        } else {
          double d = z[j] - m;
          double p = Math.exp(d) / denominator;
          g = p - y[j];
          bound = p * (relativeErrorOfDenominator + (4 - d) * U) + 2 * U * y[j];
        }
        row[j] = g;
        if (bound > TRUSTED * Math.abs(g) && bound > 1e-301) {
          trusted = false;
        }
      }
      gradient[i] = trusted ? row : softmaxMinusLabelExtended(y, z, m, k);
    }
    return gradient;
  }

  /** {@code softmax(z) − y} in double-double arithmetic, each entry rounded once at the end. */
  private static double[] softmaxMinusLabelExtended(double[] y, double[] z, double m, int k) {
    DoubleDouble[] exps = new DoubleDouble[z.length];
    DoubleDouble denominator = DoubleDouble.of(1.0);
    for (int j = 0; j < z.length; j++) {
      if (j != k) {
        exps[j] = DoubleDouble.exp(DoubleDouble.sum(z[j], -m)); // exact difference
        denominator = denominator.plus(exps[j]);
      }
    }
    exps[k] = DoubleDouble.of(1.0);
    double[] row = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      row[j] = exps[j].dividedBy(denominator).minus(DoubleDouble.of(y[j])).doubleValue();
    }
    return row;
  }

  /**
   * Returns the gradient of {@link Losses#sigmoidCrossEntropyWithLogits}:
   * {@code ∂ loss / ∂ x = σ(x) − z}, element by element.
   *
   * <p>Lies in [−1, 1]. Within 1e-12 relative of the exact {@code σ(x) − z} for the given
   * doubles (1e-300 absolute near 0), also when the label {@code z} almost equals {@code σ(x)}.
   * <br>Throws {@link IllegalArgumentException} if the shapes differ, a logit is not finite, or a
   * label is outside [0, 1].
   *
   * <p>Algorithm: for {@code x ≥ 0}, {@code (1 − z) − σ(−x)}; for {@code x < 0},
   * {@code σ(x) − z}. Only the small one of {@code σ(x)}, {@code σ(−x)} is used, so for
   * {@code z = 1} and large {@code x} the result is {@code −σ(−x)} to full accuracy. Where a
   * first-order bound on the rounding error exceeds 1e-13 of the result (the label agrees with
   * {@code σ(x)} to more than about two digits), the entry is recomputed in double-double
   * arithmetic and rounded once.
   */
  public static double[][] sigmoidCrossEntropyWithLogits(double[][] labels, double[][] logits) {
    return Losses.elementwise(labels, logits, Gradients::sigmoidMinusLabel);
  }

  private static double sigmoidMinusLabel(double z, double x) {
    double small = Softmax.sigmoidUnchecked(-Math.abs(x)); // σ(−|x|) ≤ 1/2
    double g;
    double bound;
    if (x >= 0) {
      double oneMinusZ = 1 - z;
      g = oneMinusZ - small;
      bound = small * (Math.abs(x) + 5) * U + (z >= 0.5 ? 0 : U * oneMinusZ) + U * Math.abs(g);
    } else {
      g = small - z;
      bound = small * (Math.abs(x) + 5) * U + U * Math.abs(g);
    }
    if (bound <= TRUSTED * Math.abs(g) || bound <= 1e-301) {
      return g;
    }
    DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(-Math.abs(x)));
    DoubleDouble sigmaSmall = e.dividedBy(e.plus(1.0));
    DoubleDouble result = x >= 0
        ? DoubleDouble.sum(1, -z).minus(sigmaSmall)
        : sigmaSmall.minus(DoubleDouble.of(z));
    return result.doubleValue();
  }
}
