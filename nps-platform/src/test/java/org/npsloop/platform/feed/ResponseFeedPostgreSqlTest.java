package org.npsloop.platform.feed;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.npsloop.platform.TestSchemas;

/** The same cases on PostgreSQL, each in a schema of its own (see {@link TestSchemas}). */
class ResponseFeedPostgreSqlTest extends ResponseFeedTest {

    @Override
    String newDatabase() {
        return TestSchemas.create();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        TestSchemas.drop(url);
    }

    @Override
    Connection connect() throws SQLException {
        return TestSchemas.connect(url);
    }
}
