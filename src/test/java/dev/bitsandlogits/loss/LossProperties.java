package dev.bitsandlogits.loss;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("Loss properties")
class LossProperties {

  /**
   * Tolerance for comparing an analytic gradient with a central difference of step h = 1e-5:
   * truncation error ~h²·|f'''| ≈ 1e-10 plus rounding ~ε·|f|/h ≈ 1e-10 for losses up to ~40.
   */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-7;

  @Property(tries = 500)
  @Label("softmax sums to 1")
  void softmaxSumsToOne(@ForAll("logits") double[] z) {
    double sum = Arrays.stream(Softmax.softmax(z)).sum();
    assertEquals(1.0, sum, 1e-15 * z.length);
  }

  @Property(tries = 500)
  @Label("softmax, logSoftmax and the loss are invariant under shifting the logits")
  void shiftInvariance(@ForAll("dyadicLogits") double[] z,
      @ForAll @IntRange(min = -100, max = 100) int shift) {
    // Dyadic logits and an integer shift make z + shift exact, so the invariance is exact.
    double[] shifted = Arrays.stream(z).map(x -> x + shift).toArray();
    assertArrayEquals(Softmax.softmax(z), Softmax.softmax(shifted));
    assertArrayEquals(Softmax.logSoftmax(z), Softmax.logSoftmax(shifted));
    // logSumExp(z) + shift rounds twice: allow one ulp of each rounding.
    double logSumExp = Softmax.logSumExp(z);
    double shiftedLogSumExp = Softmax.logSumExp(shifted);
    assertEquals(logSumExp + shift, shiftedLogSumExp,
        Math.ulp(logSumExp) + Math.ulp(shiftedLogSumExp));
  }

  @Property(tries = 500)
  @Label("sparse softmax CE equals softmax CE with one-hot labels")
  void sparseMatchesOneHot(@ForAll("logits") double[] z, @ForAll @IntRange(max = 100) int seed) {
    int label = seed % z.length;
    double[] oneHot = new double[z.length];
    oneHot[label] = 1;
    double sparse = Losses.sparseSoftmaxCrossEntropyWithLogits(
        new int[] {label}, new double[][] {z})[0];
    double dense = Losses.softmaxCrossEntropyWithLogits(
        new double[][] {oneHot}, new double[][] {z})[0];
    assertRelativelyClose(sparse, dense);
  }

  @Property(tries = 300)
  @Label("CrossEntropyLoss with labelSmoothing 0 is plain sparse CE")
  void noSmoothingIsPlain(@ForAll("logits") double[] z, @ForAll @IntRange(max = 100) int seed) {
    int label = seed % z.length;
    double[][] logits = {z, z};
    int[] targets = {label, (label + 1) % z.length};
    double[] plain = Losses.sparseSoftmaxCrossEntropyWithLogits(targets, logits);
    CrossEntropyLoss loss = CrossEntropyLoss.builder().labelSmoothing(0).build();
    assertRelativelyClose(plain, loss.perExample(targets, logits));
    if (Double.isFinite(plain[0] + plain[1])) {
      // Otherwise the exact mean may still be finite (0 and 2e308 average to 1e308), which
      // BigInputProperties.smoothingAndWeights checks against a BigDecimal reference.
      assertRelativelyClose((plain[0] + plain[1]) / 2, loss.apply(targets, logits));
    }
  }

  @Property(tries = 300)
  @Label("softmax CE gradient equals a central finite difference")
  void softmaxGradientMatchesFiniteDifference(@ForAll("moderateLogits") double[] z,
      @ForAll @IntRange(max = 100) int seed) {
    double[] y = Softmax.softmax(z.clone()); // a soft label that is a distribution
    Arrays.setAll(y, j -> j == seed % z.length ? 0.5 + y[j] / 2 : y[j] / 2);
    double[] gradient = Gradients.softmaxCrossEntropyWithLogits(
        new double[][] {y}, new double[][] {z})[0];
    for (int j = 0; j < z.length; j++) {
      double h = 1e-5;
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[j] += h;
      minus[j] -= h;
      double difference = (softCe(y, plus) - softCe(y, minus)) / (plus[j] - minus[j]);
      assertEquals(difference, gradient[j], FINITE_DIFFERENCE_TOLERANCE);
    }
  }

  @Property(tries = 300)
  @Label("sigmoid CE gradient equals a central finite difference")
  void sigmoidGradientMatchesFiniteDifference(
      @ForAll("moderateLogit") double x, @ForAll("label") double label) {
    double gradient = Gradients.sigmoidCrossEntropyWithLogits(
        new double[][] {{label}}, new double[][] {{x}})[0][0];
    double h = 1e-5;
    double difference = (sigmoidCe(label, x + h) - sigmoidCe(label, x - h)) / (2 * h);
    assertEquals(difference, gradient, FINITE_DIFFERENCE_TOLERANCE);
  }

  private static double softCe(double[] y, double[] z) {
    return Losses.softmaxCrossEntropyWithLogits(new double[][] {y}, new double[][] {z})[0];
  }

  private static double sigmoidCe(double label, double x) {
    return Losses.sigmoidCrossEntropyWithLogits(new double[][] {{label}}, new double[][] {{x}})
        [0][0];
  }

  /** Logits with honest edge cases: zeros, ties, ±40, ±1000, ±1e308 and ordinary values. */
  @Provide
  Arbitrary<double[]> logits() {
    Arbitrary<Double> logit = Arbitraries.oneOf(
        Arbitraries.of(0.0, 40.0, -40.0, 1000.0, -1000.0, 1e308, -1e308),
        Arbitraries.doubles().between(-1000, 1000),
        Arbitraries.doubles().between(-5, 5));
    return logit.array(double[].class).ofMinSize(1).ofMaxSize(10);
  }

  /** Multiples of 1/1024 in [-1000, 1000], so adding an integer shift is exact. */
  @Provide
  Arbitrary<double[]> dyadicLogits() {
    Arbitrary<Double> logit = Arbitraries.integers().between(-1024_000, 1024_000)
        .map(k -> k / 1024.0);
    return logit.array(double[].class).ofMinSize(1).ofMaxSize(10);
  }

  @Provide
  Arbitrary<double[]> moderateLogits() {
    return moderateLogit().array(double[].class).ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Double> moderateLogit() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 10.0, -10.0),
        Arbitraries.doubles().between(-10, 10));
  }

  @Provide
  Arbitrary<Double> label() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, 0.5), Arbitraries.doubles().between(0, 1));
  }
}
