package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every container test class that needs nothing but the built WAR and no browser, one after the other, against one
 * running application ({@link SharedApplication}) instead of one Payara Micro boot per class (13-17 s each); the
 * browser tests run the same way in {@link BrowserSuiteIT}, in a third fork with an application of its own. The classes
 * that need a test clock in the WAR (TimedCampaignsIT, InternalReportIT: {@link ClockApplication}) run in the other
 * fork, the shorter one.
 * Failsafe runs this suite, {@link BrowserSuiteIT} and {@link OwnProcessesSuiteIT} (tests with processes of their own)
 * at the same time, one per fork, each fork on a database and GreenMail ports of its own ({@link ForkDatabase}). {@code -Dit.test=SomeIT} still
 * runs one class alone.
 *
 * <p>On one instance, tests must not leave per-instance state that others trip over: a test that exhausts a
 * per-address limit does it from an address of its own ({@code X-Forwarded-For}).
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*IT")
@ExcludeClassNamePatterns({".*SuiteIT", ".*BrowserIT"})
@ExcludeTags(OwnProcessesSuiteIT.TAG)
class SharedApplicationSuiteIT {

    @AfterSuite
    static void stopTheApplication() {
        SharedApplication.stop();
    }
}
