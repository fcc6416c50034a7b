package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.npsloop.campaigns.audience.ContactQuery;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.SurveyService.RenderedMail;
import org.npsloop.campaigns.survey.SurveyService.SurveyDetail;
import org.npsloop.campaigns.survey.SurveyService.SurveyUpdate;
import org.npsloop.campaigns.survey.SurveyService.TestNotSentException;
import org.npsloop.campaigns.survey.SurveyService.TestRecipientRefusedException;
import org.npsloop.campaigns.survey.SurveyService.TestSent;
import org.npsloop.campaigns.survey.SurveyService.Texts;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.security.UserAccountService;
import org.npsloop.web.security.UserView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;
import org.npsloop.web.ui.UserTime;

/**
 * The survey editor: general fields, the texts of each language, branding, closing date and link
 * lifetime; a preview of the saved survey as a chosen contact would get it, and a test sent to oneself.
 */
@Named
@ViewScoped
public class SurveyEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SUGGESTIONS = 10;

    @Inject
    private UserTime userTime;

    @Inject
    private SurveyService surveys;

    @Inject
    private ContactService contacts;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private UserAccountService users;

    private Long id;
    private String name;
    private String brandName;
    private Language defaultLanguage;
    private String brandColour;
    private String logoUrl;
    private String reviewUrl;
    private boolean askQuoteConsent;
    private String senderName;
    private String senderEmail;
    private String postalAddress;
    /** In UTC, as the page says. */
    private LocalDateTime closesAt;
    private Integer linkLifetimeDays;
    private final List<TextsForm> texts = new ArrayList<>();

    private Language previewLanguage;
    /** The email of the contact chosen for the preview; null or blank: no contact. */
    private String previewContact;
    private final Map<String, ContactSummary> suggested = new LinkedHashMap<>();
    private RenderedMail preview;
    private String previewError;
    private String testAddress;

    /** On opening the page: the survey of {@code ?id=}, else 404. */
    public void open() {
        Optional<SurveyDetail> survey = parseId(Faces.getRequestParameter("id")).flatMap(surveys::detail);
        if (survey.isEmpty()) {
            Faces.responseSendError(404, "No such survey");
            return;
        }
        load(survey.get());
        previewLanguage = survey.get().defaultLanguage();
        testAddress = Optional.ofNullable(currentUser.getUsername()).flatMap(users::find).map(UserView::email)
                .filter(email -> !email.isBlank()).orElse(null);
        refreshPreview();
    }

    private void load(SurveyDetail s) {
        id = s.id();
        name = s.name();
        brandName = s.brandName();
        defaultLanguage = s.defaultLanguage();
        brandColour = s.brandColour();
        logoUrl = s.logoUrl();
        reviewUrl = s.reviewUrl();
        askQuoteConsent = s.askQuoteConsent();
        senderName = s.senderName();
        senderEmail = s.senderEmail();
        postalAddress = s.postalAddress();
        closesAt = userTime.local(s.closesAt());
        linkLifetimeDays = s.linkLifetimeDays();
        texts.clear();
        s.texts().forEach((language, t) -> texts.add(new TextsForm(Language.valueOf(language), t)));
    }

    /** Saves everything as shown (empty fields clear optional values), then previews the saved survey. */
    public void save() {
        Map<String, Texts> byLanguage = new LinkedHashMap<>();
        texts.forEach(t -> byLanguage.put(t.getLanguage().name(), t.toTexts()));
        Instant closes = userTime.instantOf(closesAt);
        try {
            SurveyDetail saved = surveys.update(id, new SurveyUpdate(orEmpty(name), orEmpty(brandName),
                    defaultLanguage == null ? null : defaultLanguage.name(), colour(brandColour), orEmpty(logoUrl),
                    orEmpty(senderName), orEmpty(senderEmail), orEmpty(postalAddress),
                    closes == null ? "" : closes.toString(), linkLifetimeDays, byLanguage, orEmpty(reviewUrl),
                    askQuoteConsent));
            load(saved);
            Messages.addGlobalInfo(text("survey.saved", saved.name()));
            refreshPreview();
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError(clientId(error.field()), UiTexts.text(error));
            }
            Messages.addGlobalError(text("survey.error.notSaved"));
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    /** Where the page shows a field's error: next to its input; texts in their language's tab. */
    private String clientId(String field) {
        if (field.startsWith("texts.")) {
            String[] parts = field.split("\\.");
            for (int i = 0; i < texts.size(); i++) {
                if (parts.length == 3 && texts.get(i).getLanguage().name().equals(parts[1])) {
                    return "survey:tabs:" + i + ":" + parts[2];
                }
            }
            return null;
        }
        return "survey:" + field;
    }

    /** Renders the saved survey for the chosen language and contact. */
    public void refreshPreview() {
        previewError = null;
        try {
            preview = surveys.preview(id, previewLanguage == null ? null : previewLanguage.name(), chosenContactId());
        } catch (InvalidInputException e) {
            preview = null;
            previewError = e.errors().stream().map(FieldError::message).reduce((a, b) -> a + "; " + b).orElse(null);
        }
    }

    /** Contacts whose email or name contains the text typed: their emails, labelled by {@link #contactLabel}. */
    public List<String> completeContact(String query) {
        suggested.clear();
        if (query == null || query.isBlank()) {
            return List.of();
        }
        for (ContactSummary c : contacts.search(new ContactQuery(query.strip(), null, "email", true, 0, SUGGESTIONS)).rows()) {
            if (c.email() != null) {
                suggested.put(c.email(), c);
            }
        }
        return new ArrayList<>(suggested.keySet());
    }

    public String contactLabel(String email) {
        ContactSummary c = suggested.get(email);
        if (c == null) {
            return email;
        }
        String fullName = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip();
        return fullName.isEmpty() ? email : fullName + " <" + email + ">";
    }

    private Long chosenContactId() {
        if (previewContact == null || previewContact.isBlank()) {
            return null;
        }
        ContactSummary known = suggested.get(previewContact);
        if (known != null) {
            return known.id();
        }
        return contacts.findByEmail(previewContact.strip()).map(ContactSummary::id).orElseThrow(
                () -> new InvalidInputException("contactId", text("survey.preview.noSuchContact", previewContact.strip())));
    }

    public void sendTest() {
        try {
            String ownAddress = Optional.ofNullable(currentUser.getUsername()).flatMap(users::find).map(UserView::email)
                    .orElse(null);
            TestSent sent = surveys.sendTest(id, previewLanguage == null ? null : previewLanguage.name(), chosenContactId(),
                    testAddress, ownAddress);
            Messages.addInfo("preview:sendTest", text("survey.test.sent", sent.recipient(), sent.transport()));
        } catch (TestRecipientRefusedException e) {
            Messages.addError("preview:testAddress", text("survey.test.refused." + e.reason(), e.address()));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError("to".equals(error.field()) ? "preview:testAddress" : "preview:sendTest", UiTexts.text(error));
            }
        } catch (TestNotSentException e) {
            Messages.addError("preview:sendTest", text("survey.test.failed", e.getMessage()));
        }
    }

    private static String colour(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return v.matches("[0-9A-Fa-f]{6}") ? "#" + v : v; // pickers may leave out the '#'
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Optional<Long> parseId(String param) {
        try {
            return param == null ? Optional.empty() : Optional.of(Long.parseLong(param.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(String key, Object... args) {
        return UiTexts.page(key, args);
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public RenderedMail getPreview() {
        return preview;
    }

    public String getPreviewError() {
        return previewError;
    }

    public List<TextsForm> getTexts() {
        return texts;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBrandName() {
        return brandName;
    }

    public void setBrandName(String brandName) {
        this.brandName = brandName;
    }

    public Language getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public String getBrandColour() {
        return brandColour;
    }

    public void setBrandColour(String brandColour) {
        this.brandColour = brandColour;
    }

    public boolean isAskQuoteConsent() {
        return askQuoteConsent;
    }

    public void setAskQuoteConsent(boolean askQuoteConsent) {
        this.askQuoteConsent = askQuoteConsent;
    }

    public String getReviewUrl() {
        return reviewUrl;
    }

    public void setReviewUrl(String reviewUrl) {
        this.reviewUrl = reviewUrl;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getSenderEmail() {
        return senderEmail;
    }

    public void setSenderEmail(String senderEmail) {
        this.senderEmail = senderEmail;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }

    public Integer getLinkLifetimeDays() {
        return linkLifetimeDays;
    }

    public void setLinkLifetimeDays(Integer linkLifetimeDays) {
        this.linkLifetimeDays = linkLifetimeDays;
    }

    public Language getPreviewLanguage() {
        return previewLanguage;
    }

    public void setPreviewLanguage(Language previewLanguage) {
        this.previewLanguage = previewLanguage;
    }

    public String getPreviewContact() {
        return previewContact;
    }

    public void setPreviewContact(String previewContact) {
        this.previewContact = previewContact;
    }

    public String getTestAddress() {
        return testAddress;
    }

    public void setTestAddress(String testAddress) {
        this.testAddress = testAddress;
    }

    /** The texts of one language, as edited in its tab. */
    public static final class TextsForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Language language;
        private String subject;
        private String question;
        private String followUp;
        private String consentQuestion;
        private String followUpDetractor;
        private String followUpPassive;
        private String followUpPromoter;

        TextsForm(Language language, Texts texts) {
            this.language = language;
            this.subject = texts.subject();
            this.question = texts.question();
            this.followUp = texts.followUp();
            this.consentQuestion = texts.consentQuestion();
            this.followUpDetractor = texts.followUpDetractor();
            this.followUpPassive = texts.followUpPassive();
            this.followUpPromoter = texts.followUpPromoter();
        }

        Texts toTexts() {
            return new Texts(orEmpty(subject), orEmpty(question), orEmpty(followUp), orEmpty(consentQuestion),
                    orEmpty(followUpDetractor), orEmpty(followUpPassive), orEmpty(followUpPromoter));
        }

        public String getFollowUpDetractor() {
            return followUpDetractor;
        }

        public void setFollowUpDetractor(String followUpDetractor) {
            this.followUpDetractor = followUpDetractor;
        }

        public String getFollowUpPassive() {
            return followUpPassive;
        }

        public void setFollowUpPassive(String followUpPassive) {
            this.followUpPassive = followUpPassive;
        }

        public String getFollowUpPromoter() {
            return followUpPromoter;
        }

        public void setFollowUpPromoter(String followUpPromoter) {
            this.followUpPromoter = followUpPromoter;
        }

        public Language getLanguage() {
            return language;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getQuestion() {
            return question;
        }

        public void setQuestion(String question) {
            this.question = question;
        }

        public String getFollowUp() {
            return followUp;
        }

        public void setFollowUp(String followUp) {
            this.followUp = followUp;
        }

        public String getConsentQuestion() {
            return consentQuestion;
        }

        public void setConsentQuestion(String consentQuestion) {
            this.consentQuestion = consentQuestion;
        }
    }
}
