package dev.bitsandlogits.listings;

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
        double dogByHand = -Math.log(Softmax.sigmoid(-1.0));   // label 1: -log σ(x)
        double carByHand = -Math.log(1 - Softmax.sigmoid(0.5)); // label 0: -log(1 - σ(x))
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
        double logP2 = Math.log(Math.exp(z[2]) / sum);                   // log(0 / ∞)
        // end::loss-naive-log-softmax[]
        return new double[] {sum, logP0, logP2};
    }

    /** Returns {logSumExp, logSoftmax_0, logSoftmax_2, loss of class 2} at logits (1000, 0, −1000). */
    static double[] stable() {
        // tag::loss-stable-log-softmax[]
        double[] z = {1000.0, 0.0, -1000.0};
        double logNormalizer = Softmax.logSumExp(z);      // max + log(1 + Σ exp(z_j - max))
        double logP0 = Softmax.logSoftmax(z)[0];
        double logP2 = Softmax.logSoftmax(z)[2];
        double lossIfClass2 = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {2}, new double[][] {z})[0];
        // end::loss-stable-log-softmax[]
        return new double[] {logNormalizer, logP0, logP2, lossIfClass2};
    }

    /** Returns {naive loss, stable formula by hand, library} for logit −800 and label 1. */
    static double[] stableSigmoid() {
        // tag::loss-stable-sigmoid[]
        double x = -800.0;                           // a logit, confidently wrong
        double z = 1.0;                              // the label
        double naive = -Math.log(Softmax.sigmoid(x));  // σ(-800) underflows to 0
        double stable = Math.max(x, 0) - x * z + Math.log1p(Math.exp(-Math.abs(x)));
        double library = Losses.sigmoidCrossEntropyWithLogits(new double[][] {{z}}, new double[][] {{x}})[0][0];
        // end::loss-stable-sigmoid[]
        return new double[] {naive, stable, library};
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
        double[] dense = Losses.softmaxCrossEntropyWithLogits(new double[][] {{0, 0, 1}, {1, 0, 0}}, logits);
        // end::ex-loss-sparse-is-one-hot[]
        return new double[] {sparse[0], sparse[1], dense[0], dense[1]};
    }

    /** Exercise: adding a constant to every logit changes nothing. */
    static double[] exerciseShift() {
        // tag::ex-loss-shift[]
        double original = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {2}, new double[][] {{2.0, -1.0, 3.0}})[0];
        double shifted = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {2}, new double[][] {{102.0, 99.0, 103.0}})[0];
        // end::ex-loss-shift[]
        return new double[] {original, shifted};
    }

    /** Exercise: sigmoid CE at logit x equals two-class softmax CE at logits (x, 0). */
    static double[] exerciseSigmoidIsTwoClassSoftmax() {
        // tag::ex-loss-sigmoid-two-class[]
        double x = 1.5;
        double sigmoidLoss = Losses.sigmoidCrossEntropyWithLogits(new double[][] {{1.0}}, new double[][] {{x}})[0][0];
        double softmaxLoss = Losses.sparseSoftmaxCrossEntropyWithLogits(new int[] {0}, new double[][] {{x, 0.0}})[0];
        // end::ex-loss-sigmoid-two-class[]
        return new double[] {sigmoidLoss, softmaxLoss};
    }
}
