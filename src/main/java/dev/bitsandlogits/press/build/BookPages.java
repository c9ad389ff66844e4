package dev.bitsandlogits.press.build;

import dev.bitsandlogits.press.core.Edition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's pages in reading order, with their titles, read from {@code docs/*.adoc}: the
 * index first, then the numbered chapters ({@code NN-name.adoc}) in file-name order, then
 * {@code notation}, {@code references}, and any other page alphabetically.
 */
public record BookPages(List<Entry> entries) {

    private static final Pattern CHAPTER = Pattern.compile("(\\d+)-.*");
    private static final Pattern TITLE = Pattern.compile("^=\\s+(.+?)\\s*$");
    private static final Pattern DESCRIPTION = Pattern.compile("^:description:\\s*(.*?)\\s*$");

    /**
     * One page.
     *
     * @param base        file name without extension, e.g. {@code 01-information}
     * @param title       its {@code = Title} line
     * @param number      the chapter number, or null for pages that are not chapters
     * @param description its {@code :description:}, or an empty string
     */
    public record Entry(String base, String title, Integer number, String description) {
        public String href() {
            return base + ".html";
        }

        /** The title as the book's navigation shows it, e.g. {@code 1. Information content}. */
        public String label() {
            return number == null ? title : number + ". " + title;
        }
    }

    public static BookPages scan(Path docsDir) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : Edition.pages(docsDir)) {
            entries.add(read(file));
        }
        entries.sort(Comparator.comparingInt(BookPages::rank).thenComparing(Entry::base));
        return new BookPages(List.copyOf(entries));
    }

    private static int rank(Entry e) {
        return switch (e.base()) {
            case "index" -> 0;
            case "notation" -> 2;
            case "references" -> 3;
            default -> e.number() != null ? 1 : 4;
        };
    }

    private static Entry read(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.adoc$", "");
        Matcher chapter = CHAPTER.matcher(base);
        Integer number = chapter.matches() ? Integer.valueOf(chapter.group(1)) : null;
        String title = base;
        String description = "";
        boolean titled = false;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher t = TITLE.matcher(line);
                Matcher d = DESCRIPTION.matcher(line);
                if (!titled && t.matches()) {
                    title = t.group(1);
                    titled = true;
                } else if (d.matches()) {
                    description = d.group(1);
                    break;
                } else if (titled && line.isBlank()) {
                    break; // the header ends at the first blank line
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Entry(base, title, number, description);
    }

    public Optional<Integer> indexOf(String base) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).base().equals(base)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
