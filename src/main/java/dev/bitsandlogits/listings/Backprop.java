package dev.bitsandlogits.listings;

import dev.bitsandlogits.press.api.Chart;

import java.util.List;

import java.util.stream.IntStream;

import dev.bitsandlogits.listings.Backprop;
import dev.bitsandlogits.loss.Gradients;
import dev.bitsandlogits.loss.Losses;
import dev.bitsandlogits.loss.Softmax;

/**
 * Chapter 6, gradients. Each tagged region is shown on the page and executed at build time; the
 * methods return the region's results so that tests can check them.
 */
public final class Backprop {

    private Backprop() {
    }

    /** Returns {library gradient row, softmax(z) − y}. */
    static double[][] softmaxGradient() {
        // tag::grad-softmax-ce[]
        double[] z = {2.0, -1.0, 3.0};
        double[] y = {1.0, 0.0, 0.0};                // the true class is 0
        double[] gradient = Gradients.softmaxCrossEntropyWithLogits(
                new double[][] {y}, new double[][] {z})[0];
        double[] q = Softmax.softmax(z);
        double[] predictedMinusLabel = {q[0] - y[0], q[1] - y[1], q[2] - y[2]};
        // end::grad-softmax-ce[]
        return new double[][] {gradient, predictedMinusLabel};
    }

    /** Returns {analytic gradient, central differences, largest absolute difference}. */
    static double[][] softmaxFiniteDifference() {
        // tag::grad-finite-difference[]
        double[] z = {2.0, -1.0, 3.0};
        double[][] labels = {{1.0, 0.0, 0.0}};
        double h = 1e-5;
        double[] analytic = Gradients.softmaxCrossEntropyWithLogits(labels, new double[][] {z})[0];
        double[] numeric = IntStream.range(0, 3).mapToDouble(j -> {
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += h;                              // z + h e_j
            down[j] -= h;                            // z - h e_j
            return (Losses.softmaxCrossEntropyWithLogits(labels, new double[][] {up})[0] -
                    Losses.softmaxCrossEntropyWithLogits(labels, new double[][] {down})[0]) / (2 * h);
        }).toArray();
        double largestError = IntStream.range(0, 3).mapToDouble(
                j -> Math.abs(analytic[j] - numeric[j])).max().getAsDouble();
        // end::grad-finite-difference[]
        return new double[][] {analytic, numeric, {largestError}};
    }

    /** Returns {analytic σ(z) − y, central difference, σ(z) − y by hand} for z = 0.7, y = 1. */
    static double[] sigmoidFiniteDifference() {
        // tag::grad-sigmoid-ce[]
        double z = 0.7;                              // one logit
        double y = 1.0;                              // its label
        double h = 1e-5;
        double analytic = Gradients.sigmoidCrossEntropyWithLogits(
                new double[][] {{y}}, new double[][] {{z}})[0][0];
        double[][] up = {{z + h}};
        double[][] down = {{z - h}};
        double numeric = (Losses.sigmoidCrossEntropyWithLogits(new double[][] {{y}}, up)[0][0] -
                Losses.sigmoidCrossEntropyWithLogits(new double[][] {{y}}, down)[0][0]) / (2 * h);
        double byHand = Softmax.sigmoid(z) - y;
        // end::grad-sigmoid-ce[]
        return new double[] {analytic, numeric, byHand};
    }

    /** Returns {the Jacobian q_i(δ_ij − q_j) of softmax(2, −1, 3) row by row, then its column 0 by central differences}. */
    static double[][] softmaxJacobian() {
        // tag::grad-softmax-jacobian[]
        double[] z = {2.0, -1.0, 3.0};
        double[] q = Softmax.softmax(z);
        double[][] jacobian = {                      // ∂q_i/∂z_j = q_i(δ_ij − q_j)
            {q[0] * (1 - q[0]), -q[0] * q[1], -q[0] * q[2]},
            {-q[1] * q[0], q[1] * (1 - q[1]), -q[1] * q[2]},
            {-q[2] * q[0], -q[2] * q[1], q[2] * (1 - q[2])}};
        double h = 1e-5;
        double[] qUp = Softmax.softmax(new double[] {z[0] + h, z[1], z[2]});     // nudge z_0 up
        double[] qDown = Softmax.softmax(new double[] {z[0] - h, z[1], z[2]});   // and down
        double[] column0 = {(qUp[0] - qDown[0]) / (2 * h), (qUp[1] - qDown[1]) / (2 * h),
                (qUp[2] - qDown[2]) / (2 * h)};
        // end::grad-softmax-jacobian[]
        return new double[][] {jacobian[0], jacobian[1], jacobian[2], column0};
    }

