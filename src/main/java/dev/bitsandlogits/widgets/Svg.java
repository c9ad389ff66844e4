package dev.bitsandlogits.widgets;

/**
 * A small plot drawn as SVG markup, on the JVM and in the browser alike: axes with ticks, lines,
 * dots and bars in data coordinates. Coordinates are written to a tenth of a pixel with integer
 * arithmetic (no {@code String.format}). Colours are CSS classes ({@code w-c1}…), so the site's
 * stylesheet themes them.
 */
public final class Svg {

    private static final int LEFT = 50;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private final StringBuilder out = new StringBuilder(4096);
    private final int width;
    private final int height;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    /** A plot of {@code [x0, x1] × [y0, y1]} on a {@code width × height} canvas, with margins for the axes. */
    public Svg(int width, int height, double x0, double x1, double y0, double y1) {
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    public double px(double x) {
        return LEFT + (x - x0) / (x1 - x0) * (width - LEFT - RIGHT);
    }

    public double py(double y) {
        return height - BOTTOM - (y - y0) / (y1 - y0) * (height - TOP - BOTTOM);
    }

    /** The x axis at the bottom with a label and ticks at {@code ticks}. */
    public Svg xAxis(String label, double[] ticks) {
        double y = height - BOTTOM;
        out.append("<g class=\"w-axis\"><path d=\"M").append(n(LEFT)).append(' ').append(n(y)).append('H')
                .append(n(width - RIGHT)).append("\"/>");
        for (double t : ticks) {
            double x = px(t);
            out.append("<path class=\"w-grid\" d=\"M").append(n(x)).append(' ').append(n(TOP)).append('V').append(n(y))
                    .append("\"/><text x=\"").append(n(x)).append("\" y=\"").append(n(y + 16))
                    .append("\" text-anchor=\"middle\">").append(tick(t)).append("</text>");
        }
        out.append("<text x=\"").append(n((LEFT + width - RIGHT) / 2.0)).append("\" y=\"").append(n(height - 6))
                .append("\" text-anchor=\"middle\">").append(escape(label)).append("</text></g>");
        return this;
    }

    /** The y axis at the left with a label and ticks at {@code ticks}. */
    public Svg yAxis(String label, double[] ticks) {
        out.append("<g class=\"w-axis\"><path d=\"M").append(n(LEFT)).append(' ').append(n(TOP)).append('V')
                .append(n(height - BOTTOM)).append("\"/>");
        for (double t : ticks) {
            double y = py(t);
            out.append("<path class=\"w-grid\" d=\"M").append(n(LEFT)).append(' ').append(n(y)).append('H')
                    .append(n(width - RIGHT)).append("\"/><text x=\"").append(n(LEFT - 6)).append("\" y=\"")
                    .append(n(y + 4)).append("\" text-anchor=\"end\">").append(tick(t)).append("</text>");
        }
        double cy = (TOP + height - BOTTOM) / 2.0;
        out.append("<text transform=\"translate(14 ").append(n(cy)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(escape(label)).append("</text></g>");
        return this;
    }

    /** A polyline through the finite points; a non-finite y breaks it. {@code cls} picks its colour. */
    public Svg line(double[] xs, double[] ys, String cls) {
        out.append("<path class=\"w-line ").append(cls).append("\" d=\"");
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(ys[i]) || Double.isInfinite(ys[i])) {
                pen = false;
                continue;
            }
            out.append(pen ? 'L' : 'M').append(n(px(xs[i]))).append(' ').append(n(py(clampY(ys[i])))).append(' ');
            pen = true;
        }
        if (out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        out.append("\"/>");
        return this;
    }

    /** A marked point, with a dashed drop line to the x axis. */
    public Svg dot(double x, double y, String cls) {
        if (Double.isNaN(y) || Double.isInfinite(y)) {
            return this;
        }
        double cx = px(x);
        double cy = py(clampY(y));
        out.append("<path class=\"w-drop ").append(cls).append("\" d=\"M").append(n(cx)).append(' ').append(n(cy))
                .append('V').append(n(height - BOTTOM)).append("\"/><circle class=\"w-dot ").append(cls)
                .append("\" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"6\"/>");
        return this;
    }

    /** A bar from 0 to {@code y} centred on {@code x}, {@code w} data units wide, with its value above it. */
    public Svg bar(double x, double w, double y, String cls, String valueText) {
        double left = px(x - w / 2);
        double right = px(x + w / 2);
        double top = y == Double.POSITIVE_INFINITY ? py(y1) : Double.isNaN(y) || Double.isInfinite(y) ? py(0) : py(clampY(y));
        double base = py(0);
        out.append("<rect class=\"w-bar ").append(cls).append("\" x=\"").append(n(left)).append("\" y=\"")
                .append(n(Math.min(top, base))).append("\" width=\"").append(n(right - left)).append("\" height=\"")
                .append(n(Math.abs(base - top))).append("\"/><text x=\"").append(n((left + right) / 2)).append("\" y=\"")
                .append(n(Math.min(top, base) - 5)).append("\" text-anchor=\"middle\">").append(escape(valueText))
                .append("</text>");
        return this;
    }

    /** A label under the x axis at data {@code x} (for bars). */
    public Svg category(double x, String label) {
        return category(x, label, 0);
    }

    /** A label under the x axis at data {@code x}, on line {@code row} (0 or 1: staggered when they would touch). */
    public Svg category(double x, String label, int row) {
        out.append("<text x=\"").append(n(px(x))).append("\" y=\"").append(n(height - BOTTOM + 16 + 15 * row))
                .append("\" text-anchor=\"middle\">").append(escape(label)).append("</text>");
        return this;
    }

    /** A legend entry at the top right, {@code row} lines down. */
    public Svg legend(int row, String cls, String label) {
        double x = width - RIGHT - (width < 480 ? 150 : 180);
        double y = TOP + 8 + row * 18;
        out.append("<path class=\"w-line ").append(cls).append("\" d=\"M").append(n(x)).append(' ').append(n(y - 4))
                .append('h').append(n(24)).append("\"/><text x=\"").append(n(x + 30)).append("\" y=\"").append(n(y))
                .append("\">").append(escape(label)).append("</text>");
        return this;
    }

    private double clampY(double y) {
        return Math.max(y0, Math.min(y1, y));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A pixel coordinate to one decimal, as integer arithmetic: {@code 12.34} → {@code 12.3}. */
    static String n(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        tenths = Math.abs(tenths);
        long whole = tenths / 10;
        long frac = tenths % 10;
        return frac == 0 ? sign + whole : sign + whole + "." + frac;
    }

    /** A tick label: {@code 0}, {@code 0.5}, {@code 1000}, {@code -1000}. */
    static String tick(double t) {
        String s = Numbers.format(t);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                s.append("&lt;");
            } else if (c == '&') {
                s.append("&amp;");
            } else if (c == '>') {
                s.append("&gt;");
            } else if (c == '"') {
                s.append("&quot;");
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
