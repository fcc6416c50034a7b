package org.npsloop.campaigns.mail;

import java.util.Objects;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.survey.Survey;
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

    /** The mail of a survey to a contact, in the contact's language (or the survey's default one). */
    public static InvitationMail of(Survey survey, String recipient, String firstName, Language language,
            String baseUrl, String token) {
        Language spoken = survey.languageFor(language);
        return new InvitationMail(recipient, firstName, spoken, survey.getBrandName(), survey.getBrandColour(),
                survey.getLogoUrl(), survey.getPostalAddress(), survey.textsFor(spoken), baseUrl, token);
    }

    /** The link that opens the response page with this score selected; GETting it stores nothing. */
    public String scoreUrl(int score) {
        return baseUrl + "r/" + token + "?score=" + score;
    }

    public String unsubscribeUrl() {
        return baseUrl + "u/" + token;
    }
}
