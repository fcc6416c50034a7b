package org.npsloop.platform.feed;

/** The same cases on PostgreSQL, each in a migrated database of its own (see {@link org.npsloop.platform.TestSchemas}). */
class ResponseFeedPostgreSqlTest extends ResponseFeedTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
