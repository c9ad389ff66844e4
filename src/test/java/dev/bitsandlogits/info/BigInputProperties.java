package dev.bitsandlogits.info;

import static dev.bitsandlogits.NumericAssertions.MC;
import static dev.bitsandlogits.NumericAssertions.assertCloseToExact;
import static dev.bitsandlogits.NumericAssertions.big;
import static dev.bitsandlogits.NumericAssertions.ln;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Issue #14: entropy, cross-entropy and KL keep 1e-12 relative accuracy on long vectors and near
 * the KL series threshold. References are BigDecimal sums over the doubles actually passed (see
 * {@link dev.bitsandlogits.NumericAssertions#ln}), never values from the code under test.
 */
@Label("Measures on big inputs")
class BigInputProperties {

  /**
   * A long vector made of a few distinct values, shuffled: {@code counts[i]} copies of pair
   * {@code (p[i], q[i])}. The reference sums distinct values times their counts, so it costs
   * nothing however long the vector.
   */
  record Mixture(double[] p, double[] q, int[] counts, long seed) {
    int length() {
      int n = 0;
      for (int c : counts) {
        n += c;
      }
      return n;
    }

    double[][] expand() {
      int n = length();
      double[] ps = new double[n];
      double[] qs = new double[n];
      int at = 0;
      for (int i = 0; i < counts.length; i++) {
        for (int c = 0; c < counts[i]; c++, at++) {
          ps[at] = p[i];
          qs[at] = q[i];
        }
      }
      Random random = new Random(seed);
      for (int i = n - 1; i > 0; i--) { // Fisher–Yates, the same permutation for p and q
        int j = random.nextInt(i + 1);
        double t = ps[i];
        ps[i] = ps[j];
        ps[j] = t;
        t = qs[i];
        qs[i] = qs[j];
        qs[j] = t;
      }
      return new double[][] {ps, qs};
    }

    @Override
    public String toString() {
      return "Mixture(p=" + java.util.Arrays.toString(p) + ", q=" + java.util.Arrays.toString(q)
          + ", counts=" + java.util.Arrays.toString(counts) + ", seed=" + seed + ")";
    }
  }

  /** −Σ c_i a_i ln b_i over the distinct values (terms with a_i = 0 are 0). */
  private static BigDecimal crossReference(double[] a, double[] b, int[] counts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < counts.length; i++) {
      if (a[i] > 0) {
        sum = sum.subtract(big(a[i]).multiply(ln(b[i])).multiply(BigDecimal.valueOf(counts[i])));
      }
    }
    return sum;
  }

  /** Σ c_i a_i (ln a_i − ln b_i) over the distinct values. */
  private static BigDecimal klReference(double[] a, double[] b, int[] counts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < counts.length; i++) {
      if (a[i] > 0) {
        sum = sum.add(big(a[i]).multiply(ln(a[i]).subtract(ln(b[i])))
            .multiply(BigDecimal.valueOf(counts[i])));
      }
    }
    return sum;
  }

  @Property(tries = 12)
  @Label("entropy of a uniform distribution of 10^5..10^6 entries (1/n inexact)")
  void uniformEntropy(@ForAll @IntRange(min = 100_000, max = 1_000_000) int n) {
    double p = 1.0 / n;
    double[] uniform = new double[n];
    java.util.Arrays.fill(uniform, p);
    BigDecimal exact = big(p).multiply(ln(p)).negate().multiply(BigDecimal.valueOf(n));
    for (Unit unit : Unit.values()) {
      assertCloseToExact(inUnit(exact, unit), Measures.entropy(uniform, unit), "H(1/" + n + ")");
    }
  }

  @Property(tries = 15)
  @Label("entropy, cross-entropy and KL of long shuffled mixtures")
  void longMixtures(@ForAll("mixtures") Mixture m) {
    double[][] pq = m.expand();
    double[] p = pq[0];
    double[] q = pq[1];
    assertCloseToExact(crossReference(m.p(), m.p(), m.counts()),
        Measures.entropy(p, Unit.NATS), "entropy");
    assertCloseToExact(crossReference(m.p(), m.q(), m.counts()),
        Measures.crossEntropy(p, q, Unit.NATS), "crossEntropy");
    assertKl(klReference(m.p(), m.q(), m.counts()), Measures.klDivergence(p, q, Unit.NATS));
  }

  @Property(tries = 250)
  @Label("KL of q = p·(1 + d) for |d| around the series threshold (0.003 .. 0.3)")
  void klNearSeriesThreshold(@ForAll @DoubleRange(min = 1e-3, max = 0.5) @Scale(15) double a,
      @ForAll @DoubleRange(min = 0.003, max = 0.3) @Scale(15) double magnitude, @ForAll boolean negative) {
    double d = negative ? -magnitude : magnitude;
    // Two classes; the second takes what the first leaves (both exactly 1 − the first, Sterbenz).
    double qa = a * (1 + d);
    double[] p = {a, 1 - a};
    double[] q = {qa, 1 - qa};
    BigDecimal exact = klReference(p, q, new int[] {1, 1});
    assertKl(exact, Measures.klDivergence(p, q, Unit.NATS));
    // Many classes near the threshold, one of them absorbing the rest.
    int k = 10;
    double[] pk = new double[k];
    double[] qk = new double[k];
    double restP = 1;
    double restQ = 1;
    Random random = new Random(Double.doubleToLongBits(a) ^ Double.doubleToLongBits(d));
    for (int i = 1; i < k; i++) {
      pk[i] = a / k;
      qk[i] = pk[i] * (1 + d * (0.5 + random.nextDouble()));
      restP -= pk[i];
      restQ -= qk[i];
    }
    pk[0] = restP;
    qk[0] = restQ;
    int[] ones = new int[k];
    java.util.Arrays.fill(ones, 1);
    assertKl(klReference(pk, qk, ones), Measures.klDivergence(pk, qk, Unit.NATS));
  }

  /** KL is documented as clamped at +0.0 where the exact value for the doubles is negative. */
  private static void assertKl(BigDecimal exact, double actual) {
    if (exact.signum() < 0) {
      assertEquals(0.0, actual, "KL whose exact value " + exact.round(MC) + " is negative");
    } else {
      assertCloseToExact(exact, actual, "klDivergence");
    }
  }

  private static BigDecimal inUnit(BigDecimal nats, Unit unit) {
    return switch (unit) {
      case NATS -> nats;
      case BITS -> nats.divide(ln(2.0), MC);
      case BANS -> nats.divide(ln(10.0), MC);
    };
  }

  /**
   * 2..6 distinct (p, q) pairs from honest weights (ordinary, tiny, huge), normalised by their
   * weighted sum, repeated to 10^5..10^6 entries and shuffled.
   */
  @Provide
  Arbitrary<Mixture> mixtures() {
    Arbitrary<Double> weight = Arbitraries.oneOf(
        Arbitraries.doubles().between(1e-3, 1).ofScale(15),
        Arbitraries.of(1e-12, 1e-300, 0.1, 1.0 / 3, 1e6));
    return Arbitraries.integers().between(2, 6).flatMap(k -> Combinators.combine(
        weight.array(double[].class).ofSize(k),
        weight.array(double[].class).ofSize(k),
        Arbitraries.integers().between(1, 300_000).array(int[].class).ofSize(k),
        Arbitraries.longs()).as((a, b, counts, seed) -> {
          double[] p = normalise(a, counts);
          double[] q = normalise(b, counts);
          return new Mixture(p, q, counts, seed);
        })).filter(m -> m.length() >= 100_000);
  }

  private static double[] normalise(double[] weights, int[] counts) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i] * counts[i];
    }
    double[] p = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      p[i] = weights[i] / total;
    }
    return p;
  }
}
