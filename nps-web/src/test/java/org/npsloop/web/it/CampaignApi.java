package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Shortcuts for tests that send campaigns through the API (with a MARKETER client of {@link AudienceApi}). */
final class CampaignApi {

    /** What {@code POST /api/contacts/bulk} takes at most is 10,000; smaller requests keep each transaction short. */
    private static final int BULK_CHUNK = 5_000;

    private CampaignApi() {
    }

    /** A new list holding these addresses (created as contacts, in chunks); returns the list id. */
    static String listOf(WebClient api, String name, List<String> emails) {
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + name + "\"}"));
        for (int from = 0; from < emails.size(); from += BULK_CHUNK) {
            StringBuilder contacts = new StringBuilder();
            for (String email : emails.subList(from, Math.min(emails.size(), from + BULK_CHUNK))) {
                contacts.append(contacts.length() == 0 ? "" : ",").append("{\"email\":\"").append(email).append("\",\"language\":\"EN\"}");
            }
            HttpResponse<String> bulk = api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":[" + contacts + "]}");
            assertEquals(200, bulk.statusCode(), bulk.body());
        }
        return listId;
    }

    /** A survey with a sender and postal line; returns its id. */
    static String survey(WebClient api, String name) {
        HttpResponse<String> survey = api.sendJson("POST", "api/surveys", "{\"name\":\"" + name + "\",\"brandName\":\"Acme\","
                + "\"senderEmail\":\"nps@acme.example\",\"senderName\":\"Acme\",\"postalAddress\":\"1 rue de la Paix, Paris\"}");
        assertEquals(201, survey.statusCode(), survey.body());
        return AudienceApi.id(survey);
    }

    /** A one-off campaign of the survey to the list, scheduled to start at once; returns its id. */
    static String sendNow(WebClient api, String name, String surveyId, String listId) {
        String campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + name + "\",\"surveyId\":"
                + surveyId + ",\"listId\":" + listId + "}"));
        HttpResponse<String> scheduled = api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "");
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        return campaign;
    }

    /** Polls {@code GET /api/campaigns/{id}} until the campaign has this status or the time is up; returns the last answer. */
    static String awaitStatus(WebClient api, String campaign, String status, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String view = api.get("api/campaigns/" + campaign).body();
        while (!status.equals(status(view)) && System.nanoTime() < end) {
            Thread.sleep(250);
            view = api.get("api/campaigns/" + campaign).body();
        }
        return view;
    }

    /** Cancels the campaign unless it is DONE: a failed test must not leave invitations for the next test's instances. */
    static void cancelUnlessDone(WebClient api, String campaign) {
        if (!"DONE".equals(status(api.get("api/campaigns/" + campaign).body()))) {
            api.sendJson("POST", "api/campaigns/" + campaign + "/cancel", "");
        }
    }

    /** The campaign's progress: {@code recipients}, {@code sent}, {@code failed}, {@code pending}... */
    static String progress(WebClient api, String campaign) {
        return api.get("api/campaigns/" + campaign + "/progress").body();
    }

    /** The {@code status} of a campaign's view ({@code GET /api/campaigns/{id}}). */
    static String status(String view) {
        return Json.string(Json.object(view), "status");
    }

    /** A whole-number field of a JSON object answer, e.g. {@code number(progress, "sent")}. */
    static long number(String json, String field) {
        return Json.number(Json.object(json), field);
    }
}
