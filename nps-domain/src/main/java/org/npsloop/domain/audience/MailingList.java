package org.npsloop.domain.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.npsloop.domain.i18n.InvalidValueException;

/** A static, hand-curated set of contacts. Members are loaded lazily: lists can be large. */
@Entity
@Table(name = "mailing_list")
@NamedQuery(name = "MailingList.count", query = "SELECT COUNT(l) FROM MailingList l")
public class MailingList {

    @Id
    @SequenceGenerator(name = "mailing_list_seq", sequenceName = "mailing_list_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_list_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @ManyToMany
    @JoinTable(name = "mailing_list_member",
            joinColumns = @JoinColumn(name = "mailing_list_id"),
            inverseJoinColumns = @JoinColumn(name = "contact_id"))
    private Set<Contact> members = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MailingList() {
        // for JPA
    }

    public MailingList(String name, Instant now) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("list.name.required");
        }
        this.name = name.trim();
        this.createdAt = now;
        this.updatedAt = now;
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

    public void describe(String description, Instant now) {
        this.description = description;
        this.updatedAt = now;
    }

    public Set<Contact> getMembers() {
        return members;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
