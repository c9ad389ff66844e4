package dev.bitsandlogits.book;

import dev.bitsandlogits.press.snippets.ListingWidth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;

/**
 * What a reader can read, measured in the browser on every page at 1280, 1440 and 390 px: no code
 * line hidden in its box at desktop widths (a phone scrolls the box, and the box says so), no copy
 * button over code text, no sideways scroll of the whole page, no display formula clipped at
 * desktop widths, chart text large enough to read, inline code broken only between names, and the notation
 * table fitting a phone.
 */
@DisplayName("Each page's layout in the browser")
class LayoutBrowserIT extends BrowserTest {

    static Stream<Arguments> pagesAndWidths() {
        return pages().stream().flatMap(p -> Stream.of(1280, 1440, 390).map(w -> Arguments.of(p, w)));
    }

    /** Measures the open page; each problem is one line naming the block and its numbers. */
    private static final String MEASURE = """
            const desktop = window.innerWidth >= 1000, out = [];
            const name = el => {
              const s = el.closest('.snippet, .listingblock, .stemblock, .tableblock, .imageblock, p, td');
              const id = el.closest('[id]');
              return (id ? '#' + id.id : s ? s.className : el.tagName) + ' "' + el.textContent.trim().slice(0, 50).replace(/\\s+/g, ' ') + '"';
            };
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) out.push('page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
            for (const pre of document.querySelectorAll('.listingblock pre')) {
              if (pre.scrollWidth > pre.clientWidth + 1) {
                if (desktop) out.push('clipped code ' + pre.scrollWidth + ' > ' + pre.clientWidth + ': ' + name(pre));
                else if (!pre.closest('[data-overflow]') && !pre.hasAttribute('data-overflow')) out.push('code scrolls without a cue: ' + name(pre));
              }
              const button = pre.parentElement.querySelector('.copy-button');
              if (!button) continue;
              const b = button.getBoundingClientRect();
              const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
              const range = document.createRange();
              let hit = null;
              for (let t = walker.nextNode(); t && !hit; t = walker.nextNode()) {
                if (!t.textContent.trim()) continue;
                range.selectNodeContents(t);
                for (const r of range.getClientRects()) {
                  if (r.width > 0 && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) { hit = t.textContent.trim(); break; }
                }
              }
              if (hit) out.push('copy button over code text "' + hit.slice(0, 30) + '": ' + name(pre));
            }
            for (const box of document.querySelectorAll('.stemblock .content, .katex-display')) {
              if (box.closest('.stemblock .content') && box.classList.contains('katex-display')) continue;
              if (box.scrollWidth > box.clientWidth + 1) {
                if (desktop) out.push('clipped display math ' + box.scrollWidth + ' > ' + box.clientWidth + ': ' + name(box));
                else if (!box.closest('[data-overflow]')) out.push('display math scrolls without a cue: ' + name(box));
              }
            }
            // Inline code breaks only at a boundary of names: a space, after . _ ( (PageChrome's <wbr>) or a hyphen.
            for (const code of document.querySelectorAll(':not(pre) > code')) {
              if (code.closest('.snippet-results') || code.getClientRects().length < 2) continue;
              const range = document.createRange(), walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
              let prev = null;
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                for (let i = 0; i < t.length; i++) {
                  range.setStart(t, i); range.setEnd(t, i + 1);
                  const r = range.getClientRects()[0], c = t.data[i];
                  if (!r) continue;
                  if (prev && r.top > prev.top + 2 && c.trim() && !/[\\s._(\\-]/.test(prev.c))
                    out.push('inline code broken inside a word at "' + prev.c + '|' + c + '": ' + name(code));
                  prev = { top: r.top, c: c };
                }
              }
            }
            // The notation table fits a phone; another table that is wider (long names that must not break) scrolls in its
            // box and says so.
            if (!desktop) for (const box of document.querySelectorAll('.table-scroll')) {
              if (box.scrollWidth <= box.clientWidth + 1) continue;
              if (document.body.classList.contains('page-notation')) out.push('notation table scrolls ' + box.scrollWidth + ' > ' + box.clientWidth);
              else if (!box.hasAttribute('data-overflow')) out.push('table scrolls without a cue: ' + name(box));
            }
            for (const box of document.querySelectorAll('.tableblock-wrapper, table.tableblock')) {
              if (box.scrollWidth > box.clientWidth + 1 && desktop) out.push('table wider than its box: ' + name(box));
            }
            // A block that extends past the column must not be cut by an ancestor that clips (overflow, paint containment).
            for (const block of document.querySelectorAll('.snippet, .listingblock, .stemblock, .table-scroll, .copy-button')) {
              const r = block.getBoundingClientRect();
              if (r.width === 0) continue;
              for (let a = block.parentElement; a && a !== document.body; a = a.parentElement) {
                const cs = getComputedStyle(a);
                const clips = cs.overflowX !== 'visible' || /paint|strict|content/.test(cs.contain) || cs.contentVisibility === 'auto';
                if (clips && r.right > a.getBoundingClientRect().right + 1) {
                  out.push('cut off by ' + a.tagName.toLowerCase() + '.' + a.className + ' at ' + Math.round(a.getBoundingClientRect().right) + ' px: ' + name(block));
                  break;
                }
              }
              if (r.right > root.clientWidth + 1) out.push('past the window edge: ' + name(block));
            }
            for (const text of document.querySelectorAll('.chart svg text, svg.chart text')) {
              const m = text.getScreenCTM();
              const size = parseFloat(getComputedStyle(text).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
              if (text.textContent.trim() && text.getBoundingClientRect().width > 0 && size < 11) { out.push('chart text ' + size.toFixed(1) + ' px tall: ' + name(text)); break; }
            }
            // Charts are images of SVG drawings: the smallest text is the drawing's tick size scaled to the box it is shown in.
            for (const img of document.querySelectorAll('.chart-figure img')) {
              const source = img.parentElement.querySelector('source');
              const narrow = source && matchMedia(source.media).matches;
              const drawn = parseFloat(narrow ? source.getAttribute('width') : img.getAttribute('width'));
              const cs = getComputedStyle(img), r = img.getBoundingClientRect();
              const shown = r.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
              const size = (narrow ? NARROW_TICK : WIDE_TICK) * shown / drawn;
              if (r.width > 0 && size < 11) out.push('chart text ' + size.toFixed(1) + ' px tall: ' + name(img));
              if (r.width === 0) out.push('chart not shown: ' + name(img));
            }
            return out;
            """.replace("NARROW_TICK", Double.toString(smallestText(true))).replace("WIDE_TICK", Double.toString(smallestText(false)));

