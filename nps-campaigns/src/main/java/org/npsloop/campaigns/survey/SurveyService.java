package org.npsloop.campaigns.survey;

import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.npsloop.domain.audience.Language;

/**
 * Surveys: created with the standard FR/EN wording, which can be changed later; previewed with a
 * real contact's data and sent as a test, both with links that record nothing.
 */
public interface SurveyService {

    record SurveyView(long id, String name, String brandName, Language defaultLanguage, String senderName,
            String senderEmail, int linkLifetimeDays) implements java.io.Serializable {
    }

    record NewSurvey(String name, String brandName, String defaultLanguage, String senderName, String senderEmail,
            String postalAddress, Integer linkLifetimeDays) {
    }

    /**
     * What a survey says in one language; {@code {company}} stands for the brand name. The "why" question may be
     * worded per category ({@code followUpDetractor}...): blank or null falls back to {@code followUp}.
     */
    record Texts(String subject, String question, String followUp, String consentQuestion, String followUpDetractor,
            String followUpPassive, String followUpPromoter) {

        /** The constructor JSON-B reads a request body with: Yasson finds none by itself in a record that has two. */
        @JsonbCreator
        public Texts {
        }

        /** The same "why" question for every category. */
        public Texts(String subject, String question, String followUp, String consentQuestion) {
            this(subject, question, followUp, consentQuestion, null, null, null);
        }
    }

    /** Everything about a survey, texts by language code ("EN", "FR"). */
    record SurveyDetail(long id, String name, String brandName, Language defaultLanguage, String brandColour,
            String logoUrl, String senderName, String senderEmail, String postalAddress, Instant closesAt,
            int linkLifetimeDays, Map<String, Texts> texts, Instant updatedAt, String reviewUrl, boolean askQuoteConsent) {
    }

    /**
     * A change to a survey. A field left out (null) keeps its value; an empty string clears an optional
     * one (logo, sender name and email, postal address, closing date, consent question). The closing
     * date is an ISO-8601 instant such as {@code 2026-12-31T23:00:00Z}. Texts are given by language
     * code, each text following the same rule. The review link (shown to promoters after they answer)
     * is optional too. {@code askQuoteConsent} asks respondents "may we quote you anonymously?" (worded by the
     * respondent page in their language); where it is asked, only a yes can be quoted in a publication.
     */
    record SurveyUpdate(String name, String brandName, String defaultLanguage, String brandColour, String logoUrl,
            String senderName, String senderEmail, String postalAddress, String closesAt, Integer linkLifetimeDays,
            Map<String, Texts> texts, String reviewUrl, Boolean askQuoteConsent) {
    }

    /** A survey mail as it would be sent, with links that do not work (they record no answer). */
    record RenderedMail(Language language, String subject, String html, String text) implements java.io.Serializable {
    }

    /** A test message accepted by the transport. */
    record TestSent(String recipient, String subject, Language language, String transport) {
    }

    /** The transport refused or could not take a test message (SMTP down, address refused). */
    final class TestNotSentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TestNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The test was not sent because of its recipient; nothing was sent. */
    final class TestRecipientRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Why: the message keys of the web layer are named after it. */
        public enum Reason {
            /** Neither the signed-in user's own address nor one an ADMIN allowed ({@code nps.test-mail.allowed}). */
            NOT_ALLOWED,
            /** On the suppression list: unsubscribed, bounced, complained or blocked. */
            SUPPRESSED
        }

        private final Reason reason;
        private final String address;

        public TestRecipientRefusedException(Reason reason, String address) {
            super(reason == Reason.SUPPRESSED
                    ? address + " is on the suppression list: no message goes to it, not even a test"
                    : "A test goes only to your own address or to an address an administrator allowed (nps.test-mail.allowed), not to "
                            + address);
            this.reason = reason;
            this.address = address;
        }

        public Reason reason() {
            return reason;
        }

        public String address() {
            return address;
        }
    }

    List<SurveyView> list();

    Optional<SurveyView> find(long id);

    Optional<SurveyDetail> detail(long id);

    SurveyView create(NewSurvey survey);

    /**
     * Changes a survey, all or nothing.
     *
     * @throws org.npsloop.domain.validation.InvalidInputException naming each refused field
     * @throws java.util.NoSuchElementException for an unknown survey
     */
    SurveyDetail update(long id, SurveyUpdate update);

    /**
     * The survey's mail as a contact would receive it: their first name, in the language asked for
     * (null: the contact's own), falling back to the survey's default language. The links are dummies.
     *
     * @param contactId null for a mail without personal data
     */
    RenderedMail preview(long surveyId, String language, Long contactId);

    /**
     * Sends the preview to one address through the configured transport (SMTP, or the development
     * outbox), its subject starting with "[TEST]". No invitation is created and its links carry no token.
     *
     * @param callerEmail the signed-in user's own address (null for an API key): allowed as recipient
     * @throws TestRecipientRefusedException when {@code to} is neither the caller's nor allowed by
     *         {@link TestRecipients}, or is suppressed
     * @throws TestNotSentException when the transport refuses it
     */
    TestSent sendTest(long surveyId, String language, Long contactId, String to, String callerEmail);
}
