package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Html;
import dev.bitsandlogits.press.core.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import dev.bitsandlogits.widgets.Readout;
import dev.bitsandlogits.widgets.Slider;
import dev.bitsandlogits.widgets.Widget;

/**
 * {@code widget::binary-entropy[]} — an interactive figure: the widget class
 * {@code dev.bitsandlogits.widgets.BinaryEntropyWidget} runs on the JVM to write the figure, its
 * sliders and its readouts at the sliders' start values (what a reader without JavaScript sees,
 * and what the page opens with), and its {@code main}, compiled by TeaVM ({@link WidgetCompiler}),
 * is written beside the page as {@code widgets/binary-entropy.js} to recompute them as the reader
 * moves the sliders. Its strings are the page's language's {@code widget.<name>.} keys of the
 * message bundle ({@link Messages}): the build draws with them and writes them into the figure
 * (its {@code data-s-<key>} attributes), where the script reads them,
 * so one compiled script serves every edition. An unknown widget, a string the widget needs that
 * the page's bundle lacks (or that the original's has and it lacks), a TeaVM failure, or more than
 * {@link #BUDGET} bytes of widget script on one page fails the build at the macro's line.
 */
@Name("widget")
public final class WidgetBlockMacro extends BlockMacroProcessor {

    public static final String PACKAGE = "dev.bitsandlogits.widgets";
    /** Widget JavaScript allowed on one page, uncompressed. */
    public static final int BUDGET = 60 * 1024;

    private final Conversion book;
    private final WidgetCompiler compiler;

    public WidgetBlockMacro(Conversion book, WidgetCompiler compiler) {
        this.book = book;
        this.compiler = compiler;
    }

