package dev.bitsandlogits.info;

import static dev.bitsandlogits.NumericAssertions.assertCloseToExact;
import static dev.bitsandlogits.NumericAssertions.assertThrowsMessage;
import static dev.bitsandlogits.NumericAssertions.big;
import static dev.bitsandlogits.NumericAssertions.ln;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #14: the probability-sum check sums exactly enough not to reject a true distribution. */
@DisplayName("the sum check on long vectors")
class SumCheckTest {

  /**
   * {@code [1 − N·t, t, t, …]} with {@code t = 2^−54 − 2^−60}: the exact sum is 1 (every value,
   * and 1 − N·t, is exact for N a multiple of 2^7), but each {@code t} is just under half an ulp
   * of the running sum, so naive left-to-right summation drops every one of them and ends
   * {@code N·t ≈ 1.12e-9} short of 1 — outside the 1e-9 tolerance.
   */
  @Test
  @DisplayName("20 million entries whose exact sum is 1 are accepted, and their entropy is right")
  void exactSumOneIsAccepted() {
    int n = 20_480_000; // 2^7 · 160000
    double t = 0x1p-54 - 0x1p-60;
    double head = 1 - n * t;
    assertEquals(big(head).add(big(t).multiply(BigDecimal.valueOf(n))), BigDecimal.ONE.setScale(
        big(head).add(big(t).multiply(BigDecimal.valueOf(n))).scale()), "the exact sum is 1");
    double[] p = new double[n + 1];
    Arrays.fill(p, t);
    p[0] = head;
    BigDecimal exact = big(head).multiply(ln(head)).add(
        big(t).multiply(ln(t)).multiply(BigDecimal.valueOf(n))).negate();
    assertCloseToExact(exact, Measures.entropy(p, Unit.NATS), "entropy");
  }

  @Test
  @DisplayName("a long vector whose exact sum is 1 + 2e-9 is still rejected")
  void wrongSumIsRejected() {
    int n = 1_000_000;
    double[] p = new double[n];
    Arrays.fill(p, 1.0 / n);
    p[0] += 2e-9;
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Measures.entropy(p, Unit.NATS));
    assertEquals(true, e.getMessage().startsWith("p must sum to 1 (within 1e-9), but sums to 1.000000002"),
        e.getMessage());
  }

  @Test
  @DisplayName("the message still names the vector and its sum")
  void message() {
    assertThrowsMessage("p must sum to 1 (within 1e-9), but sums to 0.75",
        () -> Measures.entropy(new double[] {0.5, 0.25}, Unit.NATS));
  }
}
