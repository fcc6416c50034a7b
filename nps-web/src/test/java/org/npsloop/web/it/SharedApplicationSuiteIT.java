package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every container test class that needs nothing but the built WAR, one after the other, against one running
 * application ({@link SharedApplication}) instead of one Payara Micro boot per class (13-17 s each); stopped
 * afterwards so that no other instance's workers run beside the tests that need an instance of their own: a test
 * clock in the WAR (InternalReportIT, TimedCampaignsIT), their own processes (CrashRecoveryIT, SmtpFailuresIT,
 * TwoInstancesIT, ImportTakeOverIT), the embedded database (EmbeddedDatabaseIT, failsafe's other execution).
 * Failsafe runs this suite and those classes (its {@code includes}); {@code -Dit.test=SomeIT} still runs one class alone.
 *
 * <p>On one instance, tests must not leave per-instance state that others trip over: a test that exhausts a
 * per-address limit does it from an address of its own ({@code X-Forwarded-For}).
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*IT")
@ExcludeClassNamePatterns({".*SuiteIT", ".*\\.EmbeddedDatabaseIT", ".*\\.InternalReportIT", ".*\\.TimedCampaignsIT",
        ".*\\.CrashRecoveryIT", ".*\\.SmtpFailuresIT", ".*\\.TwoInstancesIT", ".*\\.ImportTakeOverIT"})
class SharedApplicationSuiteIT {

    @AfterSuite
    static void stopTheApplication() {
        SharedApplication.stop();
    }
}
