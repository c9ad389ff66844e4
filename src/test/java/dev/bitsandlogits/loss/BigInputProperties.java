package dev.bitsandlogits.loss;

import static dev.bitsandlogits.NumericAssertions.assertCloseToExact;
import static dev.bitsandlogits.NumericAssertions.big;
import static dev.bitsandlogits.NumericAssertions.exp;
import static dev.bitsandlogits.NumericAssertions.ln;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue #14: the {@code loss} functions keep 1e-12 relative accuracy (and stay finite where the
 * exact value is) on long rows, on logits up to ±1e308, with label smoothing of 1e-12 and class
 * weights of 1e300. References are BigDecimal, from the logits' exact values.
 */
@Label("Losses on big inputs")
class BigInputProperties {

  private static final MathContext MC = new MathContext(60);

  /** A row of {@code counts[i]} copies of {@code values[i]}, shuffled by {@code seed}. */
  record Row(double[] values, int[] counts, long seed) {
    double[] expand() {
      int n = Arrays.stream(counts).sum();
      double[] z = new double[n];
      int at = 0;
      for (int i = 0; i < counts.length; i++) {
        for (int c = 0; c < counts[i]; c++) {
          z[at++] = values[i];
        }
      }
      Random random = new Random(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = z[i];
        z[i] = z[j];
        z[j] = t;
      }
      return z;
    }

    /** log Σ_j e^{z_j}, exactly (to 60 digits), from the distinct values. */
    BigDecimal logSumExp() {
      BigDecimal m = big(Arrays.stream(values).max().orElseThrow());
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < values.length; i++) {
        sum = sum.add(exp(big(values[i]).subtract(m)).multiply(BigDecimal.valueOf(counts[i]))); // exact
      }
      return m.add(ln(sum)); // exact, see NumericAssertions.logSumExp
    }

