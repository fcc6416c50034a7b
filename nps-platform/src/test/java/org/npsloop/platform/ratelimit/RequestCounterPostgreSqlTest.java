package org.npsloop.platform.ratelimit;

/** The same cases on PostgreSQL, in a migrated database of its own (see {@link org.npsloop.platform.TestSchemas}). */
class RequestCounterPostgreSqlTest extends RequestCounterTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
