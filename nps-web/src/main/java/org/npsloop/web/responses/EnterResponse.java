package org.npsloop.web.responses;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.npsloop.campaigns.audience.ContactQuery;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.campaigns.respond.ResponseEntryService;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;
import org.npsloop.web.ui.UserTime;

/** The "new phone response" form of the responses page: a marketer types what a customer said. */
@Named
@ViewScoped
public class EnterResponse implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<Integer> SCORES = IntStream.rangeClosed(0, 10).boxed().toList();

    @Inject
    private ResponseEntryService entries;

    @Inject
    private ContactService contacts;

    @Inject
    private CurrentUser currentUser;

    private String contact;
    private Integer score;
    private String comment;
    private boolean consent;
    /** Ticked: the contact agreed to be quoted; unticked: not asked, or a no where the campaign's survey asks it. */
    private boolean quoteConsent;
    private ResponseChannel channel = ResponseChannel.PHONE;
    private LocalDateTime respondedAt;
    private Long campaignId;

    @Inject
    private UserTime userTime;

    @PostConstruct
    void start() {
        respondedAt = userTime.now();
    }

    /** Contacts whose email or name contains the text, shown "Name <email>"; erased ones are left out. */
    public List<String> completeContact(String query) {
        return contacts.search(new ContactQuery(query, null, "email", true, 0, 15)).rows().stream()
                .filter(c -> c.status() != ContactStatus.ERASED).limit(10).map(EnterResponse::label).toList();
    }

    static String label(ContactSummary c) {
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip();
        return name.isEmpty() ? c.email() : name + " <" + c.email() + ">";
    }

    /** The email inside "Name <email>", or the text as typed. */
    static String email(String typed) {
        if (typed == null) {
            return null;
        }
        int open = typed.lastIndexOf('<');
        int close = typed.lastIndexOf('>');
        return open >= 0 && close > open ? typed.substring(open + 1, close).strip() : typed.strip();
    }

    /** Times typed in the browser are read in the user's zone, as the dates of the inbox are shown. */
    public void save() {
        try {
            ResponseEntryService.Entered entered = entries.enter(new ResponseEntryService.EntryInput(null, email(contact),
                    score, comment, consent, channel == null ? null : channel.name(),
                    userTime.instantOf(respondedAt), campaignId, quoteConsent ? Boolean.TRUE : null),
                    currentUser.getUsername());
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("responses.entry.saved"), entered.email(),
                    entered.score());
            contact = null;
            score = null;
            comment = null;
            consent = false;
            quoteConsent = false;
            respondedAt = userTime.now();
            campaignId = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("entry:" + component(error.field()), UiTexts.text(error)));
            Faces.validationFailed();
        }
    }

    private static String component(String field) {
        return switch (field) {
            case "contactId", "email" -> "contact";
            case "campaignId" -> "campaign";
            case "score", "comment", "channel", "respondedAt" -> field;
            default -> "save";
        };
    }

    /** The comment limit shared by every way an answer comes in. */
    public int getMaxComment() {
        return org.npsloop.domain.response.CommentText.MAX_LENGTH;
    }

    public List<Integer> getScores() {
        return SCORES;
    }

    public ResponseChannel[] getChannels() {
        return new ResponseChannel[] {ResponseChannel.PHONE, ResponseChannel.MANUAL};
    }

    public LocalDateTime getMaxDate() {
        return userTime.now().plusMinutes(1);
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isQuoteConsent() {
        return quoteConsent;
    }

    public void setQuoteConsent(boolean quoteConsent) {
        this.quoteConsent = quoteConsent;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public ResponseChannel getChannel() {
        return channel;
    }

    public void setChannel(ResponseChannel channel) {
        this.channel = channel;
    }

    public LocalDateTime getRespondedAt() {
        return respondedAt;
    }

    public void setRespondedAt(LocalDateTime respondedAt) {
        this.respondedAt = respondedAt;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }
}
