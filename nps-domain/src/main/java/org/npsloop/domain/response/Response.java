package org.npsloop.domain.response;

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
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.campaign.Invitation;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.Score;

/**
 * One respondent's answer: at most one per invitation, the latest answer wins. The contact link is
 * cleared when a contact is erased, so that the anonymous score still counts.
 */
@Entity
@Table(name = "response")
// Answers suspected to come from a mail scanner are left out of the figures.
@NamedQuery(name = "Response.countByScore",
        query = "SELECT r.score, COUNT(r) FROM Response r WHERE r.flagged = false GROUP BY r.score")
public class Response {

    @Id
    @SequenceGenerator(name = "response_seq", sequenceName = "response_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_seq")
    private Long id;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invitation_id")
    private Invitation invitation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private Contact contact;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @Column(nullable = false)
    private int score;

    @Column(name = "comment_text", length = 10000)
    private String comment;

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    /** "May we quote you anonymously?": null when the survey did not ask it. */
    @Column(name = "quote_consent")
    private Boolean quoteConsent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ResponseChannel channel;

    @Column(name = "responded_at", nullable = false)
    private Instant respondedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** A suspected bot (answered seconds after sending, or sent by a script untouched): left out of reports by default. */
    @Column(nullable = false)
    private boolean flagged;

    @Column(name = "flag_reason", length = 200)
    private String flagReason;

    /** The user who typed a phone or manual answer; null for answers by email. */
    @Column(name = "entered_by", length = 100)
    private String enteredBy;

    @Version
    private long version;

    protected Response() {
        // for JPA
    }

    /** An answer to an emailed invitation. */
    public static Response toInvitation(Invitation invitation, Score score, Instant now) {
        Response response = new Response(invitation.getContact(), score, ResponseChannel.EMAIL, now);
        response.invitation = invitation;
        response.campaign = invitation.getCampaign();
        return response;
    }

    public Response(Contact contact, Score score, ResponseChannel channel, Instant respondedAt) {
        this.contact = contact;
        this.score = Objects.requireNonNull(score, "score").value();
        this.channel = Objects.requireNonNull(channel, "channel");
        this.respondedAt = Objects.requireNonNull(respondedAt, "respondedAt");
        this.updatedAt = respondedAt;
    }

    public Long getId() {
        return id;
    }

    public Invitation getInvitation() {
        return invitation;
    }

    public Contact getContact() {
        return contact;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    /** A phone or manual answer given in the frame of a campaign (optional): it then counts with that campaign. */
    public void attributeTo(Campaign campaign) {
        this.campaign = campaign;
    }

    public Score getScore() {
        return new Score(score);
    }

    public NpsCategory getCategory() {
        return NpsCategory.of(score);
    }

    /** The respondent changed their mind; allowed until the survey closes. */
    public void rescore(Score newScore, Instant now) {
        this.score = newScore.value();
        this.updatedAt = now;
    }

    /** Something attached to the answer changed (an additional answer): what the change feed watches moves on. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public String getComment() {
        return comment;
    }

    /** @throws IllegalArgumentException when the comment breaks {@link CommentText}'s rule */
    public void comment(String text, boolean consentToBeContacted, Instant now) {
        this.comment = CommentText.of(text);
        this.contactConsent = consentToBeContacted;
        this.updatedAt = now;
    }

    public boolean isContactConsent() {
        return contactConsent;
    }

    /** The answer to "may we quote you anonymously?"; null when it was not asked. */
    public Boolean getQuoteConsent() {
        return quoteConsent;
    }

    /** Records the answer to the quote consent question (null: not asked). */
    public void quoteConsent(Boolean consent, Instant now) {
        if (!Objects.equals(quoteConsent, consent)) {
            this.quoteConsent = consent;
            this.updatedAt = now;
        }
    }

    public ResponseChannel getChannel() {
        return channel;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void flag(String reason) {
        this.flagged = true;
        this.flagReason = reason == null ? null : reason.substring(0, Math.min(200, reason.length()));
    }

    /**
     * Whether an answer sent now may replace this one: a person's answer (not flagged) is not overwritten by a
     * suspected machine's (a scanner coming back), which is then dropped.
     *
     * @param suspicion why the answer sent now looks like a machine's ({@link BotSuspicion#ofAnswer}), or empty
     */
    public boolean yieldsTo(Optional<String> suspicion) {
        return flagged || suspicion.isEmpty();
    }

    /**
     * Flags this answer, or clears its flag, by what happened when it was last sent: a scanner's answer that
     * the person later sends again (changed or not) counts from then on. Clearing it is a change that the
     * webhook and the response rate see, so it moves {@code updatedAt}.
     *
     * @param suspicion why the answer just sent looks like a machine's, or empty
     * @return whether the flag was cleared or set
     */
    public boolean judge(Optional<String> suspicion, Instant now) {
        if (suspicion.isPresent()) {
            // Already flagged: the first reason stays, and nothing is written for it.
            if (flagged) {
                return false;
            }
            flag(suspicion.get());
            return true;
        }
        if (!flagged) {
            return false;
        }
        this.flagged = false;
        this.flagReason = null;
        this.updatedAt = now;
        return true;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public String getFlagReason() {
        return flagReason;
    }

    public void enteredBy(String username) {
        this.enteredBy = username;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    /**
     * The respondent's answer as they sent it now (score, comment, consent): the latest wins.
     *
     * @return whether anything changed; if not, nothing is touched (not even {@code updatedAt})
     * @throws IllegalArgumentException when the comment breaks {@link CommentText}'s rule
     */
    public boolean answer(Score newScore, String text, boolean consentToBeContacted, Instant now) {
        return answer(newScore, text, consentToBeContacted, quoteConsent, now);
    }

    /**
     * The same, with the answer to "may we quote you anonymously?" ({@code consentToBeQuoted} null when the
     * survey does not ask it).
     */
    public boolean answer(Score newScore, String text, boolean consentToBeContacted, Boolean consentToBeQuoted, Instant now) {
        String newComment = CommentText.of(text);
        if (score == newScore.value() && Objects.equals(comment, newComment) && contactConsent == consentToBeContacted
                && Objects.equals(quoteConsent, consentToBeQuoted)) {
            return false;
        }
        this.score = newScore.value();
        this.comment = newComment;
        this.contactConsent = consentToBeContacted;
        this.quoteConsent = consentToBeQuoted;
        this.updatedAt = now;
        return true;
    }
}
