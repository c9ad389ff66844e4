package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import static dev.bitsandlogits.listings.Expect.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * References computed with mpmath, mp.dps = 40, with sig(x) = 1/(1 + exp(-x)) and
 * sm(z) = [exp(x)/sum(exp(y) for y in z) for x in z]. Training runs were repeated in mpmath
 * with eta = mpf(0.15) (the double nearest 0.15) for 300 epochs.
 */
@DisplayName("Chapter 6: gradients")
class BackpropTest {

    /**
     * A central difference with h = 1e-5 has truncation error ~h²·L'''/6 ≈ 1e-11 and rounding
     * error ~1e-16/h ≈ 1e-11: agreement to 1e-9 absolute is what the method can promise.
     */
    private static final double FINITE_DIFFERENCE_TOL = 1e-9;

    private static final double[] SOFTMAX_GRAD = {
        -0.7346120712277580696662269298619101257908, // sm([2,-1,3])[0] - 1
        0.01321288695378941539525661445797893276343, // sm([2,-1,3])[1]
        0.7213991842739686542709703154039311930274}; // sm([2,-1,3])[2]

    @Nested
    @DisplayName("the listings")
    class Listings {

        @Test
        @DisplayName("the softmax cross-entropy gradient is softmax(z) - y")
        void softmaxGradient() {
            double[][] r = Backprop.softmaxGradient();
            close(SOFTMAX_GRAD, r[0]);
            close(SOFTMAX_GRAD, r[1]);
        }

        @Test
        @DisplayName("central differences agree with the analytic gradient")
        void finiteDifference() {
            double[][] r = Backprop.softmaxFiniteDifference();
            close(SOFTMAX_GRAD, r[0]);
            for (int j = 0; j < 3; j++) {
                assertEquals(SOFTMAX_GRAD[j], r[1][j], FINITE_DIFFERENCE_TOL);
            }
            assertTrue(r[2][0] < FINITE_DIFFERENCE_TOL, "largest error " + r[2][0]);
        }

        @Test
        @DisplayName("the sigmoid cross-entropy gradient is sigma(x) - t")
        void sigmoidGradient() {
            double expected = -0.3318122278318338934692116703701277045131; // sig(0.7) - 1
            double[] r = Backprop.sigmoidFiniteDifference();
            close(expected, r[0]);
            assertEquals(expected, r[1], FINITE_DIFFERENCE_TOL);
            close(expected, r[2]);
        }

        @Test
        @DisplayName("one step of logistic regression by hand")
        void logisticRegression() {
            close(new double[] {
                0.85,                                        // 0.5*2 - 0.25*1 + 0.1
                0.7005671424739729501014877700360895326765,  // sig(0.85)
                0.3558650684421958434178801554739572411985,  // log1p(exp(-0.85))
                -0.598865715052054099797024459927820934647,  // (sig(0.85) - 1)*2
                -0.2994328575260270498985122299639104673235, // (sig(0.85) - 1)*1
                -0.2994328575260270498985122299639104673235, // sig(0.85) - 1
                0.1604762246363753621245377562524370240545}, // log1p(exp(-zAfter)), zAfter = 1.748298572578081...
                    Backprop.logisticRegression());
        }

        @Test
        @DisplayName("at w = b = 2 the quadratic gradient is 1/sigma'(4) times smaller")
        void slowdownStart() {
            close(new double[] {
                0.9820137900379084419732068620504615751275,   // sig(4)
                0.01766270621329111642156191396526369807802,  // sig(4)*(1 - sig(4))
                0.01734502107084012328404559944452968152406,  // sig(4)**2*(1 - sig(4))
                0.9820137900379084419732068620504615751275,   // sig(4)
                56.61646567203297325840397922413411964503},   // 1/(sig(4)*(1 - sig(4)))
                    Backprop.slowdownStart());
        }

        @Test
        @DisplayName("300 epochs of the quadratic cost leave the output near 0.2")
        void trainQuadratic() {
            double[] r = Backprop.trainQuadratic();
            close(-0.6842929109520064320776934943059928918726627, r[0]);
            close(-0.6842929109520064320776934943059928918726627, r[1]);
            close(0.2028484242677766568417787611861180543668684, r[2]);
        }

