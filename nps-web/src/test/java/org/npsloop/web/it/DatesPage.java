package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Steps of the dates-and-times browser tests (issue 12, point 3): a user's time zone, answers at known instants. */
final class DatesPage {

    private final ChromeDriver browser;
    private final URL base;

    DatesPage(ChromeDriver browser, URL base) {
        this.browser = browser;
        this.base = base;
    }

    /** Chooses the signed-in user's own zone on the account page and waits for its confirmation. */
    void chooseOwnZone(String lang, String zone, String confirmation) {
        browser.get(base + "account/password.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("timeZoneForm:timeZone")));
        browser.executeScript("PrimeFaces.getWidgetById('timeZoneForm:timeZone').selectValue(arguments[0]);", zone);
        browser.findElement(By.id("timeZoneForm:saveZone")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("timeZoneForm:zoneMessages"), confirmation));
    }

    /** A contact with this email; returns its id. */
    static String contact(WebClient api, String email) {
        HttpResponse<String> created = api.sendJson("POST", "api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Tim\"}");
        assertEquals(201, created.statusCode(), created.body());
        return AudienceApi.id(created);
    }

    /** A phone answer of the contact at this ISO instant. */
    static void answer(WebClient api, String email, String comment, String respondedAt) {
        HttpResponse<String> entered = api.sendJson("POST", "api/responses", "{\"email\":\"" + email + "\",\"score\":9,\"comment\":\""
                + comment + "\",\"channel\":\"PHONE\",\"respondedAt\":\"" + respondedAt + "\"}");
        assertEquals(201, entered.statusCode(), entered.body());
    }

    /** The inbox narrowed by its search box to the answers containing {@code text}, once it shows {@code count} of them. */
    void searchInbox(String lang, String text, int count) {
        browser.get(base + "responses/index.xhtml?lang=" + lang);
        browser.findElement(By.id("inbox:text")).sendKeys(text);
        Browser.waitFor(browser, ExpectedConditions.numberOfElementsToBe(By.xpath("//tbody[@id='inbox:table_data']/tr"), count));
    }

    /** The time element of the inbox row that contains {@code text} (found anew: the search refreshes the table). */
    static By inboxTime(String text) {
        return By.xpath("//tbody[@id='inbox:table_data']/tr[contains(., '" + text + "')]//time");
    }

    /** Types a value into a date-time picker's input (its calendar opens from its button only), replacing what it held. */
    void type(String inputId, String value) {
        WebElement input = browser.findElement(By.id(inputId));
        browser.executeScript("arguments[0].value = '';", input);
        input.sendKeys(value);
    }
}
