package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.Chart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References computed with mpmath, mp.dps = 40, with KL(p, q, b) = sum(x*log(x/y, b) for x, y in
 * zip(p, q) if x > 0) and CE as in {@link CrossEntropyTest}.
 */
@DisplayName("Chapter 4: KL divergence")
class KlDivergenceTest {

    private static final double MINUS_LN_06 = 0.5108256237659906832055140963036619348781;      // -log(0.6)
    private static final double MINUS_LOG2_06 = 0.736965594166206166416580485541573667105;     // -log(0.6, 2)

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("D(p||q) = H(p, q) - H(p) = 0.625 bits, D(q||p) = 0.5")
        void definition() {
            close(new double[] {0.625, 0.625, 0.5, 0.5}, KlDivergence.definition());
        }

        @Test
        @DisplayName("a model that rules out a possible outcome is infinitely far")
        void infinite() {
            double[] r = KlDivergence.infinite();
            assertEquals(Double.POSITIVE_INFINITY, r[0]);
            close(1.0, r[1]); // KL([1, 0], [1/2, 1/2])
        }

        @Test
        @DisplayName("with a one-hot label, cross-entropy and KL are both -log 0.6")
        void oneHot() {
            close(new double[] {0.0, MINUS_LN_06, MINUS_LN_06, MINUS_LOG2_06, MINUS_LOG2_06}, KlDivergence.oneHot());
        }

        @Test
        @DisplayName("the seed's label [0, 1, 0, 1] is refused")
        void seedTypo() {
            var e = assertThrows(IllegalArgumentException.class, KlDivergence::seedTypo);
            assertTrue(e.getMessage().contains("sum"), e.getMessage());
        }

        @Test
        @DisplayName("with a soft label, cross-entropy and KL drop by the same amount")
        void softLabels() {
            double[] r = KlDivergence.softLabels();
            // CE(L, [0.3, 0.4, 0.3], e) - CE(L, [0.1, 0.7, 0.2], e) with L = [0.1, 0.8, 0.1]
            close(0.2972848906707107416793849651827737906669, r[0]);
            close(0.2972848906707107416793849651827737906669, r[1]);
            close(0.6390318596501769414166343631847404442199, r[2]); // CE(L, L, e)
        }
    }

    @Nested
    @DisplayName("the charts")
    class Charts {

        @Test
        @DisplayName("each stacked bar is H(p) plus D(p||q), for five models")
        void split() {
            BarChart chart = KlDivergence.klSplitChart();
            assertTrue(chart.stacked());
            close(new double[] {1.75, 1.75, 1.75, 1.75, 1.75}, chart.series().get(0).values());
            close(new double[] {0.25,
                0.01024294526407652963636241466155345415364,   // KL(p, [0.45, 0.3, 0.125, 0.125])
                1.071928094887362267784656834116450249041,     // KL(p, [0.1, 0.1, 0.4, 0.4])
                0.0, 0.625}, chart.series().get(1).values());
        }

        @Test
        @DisplayName("D(p||q) grows without bound at the ends, D(q||p) stays under log2(1/0.3)")
        void bothWays() {
            Chart chart = KlDivergence.klBothWaysChart();
            double[] t = chart.series().get(0).x();
            double[] truthFirst = chart.series().get(0).y();
            double[] modelFirst = chart.series().get(1).y();
            assertEquals(0.001, t[0]);
            close(2.109454777976701440264681029543491336119, truthFirst[0]);   // KL([0.3, 0.7], [0.001, 0.999])
            close(0.5043878075136336422461315970256357313656, modelFirst[0]);  // KL([0.001, 0.999], [0.3, 0.7])
            assertEquals(0.0, truthFirst[299], 1e-15);                          // t = 0.3
            for (int i = 0; i < t.length; i++) {
                assertTrue(modelFirst[i] < 1.736965594166206219807022215790202754792, "bounded at t = " + t[i]);
            }
        }

        @Test
        @DisplayName("the loss of the true class is -ln q in nats and -log2 q in bits")
        void trueClassLoss() {
            Chart chart = KlDivergence.trueClassLossChart();
            close(5.298317366548036656636533319105220067002, chart.series().get(0).y()[0]);  // -log(0.005)
            close(7.643856189774724665708515385713927358196, chart.series().get(1).y()[0]);  // -log(0.005, 2)
            close(MINUS_LN_06, chart.series().get(0).y()[119]);                               // q = 0.6
            assertEquals(0.0, chart.series().get(0).y()[199]);
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("the divergence breaks the triangle inequality: the detour through q is shorter")
        void triangle() {
            double[] r = KlDivergence.exerciseTriangle();
            close(0.2075187496394219092731305280260917456201, r[0]); // KL([1/2, 1/2], [1/4, 3/4])
            close(0.133206219346495211780015221528527794295, r[1]);  // KL([1/4, 3/4], [1/10, 9/10])
            close(0.3407249689859171210531457495546195399151, r[2]); // their sum
            close(0.736965594166206166416580485541573667105, r[3]);  // KL([1/2, 1/2], [1/10, 9/10])
            assertTrue(r[3] > r[2]);
        }

        @Test
        @DisplayName("D(p||u) = log2 4 - H(p) = 0.25 bits")
        void uniform() {
            close(new double[] {0.25, 0.25}, KlDivergence.exerciseUniform());
        }

        @Test
        @DisplayName("D(p||p) = 0 and a small change gives a tiny divergence")
        void self() {
            double[] r = KlDivergence.exerciseSelf();
            close(0.0, r[0]);
            close(0.0004272907381663742643066634380807717491188, r[1]); // KL(p, [0.49, 0.26, 0.125, 0.125])
        }

        @Test
        @DisplayName("fair against 90/10 coin, both ways")
        void coins() {
            double[] r = KlDivergence.exerciseCoins();
            close(0.736965594166206166416580485541573667105, r[0]);  // KL([1/2, 1/2], [0.9, 0.1])
            close(0.5310044064107187787464106696166795399028, r[1]); // KL([0.9, 0.1], [1/2, 1/2])
        }

        @Test
        @DisplayName("the perfect prediction costs 0, a confident one -ln 0.97")
        void perfect() {
            double[] r = KlDivergence.exercisePerfect();
            close(0.0, r[0]);
            close(0.03045920748470854591926128766476670139329, r[1]); // -log(0.97)
        }
    }
}
