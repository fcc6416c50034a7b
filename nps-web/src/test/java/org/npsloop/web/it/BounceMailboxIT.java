package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bounce mailbox end to end (issue 15): a real campaign sent to GreenMail with VERP return paths; delivery reports
 * built around the sent messages' real Return-Path and Message-ID (a hard DSN with the returned headers, a soft one, an
 * ARF abuse report, an out-of-office reply, a mail nobody can read, a mailto unsubscribe) put in the bounce mailbox
 * that the application polls over IMAP (GreenMail, every 500 ms) → the right contacts suppressed with their source
 * and evidence, the automatic reply ignored, the unknown mail quarantined (API and folder), nothing deleted; then an
 * ADMIN acts on the quarantine. POP3 and two concurrent pollers: MailboxPollerTest (nps-campaigns).
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql") // needs that execution's SMTP and bounce mailbox
class BounceMailboxIT extends OnSharedApplication {

    static final String BOX_USER = "bounces";
    static final String BOX_PASSWORD = "it-bounces-Secret";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(Integer.getInteger("it.imap.port", 3143), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    /** What we sent to one contact: its return path, Message-ID and unsubscribe token. */
    record Sent(String returnPath, String messageId, String token, String headers, String raw) {
    }

    @Test
    void reportsInTheBounceMailboxSuppressTheRightContactsAndTheRestIsIgnoredOrQuarantined() throws Exception {
        GreenMailUser box = MAIL.setUser("bounces@bounce.example", BOX_USER, BOX_PASSWORD);
        WebClient api = AudienceApi.marketer(base);
        WebClient admin = AudienceApi.withKey(base, "ADMIN");
        String run = Deployments.unique("bounce");
        List<String> people = List.of(run + "-hard@exemple.fr", run + "-soft@exemple.fr", run + "-abuse@exemple.fr",
                run + "-away@exemple.fr", run + "-unsub@exemple.fr", run + "-later@exemple.fr");
        String campaign = CampaignApi.sendNow(api, run, CampaignApi.survey(api, run), CampaignApi.listOf(api, run, people));
        assertEquals("DONE", CampaignApi.status(CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(60))));
        Map<String, Sent> sent = new HashMap<>();
        for (MimeMessage message : Mailbox.to(MAIL, run)) {
            Matcher token = Pattern.compile("/u/([A-Za-z0-9_-]+)>").matcher(message.getHeader("List-Unsubscribe", null));
            assertTrue(token.find());
            StringBuilder headers = new StringBuilder();
            for (String line : java.util.Collections.list(message.getAllHeaderLines())) {
                headers.append(line).append("\r\n");
            }
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            message.writeTo(raw);
            sent.put(Mailbox.recipient(message), new Sent(message.getHeader("Return-Path", null), message.getMessageID(),
                    token.group(1), headers.toString(), raw.toString(StandardCharsets.UTF_8)));
        }
        assertEquals(6, sent.size());
        Sent hard = sent.get(people.get(0));
        assertTrue(hard.returnPath().matches("<?bounces\\+[a-z2-7]{52}@bounce\\.example>?"), "VERP return path: " + hard.returnPath());

        String verpHard = bare(hard.returnPath());
        deliver(box, dsn(verpHard, people.get(0), "5.1.1", "smtp; 550 5.1.1 <" + people.get(0) + ">: Recipient address rejected: "
                + "User unknown", hard, "<hard-" + run + "@mx.exemple.fr>"));
        Sent soft = sent.get(people.get(1));
        deliver(box, dsn(bare(soft.returnPath()), people.get(1), "4.2.2", "smtp; 452 4.2.2 Mailbox full", soft,
                "<soft-" + run + "@mx.exemple.fr>"));
        deliver(box, arf(people.get(2), sent.get(people.get(2)), "<arf-" + run + "@fbl.exemple.fr>"));
        deliver(box, "From: Away <" + people.get(3) + ">\r\nTo: " + bare(sent.get(people.get(3)).returnPath()) + "\r\n"
                + "Subject: Out of office: Votre avis sur Acme\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <ooo-" + run
                + "@exemple.fr>\r\nDate: Thu, 3 Dec 2026 09:00:00 +0000\r\n\r\nBack on Monday.\r\n");
        deliver(box, "From: Someone <someone-" + run + "@elsewhere.example>\r\nTo: bounces@bounce.example\r\nSubject: Who are you "
                + run + "?\r\nMessage-ID: <question-" + run + "@elsewhere.example>\r\nDate: Thu, 3 Dec 2026 09:00:00 +0000\r\n\r\n"
                + "<script>alert(1)</script> Please tell me why I get mail from you.\r\n");
        deliver(box, "From: <" + people.get(4) + ">\r\nTo: bounces+unsubscribe@bounce.example\r\nSubject: unsubscribe "
                + sent.get(people.get(4)).token() + "\r\nMessage-ID: <unsub-" + run + "@exemple.fr>\r\n"
                + "Date: Thu, 3 Dec 2026 09:00:00 +0000\r\n\r\nSent by the unsubscribe button.\r\n");

        Map<String, Integer> folders = awaitEmptyInbox(Duration.ofSeconds(60));
        assertEquals(Map.of("INBOX", 0, "Processed", 5, "Quarantine", 1), folders, "moved, never deleted");

        String suppressions = api.get("api/suppressions?q=" + run).body();
        JsonObject bounced = Json.only(Json.array(suppressions), "", "email", people.get(0));
        assertEquals(List.of("BOUNCED", "DSN"), List.of(Json.string(bounced, "reason"), Json.string(bounced, "source")), suppressions);
        String bouncedEvidence = evidence(api, bounced);
        assertTrue(bouncedEvidence.contains("Status: 5.1.1") && bouncedEvidence.contains("Message-ID: " + hard.messageId()),
                bouncedEvidence);
        JsonObject complained = Json.only(Json.array(suppressions), "", "email", people.get(2));
        assertEquals(List.of("COMPLAINED", "ARF"), List.of(Json.string(complained, "reason"), Json.string(complained, "source")));
        assertTrue(evidence(api, complained).startsWith("Feedback-Type: abuse"), suppressions);
        JsonObject unsubscribed = Json.only(Json.array(suppressions), "", "email", people.get(4));
        assertEquals(List.of("UNSUBSCRIBED", "MAILTO"), List.of(Json.string(unsubscribed, "reason"), Json.string(unsubscribed, "source")));
        List<String> suppressed = Json.texts(Json.parse(suppressions), "", "email");
        assertFalse(suppressed.contains(people.get(1)), "one soft bounce suppresses nobody: " + suppressions);
        assertFalse(suppressed.contains(people.get(3)), "an out-of-office reply is no bounce: " + suppressions);
        assertEquals(3, suppressed.size(), suppressions);
        String unsubscribedContact = api.get("api/contacts?q=" + run + "-unsub").body();
        assertEquals("UNSUBSCRIBED", Json.string(Json.only(Json.object(unsubscribedContact), "rows", "email", people.get(4)), "status"),
                unsubscribedContact);

        // The quarantine: the unknown mail, for an ADMIN only.
        assertEquals(403, api.get("api/deliverability/quarantine").statusCode());
        String quarantine = admin.get("api/deliverability/quarantine?size=500").body();
        JsonObject question = Json.only(Json.object(quarantine), "rows", "subject", "Who are you " + run + "?");
        assertEquals(List.of("UNKNOWN", "QUARANTINED", "someone-" + run + "@elsewhere.example"), List.of(Json.string(question, "kind"),
                Json.string(question, "status"), Json.string(question, "sender")), quarantine);
        WebClient adminSession = new WebClient(base);
        adminSession.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> page = adminSession.get("admin/quarantine.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Who are you " + run + "?") && page.body().contains("someone-" + run + "@elsewhere.example"),
                "the page lists it");
        String id = String.valueOf(Json.number(question, "id"));
        String read = admin.get("api/deliverability/quarantine/" + id).body();
        assertTrue(Json.string(Json.object(read), "rawText").contains("<script>alert(1)</script> Please tell me"), read);

