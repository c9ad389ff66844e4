package dev.bitsandlogits.loss;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static dev.bitsandlogits.NumericAssertions.assertThrowsMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values: src/test/refs/references.py (mpmath, 50 digits), which computes
// logSumExp(z) - z[y] and -z log σ(x) - (1-z) log(1-σ(x)) directly at 50 digits.
@DisplayName("Losses")
class LossesTest {

  /** TensorFlow's documented outputs are float32, printed to ~8 digits. */
  private static final double FLOAT32_TOLERANCE = 1e-7;

  @Nested
  @DisplayName("sparseSoftmaxCrossEntropyWithLogits")
  class Sparse {

    @ParameterizedTest(name = "logits [{1}, {2}, {3}], label {0} -> {4}")
    @CsvSource({
        "2, 2, -1, 3, 0.3265626412674705",
        "0, 1, 0, -0.5, 0.46436878410794485",
        "2, 1000, 0, -1000, 2000.0",             // exact: 2000 + log1p(e^-1000 + e^-2000)
        "0, 1000, 0, -1000, 0.0",                // exact ~e^-1000, below the smallest double
        "1, 3, 3, 0, 0.7177359186667026",        // tie at the max, label on the second one
        "0, 30, 30, 0, 0.6931471805599921",      // tie: log 2 + tiny, no digits lost
    })
    void matchesReference(int label, double z0, double z1, double z2, double expected) {
      double[] losses = Losses.sparseSoftmaxCrossEntropyWithLogits(
          new int[] {label}, new double[][] {{z0, z1, z2}});
      assertRelativelyClose(expected, losses[0]);
    }

