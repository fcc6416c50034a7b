package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shortcuts for tests that set data up through the API. */
final class AudienceApi {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    private AudienceApi() {
    }

    /** A client holding a fresh MARKETER API key, issued by the configured administrator. */
    static WebClient marketer(URL base) {
        return withKey(base, "MARKETER");
    }

    /** A client holding a fresh API key of {@code role} (MARKETER, EXECUTIVE, ADMIN), issued by the configured administrator. */
    static WebClient withKey(URL base, String role) {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique("test") + "\",\"role\":\"" + role + "\"}");
        return new WebClient(base).withHeader("Authorization", "Bearer " + first(SECRET, issued.body()));
    }

    /** The first "id" of a JSON response. */
    static String id(HttpResponse<String> response) {
        return first(ID, response.body());
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + pattern + " in " + text);
        return m.group(1);
    }
}