    /** The central-difference Jacobian of the softmax at z: {@code numeric[i][j] ≈ ∂q_i/∂z_j}. */
    public static double[][] numericSoftmaxJacobian(double[] z, double h) {
        double[][] numeric = new double[z.length][z.length];
        for (int j = 0; j < z.length; j++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += h;
            down[j] -= h;
            double[] qUp = Softmax.softmax(up);
            double[] qDown = Softmax.softmax(down);
            for (int i = 0; i < z.length; i++) {
                numeric[i][j] = (qUp[i] - qDown[i]) / (2 * h);
            }
        }
        return numeric;
    }

    /** Returns {the chain rule through the Jacobian, the library's gradient} for label (1, 0, 0). */
    static double[][] chainRule() {
        double[][] r = softmaxJacobian();
        double[][] jacobian = {r[0], r[1], r[2]};
        double[] z = {2.0, -1.0, 3.0};
        double[] q = Softmax.softmax(z);
        // tag::grad-chain-rule[]
        double[] y = {1.0, 0.0, 0.0};
        double[] lossByQ = {-y[0] / q[0], -y[1] / q[1], -y[2] / q[2]};   // ∂ℓ/∂q_i of ℓ = −Σ y_i ln q_i
        double[] chain = IntStream.range(0, 3).mapToDouble(j -> lossByQ[0] * jacobian[0][j] +
                lossByQ[1] * jacobian[1][j] + lossByQ[2] * jacobian[2][j]).toArray();
        double[] library = Gradients.softmaxCrossEntropyWithLogits(
                new double[][] {y}, new double[][] {z})[0];
        // end::grad-chain-rule[]
        return new double[][] {chain, library};
    }

    /** Returns {Gaussian −ln N(y; z, 1), ½(z − y)², their difference, central-difference slope, z − y}. */
    static double[] gaussian() {
        // tag::grad-gaussian[]
        double y = 2.5;                              // a real-valued target
        double z = 1.75;                             // a linear output: the prediction is z itself
        double density = Math.exp(-(y - z) * (y - z) / 2) / Math.sqrt(2 * Math.PI);   // N(y; z, 1)
        double negativeLogLikelihood = -Math.log(density);
        double quadratic = (z - y) * (z - y) / 2;
        double difference = negativeLogLikelihood - quadratic;   // ½ ln 2π, whatever z is
        double h = 1e-5;
        double slope = ((z + h - y) * (z + h - y) / 2 - (z - h - y) * (z - h - y) / 2) / (2 * h);
        double error = z - y;                        // prediction minus target
        // end::grad-gaussian[]
        return new double[] {negativeLogLikelihood, quadratic, difference, slope, error};
    }

    /** Returns {z, prediction, loss, ∂ℓ/∂w1, ∂ℓ/∂w2, ∂ℓ/∂b, loss after one step}. */
    static double[] logisticRegression() {
        // tag::grad-logistic-regression[]
        double[] w = {0.5, -0.25};
        double b = 0.1;
        double[] x = {2.0, 1.0};                     // one example with two features
        double y = 1.0;                              // its label
        double z = w[0] * x[0] + w[1] * x[1] + b;    // the logit
        double prediction = Softmax.sigmoid(z);
        double loss = Losses.sigmoidCrossEntropyWithLogits(
                new double[][] {{y}}, new double[][] {{z}})[0][0];
        double error = prediction - y;               // ∂ℓ/∂z
        double[] gradW = {error * x[0], error * x[1]};
        double gradB = error;
        double eta = 0.5;                            // one step of gradient descent
        double zAfter = (w[0] - eta * gradW[0]) * x[0] + (w[1] - eta * gradW[1]) * x[1] + (b - eta * gradB);
        double lossAfter = Losses.sigmoidCrossEntropyWithLogits(
                new double[][] {{y}}, new double[][] {{zAfter}})[0][0];
        // end::grad-logistic-regression[]
        return new double[] {z, prediction, loss, gradW[0], gradW[1], gradB, lossAfter};
    }

