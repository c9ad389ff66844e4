package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import java.util.List;

import dev.bitsandlogits.listings.LossFunctions;
import dev.bitsandlogits.loss.Losses;
import dev.bitsandlogits.loss.Softmax;

/**
 * Chapter 5, cross-entropy losses. Each tagged region is shown on the page and executed at build
 * time; the methods return the region's results so that tests can check them.
 */
public final class LossFunctions {

    private LossFunctions() {
    }

    /** Returns the softmax of (2, −1, 3). */
    static double[] softmax() {
        // tag::loss-softmax[]
        double[] logits = {2.0, -1.0, 3.0};
        double[] probabilities = Softmax.softmax(logits);
        double total = probabilities[0] + probabilities[1] + probabilities[2];
        // end::loss-softmax[]
        return new double[] {probabilities[0], probabilities[1], probabilities[2], total};
    }

    /** Returns the per-example softmax cross-entropy of TensorFlow's documented example. */
    static double[] softmaxCrossEntropy() {
        // tag::loss-softmax-ce[]
        double[][] logits = {{4.0, 2.0, 1.0}, {0.0, 5.0, 1.0}};
        double[][] labels = {{1.0, 0.0, 0.0}, {0.0, 0.8, 0.2}};  // the second label is soft
        double[] losses = Losses.softmaxCrossEntropyWithLogits(labels, logits);
        // end::loss-softmax-ce[]
        return losses;
    }

    /** Returns {library loss of row 1, the same by the formula −Σ y log softmax}. */
    static double[] softmaxCrossEntropyByHand() {
        // tag::loss-softmax-ce-by-hand[]
        double[] z = {0.0, 5.0, 1.0};
        double[] y = {0.0, 0.8, 0.2};
        double[] logQ = Softmax.logSoftmax(z);
        double byHand = -(y[0] * logQ[0] + y[1] * logQ[1] + y[2] * logQ[2]);
        double library = Losses.softmaxCrossEntropyWithLogits(new double[][] {y}, new double[][] {z})[0];
        // end::loss-softmax-ce-by-hand[]
        return new double[] {byHand, library};
    }

    /** Returns the per-example sparse softmax cross-entropy of TensorFlow's documented example. */
    static double[] sparse() {
        // tag::loss-sparse-ce[]
        double[][] logits = {{2.0, -5.0, 0.5, -0.1}, {0.0, 0.0, 1.9, 1.4}, {-100.0, 100.0, -100.0, -100.0}};
        int[] labels = {0, 3, 1};                    // class indices instead of one-hot rows
        double[] losses = Losses.sparseSoftmaxCrossEntropyWithLogits(labels, logits);
        // end::loss-sparse-ce[]
        return losses;
    }

    /** Returns the element-wise sigmoid cross-entropy of a three-label example, and one term by hand. */
    static double[] multiLabel() {
        // tag::loss-sigmoid-ce[]
        double[][] logits = {{2.0, -1.0, 0.5}};      // one image; outputs: cat, dog, car
        double[][] labels = {{1.0, 1.0, 0.0}};       // a cat and a dog, no car
        double[] losses = Losses.sigmoidCrossEntropyWithLogits(labels, logits)[0];
        double dogByHand = -Math.log(Softmax.sigmoid(-1.0));   // label 1: −ln σ(z)
        double carByHand = -Math.log(1 - Softmax.sigmoid(0.5)); // label 0: −ln(1 − σ(z))
        // end::loss-sigmoid-ce[]
        return new double[] {losses[0], losses[1], losses[2], dogByHand, carByHand};
    }

    /** Returns binary cross-entropy of three predictions of a one-output model. */
    static double[] binary() {
        // tag::loss-binary-ce[]
        double[] labels = {1.0, 0.0, 1.0};
        double[] probabilities = {0.9, 0.2, 0.3};    // the model's P(y = 1) for each example
        double[] losses = Losses.binaryCrossEntropy(labels, probabilities);
        double mean = (losses[0] + losses[1] + losses[2]) / 3;
        // end::loss-binary-ce[]
        return new double[] {losses[0], losses[1], losses[2], mean};
    }

