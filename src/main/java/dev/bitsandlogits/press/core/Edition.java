package dev.bitsandlogits.press.core;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One language of the book. The original edition's pages are {@code docs/*.adoc}, built to
 * {@code site/}; a translation's are {@code docs/<lang>/*.adoc} (a BCP 47 tag such as {@code zh-CN},
 * for which a message bundle exists, see {@link Messages}), built to {@code site/<lang>/}. A
 * translated page has the file name of the page it translates, its twin.
 *
 * @param lang    the language tag, as in {@code <html lang>}
 * @param docsDir where its sources are
 * @param dir     its directory in the site, relative, with a trailing slash; empty for the original
 * @param root    the way from one of its pages back to the site's root: {@code ""} or {@code "../"}
 */
public record Edition(String lang, Path docsDir, String dir, String root) {

    /** The attribute holding the way from a page back to the site's root ({@link #root()}). */
    public static final String SITE_ROOT = "site-root";

    /** The language of {@code docs/*.adoc}. */
    public static final String ORIGINAL = "en";

    /** A language tag naming a translation's directory under docs/. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public boolean original() {
        return dir.isEmpty();
    }

    public Messages messages() {
        return Messages.of(lang);
    }

    /** The original edition first, then each translation found under {@code docsDir}, by tag. */
    public static List<Edition> all(Path docsDir) {
        List<Edition> editions = new ArrayList<>();
        editions.add(new Edition(ORIGINAL, docsDir, "", ""));
        if (!Files.isDirectory(docsDir)) {
            return editions;
        }
        try (Stream<Path> dirs = Files.list(docsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = d.getFileName().toString();
                if (TAG.matcher(name).matches() && Messages.exists(name) && !pages(d).isEmpty()) {
                    editions.add(new Edition(name, d, name + "/", "../"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + docsDir, e);
        }
        return editions;
    }

    /** Directories under {@code docsDir} named like a language, holding pages, for which there is no message bundle. */
    public static List<Path> withoutBundle(Path docsDir) {
        if (!Files.isDirectory(docsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(docsDir)) {
            return dirs.filter(d -> Files.isDirectory(d) && TAG.matcher(d.getFileName().toString()).matches()
                    && !Messages.exists(d.getFileName().toString()) && !pages(d).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + docsDir, e);
        }
    }

    /** The edition whose directory holds {@code page}. */
    public static Edition of(Path docsDir, Path page) {
        Path dir = page.toAbsolutePath().normalize().getParent();
        for (Edition e : all(docsDir)) {
            if (e.docsDir().toAbsolutePath().normalize().equals(dir)) {
                return e;
            }
        }
        return all(docsDir).get(0);
    }

    /** This edition's page with the file name of {@code page}, whether it exists or not. */
    Path twin(Path page) {
        return docsDir.resolve(page.getFileName().toString());
    }

    /** The pages of {@code docsDir}: its {@code .adoc} files but partials ({@code _*}) and editors' hidden files, sorted. */
    public static List<Path> pages(Path docsDir) {
        try (Stream<Path> files = Files.list(docsDir)) {
            // _partials are included, not pages; hidden files are editors' (emacs's .#lock links)
            return files.filter(p -> p.toString().endsWith(".adoc") && !p.getFileName().toString().startsWith("_")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + docsDir, e);
        }
    }
}
