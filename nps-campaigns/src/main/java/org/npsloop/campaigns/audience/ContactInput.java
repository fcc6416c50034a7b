package org.npsloop.campaigns.audience;

import java.util.Map;

/**
 * A contact as a client sends it, not yet validated. Attributes map a name to a JSON-like value
 * (String, Number, Boolean); unknown attribute names are defined on first use, typed from the value.
 * Null fields leave the stored value unchanged on update.
 */
public record ContactInput(String email, String firstName, String lastName, String language,
        Map<String, Object> attributes) {

    public ContactInput {
        attributes = attributes == null ? Map.of() : attributes;
    }
}
