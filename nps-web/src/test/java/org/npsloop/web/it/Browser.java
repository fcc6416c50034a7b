package org.npsloop.web.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Debian's chromedriver, given by path so that Selenium Manager
 * never goes to the network.
 */
final class Browser {

    /** How long findElement looks for an element not there yet (a page still loading, an Ajax update under way). */
    static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    /**
     * How often a wait looks again: WebDriverWait's own 500 ms made every wait not met at once cost 250 ms more on
     * average, and a {@link #settle} up to 1 s; a look is one WebDriver call.
     */
    static final Duration POLL = Duration.ofMillis(100);

    /** Longer than any p:ajax delay of the pages (400 ms). */
    private static final Duration QUIET = Duration.ofMillis(450);

    private Browser() {
    }

    /**
     * True once PrimeFaces has no Ajax request queued or under way (nor jQuery one): what the page shows stays as it
     * is until the next action, so an element found now is not redrawn under the test. Two actions in a row (a menu
     * choice, then a button) queue two requests, and the first answer already shows what the test waits for.
     */
    static ExpectedCondition<Boolean> ajaxIdle() {
        return driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return (!window.PrimeFaces || !PrimeFaces.ajax || !PrimeFaces.ajax.Queue || PrimeFaces.ajax.Queue.isEmpty())"
                + " && (!window.jQuery || jQuery.active === 0);");
    }

    /**
     * Waits until the page's Ajax has settled ({@link #ajaxIdle}) for half a second: a search box sends its request
     * 300-400 ms after the last key (p:ajax delay), so an idle moment right after typing is not yet the end.
     */
    static void settle(WebDriver browser) {
        long[] idleSince = {0};
        waitFor(browser, driver -> {
            long now = System.nanoTime();
            if (!ajaxIdle().apply(driver)) {
                idleSince[0] = 0;
                return false;
            }
            if (idleSince[0] == 0) {
                idleSince[0] = now;
            }
            return now - idleSince[0] >= QUIET.toNanos();
        });
    }

    /**
     * Finds, then reads or acts ({@code step}); when Ajax redrew the element in between, waits for the page to settle
     * and does it again on the element as now drawn: a step that failed on a stale element did nothing.
     */
    static <T> T redrawn(WebDriver browser, Function<WebDriver, T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.apply(browser);
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
                settle(browser);
            }
        }
    }

    /** The text of the element as drawn now (found again if Ajax redraws it while it is read). */
    static String text(WebDriver browser, By element) {
        return redrawn(browser, driver -> driver.findElement(element).getText());
    }

    /** Clicks the element as drawn now (found again if Ajax redraws it first). */
    static void click(WebDriver browser, By element) {
        redrawn(browser, driver -> {
            driver.findElement(element).click();
            return null;
        });
    }

    /**
     * Chooses an item of a PrimeFaces select menu by its label, as a person does: opens the menu, waits until its panel
     * has slid in (a click on an item still moving can miss it), clicks the item, then waits until the menu shows it
     * and the Ajax it triggers has settled.
     */
    static void choose(WebDriver browser, String menuId, String label) {
        settle(browser);
        By shown = By.id(menuId + "_label");
        if (label.equals(plain(text(browser, shown)))) {
            return; // already chosen: choosing it again would send no change
        }
        click(browser, By.id(menuId));
        waitFor(browser, ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='" + menuId + "_panel'].ui-connected-overlay-enter-done")));
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        waitFor(browser, ExpectedConditions.elementToBeClickable(item));
        click(browser, item);
        waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
        waitFor(browser, driver -> label.equals(plain(driver.findElement(shown).getText())));
        settle(browser);
    }

    /** The text with its no-break spaces as plain ones, trimmed. */
    static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    /**
     * The elements there now, without the implicit wait: for checks that something is absent, which would
     * otherwise wait the implicit wait in full each time before answering "none".
     */
    static List<WebElement> findNow(WebDriver browser, By elements) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(elements);
        } finally {
            browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** Waits (an element redrawn meanwhile is found again), and on timeout shows where the browser is and what it sees. */
    static void waitFor(WebDriver browser, ExpectedCondition<?> condition) {
        try {
            // An element redrawn by Ajax between finding and reading it is simply read again. 30 s: on a 2-core machine
            // running other builds too, a page or an Ajax answer has been seen to take over 20 s.
            new WebDriverWait(browser, Duration.ofSeconds(30), POLL).ignoring(StaleElementReferenceException.class).until(condition);
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
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