        HttpResponse<String> badAction = admin.sendJson("POST", "api/deliverability/quarantine/" + id + "/actions", "{\"action\":\"DELETE\"}");
        assertEquals(List.of("action"), Json.refusedFields(badAction), badAction.body());
        HttpResponse<String> noAddress = admin.sendJson("POST", "api/deliverability/quarantine/" + id + "/actions",
                "{\"action\":\"HARD_BOUNCE\",\"email\":\"not an address\"}");
        assertEquals(List.of("email"), Json.refusedFields(noAddress), noAddress.body());
        // The ADMIN reads that the mail is about a contact of ours and suppresses it by hand.
        HttpResponse<String> acted = admin.sendJson("POST", "api/deliverability/quarantine/" + id + "/actions",
                "{\"action\":\"HARD_BOUNCE\",\"email\":\"" + people.get(5) + "\",\"note\":\"the person wrote from another address\"}");
        assertEquals(200, acted.statusCode(), acted.body());
        assertEquals("RESOLVED", Json.string(Json.object(acted), "status"));
        assertFalse(Json.string(Json.object(acted), "resolvedBy").isBlank(), acted.body());
        assertFalse(Json.isNull(Json.object(acted), "resolvedAt"));
        JsonObject byHand = Json.only(Json.array(api.get("api/suppressions?q=" + run + "-later").body()), "", "email", people.get(5));
        assertEquals(List.of("BOUNCED", "DSN"), List.of(Json.string(byHand, "reason"), Json.string(byHand, "source")));
        assertTrue(evidence(api, byHand).contains("Please tell me"));
        HttpResponse<String> again = admin.sendJson("POST", "api/deliverability/quarantine/" + id + "/actions", "{\"action\":\"DISMISS\"}");
        assertEquals(List.of("status"), Json.refusedFields(again), "acted on once: " + again.body());
        assertFalse(Json.texts(Json.parse(admin.get("api/deliverability/quarantine?size=500").body()), "rows", "id").contains(id));
        assertEquals(Map.of("INBOX", 0, "Processed", 5, "Quarantine", 1), folders());

