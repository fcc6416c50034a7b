package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every container test class that needs nothing but the built WAR, one after the other, against one running
 * application ({@link SharedApplication}) instead of one Payara Micro boot per class (13-17 s each). The classes
 * that need a test clock in the WAR (TimedCampaignsIT, InternalReportIT: {@link ClockApplication}) run in the other
 * fork, the shorter one.
 * Failsafe runs this suite in one fork and {@link OwnProcessesSuiteIT} (tests with processes of their own) in the
 * other, at the same time, each fork on a database of its own ({@link ForkDatabase}). {@code -Dit.test=SomeIT} still
 * runs one class alone.
 *
 * <p>On one instance, tests must not leave per-instance state that others trip over: a test that exhausts a
 * per-address limit does it from an address of its own ({@code X-Forwarded-For}).
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*IT")
@ExcludeClassNamePatterns(".*SuiteIT")
@ExcludeTags(OwnProcessesSuiteIT.TAG)
class SharedApplicationSuiteIT {

    @AfterSuite
    static void stopTheApplication() {
        SharedApplication.stop();
    }
}
