package org.npsloop.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The container tests deploy the very WAR that the build produced, as ROOT.war (context root "/"). */
final class Deployments {

    private Deployments() {
    }

    static WebArchive applicationWar() {
        File war = new File(System.getProperty("app.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn verify builds it): " + war.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    static String adminUsername() {
        return System.getProperty("it.admin.username", "admin");
    }

    static String adminPassword() {
        return System.getProperty("it.admin.password");
    }

    /** A suffix that keeps user names unique when the suite runs again on the same database. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