    /** Returns the naive {log softmax_0, log softmax_2} at logits (1000, 0, −1000): {NaN, −∞}. */
    static double[] naive() {
        // tag::loss-naive-log-softmax[]
        double[] z = {1000.0, 0.0, -1000.0};
        double sum = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);   // exp(1000) overflows
        double logP0 = Math.log(Math.exp(z[0]) / sum);                   // ∞ / ∞
        double logP2 = Math.log(Math.exp(z[2]) / sum);                   // ln(0 / ∞)
        // end::loss-naive-log-softmax[]
        return new double[] {sum, logP0, logP2};
    }

    /** Returns {logSumExp, logSoftmax_0, logSoftmax_2, loss of class 2} at logits (1000, 0, −1000). */
    static double[] stable() {
        // tag::loss-stable-log-softmax[]
        double[] z = {1000.0, 0.0, -1000.0};
        double logNormalizer = Softmax.logSumExp(z);      // M + ln Σ_j exp(z_j − M), M = max z
        double logP0 = Softmax.logSoftmax(z)[0];
        double logP2 = Softmax.logSoftmax(z)[2];
        double lossIfClass2 = Losses.sparseSoftmaxCrossEntropyWithLogits(
                new int[] {2}, new double[][] {z})[0];
        // end::loss-stable-log-softmax[]
        return new double[] {logNormalizer, logP0, logP2, lossIfClass2};
    }

    /** Returns {naive loss, stable formula by hand, library} for logit −800 and label 1. */
    static double[] stableSigmoid() {
        // tag::loss-stable-sigmoid[]
        double z = -800.0;                           // a logit, confidently wrong
        double y = 1.0;                              // the label
        double naive = -Math.log(Softmax.sigmoid(z));  // σ(-800) underflows to 0
        double stable = Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
        double library = Losses.sigmoidCrossEntropyWithLogits(
                new double[][] {{y}}, new double[][] {{z}})[0][0];
        // end::loss-stable-sigmoid[]
        return new double[] {naive, stable, library};
    }

    /** Returns {Σ of all m·C terms, divided by m (form (2) as written), divided by m·C (PyTorch, Keras)}. */
    static double[] sigmoidReductions() {
        // tag::loss-sigmoid-mean[]
        double[][] logits = {{2.0, -1.0, 0.5}, {-3.0, 0.0, 4.0}};   // m = 2 images, C = 3 labels
        double[][] labels = {{1.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
        double[][] perLabel = Losses.sigmoidCrossEntropyWithLogits(labels, logits);
        double total = 0;
        for (double[] row : perLabel) {
            for (double loss : row) {
                total += loss;
            }
        }
        double perExample = total / 2;               // form (2) as written: divide by m
        double perElement = total / (2 * 3);         // BCEWithLogitsLoss, BinaryCrossentropy: divide by m·C
        // end::loss-sigmoid-mean[]
        return new double[] {total, perExample, perElement};
    }

    /** Returns {plain loss of a positive, of a negative, weighted loss of a positive, of a negative, pos_weight}. */
    static double[] posWeight() {
        // tag::loss-pos-weight[]
        double positives = 100, negatives = 300;     // one tag, present in a quarter of the images
        double posWeight = negatives / positives;    // PyTorch's advice: 300/100 = 3
        double[][] labels = {{1.0, 0.0}};            // a positive and a negative example
        double[][] logits = {{-1.0, -1.0}};          // the same logit for both
        double[] plain = Losses.sigmoidCrossEntropyWithLogits(labels, logits)[0];
        double[] weighted = Losses.weightedCrossEntropyWithLogits(labels, logits, posWeight)[0];
        double bestPlain = positives / (positives + negatives);                       // best constant σ(z)
        double bestWeighted = posWeight * positives / (posWeight * positives + negatives);
        // end::loss-pos-weight[]
        return new double[] {plain[0], plain[1], weighted[0], weighted[1], posWeight, bestPlain, bestWeighted};
    }

    /** Total loss over the data set of {@link #posWeight} for a constant logit z. */
    public static double constantLogitLoss(double z, double posWeight) {
        double[][] loss = Losses.weightedCrossEntropyWithLogits(new double[][] {{1.0, 0.0}}, new double[][] {{z, z}}, posWeight);
        return 100 * loss[0][0] + 300 * loss[0][1];
    }

    /** Returns {likelihood, −log likelihood, Σ per-example losses} for three examples. */
    static double[] likelihood() {
        // tag::loss-likelihood[]
        double[][] logits = {{2.0, 0.0, -1.0}, {0.5, 1.5, 0.0}, {0.0, 0.0, 3.0}};
        int[] labels = {0, 1, 2};
        // the probability the model gives the correct class, multiplied over the examples
        double likelihood = Softmax.softmax(logits[0])[0] * Softmax.softmax(logits[1])[1] *
                Softmax.softmax(logits[2])[2];
        double negativeLogLikelihood = -Math.log(likelihood);
        double[] losses = Losses.sparseSoftmaxCrossEntropyWithLogits(labels, logits);
        double totalLoss = losses[0] + losses[1] + losses[2];
        // end::loss-likelihood[]
        return new double[] {likelihood, negativeLogLikelihood, totalLoss};
    }

    /** Exercise: sparse labels give the same losses as one-hot rows. */
    static double[] exerciseSparseIsOneHot() {
        // tag::ex-loss-sparse-is-one-hot[]
        double[][] logits = {{2.0, -1.0, 3.0}, {1.0, 0.0, -0.5}};
        double[] sparse = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {2, 0}, logits);
        double[] dense = Losses.softmaxCrossEntropyWithLogits(
                new double[][] {{0, 0, 1}, {1, 0, 0}}, logits);
        // end::ex-loss-sparse-is-one-hot[]
        return new double[] {sparse[0], sparse[1], dense[0], dense[1]};
    }

    /** Exercise: adding a constant to every logit changes nothing. */
    static double[] exerciseShift() {
        // tag::ex-loss-shift[]
        double original = Losses.sparseSoftmaxCrossEntropyWithLogits(
                new int[] {2}, new double[][] {{2.0, -1.0, 3.0}})[0];
        double shifted = Losses.sparseSoftmaxCrossEntropyWithLogits(
                new int[] {2}, new double[][] {{102.0, 99.0, 103.0}})[0];
        // end::ex-loss-shift[]
        return new double[] {original, shifted};
    }

    /** Exercise: sigmoid CE at logit z equals two-class softmax CE at logits (z, 0). */
    static double[] exerciseSigmoidIsTwoClassSoftmax() {
        // tag::ex-loss-sigmoid-two-class[]
        double z = 1.5;
        double sigmoidLoss = Losses.sigmoidCrossEntropyWithLogits(
                new double[][] {{1.0}}, new double[][] {{z}})[0][0];
        double softmaxLoss = Losses.sparseSoftmaxCrossEntropyWithLogits(
                new int[] {0}, new double[][] {{z, 0.0}})[0];
        // end::ex-loss-sigmoid-two-class[]
        return new double[] {sigmoidLoss, softmaxLoss};
    }

    /** Exercise: the best constant logit under pos_weight 3 is 0 (σ = 1/2); without it, −ln 3 (σ = 1/4). */
    static double[] exercisePosWeightBest() {
        // tag::ex-loss-pos-weight-best[]
        double weightedAtBest = LossFunctions.constantLogitLoss(0.0, 3.0);      // σ(0) = 1/2
        double weightedLeft = LossFunctions.constantLogitLoss(-0.01, 3.0);
        double weightedRight = LossFunctions.constantLogitLoss(0.01, 3.0);
        double zPlain = Math.log(0.25 / 0.75);                                  // σ(z) = 1/4
        double plainAtBest = LossFunctions.constantLogitLoss(zPlain, 1.0);
        double plainLeft = LossFunctions.constantLogitLoss(zPlain - 0.01, 1.0);
        double plainRight = LossFunctions.constantLogitLoss(zPlain + 0.01, 1.0);
        // end::ex-loss-pos-weight-best[]
        return new double[] {weightedAtBest, weightedLeft, weightedRight, zPlain, plainAtBest, plainLeft, plainRight};
    }

    /** Exercise: a product of probabilities 1/2 underflows after 1075 factors; its logarithm does not. */
    static double[] exerciseLikelihoodUnderflow() {
        // tag::ex-loss-likelihood-underflow[]
        double likelihood = 1.0;
        int examples = 0;
        while (likelihood > 0) {                     // each example predicted with probability 1/2
            likelihood *= 0.5;
            examples++;
        }
        double negativeLogLikelihood = -examples * Math.log(0.5);   // n ln 2, perfectly finite
        // end::ex-loss-likelihood-underflow[]
        return new double[] {examples, likelihood, negativeLogLikelihood};
    }

    private static double[] grid(double from, double to, int intervals) {
        double[] x = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            x[i] = from + (to - from) * i / intervals;
        }
        return x;
    }

    /** The sigmoid and its derivative on [−8, 8]. */
    public static Chart sigmoidCurveChart() {
        double[] z = grid(-8, 8, 160);
        double[] sigma = new double[z.length];
        double[] slope = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            sigma[i] = Softmax.sigmoid(z[i]);
            slope[i] = Softmax.sigmoid(z[i]) * Softmax.sigmoid(-z[i]);   // σ′(z) = σ(z)σ(−z)
        }
        return new Chart("The logistic sigmoid and its slope",
                "σ(z) and its derivative σ′(z) = σ(z)(1 − σ(z)) for logits z from −8 to 8. The sigmoid rises "
                        + "from near 0 to near 1 in an S shape, passing 0.5 at z = 0; its slope is a bump that "
                        + "peaks at 0.25 at z = 0 and is almost 0 beyond |z| = 5, where the sigmoid is flat.",
                "logit z", "value",
                List.of(new Chart.Series("σ(z)", z, sigma), new Chart.Series("σ′(z)", z, slope)));
    }

    /** The softmax of (t, 1, 0) as t runs from −6 to 8. */
    public static Chart softmaxCurvesChart() {
        double[] t = grid(-6, 8, 140);
        double[][] q = new double[3][t.length];
        for (int i = 0; i < t.length; i++) {
            double[] p = Softmax.softmax(new double[] {t[i], 1.0, 0.0});
            for (int c = 0; c < 3; c++) {
                q[c][i] = p[c];
            }
        }
        return new Chart("The softmax of (t, 1, 0) as the first logit grows",
                "The three probabilities softmax(t, 1, 0) for t from −6 to 8. Class 0's probability rises in "
                        + "an S shape from near 0 to near 1; class 1 (logit 1) and class 2 (logit 0) share the rest "
                        + "in the fixed ratio e to 1 and both fall towards 0. The three curves add up to 1 at every t; "
                        + "class 0 overtakes class 1 at t = 1.",
                "first logit t", "probability",
                List.of(new Chart.Series("class 0 (logit t)", t, q[0]), new Chart.Series("class 1 (logit 1)", t, q[1]),
                        new Chart.Series("class 2 (logit 0)", t, q[2])));
    }

    /** The loss of logits (0, t) for class 0 as t grows to 1000: naive, through clamped probabilities, and stable. */
    public static Chart naiveVsStableLossChart() {
        double[] t = grid(0, 1000, 400);
        double[] stable = new double[t.length];
        double[] naive = new double[t.length];
        double[] clamped = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            stable[i] = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0}, new double[][] {{0.0, t[i]}})[0];
            double loss = -Math.log(Math.exp(0.0) / (Math.exp(0.0) + Math.exp(t[i])));
            naive[i] = Double.isFinite(loss) ? loss : Double.NaN;   // +∞ cannot be drawn: leave a gap
            // the probability of class 0 is σ(−t); binaryCrossEntropy clamps its logarithm at −100, as PyTorch does
            clamped[i] = Losses.binaryCrossEntropy(new double[] {1.0}, new double[] {Softmax.sigmoid(-t[i])})[0];
        }
        return new Chart("Loss of a wrong prediction as the logits grow: naive, clamped and stable",
                "The loss −ln softmax(0, t)₀ of the logits (0, t) when the true class is 0, for t from 0 to 1000, "
                        + "computed three ways. The naive way, exp then divide then log, is right up to t ≈ 709.8, "
                        + "where e^t overflows the largest double; from there on it is +∞ and its curve stops. Going "
                        + "through the probability σ(−t) with PyTorch's clamp of the logarithm at −100 never overflows "
                        + "but flattens at 100 nats from t = 100 on, so it stops telling the model how wrong it is. "
                        + "The stable way, log-sum-exp on the logits, is the straight line t plus a tiny correction "
                        + "all the way.",
                "logit of the wrong class, t", "loss (nats)",
                List.of(new Chart.Series("naive: ln of exp ratios", t, naive),
                        new Chart.Series("stable: log-sum-exp on logits", t, stable),
                        new Chart.Series("probabilities, log clamped at −100", t, clamped)));
    }
}
