package dev.bitsandlogits.press.api;

import java.util.List;
import java.util.Objects;

/**
 * A chart of filled rectangles on two numeric axes, computed by a listings method and drawn at
 * build time by the site's {@code chart::name[]} macro: for pictures in which an area means
 * something (a share of the code space, probability times bits). Data only, like {@link Chart}.
 *
 * @param title       the heading shown under the chart, also the SVG's {@code <title>}
 * @param description a sentence saying what the chart shows, the SVG's {@code <desc>}
 * @param xLabel      the horizontal axis' label
 * @param yLabel      the vertical axis' label
 * @param series      the rectangles, one colour and legend entry a series, drawn in order
 */
public record BlockChart(String title, String description, String xLabel, String yLabel, List<Series> series) {

    public BlockChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a block chart needs at least one series");
        }
    }

    /**
     * Rectangles drawn in one colour, with one legend entry.
     *
     * @param name   the legend entry
     * @param blocks the rectangles
     */
    public record Series(String name, List<Block> blocks) {

        public Series {
            Objects.requireNonNull(name, "name");
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * The rectangle {@code [x0, x1] × [y0, y1]}, with a text written at its centre ("" for none).
     */
    public record Block(double x0, double x1, double y0, double y1, String label) {

        public Block {
            Objects.requireNonNull(label, "label");
            if (!(x0 <= x1 && y0 <= y1)) {
                throw new IllegalArgumentException("block [" + x0 + ", " + x1 + "] x [" + y0 + ", " + y1
                        + "] must have x0 <= x1 and y0 <= y1");
            }
        }
    }
}
