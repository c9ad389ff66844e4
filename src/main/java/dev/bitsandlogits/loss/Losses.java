package dev.bitsandlogits.loss;

import dev.bitsandlogits.internal.Checks;
import dev.bitsandlogits.internal.Sums;

/**
 * Per-example cross-entropy losses with the semantics of TensorFlow's {@code tf.nn} functions
 * (and PyTorch's {@code BCELoss} for {@link #binaryCrossEntropy}), in nats, unreduced.
 *
 * <p>Logits must be finite, matrices non-empty and rectangular, and labels and logits must match
 * in shape; inputs are never modified. Results are within a few ulps of the exact loss for the
 * given doubles, also for logits like ±1000 or ±1e308 and for the tiny losses of confident,
 * correct predictions.
 */
public final class Losses {

  /** PyTorch's {@code BCELoss} clamps each log at −100 so that a probability of 0 costs 100 nats. */
  private static final double BCE_LOG_FLOOR = -100;

  /**
   * The smallest {@code Σ_{j≠y} exp(z_j)} the one-pass form trusts. Terms that underflow lose at
   * most 2^−1075 each, so n of them err by at most n·2^−115 relative to such a sum: below 1e-22
   * for any row shorter than 2^40 entries.
   */
  private static final double SUM_FLOOR = 0x1p-960;

  private Losses() {}

