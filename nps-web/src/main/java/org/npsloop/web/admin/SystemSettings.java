package org.npsloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The effective configuration, read-only, for administrators. Never shows credentials. */
@Named
@RequestScoped
public class SystemSettings {

    @Inject
    @ConfigProperty(name = "nps.db.url")
    private String databaseUrl;

    @Inject
    @ConfigProperty(name = "nps.data.dir")
    private String dataDirectory;

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private String baseUrl;

    /** The JDBC URL without its parameters, which may carry a password. */
    public String getDatabase() {
        int cut = databaseUrl.indexOf('?');
        int semicolon = databaseUrl.indexOf(';');
        if (cut < 0 || (semicolon >= 0 && semicolon < cut)) {
            cut = semicolon;
        }
        return cut < 0 ? databaseUrl : databaseUrl.substring(0, cut);
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getVersion() {
        String version = SystemSettings.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
