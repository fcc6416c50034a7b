package org.npsloop.campaigns.audience.internal;

/** The same take-over on PostgreSQL, in a schema of its own. */
class ImportResumePostgreSqlTest extends ImportResumeTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