    @Test
    @DisplayName("the TensorFlow documentation example")
    void tensorFlowExample() {
      // tf.nn.sparse_softmax_cross_entropy_with_logits docs (r2.6), float32:
      // [0.29750752, 1.1448325, 0.]. Full digits: mpmath at 2000 digits; the third loss is
      // log1p(3e^-200), which float32 (and a 50-digit logSumExp - z_y) rounds to 0.
      double[] losses = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 3, 1},
          new double[][] {{2, -5, .5, -.1}, {0, 0, 1.9, 1.4}, {-100, 100, -100, -100}});
      assertRelativelyClose(
          new double[] {0.29750749726216225, 1.1448325498394578, 4.151689580210212e-87}, losses);
      assertRelativelyClose(0.29750752, losses[0], FLOAT32_TOLERANCE);
      assertRelativelyClose(1.1448325, losses[1], FLOAT32_TOLERANCE);
    }

    @ParameterizedTest(name = "logits [{0}, 0], label 0 -> {1} (the textbook formula loses digits)")
    @CsvSource({
        "20, 2.061153620314381e-09",   // log1p(e^-20)
        "40, 4.248354255291589e-18",   // log1p(e^-40); textbook gives 0
    })
    void confidentCorrect(double z0, double expected) {
      assertRelativelyClose(expected, Losses.sparseSoftmaxCrossEntropyWithLogits(
          new int[] {0}, new double[][] {{z0, 0}})[0]);
    }

    @Test
    @DisplayName("[1e308, -1e308]: 0 for the right label, +∞ (exact 2e308 overflows) for the wrong")
    void extreme() {
      double[][] logits = {{1e308, -1e308}, {1e308, -1e308}};
      assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY},
          Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 1}, logits));
    }

    @Test
    @DisplayName("rows whose terms overflow relative to the label's logit are redone from the max")
    void overflowRelativeToLabel() {
      double[] many = new double[1000]; // 999 logits of 708 and the label's 0: the sum overflows
      java.util.Arrays.fill(many, 708);
      many[0] = 0;
      // mpmath: log(1 + e^709), log(1 + e^710), log(1 + 999·e^708)
      assertRelativelyClose(new double[] {709.0, 710.0}, Losses.sparseSoftmaxCrossEntropyWithLogits(
          new int[] {1, 1}, new double[][] {{709, 0}, {710, 0}}));
      assertRelativelyClose(714.9067547786485, Losses.sparseSoftmaxCrossEntropyWithLogits(
          new int[] {0}, new double[][] {many})[0]);
    }

    @ParameterizedTest(name = "logits [{0}, {1}], label 0 -> {2}")
    @CsvSource({
        "-700, -740, 4.248354255291589e-18",  // e^-740 is subnormal: few bits left
        "746, 700, 1.0530617357553812e-20",   // e^-746 underflows to 0
        "-710, -712, 0.1269280110429725",     // e^710 overflows
    })
    @DisplayName("logits whose exponentials leave the normal range keep their digits")
    void exponentialsOutOfRange(double z0, double z1, double expected) {
      // mpmath: log1p(exp(z1 - z0))
      assertRelativelyClose(expected, Losses.sparseSoftmaxCrossEntropyWithLogits(
          new int[] {0}, new double[][] {{z0, z1}})[0]);
    }

    @Test
    @DisplayName("long rows, ascending or descending, keep their digits")
    void longRows() {
      double[] ascending = new double[1000]; // [0, 0.01, ..., 9.98, 60]: a new max at each step
      for (int j = 0; j < 999; j++) {
        ascending[j] = j * 0.01;
      }
      ascending[999] = 60;
      double[] descending = new double[1000];
      for (int j = 0; j < 1000; j++) {
        descending[j] = ascending[999 - j];
      }
      double[] tenths = new double[1000];
      for (int j = 0; j < 1000; j++) {
        tenths[j] = j / 10.0;
      }
      double[] losses = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {999, 0, 0, 999},
          new double[][] {ascending, ascending, descending, tenths});
      // mpmath: logSumExp(row) - row[label]
      assertRelativelyClose(1.8999394589377093e-20, losses[0]);
      assertRelativelyClose(60.0, losses[1]);
      assertRelativelyClose(1.8999394589377093e-20, losses[2]);
      assertRelativelyClose(2.3521684610440854, losses[3]);
    }

    @Test
    @DisplayName("reject bad labels and logits")
    void badInput() {
      double[][] logits = {{2, -1, 3}, {1, 0, -0.5}};
      assertThrowsMessage("labels[1] (3) must be in [0, 3)",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 3}, logits));
      assertThrowsMessage("labels[0] (-1) must be in [0, 3)",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {-1, 0}, logits));
      assertThrowsMessage("labels and logits must have the same length, but have 1 and 2",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0}, logits));
      assertThrowsMessage("logits[0][1] (NaN) must be finite",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {0}, new double[][] {{0, Double.NaN}}));
      assertThrowsMessage("logits[1][2] (-Infinity) must be finite",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0, 0},
              new double[][] {{0, 1, 2}, {5, 1, Double.NEGATIVE_INFINITY}}));
      assertThrowsMessage("logits[0][0] (Infinity) must be finite",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {0}, new double[][] {{Double.POSITIVE_INFINITY, 1}}));
      assertThrowsMessage("logits[0][0] (-Infinity) must be finite",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {2}, new double[][] {{Double.NEGATIVE_INFINITY, 0, 1}}));
      assertThrowsMessage("logits[0][1] (Infinity) must be finite",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {1}, new double[][] {{1, Double.POSITIVE_INFINITY}}));
      assertThrowsMessage("logits[0][2] (NaN) must be finite",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {2}, new double[][] {{1, 2, Double.NaN}}));
      assertThrowsMessage("logits must be rectangular, but row 1 has length 2, not 3",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {0, 0}, new double[][] {{1, 2, 3}, {1, 2}}));
      assertThrowsMessage("logits must not be empty",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(new int[0], new double[0][]));
      assertThrowsMessage("labels must not be null",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(null, logits));
      assertThrowsMessage("logits[1] must not be null",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {0, 0}, new double[][] {{1}, null}));
      assertThrowsMessage("logits[0] must not be empty",
          () -> Losses.sparseSoftmaxCrossEntropyWithLogits(
              new int[] {0}, new double[][] {{}}));
    }
  }

  @Nested
  @DisplayName("softmaxCrossEntropyWithLogits")
  class Soft {

    @Test
    @DisplayName("soft labels match the reference")
    void softLabels() {
      double[] losses = Losses.softmaxCrossEntropyWithLogits(
          new double[][] {{0.25, 0.75, 0}, {0, 0, 1}},
          new double[][] {{1, 2, 3}, {1, 2, 3}});
      assertRelativelyClose(1.6576059644443804, losses[0]);
      assertRelativelyClose(0.4076059644443803, losses[1]); // -logSoftmax([1,2,3])[2]
    }

    @Test
    @DisplayName("a soft label against a confident prediction is exactly 4 nats")
    void softAgainstConfident() {
      // 0.9·log1p(e^-40) + 0.1·(40 + log1p(e^-40)) = 4.0 to double precision
      assertRelativelyClose(4.0, Losses.softmaxCrossEntropyWithLogits(
          new double[][] {{0.9, 0.1}}, new double[][] {{40, 0}})[0]);
    }

    @Test
    @DisplayName("a zero label ignores an extreme logit")
    void zeroLabelIgnoresExtremes() {
      assertArrayEquals(new double[] {0}, Losses.softmaxCrossEntropyWithLogits(
          new double[][] {{1, 0}}, new double[][] {{1e308, -1e308}}));
    }

    @Test
    @DisplayName("reject labels that are not distributions")
    void badInput() {
      double[][] logits = {{1, 2, 3}, {1, 2, 3}};
      assertThrowsMessage("labels[1][2] (-0.3) must be in [0, 1]",
          () -> Losses.softmaxCrossEntropyWithLogits(
              new double[][] {{1, 0, 0}, {0.8, 0.5, -0.3}}, logits));
      assertThrowsMessage("labels[1] must sum to 1 (within 1e-9), but sums to 1.1",
          () -> Losses.softmaxCrossEntropyWithLogits(
              new double[][] {{1, 0, 0}, {0.5, 0.5, 0.1}}, logits));
      assertThrowsMessage("labels and logits must have the same shape, but have 1x3 and 2x3",
          () -> Losses.softmaxCrossEntropyWithLogits(new double[][] {{1, 0, 0}}, logits));
      assertThrowsMessage("labels must be rectangular, but row 1 has length 2, not 3",
          () -> Losses.softmaxCrossEntropyWithLogits(new double[][] {{1, 0, 0}, {1, 0}},
              logits));
    }
  }

  @Nested
  @DisplayName("sigmoidCrossEntropyWithLogits and weightedCrossEntropyWithLogits")
  class Sigmoid {

    @Test
    @DisplayName("the TensorFlow documentation example")
    void tensorFlowExample() {
      // tf.nn.sigmoid_cross_entropy_with_logits docs: [1.3132617, 0.3132617, 0.6931472,
      // 0.3132617, 1.3132617, 0.6931472, 0.6931472]; full digits from mpmath.
      double[][] losses = Losses.sigmoidCrossEntropyWithLogits(
          new double[][] {{0, 0, 0, 1, 1, 1, 0.5}},
          new double[][] {{1, -1, 0, 1, -1, 0, 0}});
      assertRelativelyClose(new double[] {1.3132616875182228, 0.3132616875182228,
          0.6931471805599453, 0.3132616875182228, 1.3132616875182228, 0.6931471805599453,
          0.6931471805599453}, losses[0]);
    }

    @ParameterizedTest(name = "label {0}, logit {1} -> {2}")
    @CsvSource({
        "1, 40, 4.248354255291589e-18",    // tiny loss of a confident correct prediction
        "0, -40, 4.248354255291589e-18",
        "0.3, 2.5, 1.8288897342925496",
        "1, -1000, 1000.0",
    })
    void matchesReference(double label, double logit, double expected) {
      assertRelativelyClose(expected, Losses.sigmoidCrossEntropyWithLogits(
          new double[][] {{label}}, new double[][] {{logit}})[0][0]);
    }

    @ParameterizedTest(name = "label {0}, logit {1}, posWeight {2} -> {3}")
    @CsvSource({
        "1, 1, 3, 0.9397850625546685",
        "0, 1, 3, 1.3132616875182228",
        "0.25, -2, 0.5, 0.36106200966260094",
    })
    void weighted(double label, double logit, double posWeight, double expected) {
      assertRelativelyClose(expected, Losses.weightedCrossEntropyWithLogits(
          new double[][] {{label}}, new double[][] {{logit}}, posWeight)[0][0]);
    }

    @Test
    void badInput() {
      assertThrowsMessage("labels[0][1] (1.5) must be in [0, 1]",
          () -> Losses.sigmoidCrossEntropyWithLogits(
              new double[][] {{0, 1.5}}, new double[][] {{0, 0}}));
      assertThrowsMessage("logits[0][0] (Infinity) must be finite",
          () -> Losses.sigmoidCrossEntropyWithLogits(
              new double[][] {{0}}, new double[][] {{Double.POSITIVE_INFINITY}}));
      assertThrowsMessage("posWeight (-1.0) must be >= 0",
          () -> Losses.weightedCrossEntropyWithLogits(
              new double[][] {{0}}, new double[][] {{0}}, -1));
      assertThrowsMessage("posWeight (NaN) must be >= 0",
          () -> Losses.weightedCrossEntropyWithLogits(
              new double[][] {{0}}, new double[][] {{0}}, Double.NaN));
      assertThrowsMessage("posWeight (Infinity) must be finite",
          () -> Losses.weightedCrossEntropyWithLogits(
              new double[][] {{0}}, new double[][] {{0}}, Double.POSITIVE_INFINITY));
    }
  }

  @Nested
  @DisplayName("binaryCrossEntropy")
  class Binary {

    @ParameterizedTest(name = "label {0}, probability {1} -> {2}")
    @CsvSource({
        "1, 0.9, 0.10536051565782628",
        "0, 0.9, 2.302585092994046",
        "0.3, 0.6, 0.7946511994417057",
        "1, 0.0, 100.0",       // PyTorch clamps log at -100
        "0, 1.0, 100.0",
        "1, 1e-50, 100.0",     // -log(1e-50) = 115 is clamped too
        "0, 1e-20, 1e-20",     // -log(1 - 1e-20) needs log1p
    })
    void matchesReference(double label, double probability, double expected) {
      assertRelativelyClose(expected, Losses.binaryCrossEntropy(
          new double[] {label}, new double[] {probability})[0]);
    }

    @Test
    void badInput() {
      assertThrowsMessage("probabilities[1] (1.5) must be in [0, 1]",
          () -> Losses.binaryCrossEntropy(new double[] {0, 1}, new double[] {0.5, 1.5}));
      assertThrowsMessage("labels[0] (NaN) must be in [0, 1]",
          () -> Losses.binaryCrossEntropy(new double[] {Double.NaN}, new double[] {0.5}));
      assertThrowsMessage("labels and probabilities must have the same length, but have 1 and 2",
          () -> Losses.binaryCrossEntropy(new double[] {0}, new double[] {0.5, 0.5}));
      assertThrowsMessage("labels must not be empty",
          () -> Losses.binaryCrossEntropy(new double[0], new double[0]));
    }

    @Test
    @DisplayName("inputs are not modified")
    void inputsUnchanged() {
      double[] labels = {0, 1};
      double[] probabilities = {0.25, 0.75};
      Losses.binaryCrossEntropy(labels, probabilities);
      assertArrayEquals(new double[] {0, 1}, labels);
      assertArrayEquals(new double[] {0.25, 0.75}, probabilities);
    }
  }
}
