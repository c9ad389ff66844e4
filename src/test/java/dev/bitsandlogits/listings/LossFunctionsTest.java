package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References computed with mpmath, mp.dps = 40, with lse(z) = log(sum(exp(x) for x in z)),
 * sig(x) = 1/(1 + exp(-x)); TensorFlow's documented float32 outputs are checked as well, at a
 * float32 tolerance.
 */
@DisplayName("Chapter 5: cross-entropy losses")
class LossFunctionsTest {

    /** TensorFlow prints float32 results: about 7 significant digits. */
    private static final double FLOAT32_TOL = 1e-6;

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("softmax of (2, -1, 3) sums to 1")
        void softmax() {
            close(new double[] {
                0.2653879287722419303337730701380898742091801,  // exp(2)/(exp(2)+exp(-1)+exp(3))
                0.01321288695378941539525661445797893276343367, // exp(-1)/(...)
                0.7213991842739686542709703154039311930273785,  // exp(3)/(...)
                1.0}, LossFunctions.softmax());
        }

        @Test
        @DisplayName("softmax cross-entropy matches tf.nn.softmax_cross_entropy_with_logits' documented example")
        void softmaxCrossEntropy() {
            double[] r = LossFunctions.softmaxCrossEntropy();
            close(0.1698460195562856487789881432263778294793, r[0]); // lse([4,2,1]) - 4
            close(0.8247448901388226502073777759080918252449, r[1]); // 0.8*(lse([0,5,1])-5) + 0.2*(lse([0,5,1])-1)
            // tensorflow.org/api_docs/python/tf/nn/softmax_cross_entropy_with_logits: [0.16984604, 0.82474494]
            assertEquals(0.16984604, r[0], FLOAT32_TOL);
            assertEquals(0.82474494, r[1], FLOAT32_TOL);
        }

        @Test
        @DisplayName("-sum y log softmax by hand equals the library")
        void byHand() {
            close(new double[] {0.8247448901388226502073777759080918252449, 0.8247448901388226502073777759080918252449},
                    LossFunctions.softmaxCrossEntropyByHand());
        }

        @Test
        @DisplayName("sparse cross-entropy matches tf.nn.sparse_softmax_cross_entropy_with_logits' documented example")
        void sparse() {
            double[] r = LossFunctions.sparse();
            close(0.2975074972621622345896970536581260890157, r[0]); // lse([2,-5,0.5,-0.1]) - 2
            close(1.144832549839457769165844141176723645782, r[1]);  // lse([0,0,1.9,1.4]) - 1.4
            close(4.151689580210212591946044370937254056209e-87, r[2]); // log1p(3*exp(-200))
            // tensorflow.org/api_docs/python/tf/nn/sparse_softmax_cross_entropy_with_logits: [0.29750752, 1.1448325, 0.]
            assertEquals(0.29750752, r[0], FLOAT32_TOL);
            assertEquals(1.1448325, r[1], FLOAT32_TOL);
        }

        @Test
        @DisplayName("sigmoid cross-entropy is one binary problem per output")
        void multiLabel() {
            close(new double[] {
                0.1269280110429724964437268063583044314343, // -log(sig(2))
                1.313261687518222834048995494967855641915,  // -log(sig(-1))
                0.9740769841801066808729973550811707497556, // -log(1 - sig(0.5))
                1.313261687518222834048995494967855641915,
                0.9740769841801066808729973550811707497556}, LossFunctions.multiLabel());
        }

        @Test
        @DisplayName("binary cross-entropy of three predictions")
        void binary() {
            close(new double[] {
                0.1053605156578263012275009808393127983061, // -log(0.9)
                0.2231435513142097557662950903098345033746, // -log(0.8)
                1.203972804325935992622746217761838502954,  // -log(0.3)
                0.5108256237659906832055140963036619348781}, LossFunctions.binary()); // their mean
        }

