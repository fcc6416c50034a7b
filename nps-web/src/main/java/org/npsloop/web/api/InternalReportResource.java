package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.report.InternalReport;
import org.npsloop.reporting.report.InternalReportService;
import org.npsloop.reporting.ReportFilter;

/**
 * The internal report of a period: {@code GET /api/reports/internal?<filters>&format=html|pdf} (or by the
 * Accept header: application/pdf gives the PDF), labels in {@code lang} (EN, FR; default from
 * Accept-Language). Without {@code from}/{@code to}: the last 30 days.
 */
@RequestScoped
@Path("reports/internal")
@RolesAllowed({Role.EXECUTIVE_NAME, Role.MARKETER_NAME})
public class InternalReportResource {

    @Inject
    private InternalReportService reports;

    @GET
    public Response report(@BeanParam ReportFilterParams filter, @QueryParam("format") String format,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Violations violations = new Violations();
        ReportFilter reportFilter = null;
        try {
            reportFilter = filter.toFilter();
        } catch (InvalidInputException e) {
            e.errors().forEach(violations::add);
        }
        Boolean pdf = violations.check("format", () -> pdf(format, accept));
        Language language = violations.check("lang", () -> language(lang, acceptLanguage));
        violations.throwIfAny();
        InternalReport report = reports.report(reportFilter, language);
        String name = "nps-report-" + report.from() + "-" + report.to();
        if (pdf) {
            StreamingOutput body = out -> reports.pdf(report, out);
            return Response.ok(body, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build();
        }
        // A document with no script: the policy keeps it so, whatever a comment holds.
        return Response.ok(reports.html(report), "text/html; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + name + ".html\"")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    static boolean pdf(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "pdf" -> true;
                case "html" -> false;
                default -> throw new InvalidValueException("param.format", format);
            };
        }
        return accept != null && accept.contains("application/pdf") && !accept.contains("text/html");
    }

    static Language language(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return ReportFilterParams.named(Language.class, lang);
        }
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("fr") ? Language.FR : Language.EN;
    }
}
