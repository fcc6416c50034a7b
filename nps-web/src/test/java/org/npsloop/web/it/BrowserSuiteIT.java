package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every browser test class ({@code *BrowserIT}) that needs nothing but the built WAR, against one
 * {@link SharedApplication} of this fork's own, while {@link SharedApplicationSuiteIT} runs the API and container
 * tests against another in a second fork and {@link OwnProcessesSuiteIT} the process tests in a third: the tests
 * mostly wait (Payara, Chromium, polling), so three forks finish sooner on 2 cores than two. The same rules as in
 * {@link SharedApplicationSuiteIT} hold: each test creates its own data and uses its own client address.
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*BrowserIT")
@ExcludeClassNamePatterns(".*SuiteIT")
@ExcludeTags(OwnProcessesSuiteIT.TAG)
class BrowserSuiteIT {

    @AfterSuite
    static void stopTheApplication() {
        SharedApplication.stop();
    }
}
