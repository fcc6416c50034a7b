package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person who may be surveyed. */
@Entity
@Table(name = "contact")
@NamedQuery(name = "Contact.count", query = "SELECT COUNT(c) FROM Contact c")
public class Contact {

    @Id
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    private Long id;

    @Embedded
    private EmailAddress email;

    @Column(name = "first_name", length = 200)
    private String firstName;

    @Column(name = "last_name", length = 200)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ContactStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
        // for JPA
    }

    public Contact(EmailAddress email, Language language, Instant now) {
        this.email = Objects.requireNonNull(email, "email");
        this.language = Objects.requireNonNull(language, "language");
        this.status = ContactStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public EmailAddress getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void rename(String firstName, String lastName, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.updatedAt = now;
    }

    public Language getLanguage() {
        return language;
    }

    public ContactStatus getStatus() {
        return status;
    }

    /** Only active contacts may receive a survey, whatever the campaign. */
    public boolean isReachable() {
        return status == ContactStatus.ACTIVE;
    }

    /** Follows the suppression list: unsubscribed or bounced contacts are never surveyed again. */
    public void suppress(SuppressionReason reason, Instant now) {
        if (status != ContactStatus.ERASED) {
            this.status = reason.contactStatus() == ContactStatus.ACTIVE ? status : reason.contactStatus();
            this.updatedAt = now;
        }
    }

    /** An ADMIN lifted a bounce or a complaint found to be a false positive: the contact may be surveyed again. */
    public void liftSuppression(Instant now) {
        if (status == ContactStatus.BOUNCED || status == ContactStatus.UNSUBSCRIBED) {
            this.status = ContactStatus.ACTIVE;
            this.updatedAt = now;
        }
    }

    /**
     * GDPR erasure: the row stays as an anonymous tombstone (invitations still point at it), with no
     * name and an address that cannot be mailed or matched again.
     */
    public void erase(Instant now) {
        this.email = new EmailAddress("erased-" + id + "@erased.invalid");
        this.firstName = null;
        this.lastName = null;
        this.status = ContactStatus.ERASED;
        this.updatedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
