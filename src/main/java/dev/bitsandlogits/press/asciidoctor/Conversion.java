package dev.bitsandlogits.press.asciidoctor;

import dev.bitsandlogits.press.math.MathTypesetter;

/**
 * What the extensions see of the build converting a page: the page under conversion, the
 * library and listings as compiled for this build, and the math typesetter. The build
 * ({@code press.build.Book}) implements it; the extensions never see the build itself.
 */
public interface Conversion {

    /** The page the calling thread converts; fails when there is none. */
    PageContext page();

    /** The page the calling thread converts, or null. */
    PageContext currentPage();

    /** The library and listings as compiled when this build started. */
    ClassLoader listingsLoader();

    /** The math typesetter of this build. */
    MathTypesetter math();
}
