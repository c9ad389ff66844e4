package dev.bitsandlogits.press.asciidoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.BlockChart;
import dev.bitsandlogits.press.api.Chart;

@DisplayName("chart::name[] block macro")
class ChartBlockMacroTest {

    private static final Chart LINE = new Chart("A <line>", "y = 2x & nothing else", "x axis", "y axis",
            List.of(new Chart.Series("twice", new double[] {0, 1, 2}, new double[] {0, 2, 4}),
                    new Chart.Series("thrice", new double[] {0, 1, 2}, new double[] {0, 3, 6})));

    @Nested
    @DisplayName("maps the kebab-case name to a method")
    class Names {

        @ParameterizedTest(name = "{0} -> {1}()")
        @CsvSource({"binary-entropy, binaryEntropyChart", "learning-slowdown-cost, learningSlowdownCostChart",
            "x, xChart", "a2-b, a2BChart"})
        void methodName(String target, String method) {
            assertEquals(method, ChartBlockMacro.methodName(target));
        }
    }

    @Nested
    @DisplayName("draws an SVG that")
    class Svg {

        @Test
        @DisplayName("is the same, byte for byte, every time")
        void reproducible() {
            assertEquals(ChartBlockMacro.svg("line", LINE), ChartBlockMacro.svg("line", LINE));
        }

        @Test
        @DisplayName("has a class, a role and an escaped title and description as its text alternative")
        void accessible() {
            String svg = ChartBlockMacro.svg("line", LINE);
            assertTrue(svg.startsWith("<svg class=\"chart chart-wide\" role=\"img\" aria-labelledby=\"chart-line-title chart-line-desc\""), svg);
            assertTrue(svg.contains("<title id=\"chart-line-title\">A &lt;line&gt;</title>"), svg);
            assertTrue(svg.contains("<desc id=\"chart-line-desc\">y = 2x &amp; nothing else</desc>"), svg);
        }

        @Test
        @DisplayName("keeps its labels and legend as text in the chosen font")
        void realText() {
            String svg = ChartBlockMacro.svg("line", LINE);
            for (String text : new String[] {">x axis</text>", ">y axis</text>", ">twice</text>", ">thrice</text>"}) {
                assertTrue(svg.contains(text), "missing " + text);
            }
            assertTrue(svg.contains("font-family: DejaVu Sans, sans-serif"));
            assertFalse(svg.contains("<image"), "no raster images");
        }

        @Test
        @DisplayName("sets no type below 11 px where it is shown: the wide drawing in a 650 px column, the narrow one at 330 px")
        void readableType() {
            record Shown(ChartBlockMacro.Layout layout, double columnPx) {
            }
            for (Shown shown : new Shown[] {new Shown(ChartBlockMacro.WIDE, 650), new Shown(ChartBlockMacro.NARROW, 330)}) {
                String svg = ChartBlockMacro.svg("line", LINE, shown.layout());
                java.util.regex.Matcher box = java.util.regex.Pattern.compile("viewBox='0 0 (\\d+) \\d+'").matcher(svg);
                assertTrue(box.find(), "a viewBox");
                double scale = shown.columnPx() / Double.parseDouble(box.group(1));
                java.util.regex.Matcher size = java.util.regex.Pattern.compile("font-size: ([\\d.]+)px").matcher(svg);
                int texts = 0;
                while (size.find()) {
                    texts++;
                    double px = Double.parseDouble(size.group(1)) * scale;
                    assertTrue(px >= 11, shown.layout().cssClass() + ": text at " + px + " px");
                }
                assertTrue(texts > 10, "ticks, labels and legend are text");
            }
            String narrow = ChartBlockMacro.svg("line", LINE, ChartBlockMacro.NARROW);
            assertTrue(narrow.contains("id=\"chart-line-narrow-title\"") && narrow.contains("id='chart-line-narrow-clip-0'"),
                    "the narrow drawing's ids differ from the wide one's on the same page");
        }