        @Test
        @DisplayName("the naive log-softmax at (1000, 0, -1000) gives NaN and -infinity")
        void naive() {
            double[] r = LossFunctions.naive();
            assertEquals(Double.POSITIVE_INFINITY, r[0]);
            assertTrue(Double.isNaN(r[1]));
            assertEquals(Double.NEGATIVE_INFINITY, r[2]);
        }

        @Test
        @DisplayName("log-sum-exp gives the exact values at (1000, 0, -1000)")
        void stable() {
            // lse = 1000 + log1p(exp(-1000) + exp(-2000)), which rounds to 1000
            close(new double[] {1000.0, 0.0, -2000.0, 2000.0}, LossFunctions.stable());
        }

        @Test
        @DisplayName("the stable sigmoid form gives 800 where the naive one gives infinity")
        void stableSigmoid() {
            double[] r = LossFunctions.stableSigmoid();
            assertEquals(Double.POSITIVE_INFINITY, r[0]);
            close(800.0, r[1]); // 800 + log1p(exp(-800))
            close(800.0, r[2]);
        }

        @Test
        @DisplayName("the negative log-likelihood is the summed cross-entropy")
        void likelihood() {
            close(new double[] {
                0.4823246904477291056265041729102783040612,  // prod of softmax(z_n)[y_n]
                0.7291377600851913817112175470956182738333,  // -log of it
                0.7291377600851913817112175470956182738333}, LossFunctions.likelihood());
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        private static final double LOSS_2_OF_2_M1_3 = 0.3265626412674704583687830730138757252213; // lse([2,-1,3]) - 3

        @Test
        @DisplayName("sparse labels and one-hot rows give the same losses")
        void sparseIsOneHot() {
            double second = 0.464368784107944841620106056253531495843; // lse([1,0,-0.5]) - 1
            close(new double[] {LOSS_2_OF_2_M1_3, second, LOSS_2_OF_2_M1_3, second}, LossFunctions.exerciseSparseIsOneHot());
        }

        @Test
        @DisplayName("shifting every logit by 100 changes nothing")
        void shift() {
            close(new double[] {LOSS_2_OF_2_M1_3, LOSS_2_OF_2_M1_3}, LossFunctions.exerciseShift());
        }

        @Test
        @DisplayName("sigmoid cross-entropy is two-class softmax cross-entropy")
        void sigmoidIsTwoClassSoftmax() {
            double expected = 0.2014132779827524094994828090570911052544; // log1p(exp(-1.5))
            close(new double[] {expected, expected}, LossFunctions.exerciseSigmoidIsTwoClassSoftmax());
        }
    }

    /** References from src/test/refs/chapters5to8.py (mpmath, 40 digits). */
    @Nested
    @DisplayName("the second edition's listings")
    class SecondEdition {

        @Test
        @DisplayName("sigmoid cross-entropy: L2 divides by m, the libraries' mean by m*C")
        void sigmoidReductions() {
            close(new double[] {3.174151142792799119896861, 1.587075571396399559948431, 0.5290251904654665199828102},
                    LossFunctions.sigmoidReductions());
        }

        @Test
        @DisplayName("pos_weight 3 triples the positive's loss and leaves the negative's alone")
        void posWeight() {
            close(new double[] {
                1.313261687518222834048995,   // softplus(1): the positive at logit -1
                0.3132616875182228340489955,  // softplus(-1): the negative
                3.939785062554668502146986,   // 3 softplus(1)
                0.3132616875182228340489955,
                3.0, 0.25, 0.5}, LossFunctions.posWeight());
        }

        @Test
        @DisplayName("the best constant logit is 0 with pos_weight 3 and ln(1/3) without")
        void posWeightBest() {
            double[] r = LossFunctions.exercisePosWeightBest();
            close(415.8883083359671856503393, r[0]);         // 600 ln 2
            close(415.8958083047173939824038, r[1]);         // T(-0.01, 3)
            close(415.8958083047173939824038, r[2]);         // T(0.01, 3)
            close(-1.098612288668109691395245, r[3]);        // ln(1/3)
            close(224.9340578475233401152121, r[4]);         // 100 ln 4 + 300 ln(4/3)
            assertTrue(r[5] > r[4] && r[6] > r[4], "a minimum at ln(1/3)");
        }

