package org.npsloop.campaigns.audience.internal;

import java.util.Map;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;

/**
 * A validated contact ready to be written. Null names or language keep what is stored; attribute
 * values are typed (String, Double, LocalDate, Boolean), a null value removes the attribute.
 */
record ContactRecord(EmailAddress email, String firstName, String lastName, Language language,
        Map<String, Object> attributes) {
}
