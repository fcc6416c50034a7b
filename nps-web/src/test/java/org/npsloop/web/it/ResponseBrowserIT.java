package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A marketer types a phone answer on the responses page, picking the contact by name in the
 * autocomplete, answers the campaign survey's additional question for a detractor (refused on itself while blank),
 * and finds it in the inbox marked PHONE, with its score badge, comment and who typed it.
 */
class ResponseBrowserIT extends BrowserTestBase {

    private static final String RUN = Deployments.unique("browserphone");

    @Test
    @Order(1)
    void aPhoneAnswerIsEnteredAndFoundInTheInbox() {
        String suffix = RUN.substring(RUN.indexOf('-') + 1);
        String email = RUN + "@exemple.fr";
        String lastName = "B" + suffix;
        WebClient api = AudienceApi.marketer(base);
        assertEquals(201, api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ana\",\"lastName\":\""
                + lastName + "\"}").statusCode());
        // A campaign whose survey asks everyone a required delivery rating, and promoters something else.
        String survey = CampaignApi.survey(api, RUN);
        HttpResponse<String> created = api.sendJson("POST", "api/campaigns", "{\"name\":\"" + RUN + "\",\"surveyId\":" + survey
                + ",\"kind\":\"JOURNEY\",\"triggerEvent\":\"E_" + suffix.toUpperCase(java.util.Locale.ROOT) + "\",\"triggerDelayDays\":7}");
        assertEquals(201, created.statusCode(), created.body());
        long rating = Respondents.question(Long.parseLong(survey), 1, "TOUCHPOINT_RATING", "EVERYONE", true, "How was the delivery?",
                "ONE_TO_FIVE", 4L);
        long promoters = Respondents.question(Long.parseLong(survey), 2, "SHORT_TEXT", "PROMOTERS", false, "What do you value most?",
                null, null);
        String marketer = RUN + "-m";
        signInAsNewMarketer(marketer);

        browser.get(base + "responses/index.xhtml?lang=en");
        // The entry form is a dialog over the inbox.
        browser.findElement(By.id("inbox:openEntry")).click();
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("entry:save")));
        // Nothing chosen: each required field says so next to itself.
        browser.findElement(By.id("entry:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("entry:scoreMessage"), "score"));
        assertTrue(browser.findElement(By.id("entry:contactMessage")).getText().contains("contact"));

        browser.findElement(By.id("entry:contact_input")).sendKeys(lastName);
        By suggestion = By.xpath("//*[@id='entry:contact_panel']//li[contains(., '" + email + "')]");
        Browser.waitFor(browser, ExpectedConditions.elementToBeClickable(suggestion));
        browser.findElement(suggestion).click();
        browser.findElement(By.cssSelector("label[for='entry:score:6']")).click();
        String comment = "Attente trop longue " + suffix;
        browser.findElement(By.id("entry:comment")).sendKeys(comment);
        // The campaign's questions for a detractor appear; the required rating left blank is refused on itself.
        Browser.choose(browser, "entry:campaign", RUN);
        By question = By.id("entry-q" + rating);
        Browser.waitFor(browser, ExpectedConditions.visibilityOfElementLocated(question));
        assertEquals("How was the delivery? (required)", browser.findElement(By.cssSelector("#entry-q" + rating + " legend")).getText());
        assertTrue(Browser.findNow(browser, By.id("entry-q" + promoters)).isEmpty(), "the promoters' question is not asked");
        browser.findElement(By.id("entry:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#entry-q" + rating + " .answer-error"),
                "This question needs an answer"));
        Browser.click(browser, By.xpath("//fieldset[@id='entry-q" + rating + "']//label[normalize-space()='4']"));
        browser.findElement(By.id("entry:save")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("entry:entryMessages"), "saved"));
        assertEquals(List.of("4"), Respondents.rows("SELECT a.rating FROM response_answer a JOIN response r ON r.id = a.response_id"
                + " JOIN contact c ON c.id = r.contact_id WHERE c.email = ?", email).stream().map(r -> r.get("rating").toString()).toList());
        browser.findElement(By.id("entry:closeEntry")).click();
        Browser.waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("entry:save")));

        // Narrow the inbox to this run by its search box, then read the row.
        Browser.settle(browser);
        browser.findElement(By.id("inbox:text")).sendKeys(suffix);
        By row = By.xpath("//tbody[@id='inbox:table_data']/tr[contains(., '" + comment + "')]");
        Browser.waitFor(browser, ExpectedConditions.numberOfElementsToBe(By.xpath("//tbody[@id='inbox:table_data']/tr"), 1));
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(row));
        Browser.settle(browser); // the table the last search drew (keys typed slowly can send more than one)
        WebElement found = browser.findElement(row);
        WebElement channel = found.findElement(By.cssSelector(".channel-PHONE"));
        assertEquals("Phone", channel.getText());
        assertEquals("Entered by " + marketer, channel.getAttribute("title"));
        assertEquals("6", found.findElement(By.cssSelector(".nps-badge.nps-DETRACTOR")).getText());
        assertTrue(found.findElement(By.cssSelector("a.contact-link")).getAttribute("href").contains("/audience/contact.xhtml?id="));
        assertEquals("Ana " + lastName, found.findElement(By.cssSelector("a.contact-link")).getText());

        // It counts in the dashboard's NPS, shown signed (0 without a sign).
        browser.get(base + "index.xhtml");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("dashboard:nps")));
        String nps = browser.findElement(By.id("dashboard:nps")).getText();
        assertTrue(nps.matches("\\+[1-9]\\d*|-[1-9]\\d*|0"), nps);
    }
}
