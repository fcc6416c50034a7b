package org.npsloop.domain.segment;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The custom attributes known when a segment is translated. A function rather than a map so that
 * callers may look attributes up however suits them.
 */
@FunctionalInterface
public interface AttributeCatalog {

    /** @param name a normalised attribute name, e.g. {@code signup_date} */
    Optional<AttributeRef> find(String name);

    /** A catalog of a fixed set of attributes, e.g. all attribute definitions read at once. */
    static AttributeCatalog of(Collection<AttributeRef> attributes) {
        Map<String, AttributeRef> byName = attributes.stream()
                .collect(Collectors.toUnmodifiableMap(AttributeRef::name, Function.identity()));
        return name -> Optional.ofNullable(byName.get(name));
    }
}
