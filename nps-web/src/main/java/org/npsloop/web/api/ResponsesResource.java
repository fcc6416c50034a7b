package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.npsloop.campaigns.respond.ResponseEntryService;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.ContactEmails;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.domain.text.StrictDates;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ResponseExportService;
import org.npsloop.reporting.followup.ResponseInbox;

/**
 * Responses: the inbox (read by marketers and executives) and answers typed by a marketer after a
 * phone call or received another way.
 */
@RequestScoped
@Path("responses")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponsesResource {

    @Inject
    private ResponseInbox inbox;

    @Inject
    private ResponseEntryService entries;

    @Inject
    private ResponseExportService exports;

    @Inject
    private ContactEmails contactEmails;

    /**
     * One page of responses, newest first. {@code from}/{@code to}: an instant ({@code 2026-11-01T08:00:00Z})
     * or a day ({@code 2026-11-01}, UTC; {@code to} includes that day). {@code flagged}: show (default), hide, only.
     */
    @GET
    @RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
    public ResponseInbox.Page search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("campaignId") Long campaignId, @QueryParam("journeyMoment") String journeyMoment,
            @QueryParam("hasComment") Boolean hasComment, @QueryParam("flagged") String flagged,
            @QueryParam("q") String text, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("50") int size) {
        Violations violations = new Violations();
        Instant since = violations.check("from", () -> instant(from, false));
        Instant until = violations.check("to", () -> instant(to, true));
        NpsCategory cat = violations.check("category", () -> ReportFilterParams.named(NpsCategory.class, category));
        ResponseChannel chan = violations.check("channel", () -> ReportFilterParams.named(ResponseChannel.class, channel));
        ResponseInbox.Flagged flags = violations.check("flagged", () -> ReportFilterParams.named(ResponseInbox.Flagged.class, flagged));
        if (since != null && until != null && !since.isBefore(until)) {
            violations.add("to", "param.toAfterFrom");
        }
        violations.throwIfAny();
        return contactEmails.shown(inbox.search(new ResponseInbox.Query(since, until, cat, chan, campaignId, journeyMoment, hasComment, flags,
                text, first, size)));
    }

    /**
     * The responses the report filters select (plus {@code category}) as CSV for Excel: UTF-8 with a BOM,
     * {@code separator} {@code ;} (default, French Excel) or {@code ,}; contact name included, and the
     * contact's email for a MARKETER only (see {@link ContactEmails}); then a column per additional question, headed
     * and written in {@code lang} (EN or FR; else Accept-Language).
     */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RolesAllowed({Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
    public Response export(@BeanParam ReportFilterParams filter, @QueryParam("category") String category,
            @QueryParam("separator") String separator, @QueryParam("lang") String lang,
            @jakarta.ws.rs.HeaderParam(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Violations violations = new Violations();
        ReportFilter parsed = null;
        try {
            parsed = filter.toFilter();
        } catch (InvalidInputException e) {
            e.errors().forEach(violations::add);
        }
        ReportFilter report = parsed;
        NpsCategory cat = violations.check("category", () -> ReportFilterParams.named(NpsCategory.class, category));
        Character sep = violations.check("separator", () -> separator(separator));
        // The additional questions' headers, option labels and yes/no in this language.
        Language language = violations.check("lang", () -> InternalReportResource.language(lang, acceptLanguage));
        violations.throwIfAny();
        String name = "responses" + (report.from() == null ? "" : "-" + report.from())
                + (report.to() == null ? "" : "-" + report.to()) + ".csv";
        boolean withEmail = contactEmails.visible();
        return CsvDownloads.attachment(name, out -> exports.export(report, cat, sep, withEmail, language, out));
    }

    static char separator(String value) {
        if (value == null || value.isBlank()) {
            return ';';
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case ";", "semicolon" -> ';';
            case ",", "comma" -> ',';
            default -> throw new InvalidValueException("param.separator", value);
        };
    }

    /**
     * A phone or manual answer: 201 with what was stored; the signed-in user (or API key) is kept as who entered it.
     * {@code answers}: the answers to the campaign survey's additional questions, by question id
     * ({@code {"12": 4, "13": ["C1", "C3"], "14": true, "15": "Faster delivery"}}); see {@link EntryJson}.
     */
    @POST
    public Response enter(String body, @Context SecurityContext security, @Context UriInfo uri) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException();
        }
        ResponseEntryService.Entered entered = entries.enter(EntryJson.read(body), security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(entered.id())).build())
                .entity(entered).build();
    }

    /** One response (typed or answered online) with its additional answers: the question, its kind, touchpoint and value. */
    @GET
    @Path("{id}")
    public ResponseEntryService.Entered get(@PathParam("id") long id) {
        return entries.find(id).orElseThrow(() -> new NotFoundException("notFound.response", id));
    }

    /** A day (UTC, its start or with {@code endOfDay} the next day's start) or an instant; null when blank. */
    static Instant instant(String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.strip().length() == 10) {
                LocalDate day = StrictDates.isoDay(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidValueException("param.dayOrInstant", value);
        }
    }
}
