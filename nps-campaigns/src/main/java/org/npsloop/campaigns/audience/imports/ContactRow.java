package org.npsloop.campaigns.audience.imports;

import java.util.Map;
import java.util.Objects;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;

/**
 * A valid record, every mapped cell parsed.
 *
 * @param firstName  null when the cell is empty or not mapped
 * @param lastName   null when the cell is empty or not mapped
 * @param language   null when the cell is empty or not mapped: keep the contact's current language
 * @param attributes normalised attribute name to String, Double, LocalDate or Boolean
 *                   ({@link org.npsloop.domain.audience.AttributeType#parse}); empty cells are absent
 */
public record ContactRow(int line, EmailAddress email, String firstName, String lastName, Language language,
                         Map<String, Object> attributes) implements ParsedRow {

    public ContactRow {
        Objects.requireNonNull(email, "email");
        attributes = Map.copyOf(attributes);
    }
}
