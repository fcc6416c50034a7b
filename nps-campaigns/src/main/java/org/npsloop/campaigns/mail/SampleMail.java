package org.npsloop.campaigns.mail;

import org.npsloop.domain.audience.Language;
import org.npsloop.domain.survey.SurveyLetter;

/**
 * The survey mail for previews and test sends: a real contact's data, but links that lead nowhere.
 * They point at a host under {@code .invalid} (reserved by RFC 2606, it never resolves) and carry a
 * marker instead of a token, so that nothing a preview or a test shows can record a score.
 */
public final class SampleMail {

    /** Never resolves: the links are visibly dummies and cannot reach this or any server. */
    public static final String BASE_URL = "https://preview.invalid/";
    /** Stands where an invitation's token would be; not the shape of one (22 URL-safe characters). */
    public static final String NO_TOKEN = "TEST-LINK-records-nothing";

    private SampleMail() {
    }

    /** @param letter the survey's mail in {@link #language} ({@code Survey.letterIn}) */
    public static InvitationMail of(SurveyLetter letter, String recipient, String firstName) {
        return InvitationMail.of(letter, recipient, firstName, BASE_URL, NO_TOKEN);
    }

    /**
     * The language to ask the survey for: the one asked, else the contact's (the survey falls back to its default
     * when it has no texts in it).
     */
    public static Language language(Language asked, Language contactLanguage) {
        return asked != null ? asked : contactLanguage;
    }
}