        @Test
        @DisplayName("a product of halves underflows after 1075 factors; the log-likelihood is 1075 ln 2")
        void likelihoodUnderflow() {
            // 2^-1074 is the smallest positive double (IEEE 754 binary64); half of it rounds to 0
            close(new double[] {1075, 0.0, 745.1332191019412076235245}, LossFunctions.exerciseLikelihoodUnderflow());
        }
    }

    @Nested
    @DisplayName("the charts")
    class Charts {

        @Test
        @DisplayName("sigmoid: 1/2 at 0, its slope peaks there at 1/4 and is below 0.007 beyond |z| = 5")
        void sigmoid() {
            Chart chart = LossFunctions.sigmoidCurveChart();
            double[] z = chart.series().get(0).x();
            double[] sigma = chart.series().get(0).y();
            double[] slope = chart.series().get(1).y();
            int zero = z.length / 2;
            assertEquals(0.0, z[zero]);
            assertEquals(0.5, sigma[zero]);
            assertEquals(0.25, slope[zero]);
            for (int i = 0; i < z.length; i++) {
                assertTrue(slope[i] <= 0.25);
                if (Math.abs(z[i]) >= 5) {
                    assertTrue(slope[i] < 0.007, "slope at " + z[i]);   // sig(5) sig(-5) = 0.00665
                }
            }
        }

        @Test
        @DisplayName("softmax of (t, 1, 0): the three add to 1, class 1 : class 2 stays e : 1, classes 0 and 1 cross at t = 1")
        void softmax() {
            Chart chart = LossFunctions.softmaxCurvesChart();
            double[] t = chart.series().get(0).x();
            for (int i = 0; i < t.length; i++) {
                double q0 = chart.series().get(0).y()[i];
                double q1 = chart.series().get(1).y()[i];
                double q2 = chart.series().get(2).y()[i];
                assertEquals(1.0, q0 + q1 + q2, 1e-15);
                close(Math.E, q1 / q2, "ratio at t = " + t[i]);
                assertEquals(Math.signum(t[i] - 1), Math.signum(q0 - q1), 1e-12, "crossing at t = " + t[i]);
            }
        }

        @Test
        @DisplayName("naive vs stable: equal where the naive one is finite, which stops at 709.78 = ln(Double.MAX_VALUE); the clamped one is min(loss, 100)")
        void naiveVsStable() {
            Chart chart = LossFunctions.naiveVsStableLossChart();
            double[] t = chart.series().get(0).x();
            double[] naive = chart.series().get(0).y();
            double[] stable = chart.series().get(1).y();
            double[] clamped = chart.series().get(2).y();
            double overflow = Math.log(Double.MAX_VALUE);   // 709.782712893384
            for (int i = 0; i < t.length; i++) {
                double exact = t[i] + Math.log1p(Math.exp(-t[i]));   // softplus(t), exact for t >= 0
                close(exact, stable[i], "stable at " + t[i]);
                if (t[i] < overflow) {
                    assertEquals(exact, naive[i], 1e-12 * Math.max(1, exact), "naive at " + t[i]);
                } else {
                    assertTrue(Double.isNaN(naive[i]), "naive at " + t[i] + " is drawn as a gap");
                }
                // PyTorch's binary_cross_entropy clamps log at -100 (torch.nn.BCELoss documentation)
                assertEquals(Math.min(exact, 100), clamped[i], 1e-12 * Math.max(1, exact), "clamped at " + t[i]);
            }
            assertEquals(1000.0, stable[t.length - 1]);
        }
    }
}

