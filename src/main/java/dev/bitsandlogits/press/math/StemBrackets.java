package dev.bitsandlogits.press.math;

import java.util.ArrayList;
import java.util.List;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Preprocessor;
import org.asciidoctor.extension.PreprocessorReader;
import org.asciidoctor.extension.Reader;

/**
 * Lets {@code stem:[...]} hold brackets: Asciidoctor ends the macro at its first unescaped
 * {@code ]}, so {@code stem:[[[2,-1,3],[1,0,-0.5]]]} typeset {@code [[2,-1,3} and left the rest as
 * text. This preprocessor escapes every {@code ]} inside a stem macro whose brackets balance
 * before the end of the line ({@code [0, 1]}, nested matrices), so the macro ends at its own
 * closing bracket. Text in delimited listing, literal and passthrough blocks is left alone, and
 * the page keeps its line count (messages keep pointing at the right lines).
 */
public final class StemBrackets extends Preprocessor {

    @Override
    public Reader process(Document document, PreprocessorReader reader) {
        List<String> raw = reader.getLines();
        if (raw.stream().noneMatch(StemBrackets::mayNeed)) {
            return reader;
        }
        List<String> lines = reader.readLines();
        reader.restoreLines(rewrite(lines));
        return reader;
    }

    private static boolean mayNeed(String line) {
        return (line.contains("stem:[") || line.contains("latexmath:[")) && !line.equals(escapeLine(line));
    }

    /** The lines with {@link #escapeLine} applied outside delimited verbatim blocks. */
    static List<String> rewrite(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String verbatim = null;
        for (String line : lines) {
            if (verbatim != null) {
                if (line.equals(verbatim)) {
                    verbatim = null;
                }
                out.add(line);
            } else if (line.matches("(-{4,}|\\.{4,}|\\+{4,}|/{4,})")) {
                verbatim = line;
                out.add(line);
            } else {
                out.add(escapeLine(line));
            }
        }
        return out;
    }

    /**
     * Escapes the inner closing brackets of each {@code stem:[…]} / {@code latexmath:[…]} of one
     * line whose brackets balance; a macro that does not close by the end of the line is left as
     * Asciidoctor reads it.
     */
    static String escapeLine(String line) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int stem = next(line, at);
            if (stem < 0) {
                return out.append(line, at, line.length()).toString();
            }
            int open = line.indexOf('[', stem);
            out.append(line, at, open + 1);
            StringBuilder inner = new StringBuilder();
            int depth = 1;
            int i = open + 1;
            for (; i < line.length() && depth > 0; i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    inner.append(c).append(line.charAt(++i));
                } else if (c == '[') {
                    depth++;
                    inner.append(c);
                } else if (c == ']') {
                    depth--;
                    if (depth > 0) {
                        inner.append("\\]");
                    }
                } else {
                    inner.append(c);
                }
            }
            if (depth > 0) {
                // Unbalanced ([0, 1) and the like): leave the rest of the line as it was.
                return out.append(line, open + 1, line.length()).toString();
            }
            out.append(inner).append(']');
            at = i;
        }
    }

    private static int next(String line, int from) {
        int a = line.indexOf("stem:[", from);
        int b = line.indexOf("latexmath:[", from);
        int first = a < 0 ? b : b < 0 ? a : Math.min(a, b);
        return first > 0 && line.charAt(first - 1) == '\\' ? next(line, first + 1) : first;
    }
}