    /** The smallest font size in the built site's narrow (or wide) chart drawings, in the drawing's own pixels. */
    private static double smallestText(boolean narrow) {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("site.dir", "site"), "charts"))) {
            Pattern size = Pattern.compile("font-size: ?([\\d.]+)px");
            return files.filter(f -> f.getFileName().toString().endsWith("-narrow.svg") == narrow).flatMap(f -> {
                try {
                    return size.matcher(Files.readString(f)).results().map(m -> Double.parseDouble(m.group(1)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).min(Double::compare).orElseThrow(() -> new AssertionError("no " + (narrow ? "narrow" : "wide") + " chart in site/charts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} at {1} px: code, math, tables and charts fit or scroll with a cue")
    @MethodSource("pagesAndWidths")
    void readable(String page, int width) {
        browser.driver.manage().window().setSize(new Dimension(width, 900));
        browser.open(page);
        browser.js("document.querySelectorAll('details').forEach(d => d.open = true)"); // solutions too
        if (width < 1000) {
            // The page marks a scrolling box as it nears the viewport: read it the way a reader does, top to bottom.
            // Two frames at each stop: the page's IntersectionObserver sees every box, however busy the machine.
            // The height is read again at each stop: sections not yet laid out (content-visibility) count as
            // 1800 px, and a longer one moves the end of the page down as the reader reaches it.
            for (long y = 0; y < (Long) browser.js("return document.documentElement.scrollHeight"); y += 700) {
                browser.js("window.scrollTo(0, arguments[0])", y);
                browser.driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> problems = new ArrayList<>((List<String>) browser.js(MEASURE));
        // A cue may arrive a moment after its box came into view (observer callbacks are tasks): allow it 3 s.
        for (int wait = 0; wait < 30 && problems.stream().anyMatch(p -> p.contains("without a cue")); wait++) {
            Browser.sleep(100);
            @SuppressWarnings("unchecked")
            List<String> again = (List<String>) browser.js(MEASURE);
            problems = new ArrayList<>(again);
        }
        long inner = (Long) browser.js("return window.innerWidth");
        if (Math.abs(inner - width) > 20) {
            problems.add(0, "window is " + inner + " px wide, not " + width);
        }
        System.out.println("LAYOUT " + page + " @" + width + ": " + problems.size() + " problem(s)"
                + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems)));
        assertEquals(List.of(), problems, page + " at " + width + " px");
    }

    /**
     * The build fails a listing line longer than {@link ListingWidth#COLUMNS}: that many characters must stay on one line
     * in a snippet's code box at 1280 and 1440 px (the book's listings are all snippets); at 1280 px a few more must not (else the
     * limit is lower than the stylesheet needs).
     */
    @ParameterizedTest(name = "at {0} px a code line of ListingWidth.COLUMNS characters does not wrap")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1280, 1440})
    void columns(int width) {
        browser.driver.manage().window().setSize(new Dimension(width, 900));
        browser.open("05-losses.html");
        String measure = """
                const [n] = arguments, out = [];
                for (const code of [document.querySelector('.snippet .listingblock pre > code')]) {
                  if (!code) { out.push('no such code box'); continue; }
                  const pre = code.closest('pre'), before = pre.getBoundingClientRect().height;
                  const line = document.createTextNode('\\n' + 'm'.repeat(n));
                  code.appendChild(line);
                  const lineHeight = parseFloat(getComputedStyle(pre).lineHeight);
                  out.push(Math.round((pre.getBoundingClientRect().height - before) / lineHeight));
                  line.remove();
                }
                return out;
                """;
        assertEquals(List.of(1L), browser.js(measure, ListingWidth.COLUMNS), "lines added by a line of " + ListingWidth.COLUMNS);
        if (width == 1280) {
            assertEquals(List.of(2L), browser.js(measure, ListingWidth.COLUMNS + 4), "a line of " + (ListingWidth.COLUMNS + 4));
        }
    }
}
