package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.dashboard.RollupService;

/**
 * {@code GET /api/reports/rollups}: the report rollups' state (zone, build progress, changes not folded yet, last
 * check); {@code POST /api/reports/rollups/check}: compares them with the live figures now and marks the partitions
 * that differ for recomputation ({@code mismatches} in the answer). PostgreSQL only ({@code supported} false on H2).
 */
@RequestScoped
@Path("reports/rollups")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class RollupsResource {

    @Inject
    private RollupService rollups;

    @GET
    public RollupService.State state() {
        return rollups.state();
    }

    @POST
    @Path("check")
    public RollupService.State check() {
        return rollups.check();
    }
}
