package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;

/** Shortcuts for tests that set data up through the API. */
final class AudienceApi {

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
        assertEquals(201, issued.statusCode(), issued.body());
        return new WebClient(base).withHeader("Authorization", "Bearer " + Json.string(Json.object(issued), "secret"));
    }

    /**
     * A new user of {@code role} created by {@code admin}, signed in with a browser session on {@code base} after
     * choosing their own password, as the first sign-in asks.
     */
    static WebClient signedInUser(WebClient admin, URL base, String role) {
        String name = Deployments.unique(role.toLowerCase(java.util.Locale.ROOT));
        HttpResponse<String> user = admin.sendJson("POST", "api/users", "{\"username\":\"" + name + "\",\"roles\":[\""
                + role + "\"],\"password\":\"Initial-password-1\"}");
        assertEquals(201, user.statusCode(), user.body());
        WebClient signedIn = new WebClient(base);
        signedIn.login(name, "Initial-password-1");
        signedIn.changePassword("Initial-password-1", "Chosen-password-42");
        return signedIn;
    }

    /** The "id" of a JSON object answer (e.g. of what a POST created). */
    static String id(HttpResponse<String> response) {
        return Json.id(response);
    }
}
