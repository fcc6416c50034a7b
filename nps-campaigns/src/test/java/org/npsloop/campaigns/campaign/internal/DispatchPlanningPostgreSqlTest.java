package org.npsloop.campaigns.campaign.internal;

/** The same cases on PostgreSQL, each in a migrated database of its own (see {@link org.npsloop.platform.TestSchemas}). */
class DispatchPlanningPostgreSqlTest extends DispatchPlanningTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
