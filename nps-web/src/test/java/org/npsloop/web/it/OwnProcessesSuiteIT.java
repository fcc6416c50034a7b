package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every container test class tagged {@value #TAG}: each starts Payara Micro processes of its own
 * ({@link PayaraMicroProcess}: crash, two instances, SMTP failures, cluster...), one class after the other. Failsafe
 * runs this suite in one fork while {@link SharedApplicationSuiteIT} and {@link BrowserSuiteIT} run in the others
 * (forkCount 3): each fork has a database of its own ({@link ForkDatabase}), so the shared applications' dispatchers
 * never claim these tests' invitations; their SMTP servers take free ports of {@code it.fake-smtp.ports}, and their processes do not poll the
 * shared bounce mailbox ({@link PayaraMicroProcess}). A new such test only needs the tag. The classes that need a test
 * clock in the WAR (also tagged {@value OwnDeploymentLast#TAG}) share one {@link ClockApplication} and run last.
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*IT")
@ExcludeClassNamePatterns(".*SuiteIT")
@IncludeTags(OwnProcessesSuiteIT.TAG)
@ConfigurationParameter(key = "junit.jupiter.testclass.order.default", value = "org.npsloop.web.it.OwnDeploymentLast")
class OwnProcessesSuiteIT {

    static final String TAG = "own-processes";

    @AfterSuite
    static void stopTheClockApplication() {
        ClockApplication.stop();
    }
}
