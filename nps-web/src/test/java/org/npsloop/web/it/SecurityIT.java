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
