package org.npsloop.web.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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
            org.junit.jupiter.api.Assertions.assertTrue(refused.body().contains("\"field\":\"url\"")
                    && refused.body().contains(reason), url + ": " + refused.body());
        });
        org.junit.jupiter.api.Assertions.assertEquals(before, admin.get("api/webhook").body(), "nothing stored");

        // In French for a French client.
        WebClient french = new WebClient(base).withHeader("Accept-Language", "fr");
        french.login(Deployments.adminUsername(), Deployments.adminPassword());
        java.net.http.HttpResponse<String> refused = french.sendJson("PUT", "api/webhook", "{\"url\":\"http://localhost/\",\"enabled\":true}");
        org.junit.jupiter.api.Assertions.assertTrue(refused.statusCode() == 400 && refused.body().contains("adresse de bouclage"),
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
        java.util.concurrent.atomic.AtomicLong ours = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicInteger refusedDeliveries = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), Integer.getInteger("it.webhook.port", 8531)), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // Other tests' responses on the shared database may arrive too: they are accepted.
            boolean mine = ours.get() > 0 && body.contains("\"response\":{\"id\":" + ours.get() + ",");
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
        try {
            java.net.http.HttpResponse<String> enabled = admin.sendJson("PUT", "api/webhook", "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook/" + run + "\",\"enabled\":true}");
            org.junit.jupiter.api.Assertions.assertEquals(200, enabled.statusCode(), enabled.body());
            contact = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + run + "@exemple.fr\",\"language\":\"FR\"}"));
            java.net.http.HttpResponse<String> entered = marketer.sendJson("POST", "api/responses",
                    "{\"contactId\":" + contact + ",\"score\":3,\"channel\":\"PHONE\",\"respondedAt\":\"" + java.time.Instant.now() + "\"}");
            org.junit.jupiter.api.Assertions.assertEquals(201, entered.statusCode(), entered.body());
            ours.set(Long.parseLong(AudienceApi.id(entered)));

            // Wait until our delivery has been refused and logged as such.
            java.util.regex.Pattern ourEntry = java.util.regex.Pattern.compile("\\{[^{}]*\"responseId\":" + ours.get() + ",[^{}]*\\}");
            String log = "";
            String entry = "";
            long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (!entry.contains("\"lastStatus\":500") && System.nanoTime() < end) {
                Thread.sleep(250);
                log = admin.get("api/webhook/deliveries?size=200").body();
                java.util.regex.Matcher m = ourEntry.matcher(log);
                entry = m.find() ? m.group() : "";
            }
            org.junit.jupiter.api.Assertions.assertTrue(refusedDeliveries.get() > 0, "the receiver refused our delivery");
            org.junit.jupiter.api.Assertions.assertTrue(entry.contains("\"lastStatus\":500") && entry.contains("\"lastError\":\"HTTP 500\""),
                    "the status code is shown: " + log);
            org.junit.jupiter.api.Assertions.assertFalse(log.contains("hunter2") || log.contains(leaked.substring(0, 12)),
                    "the receiver's answer is not shown: " + log);
            String page = admin.get("admin/settings.xhtml").body();
            org.junit.jupiter.api.Assertions.assertTrue(page.contains("HTTP 500"), "the settings page shows the status: " + page);
            org.junit.jupiter.api.Assertions.assertFalse(page.contains("hunter2") || page.contains(leaked.substring(0, 12)),
                    "the settings page does not show the receiver's answer");
        } finally {
            // Off again, so that later tests send nothing to a receiver that is gone; our contact erased with its answer.
            admin.sendJson("PUT", "api/webhook", "{\"enabled\":false}");
            receiver.stop(0);
            if (contact != null) {
                marketer.sendJson("DELETE", "api/contacts/" + contact, "");
            }
        }
    }



    // ---------------------------------------------------------------------------------------------
    // 5. Erasure that erases.
    // ---------------------------------------------------------------------------------------------

    /** GreenMail on it.smtp.port: the contact of the erasure test answers the invitation it receives. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension ERASURE_SMTP = Mailbox.greenMail();

    /**
     * A contact who answered an invitation through the respondent page, changed the comment, was quoted in a
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
        try {
            org.junit.jupiter.api.Assertions.assertEquals(200, admin.sendJson("PUT", "api/webhook", "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook/" + run + "\",\"enabled\":true}").statusCode());
            String contact = AudienceApi.id(marketer.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\""
                    + firstName + "\",\"lastName\":\"" + lastName + "\",\"language\":\"EN\"}"));
            String list = AudienceApi.id(marketer.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
            org.junit.jupiter.api.Assertions.assertEquals(200, marketer.sendJson("POST", "api/lists/" + list + "/members",
                    "{\"emails\":[\"" + email + "\"]}").statusCode());
            campaign = CampaignApi.sendNow(marketer, run, CampaignApi.survey(marketer, run), list);

            // The invitation, answered on the respondent page (after the bot delay), then changed: history.
            jakarta.mail.internet.MimeMessage invitation = null;
            for (int i = 0; i < 240 && invitation == null; i++) {
                Thread.sleep(250);
                invitation = Mailbox.to(ERASURE_SMTP, run).stream().findFirst().orElse(null);
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
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
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
            String job = AudienceApi.id(imported);
            String status = "";
            for (int i = 0; i < 120 && !status.contains("\"status\":\"DONE\"") && !status.contains("FAILED"); i++) {
                Thread.sleep(250);
                status = marketer.get("api/imports/" + job).body();
            }
            org.junit.jupiter.api.Assertions.assertTrue(status.contains("\"rejected\":1"), status);
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
            awaitHook(hookBodies, b -> b.contains(email) && b.contains(word), "a response event with the address and comment");

            // Unsubscribed, with a note naming the person.
            org.junit.jupiter.api.Assertions.assertEquals(201, marketer.sendJson("POST", "api/suppressions", "{\"email\":\"" + email
                    + "\",\"reason\":\"UNSUBSCRIBED\",\"note\":\"Asked by phone, " + lastName + "\"}").statusCode());

            org.junit.jupiter.api.Assertions.assertEquals(204, marketer.sendJson("DELETE", "api/contacts/" + contact, "").statusCode());

            java.util.List<String> hits = textColumnsHolding(java.util.List.of(email, lastName.toLowerCase(java.util.Locale.ROOT), word));
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), hits, "table.column still holding the person's data");

            String erased = awaitHook(hookBodies, b -> b.contains("\"type\":\"contact.erased\"")
                    && b.contains("\"contact\":{\"id\":" + contact + "}"), "the contact.erased event");
            org.junit.jupiter.api.Assertions.assertFalse(erased.contains(email) || erased.contains(lastName) || erased.contains(firstName)
                    || erased.contains(word), erased);
            org.junit.jupiter.api.Assertions.assertTrue(executive.get("api/publications/" + publication + "/versions").body()
                    .contains("\"number\":1"), "the publication's history stays, without the quote");

            // The suppression still holds when the address comes back.
            org.junit.jupiter.api.Assertions.assertEquals(200, marketer.sendJson("POST", "api/contacts/bulk",
                    "{\"contacts\":[{\"email\":\"" + email + "\"}]}").statusCode());
            org.junit.jupiter.api.Assertions.assertEquals("UNSUBSCRIBED", Respondents.rows("SELECT status FROM contact WHERE email = ?",
                    email).get(0).get("status"), "re-imported after the erasure, still unsubscribed");
        } finally {
            admin.sendJson("PUT", "api/webhook", "{\"enabled\":false}");
            receiver.stop(0);
            if (campaign != null) {
                CampaignApi.cancelUnlessDone(marketer, campaign);
            }
        }
    }

    private static String secretOf(String issuedKey) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(issuedKey);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), issuedKey);
        return m.group(1);
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

    /** "table.column" of every text column of every table of the schema (from the catalogue) holding one of the needles. */
    private static java.util.List<String> textColumnsHolding(java.util.List<String> needles) {
        java.util.List<String> hits = new java.util.ArrayList<>();
        java.util.List<java.util.Map<String, Object>> columns = Respondents.rows("SELECT c.table_name, c.column_name, c.data_type "
                + "FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                + "AND t.table_name = c.table_name WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                + "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml', 'bytea')");
        org.junit.jupiter.api.Assertions.assertTrue(columns.size() > 50, "the catalogue lists the text columns: " + columns.size());
        for (java.util.Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String text = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : "CAST(" + name + " AS TEXT)";
            for (String needle : needles) {
                if (!Respondents.rows("SELECT 1 FROM " + table + " WHERE POSITION(? IN LOWER(" + text + ")) > 0 FETCH FIRST 1 ROWS ONLY",
                        needle.toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
                    hits.add(column.get("table_name") + "." + column.get("column_name") + " holds " + needle);
                }
            }
        }
        return hits;
    }



    // ---------------------------------------------------------------------------------------------
    // 6. A public synthesis that never exposes a person.
    // ---------------------------------------------------------------------------------------------



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
