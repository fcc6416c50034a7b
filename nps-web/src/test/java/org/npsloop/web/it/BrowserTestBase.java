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
 * ({@link SharedApplication}, run together by {@link SharedApplicationSuiteIT}), and one headless Chromium per test class
 * (starting one takes about two seconds), driven through ordered steps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserTestBase extends OnSharedApplication {

    /** The password {@link #signInAsNewUser} chooses for every user it makes. */
    static final String PASSWORD = "Marketer-pass-42";

    static ChromeDriver browser;

    /** A second browser for what someone signed in as nobody sees, started when first asked for. */
    private static ChromeDriver visitor;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (visitor != null) {
            visitor.quit();
            visitor = null;
        }
    }

    /**
     * A browser signed in as nobody, beside {@link #browser}: one per class, each call with its cookies cleared
     * and its window back at 1280 px (starting a Chromium costs one to two seconds; a visitor needs none of its own).
     */
    static ChromeDriver visitor() {
        if (visitor == null) {
            visitor = Browser.start();
        }
        visitor.manage().deleteAllCookies();
        visitor.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        return visitor;
    }

    /**
     * A fresh session of a user made earlier ({@link #signInAsNewUser}): signed out, then signed in through the
     * sign-in page that {@code index.xhtml?lang=...} leads to, back on that page in that language.
     */
    void signInAgain(String name, String lang) {
        browser.manage().deleteAllCookies();
        browser.get(base + "index.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        browser.findElement(By.id("j_username")).sendKeys(name);
        browser.findElement(By.id("j_password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
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
        browser.findElement(By.id("passwordForm:newPassword")).sendKeys(PASSWORD);
        browser.findElement(By.id("passwordForm:confirmation")).sendKeys(PASSWORD);
        browser.findElement(By.id("passwordForm:submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("dashboard:contacts")));
    }
}
