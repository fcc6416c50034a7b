package org.npsloop.campaigns.campaign.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.npsloop.campaigns.TestSchemas;

/** The same cases on PostgreSQL, each in a migrated database of its own (see {@link TestSchemas}). */
class CampaignStatesPostgreSqlTest extends CampaignStatesTest {

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
