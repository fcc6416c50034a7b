package org.npsloop.campaigns.audience.internal;

/** The same cases on PostgreSQL (bytea chunks), each in a schema of its own. */
class UploadStorePostgreSqlTest extends UploadStoreTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
