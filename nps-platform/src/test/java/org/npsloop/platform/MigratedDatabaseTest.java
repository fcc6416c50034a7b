package org.npsloop.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test on a new database with every migration applied, one per test: H2 in memory ({@link MigratedH2}), or a
 * PostgreSQL database of its own ({@link TestSchemas}) in the subclass that runs the same cases again with
 * {@link #onPostgreSql()}.
 */
public abstract class MigratedDatabaseTest {

    /** The test's database; {@link #connect()} opens connections to it. */
    protected String url;

    /** True in the PostgreSQL variant of a test class. */
    protected boolean onPostgreSql() {
        return false;
    }

    @BeforeEach
    protected void migratedDatabase() {
        if (onPostgreSql()) {
            url = TestSchemas.create();
        } else {
            url = MigratedH2.create();
        }
    }

    protected Connection connect() throws SQLException {
        return onPostgreSql() ? TestSchemas.connect(url) : DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    protected void dropSchema() throws SQLException {
        if (onPostgreSql()) {
            TestSchemas.drop(url);
        }
    }
}
