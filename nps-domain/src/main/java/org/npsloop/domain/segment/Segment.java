package org.npsloop.domain.segment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.npsloop.domain.i18n.InvalidValueException;

/** A saved rule selecting contacts, evaluated by the database whenever it is used. */
@Entity
@Table(name = "segment")
@NamedQuery(name = "Segment.all", query = "SELECT s FROM Segment s ORDER BY s.name")
public class Segment {

    private static final int MAX_DEFINITION = 20_000;

    @Id
    @SequenceGenerator(name = "segment_seq", sequenceName = "segment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "segment_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    /** The rule as {@link SegmentJson} writes it. */
    @Column(nullable = false, length = MAX_DEFINITION)
    private String definition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Segment() {
        // for JPA
    }

    public Segment(String name, String description, SegmentRule rule, Instant now) {
        this.createdAt = now;
        change(name, description, rule, now);
    }

    public final void change(String newName, String newDescription, SegmentRule rule, Instant now) {
        if (newName == null || newName.isBlank()) {
            throw new InvalidValueException("segment.name.required");
        }
        String json = SegmentJson.toJson(rule);
        if (json.length() > MAX_DEFINITION) {
            throw new InvalidValueException("segment.rule.tooLong", json.length());
        }
        this.name = newName.strip();
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        this.definition = json;
        this.updatedAt = now;
    }

    public SegmentRule rule() {
        return SegmentJson.fromJson(definition);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getDefinition() {
        return definition;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
