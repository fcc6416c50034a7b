package org.npsloop.web.responses;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.npsloop.campaigns.audience.ContactQuery;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.respond.ResponseEntryService;
import org.npsloop.campaigns.survey.QuestionService;
import org.npsloop.campaigns.survey.QuestionService.QuestionView;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
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

    @Inject
    private CampaignService campaigns;

    @Inject
    private QuestionService questionService;

    private String contact;
    private Integer score;
    private String comment;
    private boolean consent;
    /** Ticked: the contact agreed to be quoted; unticked: not asked, or a no where the campaign's survey asks it. */
    private boolean quoteConsent;
    private ResponseChannel channel = ResponseChannel.PHONE;
    private LocalDateTime respondedAt;
    private Long campaignId;
    /** The additional questions of the chosen campaign's survey (all categories), read when the campaign changes. */
    private List<QuestionView> surveyQuestions = List.of();
    /** What is typed per question: a String, or the options ticked for a multiple choice. */
    private Map<Long, Object> answers = new HashMap<>();
    /** A refused answer's reason, shown under its question. */
    private Map<Long, String> answerErrors = new HashMap<>();

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

    /** The campaign changed: its survey's questions replace the previous ones (and what was typed for them). */
    public void campaignChanged() {
        answers.clear();
        answerErrors.clear();
        surveyQuestions = campaignId == null ? List.of()
                : campaigns.find(campaignId).map(c -> questionService.questions(c.survey().value())).orElse(List.of());
    }

    /** The questions the survey asks for the score typed (those for everyone while there is no score yet). */
    public List<QuestionView> getQuestions() {
        NpsCategory category = score == null || score < 0 || score > 10 ? null : NpsCategory.of(score);
        return surveyQuestions.stream().filter(q -> q.audience().appliesTo(category)).toList();
    }

    /** The values a rating question offers, lowest first, as the form sends them. */
    public List<String> ratings(QuestionView question) {
        return IntStream.rangeClosed(question.scale().min(), question.scale().max()).mapToObj(String::valueOf).toList();
    }

    public Language getLanguage() {
        return Language.of(Faces.getLocale());
    }

    /** Times typed in the browser are read in the user's zone, as the dates of the inbox are shown. */
    public void save() {
        answerErrors.clear();
        try {
            ResponseEntryService.Entered entered = entries.enter(new ResponseEntryService.EntryInput(null, email(contact),
                    score, comment, consent, channel == null ? null : channel.name(),
                    userTime.instantOf(respondedAt), campaignId, quoteConsent ? Boolean.TRUE : null, given()),
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
            campaignChanged();
        } catch (InvalidInputException e) {
            for (var error : e.errors()) {
                if (error.field().startsWith(ANSWER_FIELD)) {
                    answerErrors.put(Long.valueOf(error.field().substring(ANSWER_FIELD.length())), UiTexts.text(error));
                } else {
                    Messages.addError("entry:" + component(error.field()), UiTexts.text(error));
                }
            }
            Faces.validationFailed();
        }
    }

    private static final String ANSWER_FIELD = "answers.";

    /** The answers to the questions shown, as the service reads them; a question left blank is left out. */
    private Map<Long, List<String>> given() {
        Map<Long, List<String>> given = new LinkedHashMap<>();
        for (QuestionView question : getQuestions()) {
            Object value = answers.get(question.id());
            List<String> values = new ArrayList<>();
            if (value instanceof Object[] many) {
                Arrays.stream(many).map(String::valueOf).forEach(values::add);
            } else if (value instanceof Collection<?> many) {
                many.stream().map(String::valueOf).forEach(values::add);
            } else if (value != null && !value.toString().isBlank()) {
                values.add(value.toString());
            }
            // A required question left blank is sent empty, so that the service says it needs an answer.
            if (!values.isEmpty() || question.required()) {
                given.put(question.id(), values);
            }
        }
        return given;
    }

    public Map<Long, Object> getAnswers() {
        return answers;
    }

    public Map<Long, String> getAnswerErrors() {
        return answerErrors;
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
