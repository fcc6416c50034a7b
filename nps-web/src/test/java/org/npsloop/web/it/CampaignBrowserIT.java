package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A marketer creates a one-off campaign in the browser, sees before launching how many recipients
 * each rule leaves out, schedules it and watches the live progress reach every reachable member.
 */
class CampaignBrowserIT extends BrowserTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.greenMail();

    private static final String RUN = Deployments.unique("browsercamp");

    @Test
    @Order(1)
    void aMarketerChecksTheAudienceSchedulesAndWatchesTheProgress() {
        WebClient api = AudienceApi.marketer(base);
        String list = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + RUN + "\"}"));
        assertEquals(200, api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + list + ",\"contacts\":[{\"email\":\"" + RUN
                + "-1@exemple.fr\"},{\"email\":\"" + RUN + "-2@exemple.fr\"},{\"email\":\"" + RUN + "-3@exemple.fr\"}]}").statusCode());
        api.sendJson("POST", "api/suppressions", "{\"email\":\"" + RUN + "-3@exemple.fr\",\"reason\":\"UNSUBSCRIBED\"}");
        api.sendJson("POST", "api/surveys", "{\"name\":\"" + RUN + "\",\"brandName\":\"Acme\"}");

        signInAsNewMarketer(RUN + "-marketer");
        browser.get(base + "campaigns/index.xhtml");
        browser.findElement(By.id("create:name")).sendKeys(RUN);
        choose("create:surveyId", RUN);
        browser.findElement(By.id("create:submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("campaign:check")));

        choose("campaign:listId", RUN + " (3)");
        browser.findElement(By.id("campaign:check")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("wouldInvite")));
        assertEquals("2", browser.findElement(By.id("wouldInvite")).getText());
        assertEquals("1", browser.findElement(By.id("wouldExclude-UNSUBSCRIBED")).getText());

        browser.findElement(By.id("campaign:schedule")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("campaign:progress")));
        // The page polls: the counters move without a reload.
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("sent"), "2"));
        Browser.waitFor(browser, ExpectedConditions.textToBe(By.id("pending"), "0"));
        assertTrue(browser.findElement(By.id("campaign:excluded")).getText().contains("Unsubscribed"));
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("recipientsForm:recipients"),
                RUN + "-1@exemple.fr"));
        assertEquals(2, Mailbox.to(SMTP, RUN).size());
    }

    /** Picks an option of a PrimeFaces selectOneMenu through its hidden native select. */
    private static void choose(String id, String label) {
        new Select(browser.findElement(By.id(id + "_input"))).selectByVisibleText(label);
    }
}
