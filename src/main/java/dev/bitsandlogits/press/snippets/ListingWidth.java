package dev.bitsandlogits.press.snippets;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a listing line may be: the characters a code box shows on one line in a 1280 px window.
 *
 * <p>At desktop widths a code box may grow past the prose column into the free space on its right
 * (the stylesheet's {@code min-width: 64em} rules), and a line longer than the widest box wraps
 * inside it: readable, but no longer the code as written. With the book navigation open, at
 * 1280 px the widest box is 852 px; less its border and padding, 822 px hold
 * {@value #COLUMNS} characters of 13.6 px DejaVu Sans Mono (8.19 px each). {@code LayoutBrowserIT}
 * measures that a line of {@value #COLUMNS} characters stays on one line at 1280 and 1440 px, so
 * this number and the stylesheet cannot drift apart.
 */
public final class ListingWidth {

    /** Characters of a region line (its common indentation removed) that fit a code box at 1280 px. */
    public static final int COLUMNS = 100;

    private ListingWidth() {
    }

    /** One message for each line of the snippet that is too long, naming the line in its Java file. */
    public static List<String> tooLong(Snippet snippet) {
        List<String> problems = new ArrayList<>();
        List<String> lines = snippet.code().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int length = lines.get(i).codePointCount(0, lines.get(i).length());
            if (length > COLUMNS) {
                problems.add("snippet '" + snippet.tag() + "': a line of " + length + " characters is wider than a code box at"
                        + " 1280 px (" + COLUMNS + "), so it wraps (" + snippet.location(i) + "); break it after a comma,"
                        + " an operator or an opening parenthesis, or move its comment to a line of its own");
            }
        }
        return problems;
    }
}
