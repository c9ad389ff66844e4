package dev.bitsandlogits.listings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled {@code iris.csv} against published summaries of Fisher's data: R's
 * {@code datasets::iris} documentation and {@code summary(iris)}, {@code sapply(iris[1:4], sd)},
 * {@code aggregate(. ~ Species, iris, mean)} (R 4.x), and the UCI errata as listed by Bezdek et al.,
 * "Will the real Iris data please stand up?", IEEE Trans. Fuzzy Systems 7 (1999) 368–369.
 */
@DisplayName("The bundled Iris data")
class IrisTest {

    private static final Iris.Flowers FLOWERS = Iris.load();

    /** Sums of one decimal digit per row: 150 additions of doubles err by far less than this. */
    private static final double MEAN_TOL = 1e-12;

    @Test
    @DisplayName("has 150 flowers, 50 of each species, in the UCI order (setosa, versicolor, virginica)")
    void counts() {
        assertEquals(150, FLOWERS.size());
        assertArrayEquals(new int[] {50, 50, 50}, FLOWERS.counts());
        for (int n = 0; n < 150; n++) {
            assertEquals(n / 50, FLOWERS.labels()[n], "species of row " + (n + 1));
        }
    }

    @ParameterizedTest(name = "column {0}: mean {1}, sd {2}")
    @CsvSource({
        "0, 876.5, 0.8280661279778629",   // Sepal.Length: sum 876.5, mean 5.843333
        "1, 458.6, 0.4358662849366982",   // Sepal.Width: mean 3.057333
        "2, 563.7, 1.7652982332594662",   // Petal.Length: mean 3.758
        "3, 179.9, 0.7622376689603465"})  // Petal.Width: mean 1.199333
    @DisplayName("has the published column means and standard deviations")
    void columns(int column, double sum, double sampleSd) {
        assertEquals(sum / 150, FLOWERS.mean(column), MEAN_TOL);
        // R's sd divides by n - 1; Flowers.standardDeviation by n
        assertEquals(sampleSd, FLOWERS.standardDeviation(column) * Math.sqrt(150.0 / 149), 1e-12);
    }

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}, {4}")
    @CsvSource({
        "0, 5.006, 3.428, 1.462, 0.246",
        "1, 5.936, 2.770, 4.260, 1.326",
        "2, 6.588, 2.974, 5.552, 2.026"})
    @DisplayName("has the published means per species")
    void speciesMeans(int species, double sepalLength, double sepalWidth, double petalLength, double petalWidth) {
        Iris.Flowers one = FLOWERS;
        double[] sums = new double[4];
        for (int n = 0; n < one.size(); n++) {
            if (one.labels()[n] == species) {
                for (int i = 0; i < 4; i++) {
                    sums[i] += one.features()[n][i];
                }
            }
        }
        assertArrayEquals(new double[] {sepalLength, sepalWidth, petalLength, petalWidth},
                new double[] {sums[0] / 50, sums[1] / 50, sums[2] / 50, sums[3] / 50}, 1e-12);
    }

    @Nested
    @DisplayName("follows Fisher, not the UCI copy, in the two rows where they differ")
    class Errata {

        @Test
        @DisplayName("row 35 is 4.9, 3.1, 1.5, 0.2")
        void row35() {
            assertArrayEquals(new double[] {4.9, 3.1, 1.5, 0.2}, FLOWERS.every(150, 34).features()[0]);
        }

        @Test
        @DisplayName("row 38 is 4.9, 3.6, 1.4, 0.1")
        void row38() {
            assertArrayEquals(new double[] {4.9, 3.6, 1.4, 0.1}, FLOWERS.every(150, 37).features()[0]);
        }
    }

    @Test
    @DisplayName("prints as a one-line summary, not 150 rows")
    void summary() {
        assertEquals("150 flowers, 4 measurements each: 50 setosa, 50 versicolor, 50 virginica", FLOWERS.toString());
    }
}
