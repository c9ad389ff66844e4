package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.bitsandlogits.info.Measures;
import dev.bitsandlogits.info.Unit;
import dev.bitsandlogits.listings.Iris;
import dev.bitsandlogits.listings.EndToEnd;
import dev.bitsandlogits.loss.Gradients;
import dev.bitsandlogits.loss.Losses;
import dev.bitsandlogits.loss.Softmax;

/**
 * Chapter 8, a classifier trained end to end: softmax regression on Fisher's Iris data. Each
 * tagged region is shown on the page and executed at build time; the methods return the region's
 * results so that tests can check them. (The imports of this package's own classes are for
 * JShell, which runs the regions outside the package.)
 */
public final class EndToEnd {

    /** The learning rate of the chapter's training run. */
    public static final double LEARNING_RATE = 0.5;

    /** The number of epochs (full passes over the training set) of the chapter's run. */
    public static final int EPOCHS = 150;

    private EndToEnd() {
    }

    /** The logits {@code z_n = x_n W + b} of every row of {@code x}: {@code z[n][c] = Σ_i x[n][i]·w[i][c] + b[c]}. */
    public static double[][] logits(double[][] x, double[][] w, double[] b) {
        double[][] z = new double[x.length][b.length];
        for (int n = 0; n < x.length; n++) {
            for (int c = 0; c < b.length; c++) {
                double sum = b[c];
                for (int i = 0; i < w.length; i++) {
                    sum += x[n][i] * w[i][c];
                }
                z[n][c] = sum;
            }
        }
        return z;
    }

    /** The mean softmax cross-entropy of the model {@code (w, b)} on {@code flowers}, in nats. */
    public static double meanLoss(Iris.Flowers flowers, double[][] w, double[] b) {
        return Arrays.stream(Losses.sparseSoftmaxCrossEntropyWithLogits(flowers.labels(), logits(flowers.features(), w, b)))
                .average().getAsDouble();
    }

    /** The share of {@code flowers} whose largest logit is that of their own class. */
    public static double accuracy(Iris.Flowers flowers, double[][] w, double[] b) {
        double[][] z = logits(flowers.features(), w, b);
        int correct = 0;
        for (int n = 0; n < z.length; n++) {
            int best = 0;
            for (int c = 1; c < z[n].length; c++) {
                if (z[n][c] > z[n][best]) {
                    best = c;
                }
            }
            if (best == flowers.labels()[n]) {
                correct++;
            }
        }
        return (double) correct / z.length;
    }

    /** Returns {sizes and counts: 150, 50, 50, 50; the four column means}. */
    static double[] load() {
        // tag::iris-load[]
        Iris.Flowers flowers = Iris.load();          // from iris.csv, bundled with the library
        int[] perSpecies = flowers.counts();         // setosa, versicolor, virginica
        double[] means = {flowers.mean(0), flowers.mean(1), flowers.mean(2), flowers.mean(3)};   // cm
        // end::iris-load[]
        return new double[] {flowers.size(), perSpecies[0], perSpecies[1], perSpecies[2],
            means[0], means[1], means[2], means[3]};
    }

    /** The training and test sets, standardised with the training set's means and deviations. */
    static Iris.Flowers[] split() {
        Iris.Flowers flowers = Iris.load();
        // tag::iris-split[]
        Iris.Flowers test = flowers.every(5, 0);     // flowers 0, 5, 10, …: 10 of each species
        Iris.Flowers train = flowers.allBut(5, 0);   // the other 120
        double[] mu = {train.mean(0), train.mean(1), train.mean(2), train.mean(3)};
        double[] s = {train.standardDeviation(0), train.standardDeviation(1),
            train.standardDeviation(2), train.standardDeviation(3)};
        Iris.Flowers trainScaled = train.standardized(mu, s);
        Iris.Flowers testScaled = test.standardized(mu, s);   // the training set's μ and s, not its own
        // end::iris-split[]
        return new Iris.Flowers[] {train, test, trainScaled, testScaled};
    }

    /** Returns {the loss of the all-zero model on the training set, ln 3}. */
    static double[] start() {
        Iris.Flowers trainScaled = split()[2];
        // tag::iris-start[]
        double[][] w = new double[4][3];             // one weight per measurement and class, all 0
        double[] b = new double[3];                  // one bias per class
        double startLoss = Arrays.stream(Losses.sparseSoftmaxCrossEntropyWithLogits(trainScaled.labels(),
                EndToEnd.logits(trainScaled.features(), w, b))).average().getAsDouble();
        // end::iris-start[]
        return new double[] {startLoss, Math.log(3)};
    }