        @Test
        @DisplayName("300 epochs of cross-entropy bring the output near 0.01")
        void trainCrossEntropy() {
            double[] r = Backprop.trainCrossEntropy();
            close(-2.20501950310028297464223258721810933135063, r[0]);
            close(-2.20501950310028297464223258721810933135063, r[1]);
            close(0.0120087415108175117333269927016247513703901, r[2]);
        }
    }

    @Nested
    @DisplayName("the learning-slowdown charts")
    class Charts {

        @Test
        @DisplayName("record the same runs as the listings, epoch by epoch")
        void sameRunsAsListings() {
            double[][] quadratic = Backprop.trainNeuron(Backprop.Cost.QUADRATIC, 300);
            double[][] crossEntropy = Backprop.trainNeuron(Backprop.Cost.CROSS_ENTROPY, 300);
            assertEquals(301, quadratic[0].length);
            close(0.9820137900379084419732068620504615751275, quadratic[1][0]);  // sig(4)
            close(0.4821755419123086627758224740425989385247, quadratic[0][0], "quadratic cost at epoch 0"); // sig(4)**2/2
            close(4.018149927917809740354983318287753884762, crossEntropy[0][0], "cross-entropy cost at epoch 0"); // 4 + log1p(exp(-4))
            close(0.2028484242677766568417787611861180543668684, quadratic[1][300]);
            close(0.0120087415108175117333269927016247513703901, crossEntropy[1][300]);
        }

        @Test
        @DisplayName("the quadratic neuron is still above 0.9 after 150 epochs, as the prose says")
        void plateau() {
            double[][] quadratic = Backprop.trainNeuron(Backprop.Cost.QUADRATIC, 300);
            assertTrue(quadratic[1][150] > 0.9, "output at epoch 150: " + quadratic[1][150]);
            double[][] crossEntropy = Backprop.trainNeuron(Backprop.Cost.CROSS_ENTROPY, 300);
            assertTrue(crossEntropy[1][50] < 0.1, "output at epoch 50: " + crossEntropy[1][50]);
        }

        @Test
        @DisplayName("have two series of 301 points each")
        void shape() {
            for (Chart chart : new Chart[] {Backprop.learningSlowdownCostChart(), Backprop.slowdownMildStartChart(),
                Backprop.slowdownSaturatedStartChart()}) {
                assertEquals(2, chart.series().size());
                assertEquals(301, chart.series().get(0).x().length);
                assertEquals(301, chart.series().get(1).y().length);
            }
        }
    }

    @Nested
    @DisplayName("the exercise answers")
    class Exercises {

        @Test
        @DisplayName("the gradient's entries sum to 0")
        void gradientSum() {
            assertEquals(0.0, Backprop.exerciseGradientSum(), 1e-15); // exact 0; a few roundings of ~1 allowed
        }

        @Test
        @DisplayName("sigma' is 1/4 at 0 and tiny at 10")
        void sigmoidSlope() {
            close(new double[] {
                0.25,
                0.01766270621329111642156191396526369807802,     // sig(4)*sig(-4)
                0.00004539580773595167103244204317133709513437}, // sig(10)*sig(-10)
                    Backprop.exerciseSigmoidSlope());
        }

        @Test
        @DisplayName("a confidently wrong prediction gets the larger push")
        void confidentlyWrong() {
            close(new double[] {
                -0.6224593312018545646389005657455084787533,  // sm([0, 0.5])[0] - 1
                -0.9996646498695335218961216721708624810027}, // sm([0, 8])[0] - 1
                    Backprop.exerciseConfidentlyWrong());
        }
    }

    /** References from src/test/refs/chapters5to8.py (mpmath, 40 digits). */
    @Nested
    @DisplayName("the second edition's listings")
    class SecondEdition {

