package org.npsloop.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The contact import page (audience/import.xhtml) as a marketer uses it, for the first-hour browser tests. */
final class ImportPage {

    private final WebDriver browser;
    private final URL base;

    ImportPage(WebDriver browser, URL base) {
        this.browser = browser;
        this.base = base;
    }

    ImportPage open(String lang) {
        browser.get(base + "audience/import.xhtml?lang=" + lang);
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("import:recent")));
        return this;
    }

    /** Chooses the file in the contacts' file input, as a person does; the preview appears. */
    void upload(String fileName, String content) {
        try {
            Path file = Files.createTempDirectory("nps-import").resolve(fileName);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            browser.findElement(By.id("import:file_input")).sendKeys(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("import:start")));
    }

    /** The label the type menu of the mapping's row shows (rows count from 0, one per column of the file). */
    String type(int row) {
        return browser.findElement(By.id("import:columns:" + row + ":type_label")).getText();
    }

    boolean typeLocked(int row) {
        return browser.findElement(By.id("import:columns:" + row + ":type_input")).getAttribute("disabled") != null;
    }

    /** What the page says under the type of the mapping's row. */
    String typeNote(int row) {
        return browser.findElement(By.id("import:columns:" + row + ":existing")).getText();
    }

    /** Starts the import and waits until its status reads {@code done} ("Done", "Terminé"). */
    void startAndWaitUntil(String done) {
        browser.findElement(By.id("import:start")).click();
        Browser.waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("importStatus"), done));
    }

    String counts() {
        return browser.findElement(By.id("counts")).getText();
    }

    /** The rejected lines' table, one "line reason" text per row. */
    String rejections() {
        return browser.findElements(By.cssSelector("[id='import:rejections'] tbody tr")).stream().map(WebElement::getText)
                .collect(Collectors.joining("\n"));
    }

    /** The Recent imports row of this file (its text); empty while it is not there. The poll redraws it: read again then. */
    String recentRow(String fileName) {
        By row = By.xpath("//*[@id='import:recent']//tr[td[contains(., '" + fileName + "')]]");
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElements(row).stream().map(WebElement::getText).findFirst().orElse("");
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    /** Waits, without reloading the page, until the Recent imports row of this file contains {@code text}. */
    void waitForRecentRow(String fileName, String text) {
        Browser.waitFor(browser, driver -> recentRow(fileName).contains(text));
    }

    /** Where the link to every rejected line (CSV) points, absolute. */
    String reportHref() {
        return browser.findElement(By.id("report")).getAttribute("href");
    }

    /** Where the sample CSV link points, absolute. */
    String sampleHref() {
        return browser.findElement(By.id("import:sampleLink")).getAttribute("href");
    }

    /** The browser's session cookies as one Cookie header, for a WebClient to fetch what the page links to. */
    String sessionCookies() {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }
}