    /** The trained model: {@code w} (4 × 3) and, as a fifth row, {@code b}. */
    static double[][] train() {
        Iris.Flowers trainScaled = split()[2];
        double[][] w = new double[4][3];
        double[] b = new double[3];
        // tag::iris-train[]
        double eta = 0.5;                            // learning rate
        int m = trainScaled.size();
        for (int epoch = 0; epoch < 150; epoch++) {
            double[][] x = trainScaled.features();
            // g[n] = ∂ℓ_n/∂z_n = softmax(z_n) − y_n, one row per flower
            double[][] g = Gradients.softmaxCrossEntropyWithLogits(
                    trainScaled.oneHot(), EndToEnd.logits(x, w, b));
            double[][] gradW = new double[4][3];     // ∂ℓ̄/∂w_ic = Σ_n g[n][c] x[n][i] / m
            double[] gradB = new double[3];          // ∂ℓ̄/∂b_c = Σ_n g[n][c] / m
            for (int n = 0; n < m; n++) {
                for (int c = 0; c < 3; c++) {
                    gradB[c] += g[n][c] / m;
                    for (int i = 0; i < 4; i++) {
                        gradW[i][c] += g[n][c] * x[n][i] / m;
                    }
                }
            }
            w = EndToEnd.step(w, gradW, eta);        // w − η ∂ℓ̄/∂w
            b = EndToEnd.step(b, gradB, eta);
        }
        // end::iris-train[]
        return new double[][] {w[0], w[1], w[2], w[3], b};
    }

    /** Returns {training loss, test loss, training accuracy, test accuracy} of the trained model. */
    static double[] evaluate() {
        Iris.Flowers[] sets = split();
        Iris.Flowers trainScaled = sets[2];
        Iris.Flowers testScaled = sets[3];
        double[][] trained = train();
        double[][] w = Arrays.copyOf(trained, 4);
        double[] b = trained[4];
        // tag::iris-evaluate[]
        double trainLoss = EndToEnd.meanLoss(trainScaled, w, b);
        double testLoss = EndToEnd.meanLoss(testScaled, w, b);
        double trainAccuracy = EndToEnd.accuracy(trainScaled, w, b);   // largest logit = true species
        double testAccuracy = EndToEnd.accuracy(testScaled, w, b);     // on 30 flowers never trained on
        // end::iris-evaluate[]
        return new double[] {trainLoss, testLoss, trainAccuracy, testAccuracy};
    }

    /**
     * Runs the chapter's training from zero for {@code epochs} epochs and records, before each
     * epoch and after the last, {training loss, test loss, training accuracy, test accuracy}.
     *
     * @return {@code history[k]} the four numbers after k epochs, k = 0 … epochs
     */
    public static double[][] history(int epochs, double eta) {
        Iris.Flowers[] sets = split();
        Iris.Flowers train = sets[2];
        Iris.Flowers test = sets[3];
        double[][] w = new double[4][3];
        double[] b = new double[3];
        double[][] x = train.features();
        int m = train.size();
        List<double[]> history = new ArrayList<>();
        for (int epoch = 0; epoch <= epochs; epoch++) {
            history.add(new double[] {meanLoss(train, w, b), meanLoss(test, w, b), accuracy(train, w, b), accuracy(test, w, b)});
            if (epoch == epochs) {
                break;
            }
            double[][] g = Gradients.softmaxCrossEntropyWithLogits(train.oneHot(), logits(x, w, b));
            double[][] gradW = new double[4][3];
            double[] gradB = new double[3];
            for (int n = 0; n < m; n++) {
                for (int c = 0; c < 3; c++) {
                    gradB[c] += g[n][c] / m;
                    for (int i = 0; i < 4; i++) {
                        gradW[i][c] += g[n][c] * x[n][i] / m;
                    }
                }
            }
            w = step(w, gradW, eta);
            b = step(b, gradB, eta);
        }
        return history.toArray(new double[0][]);
    }

