package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * A syntactically valid email address, normalised (trimmed, lower case) so that uniqueness is
 * case-insensitive.
 */
@Embeddable
public class EmailAddress {

    /** Pragmatic check: one @, a non-empty local part, a dotted domain, no spaces. */
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final int MAX_LENGTH = 320;

    @Column(name = "email", nullable = false, length = MAX_LENGTH)
    private String value;

    protected EmailAddress() {
        // for JPA
    }

    public EmailAddress(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("email.required");
        }
        String normalised = raw.trim().toLowerCase(Locale.ROOT);
        if (normalised.length() > MAX_LENGTH || !SHAPE.matcher(normalised).matches()) {
            throw new InvalidValueException("email.invalid", raw.trim());
        }
        this.value = normalised;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress e && value.equals(e.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
