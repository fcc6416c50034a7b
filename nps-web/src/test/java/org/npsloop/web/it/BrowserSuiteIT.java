package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every {@code *BrowserIT} class, one after the other, against one running application
 * ({@link SharedApplication}) instead of one Payara Micro boot per class; stopped afterwards so that no
 * other instance's workers run beside the container tests that follow (some use a test clock or their own
 * SMTP server). Failsafe excludes the browser classes themselves; {@code -Dit.test=SomeBrowserIT} still runs
 * one alone.
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*BrowserIT")
class BrowserSuiteIT {

    @AfterSuite
    static void stopTheApplication() {
        SharedApplication.stop();
    }
}
