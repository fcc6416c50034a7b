package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npsloop.campaigns.audience.RetentionService;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.retention.RetentionPolicy;
import org.npsloop.domain.retention.RetentionRule;
import org.npsloop.domain.user.Role;

/**
 * Data retention (ADMIN): {@code GET /api/admin/retention} the periods and what the next run will remove (dry run),
 * {@code PUT} new periods (400 naming a bad one), {@code POST /api/admin/retention/run} a run now (409 while another
 * run holds the lease). Periods are named as in {@link RetentionRule#field()}: months for contacts and comments, days
 * for the rest, 0 for off.
 */
@RequestScoped
@Path("admin/retention")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    private RetentionService retention;

    @Context
    private HttpHeaders headers;

    /** A period as typed; missing means off. */
    public record PolicyJson(Integer contactMonths, Integer commentMonths, Integer invitationDays, Integer outboxDays,
            Integer webhookDays) {
    }

    /** What a rule that is on would remove now: rows older than the cutoff. */
    public record DryRunJson(Instant cutoff, long count) {
    }

    public record SettingsJson(PolicyJson policy, Instant updatedAt, String updatedBy, Instant lastRun, Instant nextRun,
            Map<String, DryRunJson> dryRun) {
    }

    public record RunJson(boolean ran, Instant at, Map<String, Long> removed) {
    }

    @GET
    public SettingsJson get() {
        return json(retention.settings());
    }

    @PUT
    public SettingsJson put(PolicyJson input, @Context SecurityContext security) {
        if (input == null) {
            throw new BadRequestException();
        }
        return json(retention.save(RetentionPolicy.of(input.contactMonths(), input.commentMonths(), input.invitationDays(),
                input.outboxDays(), input.webhookDays()), security.getUserPrincipal().getName()));
    }

    @POST
    @Path("run")
    public Response run() {
        RetentionService.Run run = retention.run();
        if (!run.ran()) {
            return ApiError.response(Response.Status.CONFLICT, Message.of("retention.running"), headers);
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        run.removed().forEach((rule, count) -> removed.put(rule.field(), count));
        return Response.ok(new RunJson(true, run.at(), removed)).build();
    }

    private SettingsJson json(RetentionService.Settings settings) {
        RetentionPolicy p = settings.policy();
        RetentionService.Preview preview = retention.preview();
        Map<String, DryRunJson> dryRun = new LinkedHashMap<>();
        preview.cutoffs().forEach((rule, cutoff) -> dryRun.put(rule.field(), new DryRunJson(cutoff, preview.counts().get(rule))));
        return new SettingsJson(new PolicyJson(p.contactMonths(), p.commentMonths(), p.invitationDays(), p.outboxDays(), p.webhookDays()),
                settings.updatedAt(), settings.updatedBy(), settings.lastRun(), settings.nextRun(), dryRun);
    }
}