    /** Returns {output, σ′(z), quadratic ∂J/∂w, cross-entropy ∂ℓ/∂w, their ratio} at w = b = 2. */
    static double[] slowdownStart() {
        // tag::grad-slowdown-start[]
        double x = 1.0, y = 0.0;                     // input 1, desired output 0
        double w = 2.0;                              // Nielsen's badly wrong start
        double b = 2.0;
        double a = Softmax.sigmoid(w * x + b);       // the neuron's output
        double sigmoidSlope = a * (1 - a);           // σ′(z) = σ(z)(1 − σ(z))
        double quadraticGradW = (a - y) * sigmoidSlope * x;
        double crossEntropyGradW = (a - y) * x;
        double ratio = crossEntropyGradW / quadraticGradW;
        // end::grad-slowdown-start[]
        return new double[] {a, sigmoidSlope, quadraticGradW, crossEntropyGradW, ratio};
    }

    /** Returns {w, b, output} after 300 epochs of the quadratic cost. */
    static double[] trainQuadratic() {
        // tag::grad-train-quadratic[]
        double x = 1.0, y = 0.0;                     // input 1, desired output 0
        double eta = 0.15;                           // learning rate
        double w = 2.0;
        double b = 2.0;
        for (int epoch = 0; epoch < 300; epoch++) {
            double a = Softmax.sigmoid(w * x + b);
            double delta = (a - y) * a * (1 - a);    // ∂J/∂z of J = (a − y)²/2
            w -= eta * delta * x;
            b -= eta * delta;
        }
        double quadraticOutput = Softmax.sigmoid(w * x + b);
        double quadraticW = w;                       // where training left the weight and bias
        double quadraticB = b;
        // end::grad-train-quadratic[]
        return new double[] {w, b, quadraticOutput};
    }

    /** Returns {w, b, output} after 300 epochs of the cross-entropy cost. */
    static double[] trainCrossEntropy() {
        // tag::grad-train-cross-entropy[]
        double x = 1.0, y = 0.0;
        double eta = 0.15;
        double w = 2.0;
        double b = 2.0;
        for (int epoch = 0; epoch < 300; epoch++) {
            double z = w * x + b;
            double delta = Gradients.sigmoidCrossEntropyWithLogits(
                    new double[][] {{y}}, new double[][] {{z}})[0][0];
            w -= eta * delta * x;                    // delta = a − y: no σ′(z) factor
            b -= eta * delta;
        }
        double crossEntropyOutput = Softmax.sigmoid(w * x + b);
        double crossEntropyW = w;
        double crossEntropyB = b;
        // end::grad-train-cross-entropy[]
        return new double[] {w, b, crossEntropyOutput};
    }

    /** Returns {σ′(z) at Nielsen's mild start z = 0.6 + 0.9, at the saturated start z = 2 + 2; the two outputs}. */
    static double[] twoStarts() {
        // tag::grad-slowdown-two-starts[]
        double mildOutput = Softmax.sigmoid(0.6 * 1.0 + 0.9);         // w = 0.6, b = 0.9
        double mildSlope = mildOutput * (1 - mildOutput);
        double saturatedOutput = Softmax.sigmoid(2.0 * 1.0 + 2.0);    // w = b = 2
        double saturatedSlope = saturatedOutput * (1 - saturatedOutput);
        // end::grad-slowdown-two-starts[]
        return new double[] {mildSlope, saturatedSlope, mildOutput, saturatedOutput};
    }

    /** The cost a single sigmoid neuron is trained with. */
    public enum Cost {
        /** J = (a − y)² / 2, whose gradient carries the factor σ′(z). */
        QUADRATIC,
        /** ℓ = −y ln a − (1 − y) ln(1 − a), whose gradient is (a − y)·x. */
        CROSS_ENTROPY
    }

