package org.npsloop.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Saves what the browser showed when a test failed, as
 * {@code target/failsafe-reports/screenshots/<class>.<method>.png}, so a red browser test can be looked at.
 */
final class ScreenshotOnFailure implements TestWatcher {

    private final Supplier<WebDriver> browser;

    ScreenshotOnFailure(Supplier<WebDriver> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        WebDriver driver = browser.get();
        if (!(driver instanceof TakesScreenshot camera)) {
            return;
        }
        try {
            Path folder = Path.of("target", "failsafe-reports", "screenshots");
            Files.createDirectories(folder);
            Path shot = folder.resolve(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + ".png");
            Files.copy(camera.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("Screenshot of the failure: " + shot.toAbsolutePath() + " (at " + driver.getCurrentUrl() + ")");
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of the failure: " + e);
        }
    }
}
