package dev.bitsandlogits.press.checks;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Edition;
import dev.bitsandlogits.press.core.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What keeps a translation honest. A translated page ({@code docs/<lang>/<name>.adoc}) must have
 * an original twin ({@code docs/<name>.adoc}) and use the same code: the same {@code snippet::},
 * {@code value:}, {@code chart::}, {@code widget::}, {@code include::} and {@code api:} macros in
 * the same order, with the same targets and attributes ({@code api:}'s text is prose and may be
 * translated). Its header names the version of the twin it translates,
 * {@code :translated-from: <blob>}, the twin's {@code git hash-object}; a page whose twin has
 * changed since is {@linkplain #stale reported}, with both blobs, so the translator can
 * {@code git diff} them.
 */
public final class Translations {

    /** The header attribute naming the translated version of the twin. */
    static final String TRANSLATED_FROM = "translated-from";
    private static final Pattern HEADER_ATTRIBUTE = Pattern.compile("^:" + TRANSLATED_FROM + ":\\s*(.*?)\\s*$");
    private static final Pattern BLOB = Pattern.compile("[0-9a-f]{40}");
    /** Block macros (at the start of a line) and inline macros whose target and attributes are code. */
    private static final Pattern MACRO = Pattern.compile(
            "^(snippet|chart|widget|include)::([^\\[\\s]+)\\[|(?<![A-Za-z0-9_])(value|api):([A-Za-z0-9_.-]+(?:#[A-Za-z0-9_$]+(?:\\([^)]*\\))?)?)\\[");

    private Translations() {
    }

    /**
     * One macro of a page, as the twin check compares it.
     *
     * @param text what must be equal in both pages: name, target and (but for api:) attributes
     * @param line its line, from 1
     */
    record Macro(String text, int line) {
    }

    /** A translation whose twin changed after it was translated. */
    public record Stale(String page, int line, String twin, String translatedFrom, String current) {
        public String message() {
            return page + ":" + line + ": translated from an older " + twin + " (blob " + translatedFrom + "); "
                    + twin + " is now blob " + current + ". See what changed with `git diff " + translatedFrom + " "
                    + current + "`, bring the translation up to date, then set :" + TRANSLATED_FROM + ": " + current;
        }
    }

    /** The problems of every translation: no twin, another list of macros, no or a malformed {@code :translated-from:}. */
    public static List<Problem> check(BuildConfig config, List<Edition> editions) {
        List<Problem> problems = new ArrayList<>();
        for (Edition edition : editions) {
            if (edition.original()) {
                continue;
            }
            for (Path page : Edition.pages(edition.docsDir())) {
                Path twin = config.docsDir().resolve(page.getFileName().toString());
                String name = config.relative(page);
                if (!Files.exists(twin)) {
                    problems.add(new Problem(name, "translates no page: there is no " + config.relative(twin)
                            + " (a translated page has the file name of the page it translates)", null));
                    continue;
                }
                List<String> lines = read(page);
                problems.addAll(compare(name, lines, config.relative(twin), read(twin)));
                Header header = header(lines);
                if (header.value() == null) {
                    problems.add(new Problem(name + ":1", "no :" + TRANSLATED_FROM + ": in the page's header: add `:"
                            + TRANSLATED_FROM + ": " + blob(twin) + "` (git hash-object " + config.relative(twin)
                            + ", the version this page translates) under the title", lines.isEmpty() ? null : lines.get(0)));
                } else if (!BLOB.matcher(header.value()).matches()) {
                    problems.add(new Problem(name + ":" + header.line(), ":" + TRANSLATED_FROM + ": must be the 40 hex digits"
                            + " of git hash-object " + config.relative(twin) + ", not '" + header.value() + "'",
                            lines.get(header.line() - 1)));
                }
            }
        }
        return problems;
    }

    /**
     * The ids of each converted original page (sections, anchors, snippets, charts) that its translation
     * lacks: the language switch keeps the reader's {@code #section}, and links into the page name ids.
     *
     * @param layers the site being built, then the current site (a rebuild converts only some pages)
     */
    public static List<Problem> anchors(BuildConfig config, List<Edition> editions, List<Path> converted, List<Path> layers) {
        List<Problem> problems = new ArrayList<>();
        for (Path page : converted) {
            Edition edition = Edition.of(config.docsDir(), page);
            if (edition.original()) {
                continue;
            }
            String base = page.getFileName().toString().replaceFirst("\\.adoc$", "");
            java.util.Set<String> ours = ids(layers, edition.dir() + base + ".html");
            java.util.Set<String> theirs = ids(layers, base + ".html");
            if (ours == null || theirs == null) {
                continue;
            }
            theirs.removeAll(ours);
            if (!theirs.isEmpty()) {
                Path twin = config.docsDir().resolve(page.getFileName().toString());
                problems.add(new Problem(config.relative(page), "lacks the ids " + String.join(", ", theirs) + " of "
                        + config.relative(twin) + ": put each on its section or block, e.g. [#" + theirs.iterator().next()
                        + "] on the line above the heading (the language switch and links land there)", null));
            }
        }
        return problems;
    }

    /** The ids in a built page's content, from the first layer that has the page; null if none has. */
    private static java.util.Set<String> ids(List<Path> layers, String page) {
        for (Path layer : layers) {
            Path file = layer.resolve(page);
            if (Files.exists(file)) {
                try {
                    org.jsoup.nodes.Element content = org.jsoup.Jsoup.parse(file.toFile(), "UTF-8").getElementById("content");
                    java.util.Set<String> ids = new java.util.TreeSet<>();
                    if (content != null) {
                        // A chart's drawing has ids of its own (clip paths, title): they follow from its macro.
                        content.select("[id]").stream().filter(e -> !e.tagName().equals("svg") && e.parents().stream()
                                .noneMatch(p -> p.tagName().equals("svg"))).forEach(e -> ids.add(e.id()));
                    }
                    return ids;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    /** Translations whose {@code :translated-from:} is not the twin's current blob. */
    public static List<Stale> stale(BuildConfig config, List<Edition> editions) {
        List<Stale> stale = new ArrayList<>();
        for (Edition edition : editions) {
            if (edition.original()) {
                continue;
            }
            for (Path page : Edition.pages(edition.docsDir())) {
                Path twin = config.docsDir().resolve(page.getFileName().toString());
                Header header = header(read(page));
                if (!Files.exists(twin) || header.value() == null || !BLOB.matcher(header.value()).matches()) {
                    continue; // check() reports these
                }
                String current = blob(twin);
                if (!current.equals(header.value())) {
                    stale.add(new Stale(config.relative(page), header.line(), config.relative(twin), header.value(), current));
                }
            }
        }
        return stale;
    }

    /**
     * The first difference between the macros of a translation and of its twin, as a problem at the
     * translation's line; none if they agree.
     */
    static List<Problem> compare(String name, List<String> lines, String twinName, List<String> twinLines) {
        List<Macro> ours = macros(lines);
        List<Macro> theirs = macros(twinLines);
        String rule = "a translation uses its twin's snippet::, value:, chart::, widget::, include:: and api: macros,"
                + " in the same order, with the same targets and attributes";
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            Macro a = i < ours.size() ? ours.get(i) : null;
            Macro b = i < theirs.size() ? theirs.get(i) : null;
            if (a != null && b != null && a.text().equals(b.text())) {
                continue;
            }
            if (a == null) {
                int last = lines.size();
                return List.of(new Problem(name + ":" + last, "ends before " + b.text() + " (" + twinName + ":" + b.line()
                        + ", its macro " + (i + 1) + " of " + theirs.size() + "); " + rule, null));
            }
            String where = b == null ? twinName + " has only " + theirs.size() + " macros"
                    : twinName + ":" + b.line() + " has " + b.text() + " there";
            return List.of(new Problem(name + ":" + a.line(), a.text() + " is macro " + (i + 1) + " of the page, but "
                    + where + "; " + rule, lines.get(a.line() - 1)));
        }
        return List.of();
    }

    /** The code macros of a page's source, in order; comments are skipped. */
    static List<Macro> macros(List<String> lines) {
        List<Macro> macros = new ArrayList<>();
        boolean comment = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.strip().equals("////")) {
                comment = !comment;
                continue;
            }
            if (comment || (line.startsWith("//") && !line.startsWith("///"))) {
                continue;
            }
            Matcher m = MACRO.matcher(line).useAnchoringBounds(false).useTransparentBounds(true);
            while (m.find()) {
                boolean block = m.group(1) != null;
                String kind = block ? m.group(1) : m.group(3);
                String target = block ? m.group(2) : m.group(4);
                int end = closing(line, m.end());
                String attributes = end < 0 ? line.substring(m.end()) : line.substring(m.end(), end);
                String text = kind + (block ? "::" : ":") + target + "[" + (kind.equals("api") ? "" : attributes.strip()) + "]";
                macros.add(new Macro(text, n + 1));
                if (end > 0) {
                    m.region(end, line.length());
                }
            }
        }
        return macros;
    }

    /** The index of the {@code ]} closing attributes that start at {@code from}: not escaped, not inside quotes; -1 if none. */
    private static int closing(String line, int from) {
        boolean quoted = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private record Header(String value, int line) {
    }

    /** The {@code :translated-from:} of the header (the lines after the title, up to the first blank line). */
    private static Header header(List<String> lines) {
        for (int i = 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            Matcher m = HEADER_ATTRIBUTE.matcher(lines.get(i));
            if (m.matches()) {
                return new Header(m.group(1), i + 1);
            }
        }
        return new Header(null, 1);
    }

    /** What {@code git hash-object file} prints: SHA-1 of {@code "blob <length>\0"} and the bytes. */
    public static String blob(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