    /** {@link #trainNeuron(Cost, int, double, double)} from Nielsen's saturated start w = b = 2. */
    public static double[][] trainNeuron(Cost cost, int epochs) {
        return trainNeuron(cost, epochs, 2.0, 2.0);
    }

    /**
     * Trains one sigmoid neuron on input 1 with target 0 from weight {@code w0} and bias {@code b0}
     * at learning rate 0.15, as in Nielsen, <i>Neural Networks and Deep Learning</i>, chapter 3.
     *
     * @return {@code result[0]} the cost after each epoch (index 0 before training),
     *         {@code result[1]} the output after each epoch
     */
    public static double[][] trainNeuron(Cost cost, int epochs, double w0, double b0) {
        double w = w0, b = b0, x = 1.0, y = 0.0, eta = 0.15;
        double[] costs = new double[epochs + 1];
        double[] outputs = new double[epochs + 1];
        for (int epoch = 0; epoch <= epochs; epoch++) {
            double z = w * x + b;
            double a = Softmax.sigmoid(z);
            outputs[epoch] = a;
            double delta;
            if (cost == Cost.QUADRATIC) {
                costs[epoch] = (a - y) * (a - y) / 2;
                delta = (a - y) * a * (1 - a);
            } else {
                costs[epoch] = Losses.sigmoidCrossEntropyWithLogits(new double[][] {{y}}, new double[][] {{z}})[0][0];
                delta = Gradients.sigmoidCrossEntropyWithLogits(new double[][] {{y}}, new double[][] {{z}})[0][0];
            }
            if (epoch < epochs) {
                w -= eta * delta * x;
                b -= eta * delta;
            }
        }
        return new double[][] {costs, outputs};
    }

