package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Data for the publication editor's browser tests (issue 12, point 9), made through the API: a survey of its own
 * brand, a journey campaign of it and answers given a minute ago, so that a test's scope holds only its own answers.
 */
final class PublicationScope {

    /** The survey's brand, as the public page of a publication of this campaign shows it. */
    final String brandName;
    final String brandColour;
    final String campaignName;
    final String campaignId;

    private PublicationScope(String brandName, String brandColour, String campaignName, String campaignId) {
        this.brandName = brandName;
        this.brandColour = brandColour;
        this.campaignName = campaignName;
        this.campaignId = campaignId;
    }

    /** A campaign with {@code answers} answers given a minute ago (scores 10, 9, 6, 8, 10...), its survey in colour; made by {@code api}, a MARKETER's client. */
    static PublicationScope withAnswers(WebClient api, String run, int answers, String colour) {
        String brand = "Brand " + run;
        HttpResponse<String> survey = api.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"" + brand + "\"}");
        assertEquals(201, survey.statusCode(), survey.body());
        String surveyId = AudienceApi.id(survey);
        HttpResponse<String> branded = api.sendJson("PUT", "api/surveys/" + surveyId, "{\"brandColour\":\"" + colour + "\"}");
        assertEquals(200, branded.statusCode(), branded.body());
        HttpResponse<String> campaign = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + surveyId
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"P12_" + run.substring(run.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT)
                + "\",\"triggerDelayDays\":7}");
        assertEquals(201, campaign.statusCode(), campaign.body());
        String campaignId = AudienceApi.id(campaign);
        String email = run + "@exemple.fr";
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}").statusCode());
        int[] scores = {10, 9, 6, 8, 10};
        Instant now = Instant.now().minusSeconds(60);
        for (int i = 0; i < answers; i++) {
            HttpResponse<String> answer = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":"
                    + scores[i % scores.length] + ",\"respondedAt\":\"" + now.minusSeconds(i) + "\",\"campaignId\":" + campaignId + "}");
            assertEquals(201, answer.statusCode(), answer.body());
        }
        return new PublicationScope(brand, colour, run, campaignId);
    }

    /**
     * Whether a date field shows this day, in whichever of the usual ways the page writes days (ISO, or the
     * language's short or medium format): the format is another helper's concern, the day is this test's.
     */
    static boolean showsDay(String shown, LocalDate day) {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"),
                    DateTimeFormatter.ofPattern("MM/dd/yyyy"), DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale))) {
                if (shown.strip().equals(format.format(day))) {
                    return true;
                }
            }
        }
        return false;
    }
}
