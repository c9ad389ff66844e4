package dev.bitsandlogits.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.bitsandlogits.widgets.BinaryEntropyWidget;
import dev.bitsandlogits.widgets.DivergenceWidget;
import dev.bitsandlogits.widgets.LearningSlowdownWidget;
import dev.bitsandlogits.widgets.Readout;
import dev.bitsandlogits.widgets.SoftmaxWidget;
import dev.bitsandlogits.widgets.Widget;

/**
 * Each widget opens at its page's own values: its readouts at the sliders' start positions are
 * exactly (bit for bit) what the page's snippets computed — the listing methods whose regions
 * JShell runs for the page.
 */
@DisplayName("Widgets open at their page's values")
class WidgetStartValuesTest {

    private static double[] start(Widget w) {
        Readout[] r = w.readouts(w.startValues());
        double[] v = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            v[i] = r[i].value();
        }
        return v;
    }

    @Test
    @DisplayName("binary-entropy: chapter 1's China (63/64) and Brazil")
    void binaryEntropy() {
        Widget w = new BinaryEntropyWidget();
        assertEquals(63.0 / 64, w.startValues()[0]);
        double[] page = Information.chinaVsBrazil();
        double[] shown = start(w);
        assertEquals(page[0], shown[0], 0.0, "I(63/64)");
        assertEquals(page[1], shown[1], 0.0, "I(1/64)");
    }

    @Test
    @DisplayName("divergence: chapter 4's KL(p‖q), KL(q‖p) and chapter 3's H(p, q), H(q, p) for colah's p and q")
    void divergence() {
        double[] shown = start(new DivergenceWidget());
        double[] kl = KlDivergence.definition();
        double[] ce = CrossEntropy.asymmetry();
        assertEquals(ce[0], shown[2], 0.0, "H(p, q)");
        assertEquals(ce[1], shown[3], 0.0, "H(q, p)");
        assertEquals(kl[0], shown[4], 0.0, "KL(p‖q)");
        assertEquals(kl[2], shown[5], 0.0, "KL(q‖p)");
    }

    @Test
    @DisplayName("softmax: chapter 5's logits (2, −1, 3), stable and naive agreeing there")
    void softmax() {
        double[] shown = start(new SoftmaxWidget());
        double[] page = LossFunctions.softmax();
        for (int i = 0; i < 3; i++) {
            assertEquals(page[i], shown[2 * i], 0.0, "stable softmax " + i);
            assertEquals(page[i], shown[2 * i + 1], 1e-15, "naive softmax " + i);
        }
    }

    @Test
    @DisplayName("softmax at logit 1000: naive NaN, stable finite")
    void softmaxOverflow() {
        Widget w = new SoftmaxWidget();
        Readout[] r = w.readouts(new double[] {1000, -1, 3, 0});
        assertTrue(Double.isNaN(r[1].value()), "naive softmax 0 at z0 = 1000: " + r[1].value());
        assertEquals(1.0, r[0].value(), "stable softmax 0");
        assertEquals("NaN", r[1].text());
    }

    @Test
    @DisplayName("learning-slowdown: chapter 6's outputs after 300 epochs from w = b = 2")
    void learningSlowdown() {
        double[] shown = start(new LearningSlowdownWidget());
        assertEquals(Backprop.trainQuadratic()[2], shown[0], 0.0, "quadratic output");
        assertEquals(Backprop.trainCrossEntropy()[2], shown[1], 0.0, "cross-entropy output");
    }
}