    private static double[] epochs(int n) {
        double[] e = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            e[i] = i;
        }
        return e;
    }

    /** The training cost of both neurons over 300 epochs. */
    public static Chart learningSlowdownCostChart() {
        return new Chart("Training cost of one sigmoid neuron, quadratic vs cross-entropy",
                "Cost against epoch, 0 to 300, for a sigmoid neuron with input 1 and target 0 started at w = b = 2 "
                        + "(output 0.98) and trained at learning rate 0.15. The cross-entropy cost starts near 4 "
                        + "and falls steeply from the first epoch. The quadratic cost starts near 0.48 and stays "
                        + "almost flat for about 150 epochs before it falls.",
                "epoch", "cost (each in its own units)",
                List.of(new Chart.Series("cross-entropy ℓ (nats)", epochs(300), trainNeuron(Cost.CROSS_ENTROPY, 300)[0]),
                        new Chart.Series("quadratic J = (a − y)²/2", epochs(300), trainNeuron(Cost.QUADRATIC, 300)[0])));
    }

    /** The output of both neurons from Nielsen's mild start, w = 0.6, b = 0.9. */
    public static Chart slowdownMildStartChart() {
        return new Chart("Start at w = 0.6, b = 0.9: output 0.82, sigmoid not saturated",
                "The neuron's output against epoch, 0 to 300, started at w = 0.6, b = 0.9 (output 0.82) with "
                        + "learning rate 0.15. Both costs bring the output down at once, without a plateau: with "
                        + "cross-entropy below 0.1 within about 25 epochs, with the quadratic cost below 0.2 within "
                        + "about 100 epochs and to about 0.1 after 300.",
                "epoch", "output a = σ(w·1 + b)",
                List.of(new Chart.Series("cross-entropy ℓ", epochs(300), trainNeuron(Cost.CROSS_ENTROPY, 300, 0.6, 0.9)[1]),
                        new Chart.Series("quadratic J", epochs(300), trainNeuron(Cost.QUADRATIC, 300, 0.6, 0.9)[1])));
    }

    /** The output of both neurons from Nielsen's saturated start, w = b = 2. */
    public static Chart slowdownSaturatedStartChart() {
        return new Chart("Start at w = b = 2: output 0.98, sigmoid saturated",
                "The neuron's output against epoch, 0 to 300, started at w = b = 2 (output 0.98) with learning "
                        + "rate 0.15. With cross-entropy the output drops below 0.1 within a few dozen epochs; with "
                        + "the quadratic cost it stays above 0.9 for about 150 epochs and is still around 0.2 after 300.",
                "epoch", "output a = σ(w·1 + b)",
                List.of(new Chart.Series("cross-entropy ℓ", epochs(300), trainNeuron(Cost.CROSS_ENTROPY, 300)[1]),
                        new Chart.Series("quadratic J", epochs(300), trainNeuron(Cost.QUADRATIC, 300)[1])));
    }

    /** Exercise: the softmax gradient's entries sum to zero. */
    static double exerciseGradientSum() {
        // tag::ex-grad-sum-zero[]
        double[] g = Gradients.softmaxCrossEntropyWithLogits(
                new double[][] {{0.0, 1.0, 0.0, 0.0}}, new double[][] {{1.0, 2.0, -0.5, 0.3}})[0];
        double sum = g[0] + g[1] + g[2] + g[3];
        // end::ex-grad-sum-zero[]
        return sum;
    }

    /** Exercise: σ′ is largest at 0, where it is 1/4, and tiny at ±10. */
    static double[] exerciseSigmoidSlope() {
        // tag::ex-grad-sigmoid-slope[]
        // σ′(z) = σ(z)(1 − σ(z)) = σ(z)σ(−z); the second form avoids cancelling 1 − 0.99995…
        double atZero = Softmax.sigmoid(0) * Softmax.sigmoid(0);
        double atFour = Softmax.sigmoid(4) * Softmax.sigmoid(-4);
        double atTen = Softmax.sigmoid(10) * Softmax.sigmoid(-10);
        // end::ex-grad-sigmoid-slope[]
        return new double[] {atZero, atFour, atTen};
    }

    /** Exercise: the gradient of a wrong but unconfident vs a wrong and confident softmax prediction. */
    static double[] exerciseConfidentlyWrong() {
        // tag::ex-grad-confidently-wrong[]
        double[][] label = {{1.0, 0.0}};
        double unsure = Gradients.softmaxCrossEntropyWithLogits(label, new double[][] {{0.0, 0.5}})[0][0];
        double confident = Gradients.softmaxCrossEntropyWithLogits(
                label, new double[][] {{0.0, 8.0}})[0][0];
        // end::ex-grad-confidently-wrong[]
        return new double[] {unsure, confident};
    }

    /** Exercise: the gradient of the pos_weight loss, (1 + (β − 1)y)σ(z) − β·y, against central differences. */
    static double[] exercisePosWeightGradient() {
        // tag::ex-grad-pos-weight[]
        double posWeight = 3.0;                      // β, TensorFlow's pos_weight
        double z = 0.3;
        double h = 1e-5;
        double[][] positive = {{1.0}};
        double[][] negative = {{0.0}};
        double[][] up = {{z + h}};
        double[][] down = {{z - h}};
        // β(σ(z) − 1)
        double formulaPositive = (1 + (posWeight - 1) * 1.0) * Softmax.sigmoid(z) - posWeight * 1.0;
        double numericPositive = (Losses.weightedCrossEntropyWithLogits(positive, up, posWeight)[0][0] -
                Losses.weightedCrossEntropyWithLogits(positive, down, posWeight)[0][0]) / (2 * h);
        // σ(z), as unweighted
        double formulaNegative = (1 + (posWeight - 1) * 0.0) * Softmax.sigmoid(z) - posWeight * 0.0;
        double numericNegative = (Losses.weightedCrossEntropyWithLogits(negative, up, posWeight)[0][0] -
                Losses.weightedCrossEntropyWithLogits(negative, down, posWeight)[0][0]) / (2 * h);
        // end::ex-grad-pos-weight[]
        return new double[] {formulaPositive, numericPositive, formulaNegative, numericNegative};
    }

    /** Exercise: every column of the softmax Jacobian sums to 0. */
    static double[] exerciseJacobianColumns() {
        // tag::ex-grad-jacobian-columns[]
        double[][] numeric = Backprop.numericSoftmaxJacobian(new double[] {0.5, -2.0, 1.0, 0.0}, 1e-5);
        double[] columnSums = IntStream.range(0, 4).mapToDouble(j ->
                numeric[0][j] + numeric[1][j] + numeric[2][j] + numeric[3][j]).toArray();
        // end::ex-grad-jacobian-columns[]
        return columnSums;
    }
}