        @Test
        @DisplayName("prefixes its ids with the chart name, so two charts on a page cannot clash")
        void ids() {
            String svg = ChartBlockMacro.svg("line", LINE);
            assertTrue(svg.contains("id='chart-line-clip-0'"), svg.substring(0, 600));
        }
    
        @Test
        @DisplayName("leaves a gap where an ordinate is NaN (a value that cannot be drawn), and writes no NaN")
        void gap() {
            Chart gapped = new Chart("gap", "a line with a hole", "x", "y", List.of(new Chart.Series("holed",
                    new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, Double.NaN, 3, 4})));
            String svg = ChartBlockMacro.svg("gap", gapped);
            assertFalse(svg.contains("NaN"), "NaN written into the SVG");
            // the series is one path; the gap is a second move-to inside it
            String longest = java.util.regex.Pattern.compile("d='([^']*)'").matcher(svg).results()
                    .map(m -> m.group(1)).filter(d -> d.contains("L")).reduce("", (a, b) -> b.length() > a.length() ? b : a);
            assertEquals(2, longest.chars().filter(ch -> ch == 'M').count(), longest);
        }
    }

    @Nested
    @DisplayName("draws bars and blocks that")
    class OtherKinds {

        private final BarChart bars = new BarChart("Two <bars>", "a & b", "model", "bits",
                List.of("uniform", "close"), List.of(new BarChart.Series("H(p)", new double[] {1.75, 1.75}),
                        new BarChart.Series("D(p||q)", new double[] {0.25, 0.5})), true);
        private final BlockChart blocks = new BlockChart("Code space", "four codewords", "share", "length",
                List.of(new BlockChart.Series("codewords", List.of(new BlockChart.Block(0, 0.5, 0, 1, "0 (A)"),
                        new BlockChart.Block(0.5, 0.75, 0, 2, "10 (B)")))));

        @Test
        @DisplayName("carry their title, description, axis labels, legend and values as text")
        void realText() {
            String svg = ChartBlockMacro.svg("bars", bars);
            assertTrue(svg.contains("<title id=\"chart-bars-title\">Two &lt;bars&gt;</title>"), svg);
            assertTrue(svg.contains("<desc id=\"chart-bars-desc\">a &amp; b</desc>"), svg);
            for (String text : new String[] {">model</text>", ">bits</text>", ">uniform</text>", ">close</text>",
                ">H(p)</text>", ">D(p||q)</text>", ">1.75</text>", ">0.25</text>", ">0.5</text>"}) {
                assertTrue(svg.contains(text), "missing " + text + " in " + svg.replaceAll("(?s).*?(>[^<>]+</text>)|.*", "$1"));
            }
            String codeSpace = ChartBlockMacro.svg("space", blocks);
            for (String text : new String[] {">share</text>", ">length</text>", ">0 (A)</text>", ">10 (B)</text>"}) {
                assertTrue(codeSpace.contains(text), "missing " + text);
            }
        }

        @Test
        @DisplayName("are the same, byte for byte, every time, with ids prefixed by the chart name")
        void reproducible() {
            assertEquals(ChartBlockMacro.svg("bars", bars), ChartBlockMacro.svg("bars", bars));
            assertEquals(ChartBlockMacro.svg("space", blocks), ChartBlockMacro.svg("space", blocks));
            assertTrue(ChartBlockMacro.svg("space", blocks).contains("id='chart-space-clip-0'"));
        }

        @Test
        @DisplayName("draw a block as a rectangle whose width is its share of the x axis")
        void blockWidths() {
            String svg = ChartBlockMacro.svg("space", blocks);
            // Two filled rectangles, the first twice as wide as the second.
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("<rect x='([0-9.]+)' y='[0-9.]+' width='([0-9.]+)' height='[0-9.]+' style='fill:rgb\\(0,114,178\\)")
                    .matcher(svg);
            List<Double> widths = new java.util.ArrayList<>();
            while (m.find()) {
                widths.add(Double.parseDouble(m.group(2)));
            }
            assertEquals(2, widths.size(), "filled blocks");
            assertEquals(2.0, widths.get(0) / widths.get(1), 0.02);
        }
    }
}

