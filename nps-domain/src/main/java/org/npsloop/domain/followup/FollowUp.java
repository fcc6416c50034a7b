package org.npsloop.domain.followup;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.user.User;

/**
 * What the company does about one response: who calls the customer back, by when, where it stands and
 * what was said. One per response at most (a unique constraint). It stays when the respondent later
 * changes their score: the list then shows the new score, and the owner decides whether to resolve it.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    @SequenceGenerator(name = "follow_up_seq", sequenceName = "follow_up_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_seq")
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "response_id", nullable = false, updatable = false)
    private Response response;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private User owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FollowUpStatus status;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @OneToMany(mappedBy = "followUp", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt ASC, id ASC")
    private List<FollowUpNote> notes = new ArrayList<>();

    @Version
    private long version;

    protected FollowUp() {
        // for JPA
    }

    /** A new follow-up, unassigned, due {@code dueDays} after {@code today}. */
    public FollowUp(Response response, LocalDate today, int dueDays, Instant now) {
        if (dueDays < 0) {
            throw new IllegalArgumentException("dueDays: not negative");
        }
        this.response = Objects.requireNonNull(response, "response");
        this.status = FollowUpStatus.NEW;
        this.dueOn = today.plusDays(dueDays);
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    /**
     * Gives the follow-up to someone (null: to nobody).
     *
     * @return whether the owner changed, so that the new one is told
     */
    public boolean assign(User newOwner, Instant now) {
        if (sameUser(owner, newOwner)) {
            return false;
        }
        this.owner = newOwner;
        this.updatedAt = now;
        return true;
    }

    private static boolean sameUser(User a, User b) {
        if (a == b) {
            return true;
        }
        return a != null && b != null && a.getId() != null && a.getId().equals(b.getId());
    }

    /** @throws IllegalArgumentException when the move is not allowed (see {@link FollowUpStatus}) */
    public boolean moveTo(FollowUpStatus target, Instant now) {
        if (target == null) {
            throw new InvalidValueException("followup.status.required");
        }
        if (!status.canMoveTo(target)) {
            throw new InvalidValueException("followup.status.notAllowed", Message.of("followup.status." + status), Message.of("followup.status." + target));
        }
        if (target == status) {
            return false;
        }
        this.status = target;
        this.resolvedAt = target == FollowUpStatus.RESOLVED ? now : null;
        this.updatedAt = now;
        return true;
    }

    /**
     * A new due date: not in the past (the day itself is fine) and at most a year ahead.
     *
     * @throws IllegalArgumentException otherwise
     */
    public boolean dueOn(LocalDate newDueOn, LocalDate today, Instant now) {
        if (newDueOn == null) {
            throw new InvalidValueException("followup.due.required");
        }
        if (newDueOn.equals(dueOn)) {
            return false;
        }
        if (newDueOn.isBefore(today)) {
            throw new InvalidValueException("followup.due.past", today);
        }
        if (newDueOn.isAfter(today.plusDays(FollowUpRules.MAX_DUE_DAYS_AHEAD))) {
            throw new InvalidValueException("followup.due.tooFar", today.plusDays(FollowUpRules.MAX_DUE_DAYS_AHEAD));
        }
        this.dueOn = newDueOn;
        this.updatedAt = now;
        return true;
    }

    /** @throws IllegalArgumentException for a blank or too long text */
    public FollowUpNote addNote(String author, String text, Instant now) {
        FollowUpNote note = new FollowUpNote(this, author, text, now);
        notes.add(note);
        this.updatedAt = now;
        return note;
    }

    public boolean isOverdue(LocalDate today) {
        return FollowUpRules.overdue(status, dueOn, today);
    }

    public Long getId() {
        return id;
    }

    public Response getResponse() {
        return response;
    }

    public User getOwner() {
        return owner;
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public List<FollowUpNote> getNotes() {
        return List.copyOf(notes);
    }
}
