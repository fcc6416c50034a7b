package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security regression suite over HTTP, on PostgreSQL: each section holds one promise of README's
 * "Security and privacy" section, as an attacker or a careful customer would check it. One deployment
 * for all of them (each Payara Micro boot costs ~15 s); every test makes its own users and data, so that
 * it holds whatever else the shared test database contains.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class SecurityIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.applicationWar();
    }

    // ---------------------------------------------------------------------------------------------
    // 2. No cross-site requests; 3. Login that resists guessing.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 4. Webhook without SSRF.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 5. Erasure that erases.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 6. A public synthesis that never exposes a person.
    // ---------------------------------------------------------------------------------------------

    /**
     * Quotes holding an email, phones, a URL, their author's full name and another contact's name are published
     * masked: nothing of it on the public page (logged out) nor in the stored snapshot; an edited wording is
     * what is published, masked too, while the original comment stays internal; where the survey asks the
     * quote consent, a respondent who said no cannot be quoted (400).
     */
    @Test
    void aPublishedSynthesisShowsNoEmailPhoneUrlOrNameEvenInAQuote() throws Exception {
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("mask");
        String suffix = run.substring(run.indexOf('-') + 1);
        // Names are letters only: digits would split a name into two words.
        String letters = suffix.chars().mapToObj(c -> String.valueOf(Character.isDigit(c) ? (char) ('a' + c - '0') : (char) c))
                .reduce("", String::concat).replaceAll("[^A-Za-z]", "");
        String authorLast = "Nob\u00e9court" + letters;
        String otherLast = "Vilmorin" + letters;
        String[] emails = {run + "-ana@exemple.fr", run + "-ben@exemple.fr", run + "-cyd@exemple.fr", run + "-gas@exemple.fr"};
        String[][] names = {{"Ana\u00efs", authorLast}, {"Benoit", "Quatremer" + letters}, {"Cyd", "Ostrander" + letters},
            {"Gaspard", otherLast}};
        for (int i = 0; i < emails.length; i++) {
            HttpResponse<String> contact = marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + emails[i]
                    + "\",\"firstName\":\"" + names[i][0] + "\",\"lastName\":\"" + names[i][1] + "\",\"language\":\"FR\"}");
            assertEquals(201, contact.statusCode(), contact.body());
        }
        String survey = CampaignApi.survey(marketer, run);
        HttpResponse<String> asks = marketer.sendJson("PUT", "api/surveys/" + survey, "{\"askQuoteConsent\":true}");
        assertEquals(200, asks.statusCode(), asks.body());
        assertTrue(asks.body().contains("\"askQuoteConsent\":true"), asks.body());
        HttpResponse<String> journey = marketer.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"MASK_" + suffix.toUpperCase(Locale.ROOT) + "\",\"triggerDelayDays\":7}");
        assertEquals(201, journey.statusCode(), journey.body());
        String campaign = AudienceApi.id(journey);

        String personal = "\u00c9crivez \u00e0 anais.nobecourt@exemple.fr ou au 06 12 34 56 78, sign\u00e9 Ana\u00efs " + authorLast
                + ". Note 9/10 le 12/03, 129,90 \u20ac, 2 fois " + suffix;
        String contactsNamed = "Appelez le +33 6 12 34 56 78 ou voyez https://exemple.fr/compte/42 ; merci \u00e0 Gaspard " + otherLast
                + " " + suffix;
        String refusing = "Ne me citez surtout pas " + suffix;
        String r1 = quotedAnswer(marketer, emails[0], 10, personal, true, "2026-04-02T09:00:00Z", campaign);
        String r2 = quotedAnswer(marketer, emails[1], 9, contactsNamed, true, "2026-04-03T09:00:00Z", campaign);
        String r3 = quotedAnswer(marketer, emails[2], 3, refusing, false, "2026-04-04T09:00:00Z", campaign);
        quotedAnswer(marketer, emails[0], 7, null, true, "2026-04-05T09:00:00Z", campaign);
        quotedAnswer(marketer, emails[2], 8, null, false, "2026-04-06T09:00:00Z", campaign);

        WebClient executive = AudienceApi.withKey(base, "EXECUTIVE");
        String draft = "{\"title\":\"April " + suffix + "\",\"language\":\"FR\",\"from\":\"2026-04-01\",\"to\":\"2026-04-30\","
                + "\"campaignId\":" + campaign + ",\"granularity\":\"MONTH\",\"quoteIds\":%s,\"quoteWordings\":%s}";

        // Said no to "may we quote you anonymously?": not a candidate, and refused when chosen.
        String candidates = executive.get("api/publications/quote-candidates?from=2026-04-01&to=2026-04-30&campaign=" + campaign).body();
        assertFalse(candidates.contains(refusing), candidates);
        assertTrue(candidates.contains("Note 9/10 le 12/03") && !candidates.contains("anais.nobecourt@exemple.fr"),
                "the editor lists the masked text: " + candidates);
        HttpResponse<String> refused = executive.sendJson("POST", "api/publications", String.format(draft, "[" + r1 + "," + r3 + "]", "[]"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Response " + r3 + ": its author did not agree to be quoted"), refused.body());

        // The executive edits the second quote's wording, trying to put personal data back in.
        String edited = "Service rapide, \u00e9crivez-moi : anais.nobecourt@exemple.fr, 0612345678, www.exemple.fr, Gaspard " + otherLast
                + " et Ana\u00efs " + authorLast + " " + suffix;
        HttpResponse<String> created = executive.sendJson("POST", "api/publications", String.format(draft, "[" + r1 + "," + r2 + "]",
                "[{\"responseId\":" + r2 + ",\"wording\":\"" + edited + "\"}]"));
        assertEquals(201, created.statusCode(), created.body());
        String id = AudienceApi.id(created);
        assertTrue(created.body().contains("Service rapide, \u00e9crivez-moi : [\u2026], [\u2026], [\u2026], [\u2026] et [\u2026] " + suffix),
                "the wording is stored masked: " + created.body());
        HttpResponse<String> published = executive.sendJson("POST", "api/publications/" + id + "/publish", "");
        assertEquals(200, published.statusCode(), published.body());
        Matcher slug = Pattern.compile("\"slug\":\"([^\"]+)\"").matcher(published.body());
        assertTrue(slug.find(), published.body());

        String html = new WebClient(base).get("p/" + slug.group(1)).body();
        assertTrue(html.contains("\u00c9crivez \u00e0 [\u2026] ou au [\u2026], sign\u00e9 [\u2026]. Note 9/10 le 12/03, 129,90 \u20ac, 2 fois " + suffix),
                "the first quote, masked, its scores, dates and prices intact: " + html);
        assertTrue(html.contains("Service rapide, \u00e9crivez-moi : [\u2026]"), "the edited wording is published: " + html);
        assertFalse(html.contains("Appelez le"), "not the original comment of an edited quote");
        assertNoPersonalData(html, authorLast, otherLast);

        // The stored snapshot (and the stored wording) hold none of it either; the original comments stay internal.
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", "postgres"))) {
            StringBuilder stored = new StringBuilder();
            try (PreparedStatement versions = db.prepareStatement("SELECT content FROM publication_version WHERE publication_id = ?"
                    + " UNION ALL SELECT wording FROM publication_quote WHERE publication_id = ?")) {
                versions.setLong(1, Long.parseLong(id));
                versions.setLong(2, Long.parseLong(id));
                try (ResultSet rs = versions.executeQuery()) {
                    while (rs.next()) {
                        stored.append(rs.getString(1)).append('\n');
                    }
                }
            }
            assertTrue(stored.toString().contains("Note 9/10") && stored.toString().contains("Service rapide"), stored.toString());
            assertNoPersonalData(stored.toString(), authorLast, otherLast);
            try (PreparedStatement original = db.prepareStatement("SELECT comment_text, quote_consent FROM response WHERE id = ? OR id = ?"
                    + " ORDER BY id")) {
                original.setLong(1, Long.parseLong(r2));
                original.setLong(2, Long.parseLong(r3));
                try (ResultSet rs = original.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(contactsNamed, rs.getString(1), "the original comment is unchanged");
                    assertTrue(rs.getBoolean(2));
                    assertTrue(rs.next());
                    assertFalse(rs.getBoolean(2), "the no is kept");
                }
            }
        }
    }

    private static void assertNoPersonalData(String text, String authorLast, String otherLast) {
        for (String leak : new String[] {"anais.nobecourt@exemple.fr", "06 12 34 56 78", "+33 6 12 34 56 78", "0612345678",
            "exemple.fr/compte", "www.exemple.fr", "Ana\u00efs", authorLast, "Gaspard", otherLast}) {
            assertFalse(text.contains(leak), leak + " in " + text);
        }
        assertFalse(Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+").matcher(text).find(), "no email address at all: " + text);
    }

    private static String quotedAnswer(WebClient api, String email, int score, String comment, boolean quoteConsent, String at,
            String campaign) {
        HttpResponse<String> response = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":" + score
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + ",\"contactConsent\":true,\"quoteConsent\":"
                + quoteConsent + ",\"channel\":\"PHONE\",\"respondedAt\":\"" + at + "\",\"campaignId\":" + campaign + "}");
        assertEquals(201, response.statusCode(), response.body());
        return AudienceApi.id(response);
    }



    // ---------------------------------------------------------------------------------------------
    // 7. Bad input gets a clear 4xx.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 8. Smaller doors.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // End of sections.
    // ---------------------------------------------------------------------------------------------
}
