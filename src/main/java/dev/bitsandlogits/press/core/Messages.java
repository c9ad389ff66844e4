package dev.bitsandlogits.press.core;


import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the site's own frame in one language, from
 * {@code dev/bitsandlogits/site/i18n/messages_<lang>.properties} (UTF-8; {@code zh-CN} is
 * {@code messages_zh_CN.properties}). No string the reader sees is written in an engine class.
 *
 * <p>Keys starting with {@code asciidoctor.} are Asciidoctor attributes set on the edition's pages
 * (captions such as {@code table-caption}); keys starting with {@code js.} are handed to the theme's
 * script in the page ({@link #script()}); the others are used by {@link PageChrome} and
 * {@link SearchIndex}. {@code {0}}, {@code {1}} … are replaced by {@link #format}; nothing else is
 * special (an apostrophe is an apostrophe).
 */
public final class Messages {

    static final String BUNDLE = "dev/bitsandlogits/site/i18n/messages_";
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String lang;
    private final Map<String, String> strings;

    private Messages(String lang, Map<String, String> strings) {
        this.lang = lang;
        this.strings = strings;
    }

    public static String resource(String lang) {
        return BUNDLE + lang.replace('-', '_') + ".properties";
    }

    static boolean exists(String lang) {
        return Messages.class.getClassLoader().getResource(resource(lang)) != null;
    }

    public static Messages of(String lang) {
        return LOADED.computeIfAbsent(lang, Messages::load);
    }

    private static Messages load(String lang) {
        String name = resource(lang);
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no message bundle for language " + lang + ": add src/main/resources/" + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> strings = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> strings.put(k, p.getProperty(k)));
            // Sorted, not Map.copyOf: its order changes from JVM to JVM, and the pages carry the js. strings in this order.
            return new Messages(lang, java.util.Collections.unmodifiableMap(strings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    public String lang() {
        return lang;
    }

    /** Every key, sorted. */
    public java.util.Set<String> keys() {
        return new java.util.TreeSet<>(strings.keySet());
    }

    /** The string for {@code key}; a missing key is a bug in the bundle, so it throws. */
    public String get(String key) {
        String s = strings.get(key);
        if (s == null) {
            throw new IllegalStateException(resource(lang) + " has no key " + key);
        }
        return s;
    }

    /** The strings whose key starts with {@code prefix}, the prefix removed, sorted: a widget's table. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        strings.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }

    public String format(String key, Object... args) {
        String s = get(key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** The Asciidoctor attributes of this language: captions, labels, the table of contents' title. */
    public Map<String, String> asciidoctorAttributes() {
        Map<String, String> attributes = new TreeMap<>();
        strings.forEach((k, v) -> {
            if (k.startsWith("asciidoctor.")) {
                attributes.put(k.substring("asciidoctor.".length()), v);
            }
        });
        return attributes;
    }

    /** The {@code js.} strings as a JSON object (keys without the prefix), for the theme's script. */
    public String script() {
        StringBuilder json = new StringBuilder("{");
        strings.forEach((k, v) -> {
            if (k.startsWith("js.")) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(Html.json(k.substring(3))).append(':').append(Html.json(v));
            }
        });
        return json.append('}').toString();
    }
}
