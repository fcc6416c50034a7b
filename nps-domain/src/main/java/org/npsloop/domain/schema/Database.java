package org.npsloop.domain.schema;

/** Names shared by whoever defines the data source and whoever uses it. */
public final class Database {

    /** The application's data source; nps-web defines it from configuration. */
    public static final String DATA_SOURCE = "java:app/jdbc/nps";

    /** Persistence unit of the whole model. */
    public static final String PERSISTENCE_UNIT = "nps";

    private Database() {
    }
}