  /**
   * Returns, for each row i, the cross-entropy between the label distribution and the softmax
   * of the logits: {@code loss_i = −Σ_j y_ij · log softmax(z_i)_j}, like
   * {@code tf.nn.softmax_cross_entropy_with_logits}.
   *
   * <p>Labels may be soft: each row only has to be a probability distribution.
   * <br>Classes with label 0 contribute 0, whatever their logit.
   * <br>Throws {@link IllegalArgumentException} if the shapes differ, a logit is not finite, or a
   * label row is not a distribution (entries in [0, 1], sum 1 within 1e-9).
   *
   * <p>The result is finite whenever the exact loss is, also when the logits span more than
   * {@link Double#MAX_VALUE} (e.g. labels {@code [1 − 1e-10, 1e-10]} against logits
   * {@code [1e308, −1e308]} give about 2e298, although {@code m − z_j = 2e308} overflows).
   *
   * <p>Algorithm: with {@code m}, {@code k}, {@code S} as in {@link Softmax},
   * {@code loss_i = Σ_j y_ij · ((m − z_ij) + log1p(S))}: every term is non-negative, so there is
   * no cancellation; the sum is compensated ({@link Sums}), so long rows keep their digits. A
   * term whose {@code m − z_ij} overflows is computed from the halves
   * {@code 2·(y_ij·((m/2 − z_ij/2) + log1p(S)/2))}.
   */
  public static double[] softmaxCrossEntropyWithLogits(double[][] labels, double[][] logits) {
    Checks.sameShape("labels", labels, "logits", logits);
    double[] losses = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      double[] y = labels[i];
      double[] z = logits[i];
      Checks.distributionRow("labels", i, y);
      int k = argmaxRow(i, z);
      double m = z[k];
      double logOnePlusS = Math.log1p(Softmax.sumExpOthers(z, m, k));
      double s = 0.0;
      double c = 0.0;
      for (int j = 0; j < z.length; j++) {
        double yj = y[j];
        if (yj != 0) {
          double term = yj * classLoss(m, z[j], logOnePlusS);
          if (!(term <= Double.MAX_VALUE)) {
            term = yj * classLossHalf(m, z[j], logOnePlusS) * 2;
          }
          double t = s + term;
          c += Sums.twoSumError(s, term, t);
          s = t;
        }
      }
      losses[i] = Sums.finish(s, c);
    }
    return losses;
  }

  /**
   * Returns, for each row i, the cross-entropy of the softmax of the logits against the class
   * {@code labels[i]}: {@code loss_i = −log softmax(z_i)_{y_i} = logSumExp(z_i) − z_{i,y_i}}, like
   * {@code tf.nn.sparse_softmax_cross_entropy_with_logits}.
   *
   * <p>A confident, correct prediction gets its exact tiny loss, e.g. logits [20, 0] and label 0
   * give {@code log1p(e^−20) ≈ 2.06e-9}, not a rounded value.
   * <br>Throws {@link IllegalArgumentException} if the lengths differ, a label is outside
   * [0, C) for C classes, or a logit is not finite.
   *
   * <p>Algorithm: per row, no allocation besides the result, one pass and one {@code exp} per
   * entry: {@code loss = log1p(S)} with {@code S = e^{−z_y} · Σ_{j≠y} e^{z_j}}, the sum taken in
   * two branch-free loops before and after {@code y}. The exponents are the logits themselves, so
   * nothing is rounded before {@code exp}, and {@code log1p} keeps full accuracy when the loss is
   * tiny, where the textbook {@code logSumExp(z) − z_y} would cancel. Each exponent has
   * {@code z_j − z_j} added, which is 0 for a finite logit and NaN otherwise, so a non-finite
   * logit makes the sum NaN: the check costs no extra pass. When a factor leaves the safe range
   * (a logit beyond about ±708, a sum below 2^−960, or NaN) the row is redone by the two-pass
   * form: find the first index {@code k} of the maximum {@code m} (checking each logit), then
   * {@code loss = (m − z_y) + log1p(Σ_{j≠k} exp(z_j − m))}, whose terms are at most 1. The one-pass
   * sum is compensated by Kahan's algorithm (three more additions an entry; error
   * {@code 2u + O(n·u²)} relative for these non-negative terms), the two-pass one as in
   * {@link Softmax}, so a row of a million logits keeps the accuracy of a short one.
   */
  public static double[] sparseSoftmaxCrossEntropyWithLogits(int[] labels, double[][] logits) {
    Checks.notNull("labels", labels);
    int classes = Checks.rectangular("logits", logits);
    Checks.sameLength("labels", labels.length, "logits", logits.length);
    double[] losses = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      int y = labels[i];
      if (y < 0 || y >= classes) {
        throw Checks.indexOutOfRange("labels", i, y, classes);
      }
      double[] z = logits[i];
      // x + (x − x) is x for a finite x and NaN otherwise: a non-finite logit makes the sum NaN,
      // so the check costs no extra pass, and only the sum and its compensation are live across
      // each exp call.
      double acc = 0.0;
      double comp = 0.0;
      for (int j = 0; j < y; j++) {
        double x = z[j];
        double e = Math.exp(x + (x - x)) - comp; // Kahan: comp is minus the lost low part
        double t = acc + e;
        comp = (t - acc) - e;
        acc = t;
      }
      for (int j = y + 1; j < z.length; j++) {
        double x = z[j];
        double e = Math.exp(x + (x - x)) - comp; // Kahan: comp is minus the lost low part
        double t = acc + e;
        comp = (t - acc) - e;
        acc = t;
      }
      double sum = acc - comp; // NaN if a logit was not finite (or the sum overflowed)
      double scale = Math.exp(-z[y]);
      double s = sum * scale;
      if (sum >= SUM_FLOOR && scale >= Double.MIN_NORMAL && s < Double.POSITIVE_INFINITY) {
        losses[i] = Math.log1p(s);
      } else {
        losses[i] = sparseLossFromMax(i, y, z);
      }
    }
    return losses;
  }

  /**
   * {@code −log softmax(z)_j = (m − z_j) + log1p(S)}, given the row's maximum and
   * {@code log1p(S)}; +∞ when {@code m − z_j} overflows (then see {@link #classLossHalf}).
   */
  static double classLoss(double m, double zj, double logOnePlusS) {
    return (m - zj) + logOnePlusS;
  }

  /**
   * Half of {@link #classLoss}, {@code (m/2 − z_j/2) + log1p(S)/2}, which never overflows:
   * |m/2 − z_j/2| ≤ {@link Double#MAX_VALUE}. Equal to {@code classLoss/2} bit for bit where that
   * is finite and the logits are normal.
   */
  static double classLossHalf(double m, double zj, double logOnePlusS) {
    return (0.5 * m - 0.5 * zj) + 0.5 * logOnePlusS;
  }

  /** The overflow-proof form of a row's sparse loss; also names the first non-finite logit. */
  private static double sparseLossFromMax(int i, int y, double[] z) {
    int k = argmaxRow(i, z);
    double m = z[k];
    return (m - z[y]) + Math.log1p(Softmax.sumExpOthers(z, m, k));
  }

  /**
   * Returns, element by element, the binary cross-entropy between label {@code z} and the sigmoid
   * of logit {@code x}: {@code loss = −z·log σ(x) − (1−z)·log(1 − σ(x))}, like
   * {@code tf.nn.sigmoid_cross_entropy_with_logits}.
   *
   * <p>Labels may be any value in [0, 1] (soft labels).
   * <br>Throws {@link IllegalArgumentException} if the shapes differ, a logit is not finite, or a
   * label is outside [0, 1].
   *
   * <p>Algorithm: {@code z·softplus(−x) + (1−z)·softplus(x)} with
   * {@code softplus(t) = max(t, 0) + log1p(exp(−|t|))}; both terms are non-negative and for
   * {@code z} exactly 0 or 1 only one is evaluated. TensorFlow's {@code max(x, 0) − x·z +
   * log1p(exp(−|x|))} is the same function but cancels when the loss is tiny.
   */
  public static double[][] sigmoidCrossEntropyWithLogits(double[][] labels, double[][] logits) {
    return binaryLogitLoss(labels, logits, 1.0);
  }

  /**
   * Returns, element by element, the sigmoid cross-entropy with the positive term weighted:
   * {@code loss = posWeight·z·(−log σ(x)) + (1−z)·(−log(1 − σ(x)))}, like
   * {@code tf.nn.weighted_cross_entropy_with_logits}.
   *
   * <p>{@code posWeight = 1} gives {@link #sigmoidCrossEntropyWithLogits}.
   * <br>Throws {@link IllegalArgumentException} if {@code posWeight} is negative or not finite
   * (TensorFlow accepts any value; a negative weight would reward wrong predictions), if the
   * shapes differ, a logit is not finite, or a label is outside [0, 1].
   *
   * <p>Algorithm: {@code posWeight·z·softplus(−x) + (1−z)·softplus(x)}, as in
   * {@link #sigmoidCrossEntropyWithLogits}.
   */
  public static double[][] weightedCrossEntropyWithLogits(
      double[][] labels, double[][] logits, double posWeight) {
    Checks.nonNegativeFinite("posWeight", posWeight);
    return binaryLogitLoss(labels, logits, posWeight);
  }

  /**
   * Returns, element by element, the binary cross-entropy between labels and predicted
   * probabilities: {@code loss_i = −(y_i·log p_i + (1−y_i)·log(1−p_i))}, like PyTorch's
   * {@code BCELoss(reduction='none')}.
   *
   * <p>Each logarithm is clamped at −100, as PyTorch does, so a wrong certain prediction
   * ({@code p = 0}, {@code y = 1}) costs 100 nats rather than +∞.
   * <br>Throws {@link IllegalArgumentException} if the arrays are null, empty or differ in length,
   * or an entry of either is outside [0, 1].
   *
   * <p>Algorithm: {@code log(1−p)} is computed as {@code log1p(−p)}; a term whose coefficient is 0
   * is skipped.
   */
  public static double[] binaryCrossEntropy(double[] labels, double[] probabilities) {
    Checks.nonEmpty("labels", labels);
    Checks.nonEmpty("probabilities", probabilities);
    Checks.sameLength("labels", labels.length, "probabilities", probabilities.length);
    double[] losses = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      double y = labels[i];
      double p = probabilities[i];
      if (!(y >= 0 && y <= 1)) {
        Checks.probability("labels[" + i + "]", y);
      }
      if (!(p >= 0 && p <= 1)) {
        Checks.probability("probabilities[" + i + "]", p);
      }
      double loss = 0.0;
      if (y != 0) {
        loss -= y * Math.max(Math.log(p), BCE_LOG_FLOOR);
      }
      if (y != 1) {
        loss -= (1 - y) * Math.max(Math.log1p(-p), BCE_LOG_FLOOR);
      }
      losses[i] = loss + 0.0;
    }
    return losses;
  }

  private static double[][] binaryLogitLoss(
      double[][] labels, double[][] logits, double posWeight) {
    return elementwise(labels, logits, (z, x) -> {
      if (z == 1) {
        return posWeight * Softmax.softplus(-x);
      } else if (z == 0) {
        return Softmax.softplus(x);
      }
      return posWeight * z * Softmax.softplus(-x) + (1 - z) * Softmax.softplus(x);
    });
  }

  /**
   * {@code f(z, x)} for every label {@code z} and logit {@code x}, into a new array of their
   * shape, after checking that the shapes match, the labels lie in [0, 1] and, entry by entry,
   * that the logits are finite. Serves the elementwise losses and their gradients.
   */
  static double[][] elementwise(
      double[][] labels, double[][] logits, java.util.function.DoubleBinaryOperator f) {
    Checks.sameShape("labels", labels, "logits", logits);
    Checks.probabilities("labels", labels);
    double[][] result = new double[logits.length][];
    for (int i = 0; i < logits.length; i++) {
      double[] row = new double[logits[i].length];
      for (int j = 0; j < row.length; j++) {
        double x = logits[i][j];
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
          throw Checks.notFinite("logits", i, j, x);
        }
        row[j] = f.applyAsDouble(labels[i][j], x);
      }
      result[i] = row;
    }
    return result;
  }


  /** First index of the maximum of row {@code i} of the logits, checking every entry is finite. */
  static int argmaxRow(int i, double[] z) {
    int k = 0;
    double m = z[0];
    for (int j = 0; j < z.length; j++) {
      double x = z[j];
      if (!(Math.abs(x) <= Double.MAX_VALUE)) {
        throw Checks.notFinite("logits", i, j, x);
      }
      if (x > m) {
        m = x;
        k = j;
      }
    }
    return k;
  }
}
