package org.npsloop.web.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates this failsafe fork's PostgreSQL database before any test of the fork runs: failsafe runs the container tests
 * in two forks at once, each given a database whose name is {@code it.db.url}'s with its fork number appended
 * ({@code npsloop_test_1}, {@code npsloop_test_2}), so that one fork's workers never claim the other's work.
 * CI creates only the database named by {@code it.db.url}; this (re)creates the fork's one ({@code it.db.fork-url}),
 * empty, from a connection to it, then makes it the tests' {@code it.db.url}.
 * Registered in META-INF/services; does nothing where there is no such fork database (unit tests, the embedded run).
 */
public final class ForkDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String server = System.getProperty("it.db.url");
        String url = System.getProperty("it.db.fork-url");
        if (server == null || url == null || url.equals(server)) {
            return;
        }
        create(server, name(url));
        // Tests read the database they check rows in from it.db.url.
        System.setProperty("it.db.url", url);
    }

    /** The database name of a {@code jdbc:postgresql://host:port/name?params} URL. */
    static String name(String url) {
        String path = url.replaceFirst("\\?.*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void create(String server, String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection db = DriverManager.getConnection(server, System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", "postgres"));
                Statement s = db.createStatement()) {
            // Empty at every run, as CI makes it.db.url's: rows a former run left (pending invitations, deliveries)
            // would otherwise be claimed by this run's workers and reach its tests' mail and webhook servers.
            // An identifier cannot be a parameter: the name is checked above to be letters, digits and underscores.
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
            System.out.println("[fork database] created " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the fork's database " + name + " from " + server, e);
        }
    }
}
