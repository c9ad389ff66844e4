package dev.bitsandlogits.press.checks;

import dev.bitsandlogits.press.core.BuildConfig;
import dev.bitsandlogits.press.core.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every link of the built site, because Asciidoctor does not: a missing {@code <<anchor>>}
 * is only an INFO message, and an {@code xref:} to a missing page is not reported at all. Also
 * fails any page that would load a script, stylesheet, image or font from another host.
 */
public final class LinkChecker {

    private final BuildConfig config;
    private final List<Path> layers;
    private final Path out;
    private final Map<Path, Set<String>> ids = new HashMap<>();

    /**
     * @param layers directories that together make the site, the first holding a file winning:
     *               a full build checks its output alone; a rebuild checks its pages over the
     *               current {@code site/}
     */
    public LinkChecker(BuildConfig config, List<Path> layers) {
        this.config = config;
        this.layers = layers;
        this.out = layers.get(0);
    }

    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        for (Path page : htmlFiles()) {
            Document doc = parse(page);
            for (Element el : doc.select("[href], [src]")) {
                String attr = el.hasAttr("href") ? "href" : "src";
                String url = el.attr(attr);
                String problem = problemWith(page, el, url);
                if (problem != null) {
                    problems.add(locate(page, url, problem));
                }
            }
        }
        return problems;
    }

    private String problemWith(Path page, Element el, String url) {
        boolean remote = url.matches("(?i)^(https?:)?//.*");
        if (remote) {
            return el.tagName().equals("a") ? null
                    : "<" + el.tagName() + "> loads " + url + " from the network; the site must work offline, so copy it into site/";
        }
        if (url.matches("(?i)^(mailto|data|javascript):.*") || url.isEmpty()) {
            return null;
        }
        // Javadoc percent-encodes its member anchors (#entropy(double%5B%5D,...)); the id is decoded.
        String pathPart = decode(url.replaceFirst("[?#].*$", ""));
        String fragment = decode(url.contains("#") ? url.substring(url.indexOf('#') + 1) : "");
        Path layer = layers.stream().filter(page::startsWith).findFirst().orElse(out);
        Path inSite = pathPart.isEmpty() ? layer.relativize(page) : layer.relativize(page.getParent().resolve(pathPart).normalize());
        if (inSite.startsWith("..")) {
            return "link " + url + " leaves the site";
        }
        Path target = resolve(inSite);
        if (target == null) {
            return "broken link " + url + ": there is no page " + pathPart + " in the site";
        }
        if (!fragment.isEmpty() && target.toString().endsWith(".html") && !idsOf(target).contains(fragment)) {
            return "broken link " + url + ": " + (pathPart.isEmpty() ? "this page" : pathPart)
                    + " has no anchor '" + fragment + "'";
        }
        return null;
    }

    /** The file at {@code inSite} in the first layer that has it, or null. */
    private Path resolve(Path inSite) {
        for (Path layer : layers) {
            Path candidate = layer.resolve(inSite.toString());
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return s.indexOf('%') < 0 ? s : java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private Set<String> idsOf(Path page) {
        return ids.computeIfAbsent(page, p -> {
            Set<String> set = new HashSet<>();
            for (Element el : parse(p).select("[id], a[name]")) {
                set.add(el.hasAttr("id") ? el.id() : el.attr("name"));
            }
            return set;
        });
    }

    /** Points at the docs/ line that wrote the link: the source names the anchor or the page. */
    private Problem locate(Path page, String url, String message) {
        // site/zh-CN/x.html was written from docs/zh-CN/x.adoc
        Path layer = layers.stream().filter(page::startsWith).findFirst().orElse(out);
        String base = layer.relativize(page).toString().replace('\\', '/').replaceFirst("\\.html$", "");
        Path source = config.docsDir().resolve(base + ".adoc");
        String fragment = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
        String file = url.replaceFirst("[?#].*$", "").replaceFirst("\\.html$", "");
        if (Files.exists(source)) {
            List<String> lines = read(source);
            for (String needle : new String[] {fragment, file, url}) {
                if (needle.isEmpty()) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(needle)) {
                        return new Problem(config.relative(source) + ":" + (i + 1), message, lines.get(i));
                    }
                }
            }
            return new Problem(config.relative(source), message, null);
        }
        return new Problem(config.relative(config.siteDir().resolve(base + ".html")), message, null);
    }

    /** Every page of the site, each taken from the first layer that has it. */
    private List<Path> htmlFiles() {
        Map<String, Path> pages = new java.util.TreeMap<>();
        for (Path layer : layers) {
            if (!Files.isDirectory(layer)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(layer)) {
                walk.filter(p -> p.toString().endsWith(".html"))
                        .forEach(p -> pages.putIfAbsent(layer.relativize(p).toString(), p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(pages.values());
    }

    private static Document parse(Path page) {
        try {
            return Jsoup.parse(page.toFile(), StandardCharsets.UTF_8.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