    /** One step of gradient descent: a new vector {@code v − η·gradient}. */
    public static double[] step(double[] v, double[] gradient, double eta) {
        double[] next = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            next[i] = v[i] - eta * gradient[i];
        }
        return next;
    }

    /** One step of gradient descent: a new matrix {@code v − η·gradient}. */
    public static double[][] step(double[][] v, double[][] gradient, double eta) {
        double[][] next = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            next[i] = step(v[i], gradient[i], eta);
        }
        return next;
    }

    /** A copy of {@code w} with entry {@code [i][c]} moved by {@code h}. */
    public static double[][] nudged(double[][] w, int i, int c, double h) {
        double[][] copy = new double[w.length][];
        for (int k = 0; k < w.length; k++) {
            copy[k] = w[k].clone();
        }
        copy[i][c] += h;
        return copy;
    }

    private static Chart.Series column(String name, double[][] history, int column) {
        double[] epoch = new double[history.length];
        double[] y = new double[history.length];
        for (int k = 0; k < history.length; k++) {
            epoch[k] = k;
            y[k] = history[k][column];
        }
        return new Chart.Series(name, epoch, y);
    }

    /** The learning curve: training and held-out loss after each epoch. */
    public static Chart irisLearningCurveChart() {
        double[][] history = history(EPOCHS, LEARNING_RATE);
        return new Chart("Softmax regression on Iris: loss while training",
                "Mean cross-entropy in nats against epoch, 0 to " + EPOCHS + ", for the 120 training flowers and the "
                        + "30 held-out flowers. Both start at ln 3, about 1.10, where every species has probability "
                        + "one third, fall steeply during the first twenty epochs and then slowly; the held-out loss "
                        + "stays close to the training loss throughout.",
                "epoch", "mean loss (nats)",
                List.of(column("training loss", history, 0), column("held-out loss", history, 1)));
    }

    /** Accuracy on both sets after each epoch. */
    public static Chart irisAccuracyChart() {
        double[][] history = history(EPOCHS, LEARNING_RATE);
        return new Chart("Softmax regression on Iris: accuracy while training",
                "The share of flowers whose largest logit is their own species, against epoch, 0 to " + EPOCHS
                        + ", for the 120 training and the 30 held-out flowers. At epoch 0 every logit is 0 and the "
                        + "tie goes to setosa, a third of each set; after a few epochs both shares are above 0.8 "
                        + "and they end above 0.9.",
                "epoch", "accuracy",
                List.of(column("training accuracy", history, 2), column("held-out accuracy", history, 3)));
    }

    /** Exercise: the best constant prediction is the class frequencies; its loss is their entropy. */
    static double[] exerciseConstantPrediction() {
        // tag::ex-iris-constant[]
        int[] perSpecies = Iris.load().allBut(5, 0).counts();   // 40, 40, 40 in the training set
        double[] frequencies = {perSpecies[0] / 120.0, perSpecies[1] / 120.0, perSpecies[2] / 120.0};
        double bestConstantLoss = Measures.entropy(frequencies, Unit.NATS);
        double lnThree = Math.log(3);
        // end::ex-iris-constant[]
        return new double[] {bestConstantLoss, lnThree};
    }

    /** Exercise: ∂ℓ̄/∂w_ic from the formula and from a central difference, at the trained weights. */
    static double[] exerciseWeightGradient() {
        Iris.Flowers trainScaled = split()[2];
        double[][] trained = train();
        double[][] w = Arrays.copyOf(trained, 4);
        double[] b = trained[4];
        // tag::ex-iris-weight-gradient[]
        int i = 2;                                   // petal length
        int c = 1;                                   // versicolor
        double[][] g = Gradients.softmaxCrossEntropyWithLogits(
                trainScaled.oneHot(), EndToEnd.logits(trainScaled.features(), w, b));
        double formula = 0;
        for (int n = 0; n < trainScaled.size(); n++) {
            formula += g[n][c] * trainScaled.features()[n][i] / trainScaled.size();
        }
        double h = 1e-5;
        double[][] up = EndToEnd.nudged(w, i, c, h);     // w with w_ic + h
        double[][] down = EndToEnd.nudged(w, i, c, -h);
        double numeric = (EndToEnd.meanLoss(trainScaled, up, b) -
                EndToEnd.meanLoss(trainScaled, down, b)) / (2 * h);
        // end::ex-iris-weight-gradient[]
        return new double[] {formula, numeric};
    }

    /** Exercise: the trained model's probabilities for a new flower. */
    static double[] exerciseNewFlower() {
        Iris.Flowers train = split()[0];
        double[][] trained = train();
        double[][] w = Arrays.copyOf(trained, 4);
        double[] b = trained[4];
        double[] mu = {train.mean(0), train.mean(1), train.mean(2), train.mean(3)};
        double[] s = {train.standardDeviation(0), train.standardDeviation(1),
            train.standardDeviation(2), train.standardDeviation(3)};
        // tag::ex-iris-new-flower[]
        // cm: sepal length, sepal width, petal length, petal width
        double[] flower = {6.0, 2.9, 4.9, 1.6};
        // scaled by the training set's μ and s
        double[] scaled = {(flower[0] - mu[0]) / s[0], (flower[1] - mu[1]) / s[1],
            (flower[2] - mu[2]) / s[2], (flower[3] - mu[3]) / s[3]};
        double[] probabilities = Softmax.softmax(EndToEnd.logits(new double[][] {scaled}, w, b)[0]);
        // end::ex-iris-new-flower[]
        return probabilities;
    }

    /** Exercise: with a learning rate 100 times too large the loss does not settle. */
    static double[] exerciseLearningRate() {
        // tag::ex-iris-learning-rate[]
        double[][] slow = EndToEnd.history(150, 0.05);     // {train loss, test loss, …} after each epoch
        double[][] chosen = EndToEnd.history(150, 0.5);
        double[][] fast = EndToEnd.history(150, 5.0);
        double slowLoss = slow[150][0];
        double chosenLoss = chosen[150][0];
        double fastLoss = fast[150][0];
        // epochs where the loss went up
        long fastRises = IntStream.range(0, 150).filter(k -> fast[k + 1][0] > fast[k][0]).count();
        // end::ex-iris-learning-rate[]
        return new double[] {slowLoss, chosenLoss, fastLoss, fastRises};
    }
}
