package org.npsloop.domain.followup;

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
import java.util.Objects;
import org.npsloop.domain.i18n.InvalidValueException;

/** What someone wrote on a follow-up (what the customer said on the phone...): never edited. */
@Entity
@Table(name = "follow_up_note")
public class FollowUpNote {

    @Id
    @SequenceGenerator(name = "follow_up_note_seq", sequenceName = "follow_up_note_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_note_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "follow_up_id", nullable = false, updatable = false)
    private FollowUp followUp;

    /** The username (or API key name) of who wrote it, kept as text so that it survives the user. */
    @Column(nullable = false, length = 100)
    private String author;

    @Column(name = "note_text", nullable = false, length = FollowUpRules.MAX_NOTE_LENGTH)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FollowUpNote() {
        // for JPA
    }

    FollowUpNote(FollowUp followUp, String author, String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("followup.note.empty");
        }
        String stripped = text.strip();
        if (stripped.length() > FollowUpRules.MAX_NOTE_LENGTH) {
            throw new InvalidValueException("followup.note.tooLong", FollowUpRules.MAX_NOTE_LENGTH);
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("author: required");
        }
        this.followUp = Objects.requireNonNull(followUp, "followUp");
        this.author = author.length() > 100 ? author.substring(0, 100) : author;
        this.text = stripped;
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() {
        return id;
    }

    public FollowUp getFollowUp() {
        return followUp;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
