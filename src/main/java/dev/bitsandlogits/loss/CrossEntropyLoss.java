package dev.bitsandlogits.loss;

import dev.bitsandlogits.internal.Checks;

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
   * <p>Throws {@link IllegalArgumentException} with MEAN if every target is ignored
   * ({@code all targets are ignored}; PyTorch returns NaN there), or if the kept targets' weights
   * sum to 0.
   * <br>Otherwise throws as {@link #perExample} does.
   *
   * <p>Algorithm: {@link #perExample}, then compensated (Neumaier) summation of the losses and
   * the weights.
   */
  public double apply(int[] targets, double[][] logits) {
    double[] losses = perExample(targets, logits);
    double sum = 0.0;
    double compensation = 0.0;
    for (double loss : losses) {
      double t = sum + loss;
      compensation += Math.abs(sum) >= Math.abs(loss) ? (sum - t) + loss : (loss - t) + sum;
      sum = t;
    }
    if (Double.isFinite(sum)) { // an infinite loss makes the compensation NaN
      sum += compensation;
    }
    if (reduction == Reduction.SUM) {
      return sum;
    }
    double weightSum = 0.0;
    double weightCompensation = 0.0;
    boolean anyKept = false;
    for (int target : targets) {
      if (target == ignoreIndex) {
        continue;
      }
      anyKept = true;
      double w = classWeights == null ? 1.0 : classWeights[target];
      double t = weightSum + w;
      weightCompensation += weightSum >= w ? (weightSum - t) + w : (w - t) + weightSum;
      weightSum = t;
    }
    if (!anyKept) {
      throw Checks.fail("all targets are ignored (ignoreIndex " + ignoreIndex
          + "), so the MEAN reduction is undefined");
    }
    weightSum += weightCompensation;
    if (!(weightSum > 0)) {
      throw Checks.fail("classWeights of the targets that are not ignored sum to 0,"
          + " so the MEAN reduction is undefined");
    }
    return sum / weightSum;
  }

  /**
   * Returns the unreduced losses, {@code loss_n} of the class comment, in nats; 0 for targets
   * equal to the ignore index.
   *
   * <p>With no weights and no smoothing, {@code loss_n = −log softmax(z_n)_{y_n}}, exactly
   * {@link Losses#sparseSoftmaxCrossEntropyWithLogits}.
   * <br>Throws {@link IllegalArgumentException} if {@code targets} or {@code logits} is null or
   * empty, their lengths differ, {@code logits} is not rectangular or has a non-finite entry, a
   * target other than the ignore index is outside [0, C), or the class weights do not have
   * length C.
   *
   * <p>Algorithm: per row, {@code m}, {@code k} and {@code S} as in {@link Softmax}, then
   * {@code ℓ_j = (m − z_j) + log1p(S)}, a sum of two non-negative terms; every term of
   * {@code loss_n} is non-negative, so nothing cancels.
   */
  public double[] perExample(int[] targets, double[][] logits) {
    Checks.nonEmpty("targets", targets);
    int classes = Checks.rectangular("logits", logits);
    Checks.sameLength("targets", targets.length, "logits", logits.length);
    if (classWeights != null && classWeights.length != classes) {
      throw Checks.fail("classWeights must have one weight per class, but has "
          + classWeights.length + " for " + classes + " classes");
    }
    double smoothingPerClass = labelSmoothing / classes;
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
      double logOnePlusS = Math.log1p(Softmax.sumExpOthers(z, m, k));
      double targetWeight = weight(y);
      double loss = 0.0;
      if (targetWeight != 0) {
        loss = (1 - labelSmoothing) * targetWeight * ((m - z[y]) + logOnePlusS);
      }
      if (labelSmoothing != 0) {
        double smooth = 0.0;
        for (int j = 0; j < classes; j++) {
          double w = weight(j);
          if (w != 0) {
            smooth += w * ((m - z[j]) + logOnePlusS);
          }
        }
        loss += smoothingPerClass * smooth;
      }
      losses[n] = loss;
    }
    return losses;
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
