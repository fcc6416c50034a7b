package org.npsloop.campaigns;

/** nps-platform's migrated PostgreSQL test schemas, under the name this module's tests use. */
public final class TestSchemas extends org.npsloop.platform.TestSchemas {

    private TestSchemas() {
    }
}
