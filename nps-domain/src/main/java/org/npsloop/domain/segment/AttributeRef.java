package org.npsloop.domain.segment;

import java.util.Objects;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;

/** What the translator needs to know of a custom attribute: its id in contact_attribute and its type. */
public record AttributeRef(long id, String name, AttributeType type) {

    public AttributeRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static AttributeRef of(AttributeDefinition definition) {
        return new AttributeRef(definition.getId(), definition.getName(), definition.getType());
    }
}
