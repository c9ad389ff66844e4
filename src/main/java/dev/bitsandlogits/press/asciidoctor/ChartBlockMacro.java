package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.BuildStore;
import static dev.bitsandlogits.press.charts.ChartPlots.GRID;
import static dev.bitsandlogits.press.charts.ChartPlots.LINES;
import static dev.bitsandlogits.press.charts.ChartPlots.TEXT;
import static dev.bitsandlogits.press.charts.ChartPlots.family;

import dev.bitsandlogits.press.charts.ChartPlots;
import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.charts.ChartStrings;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.BlockChart;
import dev.bitsandlogits.press.api.Chart;

/**
 * {@code chart::binary-entropy[]} — draws a chart computed by the listings and places it on the
 * page as an inline SVG figure.
 *
 * <p>Convention: the target, in kebab case, names a {@code public static Chart} method without
 * parameters in any class of {@code dev.bitsandlogits.listings} (returning a {@link BarChart} or
 * a {@link BlockChart} draws bars or rectangles instead of lines), in camel case with {@code Chart}
 * appended: {@code chart::binary-entropy[]} calls {@code binaryEntropyChart()}. An unknown name,
 * or two classes with that method, fails the build at the macro's line.
 *
 * <p>The chart is drawn with JFreeChart into JFreeSVG's {@code SVGGraphics2D}: text stays
 * {@code <text>} (searchable, scalable, themable by CSS), and the defs-key prefix is the chart's
 * name, so the bytes are the same on every build and two charts on a page cannot share ids. The
 * SVG gets {@code class="chart"}, {@code role="img"} and a {@code <title>} and {@code <desc>}
 * from the {@link Chart} — its text alternative — and is also written to
 * {@code charts/<name>.svg} beside the page, linked under the figure.
 */
@Name("chart")
public final class ChartBlockMacro extends BlockMacroProcessor {

    private static final String LISTINGS = "dev.bitsandlogits.listings";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final String FONT_FAMILY = "DejaVu Sans, sans-serif";

    /** What a chart method may return: a line chart, bars, or rectangles whose areas mean something. */
    private static final List<Class<?>> KINDS = List.of(Chart.class, BarChart.class, BlockChart.class);


    private final Conversion book;

    public ChartBlockMacro(Conversion book) {
        this.book = book;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        PageContext page = book.page();
        long start = System.nanoTime();
        try {
            return chart(parent, target, page);
        } finally {
            page.chartNanos += System.nanoTime() - start;
        }
    }

    private StructuralNode chart(StructuralNode parent, String target, PageContext page) {
        String needle = "chart::" + target + "[";
        if (!target.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            page.report(needle, "chart name '" + target + "' must be kebab case, e.g. chart::binary-entropy[]");
            return null;
        }
        String methodName = methodName(target);
        List<Method> found = find(page.config, book.listingsLoader(), methodName);
        if (found.size() != 1) {
            page.report(needle, found.isEmpty()
                    ? "unknown chart '" + target + "': no public static Chart " + methodName + "() in " + LISTINGS
                    : "chart '" + target + "' is ambiguous: " + methodName + "() is defined in "
                            + found.stream().map(m -> m.getDeclaringClass().getSimpleName()).toList());
            return null;
        }
        Edition edition = page.edition != null ? page.edition : Edition.of(page.config.docsDir(), page.file);
        String family = ChartPlots.familyFor(edition.original());
        BuildStore store = BuildStore.of(page.config.root(), "charts", storeVersion());
        String key = storeKey(page.config, edition, target, found.get(0), family);
        String[] stored = decode(store.get(key));
        if (stored != null) {
            page.claim(needle);
            return place(parent, target, edition, stored[0], stored[1], stored[2], stored[3]);
        }
        Object chart;
        try {
            chart = found.get(0).invoke(null);
        } catch (InvocationTargetException e) {
            page.report(needle, "chart '" + target + "': " + methodName + "() threw " + e.getCause());
            return null;
        } catch (ReflectiveOperationException e) {
            page.report(needle, "chart '" + target + "': cannot call " + methodName + "(): " + e);
            return null;
        }
        if (!edition.original()) {
            // A translated page shows the chart in its language, from the translation's table of chart text.
            Set<String> missing = new LinkedHashSet<>();
            chart = ChartStrings.of(page.config, edition).translate(chart, missing);
            if (!missing.isEmpty()) {
                page.report(needle, "chart '" + target + "' has text with no " + edition.lang() + " translation in "
                        + page.config.relative(edition.docsDir().resolve(ChartStrings.FILE)) + ": "
                        + String.join(" | ", missing.stream().map(s -> "\"" + s + "\"").toList())
                        + " (add each as a pair of lines: the English text, then its translation)");
                return null;
            }
        }
        page.claim(needle);
        String svg;
        String narrow;
        // Text in another script is measured with Java's logical sans-serif font, which falls back to the
        // machine's CJK fonts (DejaVu Sans has no Han glyphs: labels measured with it would overlap).
        ChartPlots.measureWith(edition.original());
        try {
            svg = svg(target, chart, WIDE);
            // A phone shows a second drawing, narrower and with the same type sizes: the wide one scaled to 350 px
            // would set its 13 px labels at 6 px.
            narrow = svg(target, chart, NARROW);
        } finally {
            ChartPlots.measureWithLatin();
        }
        String title = chart instanceof BarChart bars ? bars.title()
                : chart instanceof BlockChart blocks ? blocks.title() : ((Chart) chart).title();
        String description = chart instanceof BarChart bars ? bars.description()
                : chart instanceof BlockChart blocks ? blocks.description() : ((Chart) chart).description();
        store.put(key, encode(title, description, svg, narrow));
        return place(parent, target, edition, title, description, svg, narrow);
    }

