package dev.bitsandlogits.info;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static dev.bitsandlogits.NumericAssertions.assertThrowsMessage;
import static dev.bitsandlogits.info.Unit.BANS;
import static dev.bitsandlogits.info.Unit.BITS;
import static dev.bitsandlogits.info.Unit.NATS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Expected values: src/test/refs/references.py (mpmath, 50 digits) unless exact by hand.
@DisplayName("Measures")
class MeasuresTest {

  // colah, "Visual Information Theory": Bob's and Alice's word distributions.
  private static final double[] P = {1.0 / 2, 1.0 / 4, 1.0 / 8, 1.0 / 8};
  private static final double[] Q = {1.0 / 8, 1.0 / 2, 1.0 / 4, 1.0 / 8};

  @Nested
  @DisplayName("information")
  class Information {

    @ParameterizedTest(name = "information({0}, {1}) = {2}")
    @CsvSource({
        "0.984375, BITS, 0.02272007650008353", // -log2(63/64)
        "0.015625, BITS, 6.0",                 // -log2(1/64)
        "0.001,    BANS, 3.0",                 // -log10(0.001) for the double 0.001
        "0.5,      NATS, 0.6931471805599453",  // ln 2
        "0.5,      BITS, 1.0",
    })
    void matchesReference(double p, Unit unit, double expected) {
      assertRelativelyClose(expected, Measures.information(p, unit));
    }

    @Test
    @DisplayName("an impossible event carries infinite information")
    void zeroIsInfinite() {
      assertEquals(Double.POSITIVE_INFINITY, Measures.information(0, BITS));
    }

    @Test
    @DisplayName("a certain event carries +0.0, not -0.0")
    void oneIsPositiveZero() {
      assertEquals(0.0, Measures.information(1, BITS));
      assertEquals(Double.doubleToRawLongBits(0.0),
          Double.doubleToRawLongBits(Measures.information(1, NATS)));
    }

    @ParameterizedTest(name = "p = {0} is rejected")
    @CsvSource({"1.5, 'p (1.5) must be in [0, 1]'", "-0.25, 'p (-0.25) must be in [0, 1]'",
        "NaN, 'p (NaN) must be in [0, 1]'", "Infinity, 'p (Infinity) must be in [0, 1]'"})
    void rejectsBadProbability(double p, String message) {
      assertThrowsMessage(message, () -> Measures.information(p, BITS));
    }

    @Test
    @DisplayName("a null unit is rejected")
    void rejectsNullUnit() {
      assertThrowsMessage("unit must not be null", () -> Measures.information(0.5, null));
    }
  }

  @Nested
  @DisplayName("entropy")
  class Entropy {

    @Test
    @DisplayName("a fair coin has 1 bit")
    void fairCoin() {
      assertEquals(1.0, Measures.entropy(new double[] {0.5, 0.5}, BITS));
    }

    @Test
    @DisplayName("a certain outcome has 0 bits (0 log 0 = 0)")
    void certainOutcome() {
      assertEquals(0.0, Measures.entropy(new double[] {1, 0}, BITS));
    }

    @Test
    @DisplayName("a 63:1 coin has about 0.116 bits")
    void skewedCoin() {
      // mpmath: -(63/64·log2(63/64) + 1/64·log2(1/64))
      assertRelativelyClose(0.11611507530476972,
          Measures.entropy(new double[] {63.0 / 64, 1.0 / 64}, BITS));
    }

    @Test
    @DisplayName("colah's p has 1.75 bits; in nats and bans by the same rule")
    void units() {
      assertRelativelyClose(1.75, Measures.entropy(P, BITS));
      double[] pr = {0.1, 0.6, 0.2, 0.1};
      assertRelativelyClose(1.0888999753452238, Measures.entropy(pr, NATS)); // mpmath
      assertRelativelyClose(0.4729032506370176, Measures.entropy(pr, BANS)); // mpmath
    }

    @Test
    @DisplayName("the input is not modified")
    void inputUnchanged() {
      double[] p = P.clone();
      Measures.entropy(p, BITS);
      assertArrayEquals(P, p);
    }
  }

  @Nested
  @DisplayName("crossEntropy and klDivergence")
  class CrossEntropyAndDivergence {

    @Test
    @DisplayName("colah's example is asymmetric: H(p,q) = 2.375, H(q,p) = 2.25 bits")
    void colahCrossEntropy() {
      assertRelativelyClose(2.375, Measures.crossEntropy(P, Q, BITS));
      assertRelativelyClose(2.25, Measures.crossEntropy(Q, P, BITS));
    }

