package org.npsloop.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The JSON API under /api. */
@ApplicationPath("/api")
public class RestApplication extends Application {

    /**
     * Turns on Jersey's own enforcement of {@code @RolesAllowed} on resources (Payara's JAX-RS
     * implementation), named by property so that the code does not depend on Jersey.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
