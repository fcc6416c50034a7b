package org.npsloop.campaigns.webhook.internal;

/** The same cases on PostgreSQL, each in a migrated database of its own (see {@link org.npsloop.platform.TestSchemas}). */
class WebhookQueuePostgreSqlTest extends WebhookQueueTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
