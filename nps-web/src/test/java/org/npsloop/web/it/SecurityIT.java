package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

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



    // ---------------------------------------------------------------------------------------------
    // 7. Bad input gets a clear 4xx.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 8. Smaller doors.
    // ---------------------------------------------------------------------------------------------

    /** Survey tests are delivered here (the deployment's SMTP port); test mail may go to @acme.example (pom.xml). */
    @RegisterExtension
    static final GreenMailExtension DOORS_SMTP = Mailbox.greenMail();

    private static final Pattern DOORS_SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

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
        assertTrue(declared.body().contains("\"status\":413") && declared.body().contains("nps.upload.max-bytes"), declared.body());
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
        assertTrue(marketer.get("api/contacts?q=" + run).body().contains("\"total\":0"), "no contact was stored");
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
        while (Mailbox.to(DOORS_SMTP, run).size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<String> recipients = Mailbox.to(DOORS_SMTP, run).stream().map(Mailbox::recipient)
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
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String export = "api/responses/export.csv?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + today;

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
        Matcher m = DOORS_SECRET.matcher(issued.body());
        assertTrue(m.find(), issued.body());
        return m.group(1);
    }



    // ---------------------------------------------------------------------------------------------
    // End of sections.
    // ---------------------------------------------------------------------------------------------
}
