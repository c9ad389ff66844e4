package dev.bitsandlogits.press.charts;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.bitsandlogits.press.api.BarChart;
import dev.bitsandlogits.press.api.BlockChart;
import dev.bitsandlogits.press.api.Chart;

/**
 * A translation's table of chart text, {@code docs/<lang>/}{@value #FILE}: the charts are drawn by
 * the listings, in English, and a translated page shows them with every title, description, axis
 * label, series name, category and block label replaced by its entry here. The file holds pairs of
 * lines, the English text and then its translation, separated by blank lines; {@code #} starts a
 * comment line. Text without a word of two Latin letters ({@code +1}, {@code H(p)}, {@code ε = 0.1})
 * is shown as it is. A chart with a string the table lacks fails the build at the page's
 * {@code chart::} line, naming the string.
 */
public final class ChartStrings {

    public static final String FILE = "chart-strings.txt";
    /** Text that needs a translation has a word: two Latin letters in a row. */
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z]{2}");

    private final Map<String, String> table;
    private final List<Problem> problems;

    private ChartStrings(Map<String, String> table, List<Problem> problems) {
        this.table = table;
        this.problems = problems;
    }

    /** The table of {@code edition}; empty (and no problem) when it has none, problems for a malformed one. */
    public static ChartStrings of(BuildConfig config, Edition edition) {
        Path file = edition.docsDir().resolve(FILE);
        Map<String, String> table = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (edition.original() || !Files.exists(file)) {
            return new ChartStrings(table, problems);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> group = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (!line.isBlank()) {
                group.add(i);
                continue;
            }
            if (group.size() == 2) {
                String english = lines.get(group.get(0)).strip();
                String previous = table.put(english, lines.get(group.get(1)).strip());
                if (previous != null) {
                    problems.add(new Problem(config.relative(file) + ":" + (group.get(0) + 1),
                            "a second translation of this text", lines.get(group.get(0))));
                }
            } else if (!group.isEmpty()) {
                problems.add(new Problem(config.relative(file) + ":" + (group.get(0) + 1), group.size()
                        + " lines where a pair is expected: the English text on one line, its translation on the next,"
                        + " then a blank line", lines.get(group.get(0))));
            }
            group.clear();
        }
        return new ChartStrings(table, problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * {@code chart} with its text translated, and the strings the table lacks added to {@code missing}
     * (then the chart is returned as it is).
     */
    public Object translate(Object chart, Set<String> missing) {
        Set<String> lacking = new LinkedHashSet<>();
        UnaryOperator<String> t = s -> {
            if (!WORD.matcher(s).find()) {
                return s; // symbols and numbers only: "+1", "H(p)", "ε = 0.1", "0 (A)"
            }
            String translated = table.get(s.strip());
            if (translated == null) {
                lacking.add(s);
                return s;
            }
            return translated;
        };
        Object translated;
        if (chart instanceof Chart c) {
            translated = new Chart(t.apply(c.title()), t.apply(c.description()), t.apply(c.xLabel()), t.apply(c.yLabel()),
                    c.series().stream().map(s -> new Chart.Series(t.apply(s.name()), s.x(), s.y())).toList());
        } else if (chart instanceof BarChart b) {
            translated = new BarChart(t.apply(b.title()), t.apply(b.description()), t.apply(b.categoryLabel()),
                    t.apply(b.valueLabel()), b.categories().stream().map(t).toList(),
                    b.series().stream().map(s -> new BarChart.Series(t.apply(s.name()), s.values())).toList(), b.stacked());
        } else if (chart instanceof BlockChart b) {
            translated = new BlockChart(t.apply(b.title()), t.apply(b.description()), t.apply(b.xLabel()), t.apply(b.yLabel()),
                    b.series().stream().map(s -> new BlockChart.Series(t.apply(s.name()), s.blocks().stream()
                            .map(k -> new BlockChart.Block(k.x0(), k.x1(), k.y0(), k.y1(), t.apply(k.label()))).toList())).toList());
        } else {
            throw new IllegalArgumentException("not a chart: " + chart);
        }
        missing.addAll(lacking);
        return lacking.isEmpty() ? translated : chart;
    }
}
