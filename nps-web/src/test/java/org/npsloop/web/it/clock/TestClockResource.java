package org.npsloop.web.it.clock;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Consumes;
import java.time.Instant;

/** Test deployments only: {@code PUT /api/test-clock} with an ISO instant sets the application's time. */
@RequestScoped
@Path("test-clock")
@PermitAll
public class TestClockResource {

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    public String set(String instant) {
        AdjustableClock.NOW.set(Instant.parse(instant.trim()));
        return AdjustableClock.NOW.get().toString();
    }
}
