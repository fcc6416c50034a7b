package org.npsloop.domain.response;

import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.text.XmlText;

/**
 * The rule of every comment, whichever way it comes (respondent page, API, phone entry): characters an
 * XML document cannot hold are removed, surrounding spaces stripped, and a comment longer than
 * {@value #MAX_LENGTH} characters is refused, never cut. Characters are counted as people see them
 * (code points): an emoji is one, and no limit ever splits one in half.
 */
public final class CommentText {

    /** At most 4,000 UTF-16 units: well inside the 10,000 of the comment column on H2 and PostgreSQL. */
    public static final int MAX_LENGTH = 2000;

    private CommentText() {
    }

    /**
     * @return the comment to store, or null when nothing is left of it
     * @throws IllegalArgumentException when it is longer than {@value #MAX_LENGTH} characters
     */
    public static String of(String raw) {
        String text = XmlText.clean(raw);
        if (text == null || text.isBlank()) {
            return null;
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new InvalidValueException("comment.tooLong", MAX_LENGTH);
        }
        return text;
    }
}