    @Override
    public String toString() {
      return "Row(values=" + Arrays.toString(values) + ", counts=" + Arrays.toString(counts)
          + ", seed=" + seed + ")";
    }
  }

  @Property(tries = 12)
  @Label("long rows: logSumExp, softmax, logSoftmax, sparse and dense CE")
  void longRows(@ForAll("longRows") Row row) {
    double[] z = row.expand();
    BigDecimal lse = row.logSumExp();
    assertCloseToExact(lse, Softmax.logSumExp(z), "logSumExp");
    double[] softmax = Softmax.softmax(z);
    double[] logSoftmax = Softmax.logSoftmax(z);
    for (int j : new int[] {0, z.length / 2, z.length - 1}) {
      BigDecimal logP = big(z[j]).subtract(lse);
      assertCloseToExact(exp(logP), softmax[j], "softmax[" + j + "]");
      assertCloseToExact(logP, logSoftmax[j], "logSoftmax[" + j + "]");
      assertCloseToExact(logP.negate(), Losses.sparseSoftmaxCrossEntropyWithLogits(
          new int[] {j}, new double[][] {z})[0], "sparse CE, label " + j);
    }
    // Dense labels: class type i gets label a_i / Σ c·a, so the row sums to 1 within rounding.
    double[] typeLabel = new double[row.values().length];
    double total = 0;
    for (int i = 0; i < typeLabel.length; i++) {
      typeLabel[i] = 1.0 + i;
      total += typeLabel[i] * row.counts()[i];
    }
    BigDecimal exact = BigDecimal.ZERO;
    for (int i = 0; i < typeLabel.length; i++) {
      typeLabel[i] /= total;
      exact = exact.add(big(typeLabel[i]).multiply(lse.subtract(big(row.values()[i])))
          .multiply(BigDecimal.valueOf(row.counts()[i])));
    }
    double[] labels = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      labels[j] = typeLabel[indexOf(row.values(), z[j])];
    }
    assertCloseToExact(exact, Losses.softmaxCrossEntropyWithLogits(
        new double[][] {labels}, new double[][] {z})[0], "dense CE");
    // Label smoothing over a long row: (1 − ε)·ℓ_y + ε/C·Σ ℓ_j.
    double epsilon = 0.1;
    int y = z.length / 3;
    BigDecimal sumOfLosses = BigDecimal.ZERO;
    for (int i = 0; i < row.values().length; i++) {
      sumOfLosses = sumOfLosses.add(lse.subtract(big(row.values()[i]))
          .multiply(BigDecimal.valueOf(row.counts()[i])));
    }
    BigDecimal smoothed = BigDecimal.ONE.subtract(big(epsilon)).multiply(lse.subtract(big(z[y])))
        .add(big(epsilon).multiply(sumOfLosses).divide(BigDecimal.valueOf(z.length), MC));
    assertCloseToExact(smoothed, CrossEntropyLoss.builder().labelSmoothing(epsilon).build()
        .perExample(new int[] {y}, new double[][] {z})[0], "smoothed CE");
  }

  @Property(tries = 500)
  @Label("huge logits (±1e308, ±1e300, ±MAX, mixed): every function finite and exact")
  void hugeLogits(@ForAll("hugeLogits") double[] z, @ForAll @IntRange(max = 1000) int seed) {
    BigDecimal lse = logSumExp(z);
    assertCloseToExact(lse, Softmax.logSumExp(z), "logSumExp");
    double[] softmax = Softmax.softmax(z);
    double[] logSoftmax = Softmax.logSoftmax(z);
    int y = seed % z.length;
    for (int j = 0; j < z.length; j++) {
      BigDecimal logP = big(z[j]).subtract(lse);
      assertCloseToExact(exp(logP), softmax[j], "softmax[" + j + "]");
      assertCloseToExact(logP, logSoftmax[j], "logSoftmax[" + j + "]");
    }
    assertCloseToExact(lse.subtract(big(z[y])), Losses.sparseSoftmaxCrossEntropyWithLogits(
        new int[] {y}, new double[][] {z})[0], "sparse CE");
    // Soft labels: 1 − (C−1)·1e-10 on y, 1e-10 elsewhere, so the losses of the others are scaled
    // down from ~2e308 into range.
    double[] labels = new double[z.length];
    Arrays.fill(labels, 1e-10);
    labels[y] = 1 - (z.length - 1) * 1e-10;
    BigDecimal dense = BigDecimal.ZERO;
    for (int j = 0; j < z.length; j++) {
      dense = dense.add(big(labels[j]).multiply(lse.subtract(big(z[j]))));
    }
    assertCloseToExact(dense, Losses.softmaxCrossEntropyWithLogits(
        new double[][] {labels}, new double[][] {z})[0], "dense CE");
  }

  @Property(tries = 500)
  @Label("CrossEntropyLoss with huge logits, smoothing down to 1e-12, weights up to 1e300")
  void smoothingAndWeights(@ForAll("hugeLogitRows") double[][] logits,
      @ForAll("smoothing") double epsilon, @ForAll("weights") double[] weightPool,
      @ForAll @IntRange(max = 1000) int seed) {
    int classes = logits[0].length;
    double[] weights = new double[classes];
    for (int j = 0; j < classes; j++) {
      weights[j] = weightPool[(seed + j) % weightPool.length];
    }
    int[] targets = new int[logits.length];
    for (int n = 0; n < logits.length; n++) {
      targets[n] = (seed + 7 * n) % classes;
    }
    CrossEntropyLoss.Builder builder = CrossEntropyLoss.builder().labelSmoothing(epsilon)
        .classWeights(weights);
    double[] perExample = builder.build().perExample(targets, logits);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal weightSum = BigDecimal.ZERO;
    for (int n = 0; n < logits.length; n++) {
      BigDecimal exact = torchLoss(targets[n], logits[n], weights, epsilon);
      assertCloseToExact(exact, perExample[n], "perExample[" + n + "]");
      sum = sum.add(exact);
      weightSum = weightSum.add(big(weights[targets[n]]));
    }
    assertCloseToExact(sum, builder.reduction(Reduction.SUM).build().apply(targets, logits),
        "SUM");
    if (weightSum.signum() > 0) {
      assertCloseToExact(sum.divide(weightSum, MC),
          builder.reduction(Reduction.MEAN).build().apply(targets, logits), "MEAN");
    }
  }

  @Property(tries = 500)
  @Label("softmax CE gradient softmax − y when the label almost equals the prediction")
  void softmaxGradientNearLabel(@ForAll("gradientLogits") double[] z,
      @ForAll("relativeGaps") double gap, @ForAll @IntRange(max = 1000) int seed) {
    BigDecimal lse = logSumExp(z);
    BigDecimal[] softmax = new BigDecimal[z.length];
    double[] y = new double[z.length];
    int absorbing = seed % z.length; // takes what the others leave, so y sums to 1
    double rest = 1;
    Random random = new Random(seed);
    for (int j = 0; j < z.length; j++) {
      softmax[j] = exp(big(z[j]).subtract(lse));
      if (j != absorbing) {
        double sign = random.nextBoolean() ? 1 : -1;
        y[j] = Math.min(1, softmax[j].multiply(big(1 + sign * gap * (0.5 + random.nextDouble())),
            MC).doubleValue());
        rest -= y[j];
      }
    }
    y[absorbing] = Math.max(rest, 0);
    if (Math.abs(Arrays.stream(y).sum() - 1) > 1e-10) {
      return; // the clamps above broke the sum: not a distribution (rare)
    }
    double[] gradient = Gradients.softmaxCrossEntropyWithLogits(
        new double[][] {y}, new double[][] {z})[0];
    // At the first maximum k, softmax_k − y_k = (1 − y_k) − Σ_{j≠k} softmax_j, exactly in
    // BigDecimal: exp(z_k − lse) at 60 digits would round 1 − 1e-300 to 1.
    int k = 0;
    for (int j = 1; j < z.length; j++) {
      k = z[j] > z[k] ? j : k;
    }
    BigDecimal atMax = BigDecimal.ONE.subtract(big(y[k]));
    for (int j = 0; j < z.length; j++) {
      if (j != k) {
        atMax = atMax.subtract(softmax[j]);
      }
    }
    for (int j = 0; j < z.length; j++) {
      BigDecimal exact = j == k ? atMax : softmax[j].subtract(big(y[j]));
      assertCloseToExact(exact, gradient[j], "gradient[" + j + "]");
    }
  }

  @Property(tries = 500)
  @Label("sigmoid CE gradient σ(x) − z when the label almost equals σ(x)")
  void sigmoidGradientNearLabel(@ForAll("gradientLogit") double x,
      @ForAll("relativeGaps") double gap, @ForAll boolean below) {
    BigDecimal sigma = BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(big(-x))), MC);
    double label = Math.min(1, sigma.multiply(big(below ? 1 - gap : 1 + gap), MC).doubleValue());
    double gradient = Gradients.sigmoidCrossEntropyWithLogits(
        new double[][] {{label}}, new double[][] {{x}})[0][0];
    assertCloseToExact(sigma.subtract(big(label)), gradient, "σ(" + x + ") − " + label);
  }

  @Provide
  Arbitrary<double[]> gradientLogits() {
    return gradientLogit().array(double[].class).ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Double> gradientLogit() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10).ofScale(12),
        Arbitraries.of(0.0, 40.0, -40.0, 700.0, -700.0, 1e-300));
  }

  /** Relative gaps between label and prediction, from 1e-12 to 1e-2. */
  @Provide
  Arbitrary<Double> relativeGaps() {
    return Arbitraries.integers().between(-120, -20).map(e -> Math.pow(10, e / 10.0));
  }

  /** (1 − ε)·w_y·ℓ_y + (ε/C)·Σ_j w_j·ℓ_j with ℓ_j = logSumExp(z) − z_j, exactly. */
  private static BigDecimal torchLoss(int y, double[] z, double[] w, double epsilon) {
    BigDecimal lse = logSumExp(z);
    BigDecimal smooth = BigDecimal.ZERO;
    for (int j = 0; j < z.length; j++) {
      smooth = smooth.add(big(w[j]).multiply(lse.subtract(big(z[j]))));
    }
    return BigDecimal.ONE.subtract(big(epsilon)).multiply(big(w[y]))
        .multiply(lse.subtract(big(z[y])))
        .add(big(epsilon).multiply(smooth).divide(BigDecimal.valueOf(z.length), MC));
  }

  private static BigDecimal logSumExp(double[] z) {
    return dev.bitsandlogits.NumericAssertions.logSumExp(z);
  }

  private static int indexOf(double[] values, double x) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == x) {
        return i;
      }
    }
    throw new AssertionError(x);
  }

  /**
   * 2..5 distinct logits (ordinary, ±40, ±700, one far below the rest), repeated to
   * 10^5..10^6 entries and shuffled.
   */
  @Provide
  Arbitrary<Row> longRows() {
    Arbitrary<Double> logit = Arbitraries.oneOf(
        Arbitraries.doubles().between(-5, 5).ofScale(12),
        Arbitraries.of(0.0, 40.0, -40.0, 700.0, -700.0, 1e-3, Math.PI));
    return Arbitraries.integers().between(2, 5).flatMap(k -> Combinators.combine(
        logit.array(double[].class).ofSize(k).uniqueElements(),
        Arbitraries.integers().between(1, 300_000).array(int[].class).ofSize(k),
        Arbitraries.longs()).as(Row::new))
        .filter(r -> Arrays.stream(r.counts()).sum() >= 100_000);
  }

  /** Logits among ±1e308, ±1e300, ±MAX_VALUE, ±1e-300 and ordinary values. */
  @Provide
  Arbitrary<double[]> hugeLogits() {
    return hugeLogit().array(double[].class).ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<double[][]> hugeLogitRows() {
    return Arbitraries.integers().between(1, 6).flatMap(c ->
        hugeLogit().array(double[].class).ofSize(c).array(double[][].class).ofMinSize(1)
            .ofMaxSize(4));
  }

  private static Arbitrary<Double> hugeLogit() {
    return Arbitraries.oneOf(
        Arbitraries.of(1e308, -1e308, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
            1.7e308, -1.7e308, 0.0, 1e-300, 40.0, -40.0, 1e10, -1e10),
        Arbitraries.doubles().between(-1e308, 1e308),
        Arbitraries.doubles().between(-10, 10).ofScale(12));
  }

  @Provide
  Arbitrary<Double> smoothing() {
    return Arbitraries.of(0.0, 1e-12, 1e-300, 0.1, 0.5, 0.999);
  }

  @Provide
  Arbitrary<double[]> weights() {
    return Arbitraries.of(1.0, 1e300, 1e-300, 0.5, 3.0, 1e-12, Double.MAX_VALUE)
        .array(double[].class).ofMinSize(1).ofMaxSize(4);
  }
}
