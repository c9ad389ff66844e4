package dev.bitsandlogits.listings;

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
}
