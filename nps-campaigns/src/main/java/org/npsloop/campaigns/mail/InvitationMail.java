package org.npsloop.campaigns.mail;

import java.util.Objects;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.survey.SurveyLetter;
import org.npsloop.domain.survey.SurveyTexts;

/**
 * Everything one survey email says: to whom, in which language, for which brand, and the token its
 * links carry. {@code baseUrl} ends with "/".
 */
public record InvitationMail(String recipient, String firstName, Language language, String brandName, String colour,
        String logoUrl, String postalAddress, SurveyTexts texts, String baseUrl, String token) {

    public InvitationMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(token, "token");
        if (baseUrl == null || !baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("The base URL must end with '/': " + baseUrl);
        }
    }

    /** The mail of a survey to a contact, in the language of {@code letter} ({@code Survey.letterIn(contact's)}). */
    public static InvitationMail of(SurveyLetter letter, String recipient, String firstName, String baseUrl, String token) {
        return new InvitationMail(recipient, firstName, letter.language(), letter.brandName(), letter.brandColour(),
                letter.logoUrl(), letter.postalAddress(), letter.texts(), baseUrl, token);
    }

    /** The link that opens the response page with this score selected; GETting it stores nothing. */
    public String scoreUrl(int score) {
        return baseUrl + "r/" + token + "?score=" + score;
    }

    public String unsubscribeUrl() {
        return baseUrl + "u/" + token;
    }
}
