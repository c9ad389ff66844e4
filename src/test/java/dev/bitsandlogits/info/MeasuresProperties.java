package dev.bitsandlogits.info;

import static dev.bitsandlogits.NumericAssertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

@Label("Measures properties")
class MeasuresProperties {

  @Property(tries = 500)
  @Label("Gibbs' inequality: KL(p‖q) ≥ 0, and KL(p‖p) = 0")
  void divergenceIsNonNegative(@ForAll("pairs") Tuple2<double[], double[]> pq) {
    double[] p = pq.get1();
    double[] q = pq.get2();
    assertTrue(Measures.klDivergence(p, q, Unit.NATS) >= 0);
    assertEquals(0.0, Measures.klDivergence(p, p, Unit.NATS));
  }

  /**
   * Normalised doubles sum to 1 only within ~n/2 ulps each, so the exact KL of two such vectors
   * can be negative by up to |Σp − Σq| ≤ 2·8·1.1e-16 for n ≤ 8; klDivergence returns 0 there
   * (documented), and the identity then holds only within that absolute slack.
   */
  private static final double NORMALISATION_SLACK = 2e-15;

  @Property(tries = 500)
  @Label("H(p, q) = H(p) + KL(p‖q)")
  void crossEntropyDecomposes(@ForAll("pairs") Tuple2<double[], double[]> pq) {
    double[] p = pq.get1();
    double[] q = pq.get2();
    for (Unit unit : Unit.values()) {
      double crossEntropy = Measures.crossEntropy(p, q, unit);
      double sum = Measures.entropy(p, unit) + Measures.klDivergence(p, q, unit);
      if (Math.abs(crossEntropy - sum) > NORMALISATION_SLACK) {
        assertRelativelyClose(crossEntropy, sum);
      }
    }
  }

  @Provide
  Arbitrary<Tuple2<double[], double[]>> pairs() {
    return Arbitraries.integers().between(1, 8).flatMap(n ->
        Combinators.combine(distribution(n), distribution(n)).as(Tuple::of));
  }

  /**
   * Distributions of length n with honest edge cases: zeros, 1e-300, near one-hot (one weight
   * 1e6 times the others) and ordinary weights, normalised by their sum.
   */
  static Arbitrary<double[]> distribution(int n) {
    Arbitrary<Double> weight = Arbitraries.oneOf(
        Arbitraries.of(0.0, 1e-300, 1e-17, 1e6),
        Arbitraries.doubles().between(0, 1));
    return weight.list().ofSize(n)
        .filter(ws -> ws.stream().mapToDouble(Double::doubleValue).sum() > 0)
        .map(MeasuresProperties::normalise);
  }

  private static double[] normalise(List<Double> weights) {
    double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
    return weights.stream().mapToDouble(w -> w / sum).toArray();
  }
}
