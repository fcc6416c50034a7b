package org.npsloop.campaigns.mail;

import org.npsloop.domain.audience.Language;
import org.npsloop.domain.survey.Survey;

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

    /**
     * @param language the language wanted, or null for the contact's; the survey's default when it has no texts in it
     */
    public static InvitationMail of(Survey survey, Language language, Language contactLanguage, String recipient,
            String firstName) {
        Language wanted = language != null ? language : contactLanguage;
        return InvitationMail.of(survey, recipient, firstName, wanted, BASE_URL, NO_TOKEN);
    }
}