    /** Writes the two drawings beside the page and places the figure that refers to them. */
    private StructuralNode place(StructuralNode parent, String target, Edition edition, String title, String description,
            String svg, String narrow) {
        Path outdir = outputDirectory(parent);
        if (outdir != null) {
            write(outdir.resolve("charts").resolve(target + ".svg"),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n");
            write(outdir.resolve("charts").resolve(target + NARROW.suffix() + ".svg"),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + narrow + "\n");
        }
        // The page refers to the drawings instead of carrying them: inline, the two SVGs were a third of a chapter's
        // HTML (160 KB of 430 on chapter 5) and a thousand elements the browser parsed before the first paint; as
        // images the phone fetches only the narrow one, the desktop only the wide one, each when it nears the screen,
        // and their width and height keep the page from shifting when they arrive.
        String html = "<figure class=\"chart-figure\" id=\"chart-" + target + "\">\n<picture>"
                + "<source media=\"(max-width: 40em)\" srcset=\"charts/" + target + NARROW.suffix() + ".svg\" width=\""
                + NARROW.width() + "\" height=\"" + NARROW.height() + "\">"
                + "<img class=\"chart chart-img\" src=\"charts/" + target + ".svg\" width=\"" + WIDE.width() + "\" height=\""
                + WIDE.height() + "\" loading=\"lazy\" decoding=\"async\" alt=\"" + Html.escape(description) + "\"></picture>\n"
                + "<figcaption>" + Html.escape(title) + " <a class=\"chart-download\" href=\"charts/"
                + target + ".svg\">(" + Html.escape(edition.messages().get("chart.svg")) + ")</a></figcaption>\n</figure>";
        parseContent(parent, List.of("++++", html, "++++"));
        return null;
    }

    private static volatile String storeVersion;

    /**
     * What decides every stored chart besides its own key: the classes that draw and translate
     * charts ({@code Chart*} of the builder), JFreeChart's and JFreeSVG's jars, the JDK, and the
     * fonts installed (text is measured with them).
     */
    static String storeVersion() {
        String v = storeVersion;
        if (v == null) {
            v = BuildStore.chain("bits-and-logits chart store 1",
                    BuildStore.builderClasses(java.util.regex.Pattern.compile("[A-Za-z]*Chart[A-Za-z]*(\\$[^/]*)?\\.class"), ChartBlockMacro.class, dev.bitsandlogits.press.charts.ChartPlots.class, dev.bitsandlogits.press.api.Chart.class),
                    BuildStore.codeSource(JFreeChart.class), BuildStore.codeSource(SVGGraphics2D.class),
                    Runtime.version().toString(), System.getProperty("java.home", ""), fonts());
            storeVersion = v;
        }
        return v;
    }

    /** The font files the JDK and fontconfig can find, by path, size and time. */
    private static String fonts() {
        StringBuilder list = new StringBuilder();
        for (String root : List.of("/usr/share/fonts", "/usr/local/share/fonts", System.getProperty("user.home") + "/.fonts",
                System.getProperty("user.home") + "/.local/share/fonts", System.getProperty("java.home") + "/lib/fonts",
                "/etc/fonts")) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    list.append(f).append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                }
            } catch (IOException | UncheckedIOException e) {
                list.append(root).append(" unreadable ").append(System.nanoTime()).append('\n');
            }
        }
        return list.toString();
    }

    /**
     * One chart's key: its name and method, the class files it can reach in the compiled classes (its
     * listings class, the library), the edition, the font family it is measured with, and a
     * translation's table of chart text.
     */
    private static String storeKey(BuildConfig config, Edition edition, String target, Method method, String family) {
        String strings = "";
        if (!edition.original()) {
            Path file = edition.docsDir().resolve(ChartStrings.FILE);
            try {
                strings = Files.isRegularFile(file) ? BuildStore.sha256Hex(Files.readAllBytes(file)) : "none";
            } catch (IOException e) {
                strings = "unreadable " + System.nanoTime();
            }
        }
        return BuildStore.chain(storeVersion(), target, method.getDeclaringClass().getName() + "#" + method.getName(),
                BuildStore.reachableClasses(config.classesDir(), method.getDeclaringClass().getName()),
                edition.original() ? "" : edition.lang(), family, strings);
    }

    private static byte[] encode(String... fields) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(fields.length);
            for (String f : fields) {
                byte[] b = f.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Title, description, wide and narrow SVG; null for nothing stored or anything unexpected. */
    private static String[] decode(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(body));
            if (in.readInt() != 4) {
                return null;
            }
            String[] fields = new String[4];
            for (int i = 0; i < 4; i++) {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    return null;
                }
                fields[i] = new String(in.readNBytes(n), StandardCharsets.UTF_8);
            }
            return in.read() == -1 ? fields : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The directory the page is written to. While the document is parsed the {@code outdir}
     * attribute is not set yet, so fall back to the {@code to_dir} and {@code to_file} options
     * that {@link Book} passes; null when converting to a string.
     */
    static Path outputDirectory(StructuralNode parent) {
        var document = parent.getDocument();
        Object outdir = document.getAttribute("outdir");
        if (outdir != null) {
            return Path.of(outdir.toString());
        }
        Map<?, ?> options = document.getOptions();
        Object toDir = options.get("to_dir");
        if (toDir != null) {
            return Path.of(toDir.toString());
        }
        Object toFile = options.get("to_file");
        return toFile == null ? null : Path.of(toFile.toString()).toAbsolutePath().getParent();
    }

    private static String twoDecimals(double v) {
        String text = new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** {@code binary-entropy} → {@code binaryEntropyChart}. */
    static String methodName(String kebab) {
        StringBuilder name = new StringBuilder();
        for (String part : kebab.split("-")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.append("Chart").toString();
    }

    private static List<Method> find(BuildConfig config, ClassLoader loader, String methodName) {
        Path dir = config.classesDir().resolve(LISTINGS.replace('.', '/'));
        List<Method> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        List<String> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> LISTINGS + "." + n.substring(0, n.length() - ".class".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : classes) {
            try {
                Method m = Class.forName(name, true, loader).getMethod(methodName);
                if (Modifier.isStatic(m.getModifiers()) && KINDS.contains(m.getReturnType())) {
                    found.add(m);
                }
            } catch (NoSuchMethodException e) {
                continue;
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled listings class " + name + " is not on the class path", e);
            }
        }
        return found;
    }

    /** A drawing's canvas and type sizes; {@code suffix} keeps its ids apart from the other drawing's. */
    record Layout(int width, int height, float tick, float label, String suffix, String cssClass) {
    }

    /** For a column of ~720 px: 13 px ticks, 14 px axis labels, at least 11 px on a 1280 px window. */
    static final Layout WIDE = new Layout(WIDTH, HEIGHT, 13f, 14f, "", "chart-wide");
    /** For a phone's ~350 px column: the canvas barely scales, so 12 px type stays ~11.5 px. */
    static final Layout NARROW = new Layout(360, 300, 12f, 13f, "-narrow", "chart-narrow");

    /** The chart as an {@code <svg>} element with a title, a description and real text. */
    static String svg(String name, Chart chart) {
        return svg(name, chart, WIDE);
    }

    static String svg(String name, Chart chart, Layout layout) {
        System.setProperty("java.awt.headless", "true");
        // JFreeChart's workaround for rotated text goes through TextLayout, which JFreeSVG can only
        // draw as glyph outlines: the y-axis label would be a path, invisible to search and screen
        // readers. Without it the label is a rotated <text>.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
        XYSeriesCollection data = new XYSeriesCollection();
        for (Chart.Series s : chart.series()) {
            XYSeries series = new XYSeries(s.name(), false, true);
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                series.add(x[i], y[i]);
            }
            data.addSeries(series);
        }
        JFreeChart jfree = ChartFactory.createXYLineChart(null, chart.xLabel(), chart.yLabel(), data,
                PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
        style(jfree, chart.series().size(), layout);
        return render(name, chart.title(), chart.description(), jfree, layout);
    }

    /** A line chart, bars or rectangles, in the given layout. */
    static String svg(String name, Object chart, Layout layout) {
        if (chart instanceof BarChart bars) {
            return svg(name, bars, layout);
        }
        if (chart instanceof BlockChart blocks) {
            return svg(name, blocks, layout);
        }
        return svg(name, (Chart) chart, layout);
    }

    static String svg(String name, BarChart chart) {
        return svg(name, chart, WIDE);
    }

    static String svg(String name, BlockChart chart) {
        return svg(name, chart, WIDE);
    }

    /** Bars as an {@code <svg>} element, like {@link #svg(String, Chart)}. */
    static String svg(String name, BarChart chart, Layout layout) {
        System.setProperty("java.awt.headless", "true");
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
        return render(name, chart.title(), chart.description(), ChartPlots.bars(chart), layout);
    }

    /** Rectangles as an {@code <svg>} element, like {@link #svg(String, Chart)}. */
    static String svg(String name, BlockChart chart, Layout layout) {
        System.setProperty("java.awt.headless", "true");
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
        return render(name, chart.title(), chart.description(), ChartPlots.blocks(chart), layout);
    }

    private static String render(String name, String title, String description, JFreeChart jfree, Layout layout) {
        int width = layout.width();
        int height = layout.height();
        name = name + layout.suffix();

        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("chart-" + name + "-");
        // Two decimals of a pixel are finer than any screen; full doubles tripled the file size.
        g.setGeomDoubleConverter(ChartBlockMacro::twoDecimals);
        g.setTransformDoubleConverter(ChartBlockMacro::twoDecimals);
        g.setFontFunction(family -> FONT_FAMILY);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        jfree.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement("chart-" + name + "-svg", false,
                new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
        String titleId = "chart-" + name + "-title";
        String descId = "chart-" + name + "-desc";
        int open = svg.indexOf('>') + 1;
        return svg.substring(0, open).replaceFirst("<svg ", "<svg class=\"chart " + layout.cssClass() + "\" role=\"img\" aria-labelledby=\""
                + titleId + " " + descId + "\" ")
                + "<title id=\"" + titleId + "\">" + Html.escape(title) + "</title>"
                + "<desc id=\"" + descId + "\">" + Html.escape(description) + "</desc>"
                + svg.substring(open);
    }

    private static void style(JFreeChart jfree, int seriesCount, Layout layout) {
        jfree.setBackgroundPaint(null);
        jfree.setAntiAlias(true);
        jfree.setTextAntiAlias(true);
        XYPlot plot = jfree.getXYPlot();
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        Font label = new Font(family(), Font.PLAIN, 1).deriveFont(layout.label());
        Font tick = new Font(family(), Font.PLAIN, 1).deriveFont(layout.tick());
        for (NumberAxis axis : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            axis.setLabelFont(label);
            axis.setTickLabelFont(tick);
            axis.setLabelPaint(TEXT);
            axis.setTickLabelPaint(TEXT);
            axis.setAxisLinePaint(TEXT);
            axis.setTickMarkPaint(TEXT);
            axis.setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // One <path> per series instead of one styled <line> per segment: 200 KB -> a few KB a chart.
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, LINES[i % LINES.length]);
            // Dashes as well as colour, so the curves differ in greyscale too.
            renderer.setSeriesStroke(i, i == 0 ? new BasicStroke(2.5f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                            new float[] {8f * i, 5f}, 0f));
        }
        plot.setRenderer(renderer);
        LegendTitle legend = jfree.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(null);
            legend.setItemFont(tick);
            legend.setItemPaint(TEXT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
