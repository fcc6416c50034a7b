package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.npsloop.domain.i18n.InvalidValueException;

/** A marketer-defined contact attribute: its name (e.g. {@code plan}, {@code signup_date}) and type. */
@Entity
@Table(name = "attribute_definition")
@NamedQuery(name = "AttributeDefinition.all", query = "SELECT a FROM AttributeDefinition a ORDER BY a.name")
public class AttributeDefinition {

    private static final Pattern NAME_SHAPE = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    @Id
    @SequenceGenerator(name = "attribute_definition_seq", sequenceName = "attribute_definition_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attribute_definition_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AttributeType type;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AttributeDefinition() {
        // for JPA
    }

    public AttributeDefinition(String name, AttributeType type, Instant now) {
        this.name = normaliseName(name);
        this.type = Objects.requireNonNull(type, "type");
        this.createdAt = now;
    }

    /** Lower case letters, digits and underscores, starting with a letter: "Signup Date" becomes "signup_date". */
    public static String normaliseName(String name) {
        String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!NAME_SHAPE.matcher(normalised).matches()) {
            throw new InvalidValueException("attribute.name.invalid", String.valueOf(name));
        }
        return normalised;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AttributeType getType() {
        return type;
    }
}
