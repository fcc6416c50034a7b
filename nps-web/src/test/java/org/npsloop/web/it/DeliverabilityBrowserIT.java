package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 15 in the browser: a campaign's delivery figures on its page, following the reports as they come (the page's
 * poll), in the reader's language; then an ADMIN reviews the suppression list, reads a bounce's evidence (as text,
 * markup and all) and lifts it.
 */
class DeliverabilityBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String RUN = Deployments.unique("delivbrowser");
    private static final String BOUNCE = "{\"kind\":\"HARD_BOUNCE\",\"email\":\"" + RUN + "-1@exemple.fr\",\"status\":\"5.1.1\","
            + "\"detail\":\"550 5.1.1 <b>user unknown</b>\",\"externalId\":\"" + RUN + "-b1\"}";

    private static WebClient api;
    private static String campaign;

    @Test
    @Order(1)
    void theCampaignPageShowsTheFiguresAsReportsArriveInTheReadersLanguage() throws Exception {
        api = AudienceApi.marketer(base);
        String list = CampaignApi.listOf(api, RUN, List.of(RUN + "-1@exemple.fr", RUN + "-2@exemple.fr", RUN + "-3@exemple.fr"));
        campaign = CampaignApi.sendNow(api, RUN, CampaignApi.survey(api, RUN), list);
        CampaignApi.awaitStatus(api, campaign, "DONE", Duration.ofSeconds(30));

        signInAsNewMarketer(RUN + "-marketer");
        browser.get(base + "campaigns/campaign.xhtml?id=" + campaign);
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("delivered"), "3"));
        assertEquals("0", browser.findElement(By.id("hardBounces")).getText());

        assertEquals(201, api.sendJson("POST", "api/deliverability/events", BOUNCE).statusCode());
        HttpResponse<String> complaint = api.sendJson("POST", "api/deliverability/events", "{\"kind\":\"COMPLAINT\",\"email\":\""
                + RUN + "-2@exemple.fr\",\"externalId\":\"" + RUN + "-c2\"}");
        assertEquals(201, complaint.statusCode(), complaint.body());
        // No reload: the poll that moves the counters brings the figures.
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("hardBounces"), "1"));
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("complaints"), "1"));
        assertEquals("2", Browser.text(browser, By.id("delivered")));
        assertEquals("0", Browser.text(browser, By.id("softBounces")));
        assertEquals("33.33% of the messages sent", Browser.plain(Browser.text(browser, By.id("hardBouncesRate"))));
        assertEquals("66.67% of the messages sent", Browser.plain(Browser.text(browser, By.id("deliveredRate"))));

        browser.get(base + "campaigns/campaign.xhtml?id=" + campaign + "&lang=fr");
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
        assertEquals("33,33 % des messages envoy\u00e9s", Browser.plain(Browser.text(browser, By.id("complaintsRate"))));
        assertTrue(browser.findElement(By.id("campaign:progress")).getText().contains("Rebonds d\u00e9finitifs"));
    }

    @Test
    @Order(2)
    void anAdminReadsABouncesEvidenceAndLiftsIt() {
        // Off the campaign page first: its poll, once signed out, would become the page shown after the next sign-in.
        browser.get(base + "favicon.ico");
        browser.manage().deleteAllCookies();
        signInAsNewUser(RUN + "-admin", "ADMIN");
        browser.get(base + "audience/suppression.xhtml?lang=en");
        assertTrue(Browser.findNow(browser, By.id("suppression:add")).isEmpty(), "blocking by hand is the marketer's");
        browser.findElement(By.id("suppression:text")).sendKeys(RUN + "-1@");
        By row = By.xpath("//tr[td[normalize-space()='" + RUN + "-1@exemple.fr']]");
        Browser.waitFor(browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id='suppression:table_data'] tr"), 1));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(row));
        assertTrue(Browser.text(browser, row).contains("Deliverability API"), Browser.text(browser, row));
        assertTrue(Browser.text(browser, row).contains("Bounced"), Browser.text(browser, row));

        Browser.click(browser, By.xpath("//tr[td[normalize-space()='" + RUN + "-1@exemple.fr']]//button[contains(@id, ':details')]"));
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("evidence")));
        assertEquals(BOUNCE, browser.findElement(By.id("evidence")).getText(), "the JSON received, as text");
        assertTrue(Browser.findNow(browser, By.cssSelector("#evidence b")).isEmpty(), "markup in the evidence stays text");
        assertEquals("550 5.1.1 <b>user unknown</b>", browser.findElement(By.id("detailNote")).getText());

        Browser.click(browser, By.id("detailsForm:liftSelected"));
        Browser.click(browser, By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes"));
        Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(row));
        assertEquals(0, Json.array(api.get("api/suppressions?q=" + RUN + "-1@exemple.fr")).size());
        assertEquals("ACTIVE", Json.string(Json.object(api.get("api/contacts?q=" + RUN + "-1@exemple.fr")), "rows.0.status"));
    }
}
