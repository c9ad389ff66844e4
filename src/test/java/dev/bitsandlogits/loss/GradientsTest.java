package dev.bitsandlogits.loss;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static dev.bitsandlogits.NumericAssertions.assertThrowsMessage;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values: src/test/refs/references.py (mpmath: softmax − y and σ(x) − z at 50 digits).
@DisplayName("Gradients")
class GradientsTest {

  @Nested
  @DisplayName("softmaxCrossEntropyWithLogits = softmax − y")
  class SoftmaxGradient {

    @Test
    @DisplayName("soft labels match the reference")
    void softLabels() {
      double[][] gradient = Gradients.softmaxCrossEntropyWithLogits(
          new double[][] {{0.25, 0.75, 0}}, new double[][] {{1, 2, 3}});
      assertRelativelyClose(
          new double[] {-0.15996942682961954, -0.5052715289452023, 0.6652409557748219},
          gradient[0]);
    }

    @Test
    @DisplayName("a confident correct prediction keeps its tiny gradient (softmax − 1 would be 0)")
    void confident() {
      double[][] gradient = Gradients.softmaxCrossEntropyWithLogits(
          new double[][] {{1, 0}}, new double[][] {{40, 0}});
      assertRelativelyClose(
          new double[] {-4.248354255291589e-18, 4.248354255291589e-18}, gradient[0]);
    }

    @Test
    void badInput() {
      assertThrowsMessage("labels[0] must sum to 1 (within 1e-9), but sums to 0.5",
          () -> Gradients.softmaxCrossEntropyWithLogits(
              new double[][] {{0.5, 0}}, new double[][] {{1, 2}}));
      assertThrowsMessage("logits[0][0] (NaN) must be finite",
          () -> Gradients.softmaxCrossEntropyWithLogits(
              new double[][] {{0.5, 0.5}}, new double[][] {{Double.NaN, 2}}));
    }
  }

  @Nested
  @DisplayName("sigmoidCrossEntropyWithLogits = σ(x) − z")
  class SigmoidGradient {

    @ParameterizedTest(name = "label {0}, logit {1} -> {2}")
    @CsvSource({
        "1, 40, -4.248354255291589e-18",
        "0, -40, 4.248354255291589e-18",
        "0.3, 2.5, 0.6241418199787565",
        "0.5, 0, 0.0",
    })
    void matchesReference(double label, double logit, double expected) {
      assertRelativelyClose(expected, Gradients.sigmoidCrossEntropyWithLogits(
          new double[][] {{label}}, new double[][] {{logit}})[0][0]);
    }

    @Test
    void badInput() {
      assertThrowsMessage("labels[0][0] (2.0) must be in [0, 1]",
          () -> Gradients.sigmoidCrossEntropyWithLogits(
              new double[][] {{2}}, new double[][] {{0}}));
    }
  }
}
