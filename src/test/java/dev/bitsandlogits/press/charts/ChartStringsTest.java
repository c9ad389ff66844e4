package dev.bitsandlogits.press.charts;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.BlockChart;
import dev.bitsandlogits.press.api.Chart;

@DisplayName("Chart text of a translation")
class ChartStringsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    /** Every public static chart method of the listings, called. */
    static List<Object> allCharts() throws Exception {
        List<Object> charts = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROJECT.resolve("target/classes/dev/bitsandlogits/listings"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName("dev.bitsandlogits.listings." + name.replace(".class", ""));
                for (Method m : c.getMethods()) {
                    if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getName().endsWith("Chart")
                            && List.of(Chart.class, BarChart.class, BlockChart.class).contains(m.getReturnType())) {
                        charts.add(m.invoke(null));
                    }
                }
            }
        }
        return charts;
    }

    @Test
    @DisplayName("docs/zh-CN/chart-strings.txt translates every text of every chart the listings draw")
    void everyChartInChinese() throws Exception {
        BuildConfig config = BuildConfig.standard(PROJECT);
        Edition zh = Edition.all(config.docsDir()).stream().filter(e -> e.lang().equals("zh-CN")).findFirst().orElseThrow();
        ChartStrings table = ChartStrings.of(config, zh);
        assertEquals(List.of(), table.problems());
        List<Object> charts = allCharts();
        assertTrue(charts.size() >= 17, "charts found: " + charts.size());
        Set<String> missing = new LinkedHashSet<>();
        for (Object chart : charts) {
            Object translated = table.translate(chart, missing);
            if (missing.isEmpty()) {
                assertNotSame(chart, translated);
            }
        }
        assertEquals(Set.of(), missing, "add these to docs/zh-CN/" + ChartStrings.FILE);
    }

    @Test
    @DisplayName("translates titles, labels and series, keeps symbols and numbers, and names what it lacks")
    void translates(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("docs/zh-CN"));
        Files.writeString(root.resolve("docs/a.adoc"), "= A\n");
        Files.writeString(dir.resolve("a.adoc"), "= 甲\n");
        Files.writeString(dir.resolve(ChartStrings.FILE), String.join("\n", "# comment", "Entropy", "熵", "",
                "a description", "描述", "", "probability", "概率", ""), StandardCharsets.UTF_8);
        BuildConfig config = BuildConfig.standard(root);
        Edition zh = Edition.all(config.docsDir()).get(1);
        ChartStrings table = ChartStrings.of(config, zh);
        assertEquals(List.of(), table.problems());
        Chart chart = new Chart("Entropy", "a description", "probability", "H(p)",
                List.of(new Chart.Series("ε = 0.1", new double[] {0, 1}, new double[] {0, 1})));
        Set<String> missing = new LinkedHashSet<>();
        Chart zhChart = (Chart) table.translate(chart, missing);
        assertEquals(Set.of(), missing);
        assertEquals(List.of("熵", "描述", "概率", "H(p)", "ε = 0.1"),
                List.of(zhChart.title(), zhChart.description(), zhChart.xLabel(), zhChart.yLabel(), zhChart.series().get(0).name()));
        Chart other = new Chart("Entropy", "untranslated words", "probability", "bits",
                List.of(new Chart.Series("p", new double[] {0}, new double[] {0})));
        assertSame(other, table.translate(other, missing));
        assertEquals(List.of("untranslated words", "bits"), List.copyOf(missing));
    }

    @Test
    @DisplayName("a malformed table fails at its line")
    void malformed(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("docs/zh-CN"));
        Files.writeString(root.resolve("docs/a.adoc"), "= A\n");
        Files.writeString(dir.resolve("a.adoc"), "= 甲\n");
        Files.writeString(dir.resolve(ChartStrings.FILE), "Entropy\n熵\n\nalone\n\nEntropy\n熵 again\n", StandardCharsets.UTF_8);
        BuildConfig config = BuildConfig.standard(root);
        List<Problem> problems = ChartStrings.of(config, Edition.all(config.docsDir()).get(1)).problems();
        assertEquals(List.of("docs/zh-CN/chart-strings.txt:4", "docs/zh-CN/chart-strings.txt:6"),
                problems.stream().map(Problem::location).toList());
        assertTrue(problems.get(0).message().startsWith("1 lines where a pair is expected"), problems.get(0).message());
        assertEquals("a second translation of this text", problems.get(1).message());
    }
}
