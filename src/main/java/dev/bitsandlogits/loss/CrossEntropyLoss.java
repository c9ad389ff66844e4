package dev.bitsandlogits.loss;

import dev.bitsandlogits.internal.Checks;
import dev.bitsandlogits.internal.DoubleDouble;
import dev.bitsandlogits.internal.Sums;

/**
 * Cross-entropy of class-index targets against logits, with the options and semantics of
 * PyTorch's {@code torch.nn.CrossEntropyLoss}: class weights, an ignored index, label smoothing
 * and a reduction.
 *
 * <p>For example n with target {@code y}, C classes, class weights {@code w} (all 1 by default),
 * smoothing {@code ε} and {@code ℓ_j = −log softmax(z_n)_j}:
 * {@code loss_n = (1 − ε)·w_y·ℓ_y + (ε/C)·Σ_j w_j·ℓ_j}, and 0 if {@code y} is the ignore index.
 * {@link Reduction#MEAN} divides the sum by {@code Σ w_y} over the targets that are not ignored,
 * for both terms, as PyTorch does.
 *
 * <pre>{@code
 * CrossEntropyLoss loss = CrossEntropyLoss.builder().labelSmoothing(0.1).build();
 * double value = loss.apply(new int[] {2, 0}, new double[][] {{2, -1, 3}, {1, 0, -0.5}});
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CrossEntropyLoss {

  /** PyTorch's default {@code ignore_index}. */
  public static final int DEFAULT_IGNORE_INDEX = -100;

  private final double[] classWeights; // null: all 1
  private final int ignoreIndex;
  private final double labelSmoothing;
  private final Reduction reduction;

  private CrossEntropyLoss(Builder builder) {
    this.classWeights = builder.classWeights == null ? null : builder.classWeights.clone();
    this.ignoreIndex = builder.ignoreIndex;
    this.labelSmoothing = builder.labelSmoothing;
    this.reduction = builder.reduction;
  }

  /**
   * Returns a builder with PyTorch's defaults: no class weights, ignore index −100, no label
   * smoothing, {@link Reduction#MEAN}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the reduced loss: the sum of {@link #perExample} for {@link Reduction#SUM}, or that
   * sum divided by {@code Σ w_{targets[n]}} over the targets that are not ignored for
   * {@link Reduction#MEAN}.
   *
   * <p>The result is finite whenever the exact reduced loss is, even where single losses or their
   * sum are not: with class weights of 1e300 or logits 2e308 apart, the MEAN of losses that
   * exceed {@link Double#MAX_VALUE} can still be an ordinary number.
   * <br>Throws {@link IllegalArgumentException} with MEAN if every target is ignored
   * ({@code all targets are ignored}; PyTorch returns NaN there), or if the kept targets' weights
   * sum to 0.
   * <br>Otherwise throws as {@link #perExample} does.
   *
   * <p>Algorithm: the losses of {@link #perExample}, summed with compensation ({@link Sums}).
   * For MEAN, the losses and the weights are first scaled by {@code 2^−E}, E the binary exponent
   * of the largest kept weight (exact: a power of two), and if the scaled sum still overflows it
   * is recomputed scaled by a further {@code 2^−(2 + ⌈log2 N⌉)}; the quotient is scaled back
   * once. Without overflow or subnormal intermediates this is the plain compensated sum divided
   * by the compensated weight sum, bit for bit.
   */
  public double apply(int[] targets, double[][] logits) {
    if (reduction == Reduction.SUM) {
      double[] losses = perExample(targets, logits);
      return Sums.sum(losses);
    }
    int classes = checkShapes(targets, logits);
    boolean anyKept = false;
    int exponent = Integer.MIN_VALUE; // of the largest kept weight
    for (int n = 0; n < targets.length; n++) {
      int y = targets[n];
      if (y == ignoreIndex) {
        continue;
      }
      if (y < 0 || y >= classes) {
        throw Checks.indexOutOfRange("targets", n, y, classes);
      }
      anyKept = true;
      double w = weight(y);
      if (w > 0) {
        exponent = Math.max(exponent, Sums.exponent(w));
      }
    }
    if (!anyKept) {
      throw Checks.fail("all targets are ignored (ignoreIndex " + ignoreIndex
          + "), so the MEAN reduction is undefined");
    }
    if (exponent == Integer.MIN_VALUE) {
      // Still validate the logits before failing on the weights.
      losses(targets, logits, classes, 0);
      throw zeroWeightSum();
    }
    double weightSum = 0.0;
    double weightCompensation = 0.0;
    for (int target : targets) {
      if (target != ignoreIndex) {
        double w = Math.scalb(weight(target), -exponent);
        double t = weightSum + w;
        weightCompensation += Sums.twoSumError(weightSum, w, t);
        weightSum = t;
      }
    }
    weightSum += weightCompensation;
    double sum = Sums.sum(losses(targets, logits, classes, -exponent));
    if (sum <= Double.MAX_VALUE) {
      return sum / weightSum;
    }
    // Some scaled loss or the sum overflowed: every scaled loss is below 4·MAX_VALUE, so a further
    // 2^−(2 + ⌈log2 N⌉) keeps the sum of N of them finite.
    int extra = 2 + (32 - Integer.numberOfLeadingZeros(targets.length - 1));
    sum = Sums.sum(losses(targets, logits, classes, -exponent - extra));
    return Math.scalb(sum / weightSum, extra);
  }

  private static IllegalArgumentException zeroWeightSum() {
    return Checks.fail("classWeights of the targets that are not ignored sum to 0,"
        + " so the MEAN reduction is undefined");
  }

  /**
   * Returns the unreduced losses, {@code loss_n} of the class comment, in nats; 0 for targets
   * equal to the ignore index.
   *
   * <p>With no weights and no smoothing, {@code loss_n = −log softmax(z_n)_{y_n}}, exactly
   * {@link Losses#sparseSoftmaxCrossEntropyWithLogits}.
   * <br>Finite whenever the exact {@code loss_n} is: also for logits like ±1e308 (where
   * {@code ℓ_j} itself may exceed {@link Double#MAX_VALUE}), smoothing as small as 1e-300 and
   * class weights up to {@link Double#MAX_VALUE}; within a few ulps of the exact value.
   * <br>Throws {@link IllegalArgumentException} if {@code targets} or {@code logits} is null or
   * empty, their lengths differ, {@code logits} is not rectangular or has a non-finite entry, a
   * target other than the ignore index is outside [0, C), or the class weights do not have
   * length C.
   *
   * <p>Algorithm: per row, {@code m}, {@code k} and {@code S} as in {@link Softmax}, then
   * {@code ℓ_j/2 = (m/2 − z_j/2) + log1p(S)/2}, a sum of two non-negative terms that cannot
   * overflow; every term of {@code loss_n} is non-negative, so nothing cancels. Each term
   * {@code coefficient·w_j·(ℓ_j/2)·2} is a product scaled by binary exponents
   * ({@link Sums#product}), so no intermediate overflows or underflows, and the terms are summed
   * with compensation ({@link Sums}).
   */
  public double[] perExample(int[] targets, double[][] logits) {
    int classes = checkShapes(targets, logits);
    return losses(targets, logits, classes, 0);
  }

  private int checkShapes(int[] targets, double[][] logits) {
    Checks.nonEmpty("targets", targets);
    int classes = Checks.rectangular("logits", logits);
    Checks.sameLength("targets", targets.length, "logits", logits.length);
    if (classWeights != null && classWeights.length != classes) {
      throw Checks.fail("classWeights must have one weight per class, but has "
          + classWeights.length + " for " + classes + " classes");
    }
    return classes;
  }

  /** The losses of {@link #perExample}, each times {@code 2^shift}. */
  private double[] losses(int[] targets, double[][] logits, int classes, int shift) {
    double smoothingPerClass = labelSmoothing / classes;
    double targetCoefficient = 1 - labelSmoothing;
    double[] losses = new double[logits.length];
    for (int n = 0; n < logits.length; n++) {
      int y = targets[n];
      if (y == ignoreIndex) {
        // Still validate the row: bad logits are a bug even where the loss is masked.
        Losses.argmaxRow(n, logits[n]);
        continue;
      }
      if (y < 0 || y >= classes) {
        throw Checks.indexOutOfRange("targets", n, y, classes);
      }
      double[] z = logits[n];
      int k = Losses.argmaxRow(n, z);
      double m = z[k];
      double sumExp = Softmax.sumExpOthers(z, m, k);
      double logOnePlusS = Math.log1p(sumExp);
      // ℓ_k = log1p(S) = S·2^−scaleOfS·(1 + O(S)) when S is tiny: held scaled, so that a large
      // weight times an ℓ_k that underflows (e^−740·1e300) keeps its digits.
      int scaleOfS = 0;
      double scaledS = 0.0;
      if (sumExp < TINY_SUM && classes > 1) {
        scaleOfS = scaleForTinySum(z, m, k);
        scaledS = sumExpOthersTimesPowerOfTwo(z, m, k, scaleOfS);
      }
      double s = 0.0;
      double c = 0.0;
      double targetWeight = weight(y);
      if (targetWeight != 0) {
        s = y == k && scaleOfS != 0
            ? Sums.product(targetCoefficient, targetWeight, scaledS, shift - scaleOfS)
            : Sums.product(targetCoefficient, targetWeight,
                Losses.classLossHalf(m, z[y], logOnePlusS), shift + 1);
      }
      if (labelSmoothing != 0) {
        for (int j = 0; j < classes; j++) {
          double w = weight(j);
          if (w != 0) {
            double term = j == k && scaleOfS != 0
                ? Sums.product(smoothingPerClass, w, scaledS, shift - scaleOfS)
                : Sums.product(smoothingPerClass, w,
                    Losses.classLossHalf(m, z[j], logOnePlusS), shift + 1);
            double t = s + term;
            c += Sums.twoSumError(s, term, t);
            s = t;
          }
        }
      }
      losses[n] = Sums.finish(s, c);
    }
    return losses;
  }

  /** Below this, {@code S} is recomputed scaled: its terms may have lost digits as subnormals. */
  private static final double TINY_SUM = 0x1p-960;

  /**
   * The power of two that brings the largest term of a tiny {@code S} near 1:
   * {@code ⌊−max_{j≠k}(z_j − m)/ln 2⌋}, at most 2200 (an S below 2^−2200 times any weight and
   * coefficient is below the smallest double); 0 if there is nothing to scale.
   */
  private static int scaleForTinySum(double[] z, double m, int k) {
    double largest = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < z.length; j++) {
      if (j != k) {
        largest = Math.max(largest, z[j] - m);
      }
    }
    return (int) Math.max(0, Math.min(2200, Math.floor(-largest / Math.log(2))));
  }

  /** {@code S·2^scale = Σ_{j≠k} e^{z_j − m}·2^scale}, compensated. */
  private static double sumExpOthersTimesPowerOfTwo(double[] z, double m, int k, int scale) {
    double s = 0.0;
    double c = 0.0;
    for (int j = 0; j < z.length; j++) {
      if (j != k) {
        double x = DoubleDouble.expTimesPowerOfTwo(z[j] - m, scale);
        double t = s + x;
        c += Sums.twoSumError(s, x, t);
        s = t;
      }
    }
    return s + c;
  }

  private double weight(int classIndex) {
    return classWeights == null ? 1.0 : classWeights[classIndex];
  }

  /** Collects the options of a {@link CrossEntropyLoss}; each setter checks its argument. */
  public static final class Builder {
    private double[] classWeights;
    private int ignoreIndex = DEFAULT_IGNORE_INDEX;
    private double labelSmoothing;
    private Reduction reduction = Reduction.MEAN;

    private Builder() {}

    /**
     * Sets one weight per class (PyTorch's {@code weight}); the array is copied.
     *
     * <p>Throws {@link IllegalArgumentException} if {@code weights} is null or empty, or a weight
     * is negative or not finite: {@code classWeights[2] (-1.0) must be >= 0}.
     */
    public Builder classWeights(double... weights) {
      Checks.nonEmpty("classWeights", weights);
      for (int i = 0; i < weights.length; i++) {
        Checks.nonNegativeFinite("classWeights[" + i + "]", weights[i]);
      }
      this.classWeights = weights.clone();
      return this;
    }

    /** Sets the target value whose examples are ignored (PyTorch's {@code ignore_index}). */
    public Builder ignoreIndex(int ignoreIndex) {
      this.ignoreIndex = ignoreIndex;
      return this;
    }

    /**
     * Sets the label smoothing {@code ε}: the target becomes {@code (1 − ε)·onehot + ε/C}.
     *
     * <p>Throws {@link IllegalArgumentException} unless {@code 0 ≤ ε < 1}:
     * {@code labelSmoothing (1.0) must be in [0, 1)}.
     */
    public Builder labelSmoothing(double labelSmoothing) {
      if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
        throw Checks.fail("labelSmoothing (" + labelSmoothing + ") must be in [0, 1)");
      }
      this.labelSmoothing = labelSmoothing;
      return this;
    }

    /** Sets the reduction used by {@link CrossEntropyLoss#apply}. */
    public Builder reduction(Reduction reduction) {
      Checks.notNull("reduction", reduction);
      this.reduction = reduction;
      return this;
    }

    /** Returns a loss with the options set so far. */
    public CrossEntropyLoss build() {
      return new CrossEntropyLoss(this);
    }
  }
}
