package org.npsloop.domain.response;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the answer page's script tells about how its form was sent: whether a person touched the page
 * (pointer, key, focus, typing) and how long the page had been open. The field is {@code "<1|0>:<ms>"},
 * e.g. {@code 1:5230}. Without JavaScript the field stays empty and the form can only be sent by its
 * button, a person's act: an empty or unreadable field says nothing either way.
 *
 * @param touched a pointer, key, focus or input event happened on the page before it was sent
 * @param open how long the page had been open when it was sent
 */
public record PageInteraction(boolean touched, Duration open) {

    /** A page sent by script, untouched, sooner than this after it opened was sent by a machine (the page's own timer waits 1.5 s). */
    public static final Duration INSTANT = Duration.ofSeconds(1);

    private static final Pattern FIELD = Pattern.compile("([01]):(\\d{1,9})");

    public PageInteraction {
        if (open == null || open.isNegative()) {
            throw new IllegalArgumentException("open must be zero or more");
        }
    }

    /** The page's field as sent; empty when it is missing or not the script's. */
    public static Optional<PageInteraction> parse(String field) {
        if (field == null) {
            return Optional.empty();
        }
        Matcher m = FIELD.matcher(field.trim());
        return m.matches() ? Optional.of(new PageInteraction("1".equals(m.group(1)), Duration.ofMillis(Long.parseLong(m.group(2)))))
                : Optional.empty();
    }

    /** Nobody touched the page and it went off within {@link #INSTANT} of opening: a script, not a person. */
    public boolean untouchedAndInstant() {
        return !touched && open.compareTo(INSTANT) < 0;
    }
}
