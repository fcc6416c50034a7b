package org.npsloop.web.respond;

/** WCAG contrast arithmetic, so that any brand colour gives readable pages. */
final class Colours {

    static final String DARK = "#1A1A1A";
    static final String LIGHT = "#FFFFFF";

    private Colours() {
    }

    /** Black-ish or white text on this background, whichever contrasts more. */
    static String textOn(String background) {
        return contrast(background, DARK) >= contrast(background, LIGHT) ? DARK : LIGHT;
    }

    /** The brand colour for links and outlines on white when it is readable there (4.5:1), else dark text colour. */
    static String accentOnWhite(String brand) {
        return contrast(brand, LIGHT) >= 4.5 ? brand : DARK;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