        // Erasing the person who unsubscribed by mail blanks the mail's row (its sender), keeping its received key.
        long unsubscriber = Json.number(Json.only(Json.object(unsubscribedContact), "rows", "email", people.get(4)), "id");
        assertEquals(204, api.sendJson("DELETE", "api/contacts/" + unsubscriber, "").statusCode());
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user", "postgres"), System.getProperty("it.db.password", ""));
                java.sql.PreparedStatement rows = db.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN LOWER(COALESCE(sender, '') "
                        + "|| COALESCE(recipient, '') || COALESCE(subject, '') || COALESCE(detail, '') || COALESCE(raw_text, '')) "
                        + "LIKE ? THEN 1 ELSE 0 END) FROM inbound_mail WHERE received_key = ?")) {
            rows.setString(1, "%" + people.get(4) + "%");
            rows.setString(2, "<unsub-" + run + "@exemple.fr>");
            try (java.sql.ResultSet rs = rows.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(List.of(1L, 0L), List.of(rs.getLong(1), rs.getLong(2)), "the row stays, without the address");
            }
        }
    }

    /** The evidence of a suppression of the list (which says only whether it has one). */
    private static String evidence(WebClient api, JsonObject suppression) {
        return Json.string(Json.object(api.get("api/suppressions/" + Json.number(suppression, "id"))), "evidence");
    }

    private static String bare(String returnPath) {
        return returnPath.replace("<", "").replace(">", "").strip();
    }

    private static void deliver(GreenMailUser box, String raw) throws Exception {
        box.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    /** An RFC 3464 report as Postfix writes it, back to our VERP address, with the returned message's headers. */
    private static String dsn(String verp, String recipient, String status, String diagnostic, Sent original, String messageId) {
        return "From: MAILER-DAEMON@mx.exemple.fr (Mail Delivery System)\r\nTo: " + verp + "\r\nDelivered-To: " + verp + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + messageId + "\r\nDate: Thu, 3 Dec 2026 09:00:00 +0000\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.exemple.fr\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: " + status + "\r\nDiagnostic-Code: "
                + diagnostic + "\r\n\r\n"
                + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n" + original.headers() + "\r\n--b--\r\n";
    }

    /** An RFC 5965 abuse report with the whole returned message, as a mailbox provider sends it. */
    private static String arf(String recipient, Sent original, String messageId) {
        return "From: fbl@fbl.exemple.fr\r\nTo: bounces@bounce.example\r\nSubject: Abuse report\r\nMessage-ID: " + messageId + "\r\n"
                + "Date: Thu, 3 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"f\"\r\n\r\n"
                + "--f\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report.\r\n\r\n"
                + "--f\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: ExempleFBL/1.0\r\n"
                + "Version: 1\r\nOriginal-Rcpt-To: <" + recipient + ">\r\n\r\n"
                + "--f\r\nContent-Type: message/rfc822\r\n\r\n" + original.raw() + "\r\n--f--\r\n";
    }

    private Map<String, Integer> awaitEmptyInbox(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> counts = folders();
        while (counts.get("INBOX") > 0 && System.nanoTime() < end) {
            Thread.sleep(250);
            counts = folders();
        }
        return counts;
    }

    private static Map<String, Integer> folders() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", Integer.getInteger("it.imap.port", 3143), BOX_USER, BOX_PASSWORD);
        try {
            Map<String, Integer> counts = new HashMap<>();
            for (String name : List.of("INBOX", "Processed", "Quarantine")) {
                Folder folder = store.getFolder(name);
                counts.put(name, folder.exists() ? folder.getMessageCount() : 0);
            }
            return counts;
        } finally {
            store.close();
        }
    }
}
