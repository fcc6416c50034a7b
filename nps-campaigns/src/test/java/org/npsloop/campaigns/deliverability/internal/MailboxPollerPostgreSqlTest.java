package org.npsloop.campaigns.deliverability.internal;

/** The same cases on PostgreSQL, each in a schema of its own (see {@link org.npsloop.platform.TestSchemas}). */
class MailboxPollerPostgreSqlTest extends MailboxPollerTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }
}
