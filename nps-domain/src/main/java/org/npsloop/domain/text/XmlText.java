package org.npsloop.domain.text;

/**
 * Removes the characters an XML 1.0 document cannot hold (C0 controls other than tab, line feed and
 * carriage return; U+FFFE and U+FFFF; surrogates without their pair). Text typed by people goes into
 * XHTML, PDF and JSON documents: one such character made the internal report's PDF fail.
 */
public final class XmlText {

    private XmlText() {
    }

    /** @return the text without those characters (the same instance when there were none); null stays null */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean allowed = allowed(codePoint);
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.appendCodePoint(codePoint);
            }
            i += width;
        }
        return kept == null ? text : kept.toString();
    }

    /** The Char production of XML 1.0; a lone surrogate arrives here as its own code point and is refused. */
    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
