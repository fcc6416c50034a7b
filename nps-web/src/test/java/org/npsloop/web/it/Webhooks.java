package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/**
 * The webhook is one setting for the whole installation, and the container tests share one database: a test that
 * points it at its own receiver switches it off first (so that switching it on starts the scan from now, not from
 * whenever another test left it on) and afterwards puts back the address and on/off state it found.
 */
final class Webhooks {

    private Webhooks() {
    }

    /** Notes the settings as found, then points the webhook, freshly switched on, at {@code url}; returns the PUT's answer. */
    static Found pointAt(WebClient admin, String url, boolean regenerateSecret) {
        withoutFutureResponses();
        HttpResponse<String> shown = admin.get("api/webhook");
        assertEquals(200, shown.statusCode(), shown.body());
        Found found = new Found(admin, Json.object(shown));
        HttpResponse<String> off = admin.sendJson("PUT", "api/webhook", "{\"enabled\":false}");
        assertEquals(200, off.statusCode(), off.body());
        found.enabled = admin.sendJson("PUT", "api/webhook", jakarta.json.Json.createObjectBuilder().add("url", url)
                .add("enabled", true).add("regenerateSecret", regenerateSecret).build().toString());
        assertEquals(200, found.enabled.statusCode(), found.enabled.body());
        return found;
    }

    /**
     * The scan position follows the newest {@code updated_at} it has seen, even one in the future: a response row dated
     * years ahead (InternalReportIT and TimedCampaignsIT answer under a test clock, and a database may be kept from an
     * earlier run) would carry it there, and no change made today would be sent. Such rows are dated back to an hour
     * ago, out of the scan's look-back: nothing of theirs is sent, and no other test reads their updated_at.
     */
    static void withoutFutureResponses() {
        if (System.getProperty("it.db.url") != null) {
            Respondents.update("UPDATE response SET updated_at = now() - INTERVAL '1 hour' WHERE updated_at > now()");
        }
    }

    /**
     * What a test that answers under a test clock leaves behind: its own response rows (of contacts whose address starts
     * with {@code contactEmailPrefix}) dated in the future are dated back, as {@link #withoutFutureResponses} would.
     */
    static void undateResponsesOf(String contactEmailPrefix) {
        Respondents.update("UPDATE response SET updated_at = now() - INTERVAL '1 hour' WHERE updated_at > now() "
                + "AND contact_id IN (SELECT id FROM contact WHERE email LIKE ?)", contactEmailPrefix + "%");
    }

    /** The settings as a test found them; {@link #putBack} in a finally block. */
    static final class Found {

        private final WebClient admin;
        private final JsonObject settings;
        private HttpResponse<String> enabled;

        Found(WebClient admin, JsonObject settings) {
            this.admin = admin;
            this.settings = settings;
        }

        /** The answer to switching the webhook on (it carries the new secret when one was generated). */
        HttpResponse<String> enabled() {
            return enabled;
        }

        /**
         * Off (later tests send nothing to a receiver that is gone), then the address and on/off state as found; not
         * the secret, which is never shown again once generated.
         */
        void putBack() {
            admin.sendJson("PUT", "api/webhook", "{\"enabled\":false}");
            String url = Json.has(settings, "url") && !Json.isNull(settings, "url") ? Json.string(settings, "url") : "";
            boolean wasOn = Json.has(settings, "enabled") && Json.bool(settings, "enabled");
            HttpResponse<String> restored = admin.sendJson("PUT", "api/webhook", jakarta.json.Json.createObjectBuilder()
                    .add("url", url).add("enabled", wasOn).build().toString());
            assertEquals(200, restored.statusCode(), "the webhook settings put back: " + restored.body());
        }
    }
}
