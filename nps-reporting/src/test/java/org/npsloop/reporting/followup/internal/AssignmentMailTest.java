package org.npsloop.reporting.followup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.notification.NotificationMail;

class AssignmentMailTest {

    private final AssignmentMail renderer = new AssignmentMail();

    @Test
    void saysScoreCategoryCommentConsentDueDateAndLinkWithTheCommentEscaped() {
        NotificationMail mail = renderer.render(new AssignmentMail.Facts("alice@exemple.fr", Language.EN, 6, "Zoé Martin <zoe@exemple.fr>",
                "Delivery <script>alert(1)</script> & late", true, LocalDate.of(2026, 11, 27),
                "http://localhost:8080/reports/follow-ups.xhtml?id=50"));
        assertEquals("alice@exemple.fr", mail.to());
        assertEquals("Follow-up for you: score 6, due 2026-11-27", mail.subject());
        assertTrue(mail.html().contains("Delivery &lt;script&gt;alert(1)&lt;/script&gt; &amp; late"), mail.html());
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.html().contains("Zoé Martin &lt;zoe@exemple.fr&gt;"));
        assertTrue(mail.html().contains("href=\"http://localhost:8080/reports/follow-ups.xhtml?id=50\""));
        assertTrue(mail.html().contains("<strong>6</strong> (detractor)"));
        for (String expected : new String[] {"Score: 6 (detractor)", "Customer: Zoé Martin <zoe@exemple.fr>",
                "Agreed to be contacted: yes", "Due: 2026-11-27", "Delivery <script>alert(1)</script> & late",
                "Open the follow-up: http://localhost:8080/reports/follow-ups.xhtml?id=50"}) {
            assertTrue(mail.text().contains(expected), expected + " in " + mail.text());
        }
    }

    @Test
    void inFrenchForAFrenchOwnerAndAnonymousWithoutContact() {
        NotificationMail mail = renderer.render(new AssignmentMail.Facts("bob@exemple.fr", Language.FR, 3, null, null, false,
                LocalDate.of(2026, 12, 1), "http://x/reports/follow-ups.xhtml?id=1"));
        assertEquals("Suivi pour vous : note 3, \u00e0 traiter avant le 2026-12-01", mail.subject());
        assertTrue(mail.text().contains("Client: anonyme"), mail.text());
        assertTrue(mail.text().contains("Pas de commentaire."));
        assertTrue(mail.html().contains("lang=\"fr\""));
    }
}
