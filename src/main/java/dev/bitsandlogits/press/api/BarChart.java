package dev.bitsandlogits.press.api;

import java.util.List;
import java.util.Objects;

/**
 * A bar chart computed by a listings method and drawn at build time by the site's
 * {@code chart::name[]} macro: one group of bars per category, one bar per series in each group
 * (or, when {@code stacked}, the series' bars piled on one another). Data only, like {@link Chart}.
 *
 * @param title         the heading shown under the chart, also the SVG's {@code <title>}
 * @param description   a sentence saying what the chart shows, the SVG's {@code <desc>}
 * @param categoryLabel the label of the axis along which the categories stand
 * @param valueLabel    the label of the value axis
 * @param categories    the categories' names, in order
 * @param series        the values, each series with one value a category
 * @param stacked       whether the series are piled up (their sum is the bar's height) or side by side
 */
public record BarChart(String title, String description, String categoryLabel, String valueLabel,
        List<String> categories, List<Series> series, boolean stacked) {

    public BarChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categoryLabel, "categoryLabel");
        Objects.requireNonNull(valueLabel, "valueLabel");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (series.isEmpty() || categories.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category and one series");
        }
        for (Series s : series) {
            if (s.values.length != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name + "' has " + s.values.length
                        + " values but there are " + categories.size() + " categories");
            }
        }
    }

    /**
     * One series: a value for each category.
     *
     * @param name   the legend entry
     * @param values one a category, in the categories' order
     */
    public record Series(String name, double[] values) {

        public Series {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }
}
