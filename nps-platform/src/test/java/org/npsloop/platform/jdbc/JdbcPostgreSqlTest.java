package org.npsloop.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.npsloop.platform.TestSchemas;

/** The same cases on PostgreSQL, in a migrated database of their own (see {@link TestSchemas}). */
class JdbcPostgreSqlTest extends JdbcTest {

    private String url;

    @Override
    Connection open() throws SQLException {
        url = TestSchemas.create();
        return TestSchemas.connect(url);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        connection.close();
        TestSchemas.drop(url);
    }
}
