package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A real browser signs in, reads the dashboard in both languages, creates a user and signs out. */
class DashboardBrowserIT extends BrowserTestBase {


    @Test
    @Order(1)
    void signsInAndSeesTheDashboard() {
        browser.get(base + "?lang=en");
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), browser.getCurrentUrl());
        browser.findElement(By.id("j_username")).sendKeys(Deployments.adminUsername());
        browser.findElement(By.id("j_password")).sendKeys(Deployments.adminPassword());
        browser.findElement(By.id("login-submit")).click();

        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("dashboard:contacts")));
        assertEquals("Dashboard", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("dashboard:contacts")).getText().matches("\\d+"));
        assertTrue(browser.getPageSource().contains("Net Promoter Score"));
    }

    @Test
    @Order(2)
    void switchesTheInterfaceToFrench() {
        browser.get(base + "?lang=fr");
        assertEquals("Tableau de bord", browser.findElement(By.tagName("h1")).getText());
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.get(base + "?lang=en");
        assertEquals("Dashboard", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    @Order(3)
    void createsAUserOnTheUsersPage() {
        browser.get(base + "admin/users.xhtml");
        String name = Deployments.unique("browser");
        browser.findElement(By.id("users:username")).sendKeys(name);
        browser.findElement(By.id("users:displayName")).sendKeys("Claire Browser");
        browser.findElement(By.cssSelector("label[for='users:newRoles:1']")).click(); // MARKETER
        browser.findElement(By.id("users:create")).click();

        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("users:oneTimePassword")));
        String notice = browser.findElement(By.id("users:oneTimePassword")).getText();
        assertTrue(notice.contains(name), notice);
        assertTrue(browser.findElement(By.id("users:table")).getText().contains(name));
        assertTrue(browser.findElement(By.id("users:table")).getText().contains("Marketer"));
    }

    @Test
    @Order(4)
    void signsOut() {
        browser.get(base.toString());
        browser.findElement(By.id("logout")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("loggedOut"));
        browser.get(base.toString());
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"));
    }
}
