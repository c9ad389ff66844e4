package dev.bitsandlogits.press.snippets;

import dev.bitsandlogits.press.core.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds every tagged region ({@code // tag::name[]} … {@code // end::name[]}) in the listings
 * sources. Tags are global: a chapter names a region by tag alone, so two regions with one tag
 * are an error, reported with both places.
 */
public final class SnippetIndex {

    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[\\]\\s*$");
    private static final String ENGINE_API = "dev.bitsandlogits.press.api.";
    private static final Pattern IMPORT = Pattern.compile("^import\\s+[^;]+;\\s*$");

    private final Map<String, Snippet> byTag;
    private final List<Problem> problems;
    private final String outsideRegions;

    private SnippetIndex(Map<String, Snippet> byTag, List<Problem> problems, String outsideRegions) {
        this.byTag = byTag;
        this.problems = problems;
        this.outsideRegions = outsideRegions;
    }

    /**
     * A hash of the listings sources with every tagged region blanked out: the helper methods and
     * fields a region may call. Editing a region leaves it unchanged, so only that region's pages
     * run again; editing anything else in a listing invalidates every cached result.
     */
    String outsideRegions() {
        return outsideRegions;
    }

    /** Scans every {@code .java} file under {@code listingsDir}; paths in messages are relative to {@code root}. */
    public static SnippetIndex scan(Path root, Path listingsDir) {
        Map<String, Snippet> byTag = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(listingsDir)) {
            return new SnippetIndex(byTag, problems, "");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(listingsDir)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String outside = "";
        for (Path file : files) {
            List<String> lines = readLines(file);
            scanFile(displayPath(root, file), lines, byTag, problems);
            outside = SnippetCache.chain(outside, file.getFileName().toString(), String.join("\n", outsideRegions(lines)));
        }
        return new SnippetIndex(byTag, problems, outside);
    }

    /**
     * The path messages show: relative to the project root, or, for listings outside it (a test's
     * fixture book uses the real listings), from the {@code src} directory on.
     */
    static Path displayPath(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(root)) {
            return root.relativize(abs);
        }
        for (int i = abs.getNameCount() - 2; i >= 0; i--) {
            if (abs.getName(i).toString().equals("src") && abs.getName(i + 1).toString().equals("main")) {
                return abs.subpath(i, abs.getNameCount());
            }
        }
        return abs;
    }

    private static void scanFile(Path source, List<String> lines, Map<String, Snippet> byTag, List<Problem> problems) {
        List<String> imports = new ArrayList<>();
        for (String line : lines) {
            // The engine's chart records are what a listing's chart methods return to the build; no snippet
            // uses them, and a reader's script stays as it was before they moved out of the listings.
            if (IMPORT.matcher(line).matches() && !line.contains(ENGINE_API)) {
                imports.add(line.strip());
            }
        }
        Map<String, Integer> open = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TAG.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String tag = m.group(2);
            String where = source.toString().replace('\\', '/') + ":" + (i + 1);
            if (m.group(1).equals("tag")) {
                if (open.putIfAbsent(tag, i) != null) {
                    problems.add(new Problem(where, "tag '" + tag + "' is opened twice without an end::" + tag + "[]", lines.get(i)));
                }
                continue;
            }
            Integer start = open.remove(tag);
            if (start == null) {
                problems.add(new Problem(where, "end::" + tag + "[] has no matching tag::" + tag + "[]", lines.get(i)));
                continue;
            }
            Snippet snippet = new Snippet(tag, source, start + 2, region(lines.subList(start + 1, i)), List.copyOf(imports),
                    regionLineNumbers(lines.subList(start + 1, i), start + 2));
            Snippet twin = byTag.putIfAbsent(tag, snippet);
            if (twin != null) {
                problems.add(new Problem(where, "tag '" + tag + "' is already defined at " + twin.location()
                        + "; snippet tags must be unique across the listings", lines.get(i)));
            }
        }
        open.forEach((tag, start) -> problems.add(new Problem(
                source.toString().replace('\\', '/') + ":" + (start + 1),
                "tag::" + tag + "[] is never closed; add // end::" + tag + "[]", lines.get(start))));
    }

    private static List<String> outsideRegions(List<String> lines) {
        List<String> kept = new ArrayList<>();
        int depth = 0;
        for (String line : lines) {
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                depth += m.group(1).equals("tag") ? 1 : -1;
            } else if (depth <= 0) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** The source line numbers of {@link #region}'s lines: tag directives and blank lines at either end dropped. */
    private static List<Integer> regionLineNumbers(List<String> lines, int firstLineNumber) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!TAG.matcher(lines.get(i)).matches()) {
                numbers.add(i);
            }
        }
        int from = 0;
        int to = numbers.size();
        while (from < to && lines.get(numbers.get(from)).isBlank()) {
            from++;
        }
        while (to > from && lines.get(numbers.get(to - 1)).isBlank()) {
            to--;
        }
        return numbers.subList(from, to).stream().map(i -> i + firstLineNumber).toList();
    }

    /** The region's lines without nested tag directives and without their common indentation. */
    private static String region(List<String> lines) {
        List<String> kept = lines.stream().filter(l -> !TAG.matcher(l).matches()).toList();
        int indent = kept.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : kept) {
            code.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return code.toString().strip() + "\n";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Snippet> find(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** Malformed or duplicate tags found while scanning. */
    public List<Problem> problems() {
        return problems;
    }

    int size() {
        return byTag.size();
    }

    /** Up to three known tags that look like {@code tag}, for "did you mean" hints. */
    public List<String> similarTo(String tag) {
        return byTag.keySet().stream()
                .filter(t -> t.contains(tag) || tag.contains(t) || distance(t, tag) <= Math.max(2, tag.length() / 4))
                .limit(3).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
