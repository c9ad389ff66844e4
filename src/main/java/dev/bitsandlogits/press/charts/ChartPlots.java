package dev.bitsandlogits.press.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.BlockChart;

/**
 * The JFreeChart plots behind {@link BarChart} and {@link BlockChart}, styled like the line
 * charts of the {@code chart::} macro: same fonts, text colour and Okabe–Ito colours.
 */
public final class ChartPlots {

    public static final Color TEXT = new Color(0x33, 0x33, 0x33);
    public static final Color GRID = new Color(0xcc, 0xcc, 0xcc);
    /** Blue and vermilion from the Okabe–Ito palette: distinct for colour-blind readers too. */
    public static final Color[] LINES = {new Color(0x00, 0x72, 0xb2), new Color(0xd5, 0x5e, 0x00),
        new Color(0x00, 0x9e, 0x73), new Color(0xcc, 0x79, 0xa7)};
    private static final String LATIN_FAMILY = "DejaVu Sans";
    private static final ThreadLocal<String> FAMILY = ThreadLocal.withInitial(() -> LATIN_FAMILY);

    /** The font family the chart being drawn on this thread is measured with. */
    public static String family() {
        return FAMILY.get();
    }

    /** Charts drawn next on this thread are measured for an original page ({@code DejaVu Sans}) or a translation. */
    public static void measureWith(boolean original) {
        // Text in another script is measured with Java's logical sans-serif font, which falls back to the
        // machine's CJK fonts (DejaVu Sans has no Han glyphs: labels measured with it would overlap).
        FAMILY.set(familyFor(original));
    }

    /** The font family charts of an original page ({@code DejaVu Sans}) or of a translation are measured with. */
    public static String familyFor(boolean original) {
        return original ? LATIN_FAMILY : "SansSerif";
    }

    /** Back to the Latin font for charts drawn next on this thread. */
    public static void measureWithLatin() {
        FAMILY.remove();
    }

    private static Font label() {
        return new Font(family(), Font.PLAIN, 14);
    }

    private static Font tick() {
        return new Font(family(), Font.PLAIN, 12);
    }
    /** Blocks overlap (an entropy under a cross-entropy): translucent fills keep both visible. */
    private static final int BLOCK_ALPHA = 0x8c;

    private ChartPlots() {
    }

    /** Grouped bars, or stacked ones, with each bar's value written on it. */
    public static JFreeChart bars(BarChart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BarChart.Series s : chart.series()) {
            double[] values = s.values();
            for (int i = 0; i < values.length; i++) {
                data.addValue(values[i], s.name(), chart.categories().get(i));
            }
        }
        boolean legend = chart.series().size() > 1;
        JFreeChart jfree = chart.stacked()
                ? ChartFactory.createStackedBarChart(null, chart.categoryLabel(), chart.valueLabel(), data,
                        PlotOrientation.VERTICAL, legend, false, false)
                : ChartFactory.createBarChart(null, chart.categoryLabel(), chart.valueLabel(), data,
                        PlotOrientation.VERTICAL, legend, false, false);
        background(jfree);
        CategoryPlot plot = jfree.getCategoryPlot();
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        // A category such as "tilted (0.4, 0.3, 0.2, 0.1)" wraps instead of ending in "…".
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < chart.series().size(); i++) {
            renderer.setSeriesPaint(i, LINES[i % LINES.length]);
        }
        DecimalFormat format = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(tick());
        renderer.setDefaultItemLabelPaint(TEXT);
        if (chart.stacked()) {
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
            renderer.setDefaultItemLabelPaint(Color.WHITE);
        } else {
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        legend(jfree.getLegend());
        return jfree;
    }

    /** Filled, outlined rectangles on two number axes, each with its label at its centre. */
    public static JFreeChart blocks(BlockChart chart) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (BlockChart.Series s : chart.series()) {
            XYIntervalSeries series = new XYIntervalSeries(s.name(), false, true);
            for (BlockChart.Block b : s.blocks()) {
                series.add((b.x0() + b.x1()) / 2, b.x0(), b.x1(), b.y1(), b.y0(), b.y1());
            }
            data.addSeries(series);
        }
        JFreeChart jfree = ChartFactory.createXYBarChart(null, chart.xLabel(), false, chart.yLabel(), data,
                PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
        background(jfree);
        XYPlot plot = jfree.getXYPlot();
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setMargin(0);
        for (int i = 0; i < chart.series().size(); i++) {
            Color c = LINES[i % LINES.length];
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), BLOCK_ALPHA));
            renderer.setSeriesOutlinePaint(i, c);
            renderer.setSeriesOutlineStroke(i, new BasicStroke(i == 0 ? 1.5f : 2f));
        }
        plot.setRenderer(renderer);
        for (BlockChart.Series s : chart.series()) {
            for (BlockChart.Block b : s.blocks()) {
                if (!b.label().isEmpty()) {
                    XYTextAnnotation label = new XYTextAnnotation(b.label(), (b.x0() + b.x1()) / 2,
                            (b.y0() + b.y1()) / 2);
                    label.setFont(tick());
                    label.setPaint(TEXT);
                    plot.addAnnotation(label);
                }
            }
        }
        legend(jfree.getLegend());
        return jfree;
    }

    private static void background(JFreeChart jfree) {
        jfree.setBackgroundPaint(null);
        jfree.setAntiAlias(true);
        jfree.setTextAntiAlias(true);
    }

    private static void axis(Axis axis) {
        axis.setLabelFont(label());
        axis.setTickLabelFont(tick());
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(TEXT);
        axis.setTickMarkPaint(TEXT);
    }

    private static void legend(LegendTitle legend) {
        if (legend != null) {
            legend.setBackgroundPaint(null);
            legend.setItemFont(tick());
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
        }
    }
}