    @Test
    @DisplayName("colah's example: KL(p‖q) = 0.625, KL(q‖p) = 0.5 bits")
    void colahDivergence() {
      assertRelativelyClose(0.625, Measures.klDivergence(P, Q, BITS));
      assertRelativelyClose(0.5, Measures.klDivergence(Q, P, BITS));
    }

    @Test
    @DisplayName("a one-hot label against a prediction: both equal −ln 0.6")
    void oneHot() {
      double[] label = {0, 1, 0, 0};
      double[] prediction = {0.1, 0.6, 0.2, 0.1};
      // mpmath: -ln(0.6) for the double 0.6
      assertRelativelyClose(0.5108256237659907, Measures.crossEntropy(label, prediction, NATS));
      assertRelativelyClose(0.5108256237659907, Measures.klDivergence(label, prediction, NATS));
    }

    @Test
    @DisplayName("an outcome that q calls impossible makes both infinite")
    void infinite() {
      double[] p = {0.5, 0.5};
      double[] q = {1, 0};
      assertEquals(Double.POSITIVE_INFINITY, Measures.crossEntropy(p, q, BITS));
      assertEquals(Double.POSITIVE_INFINITY, Measures.klDivergence(p, q, BITS));
      // but q is fine coded with p:
      assertRelativelyClose(1.0, Measures.crossEntropy(q, p, BITS));
      assertRelativelyClose(1.0, Measures.klDivergence(q, p, BITS));
    }

    @Test
    @DisplayName("KL of a distribution with itself is exactly 0")
    void selfDivergenceIsZero() {
      assertEquals(0.0, Measures.klDivergence(P, P, BITS));
      double[] p = {0.1, 0.6, 0.2, 0.1};
      assertEquals(0.0, Measures.klDivergence(p, p, NATS));
    }

    @Test
    @DisplayName("KL of nearby distributions keeps its digits")
    void nearbyDistributions() {
      // mpmath: Σ a ln(a/b), a = (0.5+1e-6, 0.5-1e-6), b = (0.5, 0.5)
      assertRelativelyClose(2.0000555111565647e-12, Measures.klDivergence(
          new double[] {0.5 + 1e-6, 0.5 - 1e-6}, new double[] {0.5, 0.5}, NATS));
      // mpmath: a = (1e-300, 1-1e-300), b = (1e-10, 1-1e-10): terms of very different size
      assertRelativelyClose(1.000000082790371e-10, Measures.klDivergence(
          new double[] {1e-300, 1 - 1e-300}, new double[] {1e-10, 1 - 1e-10}, NATS));
    }

    @Test
    @DisplayName("a negative rounding residue is returned as 0")
    void clampedAtZero() {
      // For these doubles Σq exceeds Σp by ~1e-16, so the exact sum Σ p ln(p/q) is
      // -5.313019880296757e-17 (mpmath); KL of true distributions is never negative.
      assertEquals(0.0, Measures.klDivergence(
          new double[] {0.3, 0.7}, new double[] {0.3 + 1e-9, 0.7 - 1e-9}, NATS));
    }
  }

  @Nested
  @DisplayName("bad distributions")
  class BadInput {

    @Test
    void nullArgument() {
      assertThrowsMessage("p must not be null", () -> Measures.entropy(null, BITS));
      assertThrowsMessage("q must not be null", () -> Measures.klDivergence(P, null, BITS));
    }

    @Test
    void empty() {
      assertThrowsMessage("p must not be empty", () -> Measures.entropy(new double[0], BITS));
    }

    @Test
    void outOfRange() {
      assertThrowsMessage("p[1] (1.5) must be in [0, 1]",
          () -> Measures.entropy(new double[] {0.5, 1.5}, BITS));
    }

    @Test
    void notANumber() {
      assertThrowsMessage("q[0] (NaN) must be in [0, 1]",
          () -> Measures.crossEntropy(P, new double[] {Double.NaN, 0.5, 0.25, 0.25}, BITS));
    }

    @Test
    void doesNotSumToOne() {
      assertThrowsMessage("p must sum to 1 (within 1e-9), but sums to 1.1",
          () -> Measures.entropy(new double[] {0.5, 0.6}, BITS));
    }

    @Test
    void lengthsDiffer() {
      assertThrowsMessage("p and q must have the same length, but have 2 and 3",
          () -> Measures.klDivergence(new double[] {0.5, 0.5}, new double[] {0.5, 0.25, 0.25},
              BITS));
    }

    @Test
    @DisplayName("sums within 1e-9 of 1 are accepted")
    void toleratesRounding() {
      assertRelativelyClose(1.0, Measures.entropy(new double[] {0.5 + 4e-10, 0.5}, BITS), 1e-9);
    }
  }
}
