package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * A key moment in a contact's journey (onboarding, purchase, renewal...), to which journey-triggered
 * campaigns react. The optional external id makes delivery idempotent: the same event sent twice
 * is stored once.
 */
@Entity
@Table(name = "journey_event")
public class JourneyEvent {

    /** Built-in types; marketers may define others with the same shape. */
    public static final String ONBOARDING = "ONBOARDING";
    public static final String PURCHASE = "PURCHASE";
    public static final String RENEWAL = "RENEWAL";
    public static final String SUPPORT_CLOSED = "SUPPORT_CLOSED";

    private static final Pattern TYPE_SHAPE = Pattern.compile("^[A-Z][A-Z0-9_]{0,49}$");

    @Id
    @SequenceGenerator(name = "journey_event_seq", sequenceName = "journey_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "journey_event_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private Contact contact;

    @Column(nullable = false, length = 50)
    private String type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "external_id", length = 200)
    private String externalId;

    /** JSON object of free-form properties (order id, amount...). */
    @Column(length = 4000)
    private String properties;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JourneyEvent() {
        // for JPA
    }

    public JourneyEvent(Contact contact, String type, Instant occurredAt, String externalId, Instant now) {
        this.contact = Objects.requireNonNull(contact, "contact");
        this.type = normaliseType(type);
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.externalId = externalId;
        this.createdAt = now;
    }

    /** Upper-cases and checks an event type name: letters, digits and underscores. */
    public static String normaliseType(String type) {
        String normalised = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        if (!TYPE_SHAPE.matcher(normalised).matches()) {
            throw new InvalidValueException("event.type.invalid", String.valueOf(type));
        }
        return normalised;
    }

    public Long getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public String getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getProperties() {
        return properties;
    }

    public void setProperties(String propertiesJson) {
        this.properties = propertiesJson;
    }
}
