package org.npsloop.domain.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One entry of a publication's history: who published, re-published or revoked it, when, and what was shown. */
@Entity
@Table(name = "publication_version")
@NamedQuery(name = "PublicationVersion.of",
        query = "SELECT v FROM PublicationVersion v WHERE v.publication.id = :publication ORDER BY v.number DESC")
@NamedQuery(name = "PublicationVersion.number",
        query = "SELECT v FROM PublicationVersion v WHERE v.publication.id = :publication AND v.number = :number")
public class PublicationVersion {

    @Id
    @SequenceGenerator(name = "publication_version_seq", sequenceName = "publication_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publication_version_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publication_id", nullable = false)
    private Publication publication;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PublicationAction action;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    @Column(nullable = false, length = Publication.TITLE_MAX)
    private String title;

    /** The public content (JSON) of a publish; null for a revoke. */
    @Column(length = 200000)
    private String content;

    protected PublicationVersion() {
        // for JPA
    }

    PublicationVersion(Publication publication, int number, PublicationAction action, String actor, Instant actedAt,
            PublicationContent content) {
        this.publication = publication;
        this.number = number;
        this.action = action;
        this.actor = actor;
        this.actedAt = actedAt;
        this.title = content == null ? publication.getTitle() : content.title();
        this.content = content == null ? null : content.toJson();
    }

    public Long getId() {
        return id;
    }

    public Publication getPublication() {
        return publication;
    }

    public int getNumber() {
        return number;
    }

    public PublicationAction getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public Instant getActedAt() {
        return actedAt;
    }

    public String getTitle() {
        return title;
    }

    public Optional<PublicationContent> content() {
        return content == null ? Optional.empty() : Optional.of(PublicationContent.fromJson(content));
    }
}
