package org.npsloop.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's pooled data source. Payara resolves {@code ${MPCONFIG=...}} at deployment, so
 * {@code NPS_DB_URL}, {@code NPS_DB_USER} and {@code NPS_DB_PASSWORD} (environment or
 * {@code -Dnps.db.url=...}) choose the database; without them it is an H2 file under the data
 * directory (see META-INF/microprofile-config.properties).
 */
@ApplicationScoped
@DataSourceDefinition(
        name = "java:app/jdbc/nps",
        className = "org.npsloop.web.config.ConfiguredDataSource",
        url = "${MPCONFIG=nps.db.url}",
        user = "${MPCONFIG=nps.db.user}",
        password = "${MPCONFIG=nps.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
public class DataSourceConfiguration {
}
