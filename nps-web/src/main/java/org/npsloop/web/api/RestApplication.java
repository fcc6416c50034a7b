package org.npsloop.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API under /api, described at /openapi. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "NPS Loop API", version = "1",
        description = "Contacts, lists, segments, journey events, imports. Authenticate with an API key "
                + "(Authorization: Bearer nps_...) created by an administrator, or a signed-in session."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class RestApplication extends Application {

    /**
     * Turns on Jersey's own enforcement of {@code @RolesAllowed} on resources (Payara's JAX-RS
     * implementation), and turns off the WADL that Jersey would otherwise publish at
     * {@code /api/application.wadl} and in every {@code OPTIONS} answer (a map of the API for anyone;
     * ADMIN reads the OpenAPI description instead). Named by property so that the code does not
     * depend on Jersey.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature",
                "jersey.config.server.wadl.disableWadl", Boolean.TRUE);
    }
}
