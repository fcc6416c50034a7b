package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.dashboard.RollupService;

/**
 * {@code GET /api/reports/rollups}: the report rollups' state (zone, build progress, changes not folded yet, last
 * check); {@code POST /api/reports/rollups/check}: compares them with the live figures now and marks the partitions
 * that differ for recomputation ({@code mismatches} in the answer). PostgreSQL only ({@code supported} false on H2).
 * {@code GET /api/reports/rollups/segments/{id}} and {@code POST .../segments/{id}/refresh}: a segment's materialised
 * members (when its reports count them) and a request to recompute them, for anyone who reads reports.
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

    /**
     * The segment's materialised members, when its reports count them ({@code materialised}: false when its reports
     * evaluate its rule at each request, e.g. on H2 or before the worker's first refresh of a new or changed segment).
     */
    @GET
    @Path("segments/{id}")
    @RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME, Role.ADMIN_NAME})
    public SegmentMembersJson segment(@PathParam("id") long id) {
        return SegmentMembersJson.of(rollups.segmentMembers(id));
    }

    /** Asks the worker to recompute the segment's members and rollups now (202: done within its next rounds). */
    @POST
    @Path("segments/{id}/refresh")
    @RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME, Role.ADMIN_NAME})
    public Response refresh(@PathParam("id") long id) {
        rollups.refreshSegment(id);
        return Response.accepted(SegmentMembersJson.of(rollups.segmentMembers(id))).build();
    }

    /** @param asOf when the members were computed (null when not materialised) */
    public record SegmentMembersJson(boolean materialised, Instant asOf, Long members, boolean refreshRequested) {

        static SegmentMembersJson of(Optional<RollupService.SegmentMembers> members) {
            return members.map(m -> new SegmentMembersJson(true, m.asOf(), m.members(), m.refreshRequested()))
                    .orElse(new SegmentMembersJson(false, null, null, false));
        }
    }
}
