package org.npsloop.domain.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** An NPS questionnaire: the brand it asks about and when it stops accepting answers. */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    @SequenceGenerator(name = "survey_seq", sequenceName = "survey_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "brand_name", nullable = false, length = 200)
    private String brandName;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Survey() {
        // for JPA
    }

    public Survey(String name, String brandName, Instant now) {
        if (name == null || name.isBlank() || brandName == null || brandName.isBlank()) {
            throw new IllegalArgumentException("A survey needs a name and a brand name");
        }
        this.name = name.trim();
        this.brandName = brandName.trim();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getBrandName() {
        return brandName;
    }

    public Optional<Instant> getClosesAt() {
        return Optional.ofNullable(closesAt);
    }

    public void closeAt(Instant closesAt, Instant now) {
        this.closesAt = closesAt;
        this.updatedAt = now;
    }

    public boolean isOpenAt(Instant instant) {
        return closesAt == null || instant.isBefore(closesAt);
    }
}
