package org.npsloop.web.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Debian's chromedriver, given by path so that Selenium Manager
 * never goes to the network.
 */
final class Browser {

    private Browser() {
    }

    /** Waits (an element redrawn meanwhile is found again), and on timeout shows where the browser is and what it sees. */
    static void waitFor(WebDriver browser, ExpectedCondition<?> condition) {
        try {
            // An element redrawn by Ajax between finding and reading it is simply read again.
            new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + " on:\n" + browser.getPageSource(), e);
        }
    }

    static ChromeDriver start() {
        return start(true);
    }

    /** @param javascript false for a browser that runs no script (a content setting, as a policy would set it) */
    static ChromeDriver start(boolean javascript) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--lang=en-US",
                    "--user-data-dir=" + Files.createTempDirectory("nps-chromium").toAbsolutePath());
            // The console (errors, CSP violations) for tests to read: driver.manage().logs().get(LogType.BROWSER).
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            if (!javascript) {
                options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