    @Override
    public StructuralNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        PageContext page = book.page();
        long start = System.nanoTime();
        try {
            return widget(parent, target, page);
        } finally {
            page.widgetNanos += System.nanoTime() - start;
        }
    }

    private StructuralNode widget(StructuralNode parent, String target, PageContext page) {
        String needle = "widget::" + target + "[";
        if (!target.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            page.report(needle, "widget name '" + target + "' must be kebab case, e.g. widget::binary-entropy[]");
            return null;
        }
        String className = PACKAGE + "." + className(target);
        Widget widget;
        try {
            Class<?> type = Class.forName(className, true, book.listingsLoader());
            if (!Widget.class.isAssignableFrom(type)) {
                page.report(needle, "widget '" + target + "': " + className + " does not extend " + Widget.class.getName());
                return null;
            }
            widget = (Widget) type.getConstructor().newInstance();
            type.getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            page.report(needle, "unknown widget '" + target + "': no class " + className);
            return null;
        } catch (NoSuchMethodException e) {
            page.report(needle, "widget '" + target + "': " + className + " needs a public no-argument constructor and a"
                    + " public static void main(String[]) that calls WidgetRuntime.start(\"" + target + "\", new "
                    + className(target) + "())");
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException i ? i.getCause() : e;
            page.report(needle, "widget '" + target + "': cannot create " + className + ": " + cause);
            return null;
        }
        if (!page.widgets.add(target)) {
            page.report(needle, "widget '" + target + "' is already on this page: one of each per page");
            return null;
        }
        String html;
        Edition edition = page.edition != null ? page.edition : Edition.of(page.config.docsDir(), page.file);
        Set<String> missing = new TreeSet<>();
        try {
            html = html(target, widget, edition.messages(), missing);
        } catch (RuntimeException e) {
            page.report(needle, "widget '" + target + "' failed at its start values: " + e);
            return null;
        }
        if (!missing.isEmpty()) {
            page.report(needle, "widget '" + target + "' needs strings that src/main/resources/"
                    + Messages.resource(edition.lang()) + " lacks: " + String.join(", ", missing));
            return null;
        }
        WidgetCompiler.Result script;
        try {
            script = compiler.compile(page.config, className, entryPoint(target));
        } catch (RuntimeException e) {
            page.report(needle, "widget '" + target + "': " + e.getMessage());
            return null;
        }
        page.widgetBytes += script.javascript().getBytes(StandardCharsets.UTF_8).length;
        if (page.widgetBytes > BUDGET) {
            page.report(needle, "widget '" + target + "': this page's widget JavaScript is " + page.widgetBytes / 1024
                    + " KB, over the " + BUDGET / 1024 + " KB budget");
            return null;
        }
        page.claim(needle);
        Path outdir = ChartBlockMacro.outputDirectory(parent);
        if (outdir != null) {
            write(outdir.resolve("widgets").resolve(target + ".js"), script.javascript());
        }
        parseContent(parent, List.of("++++", html + "\n<script defer src=\"widgets/" + target + ".js\"></script>", "++++"));
        return null;
    }

    /** The figure, its sliders and its readouts at the sliders' start values, in the original language. */
    static String html(String name, Widget widget) {
        Set<String> missing = new TreeSet<>();
        String html = html(name, widget, Messages.of(Edition.ORIGINAL), missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("widget " + name + " lacks strings " + missing);
        }
        return html;
    }

    /** The prefix of widget {@code name}'s keys in the message bundles. */
    public static String prefix(String name) {
        return "widget." + name + ".";
    }

    /**
     * Gives {@code widget} its strings in {@code messages}' language; adds to {@code missing} (full
     * keys) each one it asks for that the bundle lacks, and each the original's bundle has and it lacks.
     */
    public static Map<String, String> strings(String name, Widget widget, Messages messages, Set<String> missing) {
        String prefix = prefix(name);
        Map<String, String> table = messages.withPrefix(prefix);
        for (String key : Messages.of(Edition.ORIGINAL).withPrefix(prefix).keySet()) {
            if (!table.containsKey(key)) {
                missing.add(prefix + key);
            }
        }
        widget.strings(key -> {
            String s = table.get(key);
            if (s == null) {
                missing.add(prefix + key);
                return key;
            }
            return s;
        });
        return table;
    }

    /**
     * The figure, its sliders and its readouts at the sliders' start values, in {@code messages}'
     * language, with the widget's strings for its script; {@code missing} collects the keys the
     * bundle lacks ({@link #strings}).
     */
    static String html(String name, Widget widget, Messages messages, Set<String> missing) {
        Map<String, String> table = strings(name, widget, messages, missing);
        String id = "widget-" + name;
        double[] x = widget.startValues();
        StringBuilder out = new StringBuilder(8192);
        out.append("<figure class=\"widget\" id=\"").append(id).append("\" data-widget=\"").append(name).append('"');
        // The words for the script (WidgetRuntime), which draws the figure again as the sliders move.
        table.forEach((k, v) -> out.append(' ').append(Widget.STRING_ATTRIBUTE).append(k).append("=\"").append(Html.escape(v))
                .append('"'));
        out.append(">\n");
        // Two drawings, as for charts: the stylesheet shows the narrow one on a phone, whose type would otherwise shrink to 7 px.
        for (String layout : new String[] {"wide", "narrow"}) {
            widget.narrow(layout.equals("narrow"));
            String svgId = id + (layout.equals("narrow") ? "-narrow" : "");
            out.append("<svg class=\"chart widget-svg chart-").append(layout).append("\" viewBox=\"0 0 ")
                    .append(widget.width()).append(' ').append(widget.height()).append("\" role=\"img\" aria-labelledby=\"")
                    .append(svgId).append("-title ").append(svgId).append("-desc\"><title id=\"").append(svgId)
                    .append("-title\">").append(Html.escape(widget.title())).append("</title><desc id=\"").append(svgId)
                    .append("-desc\">").append(Html.escape(widget.description())).append("</desc><g class=\"widget-plot\" data-layout=\"")
                    .append(layout).append("\">").append(widget.figure(x)).append("</g></svg>\n");
        }
        widget.narrow(false);
        out.append("<div class=\"widget-controls\">\n");
        Slider[] sliders = widget.sliders();
        for (int i = 0; i < sliders.length; i++) {
            Slider s = sliders[i];
            String input = id + "-" + s.id();
            String value = s.text(x[i]);
            out.append("<div class=\"widget-slider\"><label for=\"").append(input).append("\">")
                    .append(Html.escape(s.label())).append("</label><input type=\"range\" id=\"").append(input)
                    .append("\" data-slider=\"").append(s.id()).append("\" min=\"").append(s.from()).append("\" max=\"")
                    .append(s.to()).append("\" step=\"1\" value=\"").append(s.start()).append("\" aria-valuetext=\"")
                    .append(Html.escape(value)).append("\" disabled><output for=\"").append(input)
                    .append("\" data-slider=\"").append(s.id()).append("\">").append(Html.escape(value))
                    .append("</output></div>\n");
        }
        if (widget.playLabel() != null) {
            out.append("<div class=\"widget-play\"><button type=\"button\" data-play aria-pressed=\"false\" disabled>")
                    .append(Html.escape(widget.playLabel())).append("</button></div>\n");
        }
        out.append("</div>\n<dl class=\"widget-readouts\" aria-live=\"polite\">\n");
        for (Readout r : widget.readouts(x)) {
            // the exact double in a tooltip, as on the result lines
            out.append("<div><dt>").append(Html.escape(r.label())).append("</dt><dd data-readout title=\"")
                    .append(Double.toString(r.value())).append("\">")
                    .append(Html.escape(r.text())).append("</dd></div>\n");
        }
        out.append("</dl>\n<figcaption>").append(Html.escape(widget.title())).append("</figcaption>\n</figure>");
        return out.toString();
    }

    /** {@code binary-entropy} → {@code BinaryEntropyWidget}. */
    public static String className(String kebab) {
        StringBuilder name = new StringBuilder();
        for (String part : kebab.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("Widget").toString();
    }

    /** The script's global function: {@code binary-entropy} → {@code bitsAndLogitsWidget_binaryEntropy}. */
    static String entryPoint(String kebab) {
        String camel = className(kebab);
        return "bitsAndLogitsWidget_" + Character.toLowerCase(camel.charAt(0)) + camel.substring(1, camel.length() - "Widget".length());
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
