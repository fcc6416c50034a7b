package org.npsloop.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every browser test shares: the application WAR on one Payara Micro for all browser test classes
 * ({@link SharedApplication}, run together by {@link BrowserSuiteIT}), and one headless Chromium per test class
 * (starting one takes about two seconds), driven through ordered steps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserTestBase extends OnSharedApplication {

    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Creates a MARKETER through the API, signs in as them in the browser and chooses their password. */
    void signInAsNewMarketer(String name) {
        signInAsNewUser(name, "MARKETER");
    }

    /** Creates a user of these roles through the API, signs in as them in the browser and chooses their password. */
    void signInAsNewUser(String name, String... roles) {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        admin.sendJson("POST", "api/users", "{\"username\":\"" + name + "\",\"roles\":[\"" + String.join("\",\"", roles)
                + "\"],\"password\":\"Temporary-pass-1\"}");
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("j_username")).sendKeys(name);
        browser.findElement(By.id("j_password")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("/account/password.xhtml"));
        browser.findElement(By.id("passwordForm:current")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("passwordForm:newPassword")).sendKeys("Marketer-pass-42");
        browser.findElement(By.id("passwordForm:confirmation")).sendKeys("Marketer-pass-42");
        browser.findElement(By.id("passwordForm:submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("dashboard:contacts")));
    }
}