        private static final double[][] JACOBIAN = {
            {0.1949571760342213741254147, -0.003506540701767950026554719, -0.19145063533245342409886},
            {-0.003506540701767950026554719, 0.01303830657213579685829402, -0.009531765870367846831739306},
            {-0.19145063533245342409886, -0.009531765870367846831739306, 0.2009824012028212709305993}};

        @Test
        @DisplayName("the softmax Jacobian is q_i(d_ij - q_j), and its first column matches central differences")
        void jacobian() {
            double[][] r = Backprop.softmaxJacobian();
            for (int i = 0; i < 3; i++) {
                close(JACOBIAN[i], r[i]);
                assertEquals(JACOBIAN[i][0], r[3][i], FINITE_DIFFERENCE_TOL, "numeric column 0, row " + i);
            }
            double[][] numeric = Backprop.numericSoftmaxJacobian(new double[] {2.0, -1.0, 3.0}, 1e-5);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(JACOBIAN[i][j], numeric[i][j], FINITE_DIFFERENCE_TOL, "numeric [" + i + "][" + j + "]");
                }
            }
        }

        @Test
        @DisplayName("the chain rule through the Jacobian gives q - y")
        void chainRule() {
            double[][] r = Backprop.chainRule();
            close(SOFTMAX_GRAD, r[0]);
            close(SOFTMAX_GRAD, r[1]);
        }

        @Test
        @DisplayName("a Gaussian's negative log-likelihood is the quadratic cost plus ln(2 pi)/2, its slope z - y")
        void gaussian() {
            double[] r = Backprop.gaussian();
            close(1.20018853320467274178033, r[0]);       // 0.75^2/2 + ln(2 pi)/2
            close(0.28125, r[1]);                         // 0.75^2/2, exact
            close(0.9189385332046727417803297, r[2]);     // ln(2 pi)/2
            assertEquals(-0.75, r[3], FINITE_DIFFERENCE_TOL);
            assertEquals(-0.75, r[4]);
        }

        @Test
        @DisplayName("Nielsen's two starts: slopes sigma'(1.5) and sigma'(4), almost ten times apart")
        void twoStarts() {
            close(new double[] {0.1491464520703328565015334, 0.01766270621329111642156191,
                0.8175744761936436596072172, 0.9820137900379084419732068620504615751275}, Backprop.twoStarts());
        }

        @Test
        @DisplayName("from the mild start both costs learn at once, as the chart's text says")
        void mildStart() {
            double[] quadratic = Backprop.trainNeuron(Backprop.Cost.QUADRATIC, 300, 0.6, 0.9)[1];
            double[] crossEntropy = Backprop.trainNeuron(Backprop.Cost.CROSS_ENTROPY, 300, 0.6, 0.9)[1];
            close(0.8175744761936436596072172, quadratic[0]);   // sig(1.5)
            assertTrue(quadratic[25] < 0.7, "no plateau: " + quadratic[25]);
            assertEquals(0.2, quadratic[100], 0.02);
            assertTrue(quadratic[300] < 0.1, "quadratic at 300: " + quadratic[300]);
            assertTrue(crossEntropy[50] < 0.1, "cross-entropy at 50: " + crossEntropy[50]);
        }

        @Test
        @DisplayName("the gradient of the pos_weight loss is (1 + (b - 1)y) sigma(z) - b y")
        void posWeightGradient() {
            double[] r = Backprop.exercisePosWeightGradient();
            close(-1.276672449565023046685884, r[0]);     // 3 (sig(0.3) - 1)
            assertEquals(-1.276672449565023046685884, r[1], FINITE_DIFFERENCE_TOL);
            close(0.5744425168116589844380388, r[2]);     // sig(0.3)
            assertEquals(0.5744425168116589844380388, r[3], FINITE_DIFFERENCE_TOL);
        }

        @Test
        @DisplayName("every column of the softmax Jacobian sums to 0")
        void jacobianColumns() {
            for (double sum : Backprop.exerciseJacobianColumns()) {
                assertEquals(0.0, sum, FINITE_DIFFERENCE_TOL);
            }
        }
    }
}

