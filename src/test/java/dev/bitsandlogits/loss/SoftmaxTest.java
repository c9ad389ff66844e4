package dev.bitsandlogits.loss;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static dev.bitsandlogits.NumericAssertions.assertThrowsMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values: src/test/refs/references.py (mpmath, 50 digits).
@DisplayName("Softmax")
class SoftmaxTest {

  @Nested
  @DisplayName("softmax, logSoftmax and logSumExp")
  class Vectors {

    @Test
    @DisplayName("of [1, 2, 3] match the reference")
    void ordinary() {
      double[] z = {1, 2, 3};
      assertRelativelyClose(
          new double[] {0.09003057317038046, 0.24472847105479764, 0.6652409557748219},
          Softmax.softmax(z));
      assertRelativelyClose(
          new double[] {-2.40760596444438, -1.4076059644443804, -0.4076059644443803},
          Softmax.logSoftmax(z));
      assertRelativelyClose(3.40760596444438, Softmax.logSumExp(z));
      assertArrayEquals(new double[] {1, 2, 3}, z);
    }

    @Test
    @DisplayName("do not overflow for ±1000")
    void large() {
      assertRelativelyClose(1000.6931471805599, Softmax.logSumExp(new double[] {1000, 1000}));
      assertRelativelyClose(-998.9013877113318,
          Softmax.logSumExp(new double[] {-1000, -1000, -1000}));
      assertArrayEquals(new double[] {1, 0, 0}, Softmax.softmax(new double[] {1000, 0, -1000}));
    }

    @Test
    @DisplayName("handle the extremes [1e308, -1e308]")
    void extreme() {
      assertEquals(1e308, Softmax.logSumExp(new double[] {1e308, -1e308}));
      assertArrayEquals(new double[] {1, 0}, Softmax.softmax(new double[] {1e308, -1e308}));
      assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY},
          Softmax.logSoftmax(new double[] {1e308, -1e308})); // exact -2e308 overflows
    }

    @Test
    @DisplayName("keep the tiny log-probability of a confident prediction")
    void confident() {
      double[] logSoftmax = Softmax.logSoftmax(new double[] {20, 0});
      assertRelativelyClose(-2.061153620314381e-09, logSoftmax[0]); // -log1p(e^-20)
      assertRelativelyClose(-20.000000002061153, logSoftmax[1]);
      assertRelativelyClose(2.0611536181902037e-09, Softmax.softmax(new double[] {20, 0})[1]);
    }

    @Test
    @DisplayName("reject bad logits")
    void badInput() {
      assertThrowsMessage("logits must not be null", () -> Softmax.softmax(null));
      assertThrowsMessage("logits must not be empty", () -> Softmax.logSumExp(new double[0]));
      assertThrowsMessage("logits[1] (NaN) must be finite",
          () -> Softmax.logSoftmax(new double[] {0, Double.NaN}));
      assertThrowsMessage("logits[0] (-Infinity) must be finite",
          () -> Softmax.softmax(new double[] {Double.NEGATIVE_INFINITY}));
    }
  }

  @Nested
  @DisplayName("sigmoid")
  class Sigmoid {

    @ParameterizedTest(name = "sigmoid({0}) = {1}")
    @CsvSource({
        "0, 0.5",
        "1, 0.7310585786300049",
        "40, 1.0",
        "-40, 4.248354255291589e-18",
        "-700, 9.85967654375977e-305",
    })
    void matchesReference(double x, double expected) {
      assertRelativelyClose(expected, Softmax.sigmoid(x));
    }

    @Test
    @DisplayName("sigmoid(-700) is positive; sigmoid(-800) rounds to 0 (exact 3.7e-348)")
    void underflow() {
      assertTrue(Softmax.sigmoid(-700) > 0);
      assertEquals(0.0, Softmax.sigmoid(-800));
      assertEquals(1.0, Softmax.sigmoid(800));
    }

    @Test
    void rejectsNonFinite() {
      assertThrowsMessage("x (NaN) must be finite", () -> Softmax.sigmoid(Double.NaN));
    }
  }
}
