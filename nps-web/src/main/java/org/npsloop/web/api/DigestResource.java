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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.report.DigestService;

/**
 * The weekly digest's settings ({@code GET}/{@code PUT /api/reports/digest}), the users it can go to
 * ({@code GET /api/reports/digest/candidates}) and {@code POST /api/reports/digest/send-now} (to the
 * caller's own address). ADMIN or EXECUTIVE.
 */
@RequestScoped
@Path("reports/digest")
@RolesAllowed({Role.ADMIN_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DigestResource {

    @Inject
    private DigestService digests;

    /** {@code weekday}: MONDAY..SUNDAY; {@code hour}: 0-23 in the report time zone; {@code recipients}: user ids. */
    public record SettingsJson(boolean enabled, String weekday, Integer hour, List<Long> recipients) {
    }

    @GET
    public SettingsJson get() {
        return json(digests.settings());
    }

    @GET
    @Path("candidates")
    public List<DigestService.Candidate> candidates() {
        return digests.candidates();
    }

    @PUT
    public SettingsJson put(SettingsJson input, @Context SecurityContext security) {
        if (input == null) {
            throw new BadRequestException();
        }
        Violations violations = new Violations();
        DayOfWeek weekday = violations.check("weekday", () -> input.weekday() == null ? null
                : ReportFilterParams.named(DayOfWeek.class, input.weekday()));
        violations.throwIfAny();
        return json(digests.save(new DigestService.Settings(input.enabled(), weekday,
                input.hour() == null ? -1 : input.hour(), input.recipients()), security.getUserPrincipal().getName()));
    }

    @POST
    @Path("send-now")
    public Map<String, String> sendNow(@Context SecurityContext security) {
        return Map.of("sentTo", digests.sendNow(security.getUserPrincipal().getName()));
    }

    private static SettingsJson json(DigestService.Settings settings) {
        return new SettingsJson(settings.enabled(), settings.weekday().name(), settings.hour(), settings.recipients());
    }
}
