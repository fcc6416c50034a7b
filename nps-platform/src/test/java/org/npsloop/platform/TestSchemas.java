package org.npsloop.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * Migrated PostgreSQL databases for tests that run their H2 cases again on PostgreSQL (the server of the README's
 * test database), a fresh one per test. Migrating from V1 costs about a second per test, so each test JVM migrates
 * one template database once and gives every test a copy of it ({@code CREATE DATABASE ... TEMPLATE}, a file copy of
 * a few tenths of a second, made in the background while the previous test runs); copies are dropped in the
 * background, the template when the JVM ends. Names start
 * with the test database's name and a random part of this JVM's, so test JVMs running at once never meet. Where
 * the user may not create databases, each test migrates a schema of its own instead. Aborts the test only when no
 * PostgreSQL answers, which CI never allows (.ci/run starts it). Shared with the other modules' tests through
 * nps-platform's test jar.
 */
public class TestSchemas {

    private static final String SERVER = System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/npsloop_test");
    private static final String USER = System.getProperty("it.db.user", "postgres");
    private static final String PASSWORD = System.getProperty("it.db.password", "postgres");
    private static final String SCHEMA_PARAMETER = "currentSchema=";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** The server's URL up to its database name, that name, and its parameters (with their '?'), to build others. */
    private static final String BEFORE_NAME;
    private static final String DATABASE;
    private static final String PARAMETERS;

    static {
        int query = SERVER.indexOf('?');
        String path = query < 0 ? SERVER : SERVER.substring(0, query);
        BEFORE_NAME = path.substring(0, path.lastIndexOf('/') + 1);
        DATABASE = path.substring(path.lastIndexOf('/') + 1);
        PARAMETERS = query < 0 ? "" : SERVER.substring(query);
    }

    /** This JVM's databases: the template, then its copies numbered. Lower case, well under 63 characters. */
    private static final String OWN = (DATABASE + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
    private static final String TEMPLATE = OWN + "_template";
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static final Set<String> UNDROPPED = ConcurrentHashMap.newKeySet();
    /**
     * Copies the next test's database while a test runs, drops the databases of those that ended (dropping forces a
     * checkpoint): a test waits for neither, and the work is disk more than processor.
     */
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-databases");
        thread.setDaemon(true);
        return thread;
    });

    /** Null until the first test asks; then whether copies of {@link #TEMPLATE} can be made. */
    private static Boolean templated;
    /** The copy the next test gets, made in the background. */
    private static CompletableFuture<String> next;

    /** Only static methods; other modules' tests may extend it under a name of their own. */
    protected TestSchemas() {
    }

    /** @return the JDBC URL of a new database (or schema) with every migration applied */
    public static String create() {
        if (!template()) {
            return migratedSchema();
        }
        String copy;
        synchronized (TestSchemas.class) {
            copy = (next == null ? CompletableFuture.supplyAsync(TestSchemas::copy, BACKGROUND) : next).join();
            next = CompletableFuture.supplyAsync(TestSchemas::copy, BACKGROUND);
        }
        return BEFORE_NAME + copy + PARAMETERS;
    }

    private static String copy() {
        String copy = OWN + "_" + COPIES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + copy + " TEMPLATE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the migrated template database " + TEMPLATE, e);
        }
        UNDROPPED.add(copy);
        return copy;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Drops the database or schema of a URL made by {@link #create}; does nothing for another URL (or null). */
    public static void drop(String url) throws SQLException {
        if (url != null && url.contains(SCHEMA_PARAMETER)) {
            try (Connection c = server(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + url.substring(url.indexOf(SCHEMA_PARAMETER) + SCHEMA_PARAMETER.length()) + " CASCADE");
            }
        } else if (url != null && url.startsWith(BEFORE_NAME + OWN + "_")) {
            String copy = url.substring(BEFORE_NAME.length(), url.length() - PARAMETERS.length());
            if (UNDROPPED.contains(copy)) {
                BACKGROUND.execute(() -> dropDatabase(copy));
            }
        }
    }

    /** Migrates the template once per JVM; false where this user may not create databases. */
    private static synchronized boolean template() {
        if (templated == null) {
            try (Connection c = server(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + TEMPLATE);
            } catch (SQLException e) {
                if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw new IllegalStateException("Could not create the template database " + TEMPLATE, e);
                }
                templated = false;
                return false;
            }
            UNDROPPED.add(TEMPLATE);
            Runtime.getRuntime().addShutdownHook(new Thread(TestSchemas::dropAll, "test-databases-cleanup"));
            Flyway.configure().dataSource(BEFORE_NAME + TEMPLATE + PARAMETERS, USER, PASSWORD)
                    .locations("classpath:db/migration").load().migrate(); // Flyway closes its connections: copies may start
            templated = true;
        }
        return templated;
    }

    private static String migratedSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        String fresh = SERVER + (SERVER.contains("?") ? "&" : "?") + SCHEMA_PARAMETER + schema;
        Flyway.configure().dataSource(fresh, USER, PASSWORD).schemas(schema).locations("classpath:db/migration").load().migrate();
        return fresh;
    }

    /** A connection to the README's test database, to create and drop others; aborts the test where none answers. */
    private static Connection server() {
        try {
            return DriverManager.getConnection(SERVER, USER, PASSWORD);
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL at " + SERVER + ": " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    private static void dropDatabase(String name) {
        // FORCE: a connection a test left open (a worker thread's) must not keep its database alive.
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            UNDROPPED.remove(name);
        } catch (SQLException e) {
            System.err.println("[TestSchemas] could not drop " + name + ": " + e.getMessage());
        }
    }

    /** At the JVM's end: the work under way, then whatever is left (the copy made for no test, the template last). */
    private static void dropAll() {
        BACKGROUND.shutdown();
        try {
            BACKGROUND.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        UNDROPPED.stream().filter(name -> !name.equals(TEMPLATE)).forEach(TestSchemas::dropDatabase);
        dropDatabase(TEMPLATE);
    }
}
