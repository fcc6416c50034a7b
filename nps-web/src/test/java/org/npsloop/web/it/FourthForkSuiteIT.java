package org.npsloop.web.it;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The classes tagged {@value #TAG}, in a fourth fork beside the three others so that no fork runs far longer than the
 * rest: {@code FirstHourBrowserIT} (the longest browser class, about half of the browser fork), against a
 * {@link SharedApplication} of this fork's own, and two process tests ({@code EmbeddedDatabaseIT},
 * {@code SingleSignOnIT}) taken from {@link OwnProcessesSuiteIT}'s fork. The forks mostly wait (Payara boots,
 * Chromium, polling): on 2 cores, the three forks kept them busy only ~57 % of the time.
 */
@Suite
@SelectPackages("org.npsloop.web.it")
@IncludeClassNamePatterns(".*IT")
@ExcludeClassNamePatterns(".*SuiteIT")
@IncludeTags(FourthForkSuiteIT.TAG)
class FourthForkSuiteIT {

    static final String TAG = "fourth-fork";

    @AfterSuite
    static void stopTheApplication() {
        SharedApplication.stop();
    }
}
