package dev.bitsandlogits.press.api;

import java.util.List;
import java.util.Objects;

/**
 * A line chart computed by a listings method and drawn at build time by the site's
 * {@code chart::name[]} macro. The chart is data only: it knows nothing of how it is drawn.
 *
 * @param title       the heading shown above the chart, also the SVG's {@code <title>}
 * @param description a sentence saying what the chart shows, the SVG's {@code <desc>}: the text
 *                    alternative for readers who cannot see it
 * @param xLabel      the horizontal axis' label
 * @param yLabel      the vertical axis' label
 * @param series      the curves, drawn in order
 */
public record Chart(String title, String description, String xLabel, String yLabel, List<Series> series) {

    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
    }

    /**
     * One curve: the points {@code (x[i], y[i])}, joined in order.
     *
     * @param name the legend entry
     * @param x    abscissas
     * @param y    ordinates, as many as {@code x}
     */
    public record Series(String name, double[] x, double[] y) {

        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length
                        + " points but y has " + y.length);
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }
}
