package dev.bitsandlogits.listings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fisher's Iris data (1936), bundled as {@code iris.csv} beside this class; the file's header
 * says where it comes from and why it may be shipped. Chapter 8 trains a classifier on it.
 */
public final class Iris {

    /** The species, in the order of their class numbers 0, 1, 2. */
    public static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    /** The four measurements of each flower, in centimetres, in the order of the columns. */
    public static final List<String> MEASUREMENTS = List.of("sepal length", "sepal width", "petal length", "petal width");

    private static final String RESOURCE = "iris.csv";

    private Iris() {
    }

    /**
     * A set of flowers: one row of features and one class number each. Its {@code toString} is a
     * one-line summary, so that JShell does not print 150 rows under a snippet.
     *
     * @param features {@code features[n]} are the measurements of flower n
     * @param labels   {@code labels[n]} is its class: 0 setosa, 1 versicolor, 2 virginica
     */
    public record Flowers(double[][] features, int[] labels) {

        public Flowers {
            if (features.length != labels.length) {
                throw new IllegalArgumentException("features has " + features.length + " rows but labels has " + labels.length);
            }
        }

        /** The number of flowers. */
        public int size() {
            return labels.length;
        }

        /** How many flowers of each species: {@code counts()[c]} for class c. */
        public int[] counts() {
            int[] counts = new int[SPECIES.size()];
            for (int label : labels) {
                counts[label]++;
            }
            return counts;
        }

        /** The mean of column {@code i}. */
        public double mean(int i) {
            double sum = 0;
            for (double[] row : features) {
                sum += row[i];
            }
            return sum / features.length;
        }

        /** The standard deviation of column {@code i}, dividing by the number of rows. */
        public double standardDeviation(int i) {
            double mean = mean(i);
            double sum = 0;
            for (double[] row : features) {
                sum += (row[i] - mean) * (row[i] - mean);
            }
            return Math.sqrt(sum / features.length);
        }

        /** The flowers whose position {@code n} has {@code n % k == r}, in order. */
        public Flowers every(int k, int r) {
            return select(k, r, true);
        }

        /** The flowers whose position {@code n} has {@code n % k != r}, in order. */
        public Flowers allBut(int k, int r) {
            return select(k, r, false);
        }

        private Flowers select(int k, int r, boolean keep) {
            List<double[]> rows = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int n = 0; n < size(); n++) {
                if ((n % k == r) == keep) {
                    rows.add(features[n]);
                    kept.add(labels[n]);
                }
            }
            return new Flowers(rows.toArray(new double[0][]), kept.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Every column shifted by {@code mean[i]} and divided by {@code scale[i]}: {@code (x − μ) / s}. */
        public Flowers standardized(double[] mean, double[] scale) {
            double[][] scaled = new double[size()][];
            for (int n = 0; n < size(); n++) {
                scaled[n] = new double[features[n].length];
                for (int i = 0; i < features[n].length; i++) {
                    scaled[n][i] = (features[n][i] - mean[i]) / scale[i];
                }
            }
            return new Flowers(scaled, labels);
        }

        /** The labels as one-hot rows, as {@code Gradients.softmaxCrossEntropyWithLogits} takes them. */
        public double[][] oneHot() {
            double[][] rows = new double[size()][SPECIES.size()];
            for (int n = 0; n < size(); n++) {
                rows[n][labels[n]] = 1.0;
            }
            return rows;
        }

        @Override
        public String toString() {
            int[] c = counts();
            return size() + " flowers, " + features[0].length + " measurements each: " + c[0] + " setosa, " + c[1]
                    + " versicolor, " + c[2] + " virginica";
        }
    }

    /** Reads the 150 flowers from the bundled {@code iris.csv}. */
    public static Flowers load() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream in = Iris.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path beside " + Iris.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",");
                int label = SPECIES.indexOf(cells.length == 5 ? cells[4] : "");
                if (label < 0) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected 4 numbers and a species, found '" + line + "'");
                }
                double[] row = new double[4];
                for (int i = 0; i < 4; i++) {
                    row[i] = Double.parseDouble(cells[i]);
                }
                rows.add(row);
                labels.add(label);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new Flowers(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
