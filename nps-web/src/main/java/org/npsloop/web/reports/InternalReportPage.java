package org.npsloop.web.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.text.StrictDates;
import org.npsloop.reporting.report.InternalReport;
import org.npsloop.reporting.report.InternalReportService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.web.ui.LocaleSelection;
import org.npsloop.web.ui.UiTexts;

/**
 * The internal report page: a GET form (period, campaign, journey moment, suspected bots) whose
 * parameters are the API's, the report rendered in the page, and links to the printable page and the PDF.
 */
@Named
@RequestScoped
public class InternalReportPage {

    @Inject
    private InternalReportService reports;

    @Inject
    private ReportService figures;

    @Inject
    private LocaleSelection locale;

    private String from;
    private String to;
    private String campaign;
    private String moment;
    private boolean includeFlagged;
    private InternalReport report;
    private String body;

    /** Reads the query parameters once per request and renders the report (or the errors). */
    public void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        from = params.get("from");
        to = params.get("to");
        campaign = params.get("campaign");
        moment = params.get("moment");
        includeFlagged = "true".equals(params.get("includeFlagged"));
        try {
            LocalDate since = day("from", from);
            LocalDate until = day("to", to);
            Long campaignId = campaign == null || campaign.isBlank() ? null : Long.valueOf(campaign.strip());
            ReportFilter filter = new ReportFilter(since, until, campaignId, moment, null, null, null, null, null, includeFlagged);
            report = reports.report(filter, "fr".equals(locale.getLanguage()) ? Language.FR : Language.EN);
            body = reports.htmlBody(report);
            from = report.from().toString();
            to = report.to().toString();
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                FacesContext.getCurrentInstance().addMessage(null,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, UiTexts.text(error), null));
            }
        } catch (NumberFormatException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, UiTexts.text(Message.of("param.id", campaign)), null));
        }
    }

    private static LocalDate day(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : StrictDates.isoDay(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "param.day", text);
        }
    }

    /** The report's query string, for the printable page and the PDF. */
    public String getQuery() {
        StringBuilder q = new StringBuilder("lang=").append(locale.getLanguage());
        append(q, "from", from);
        append(q, "to", to);
        append(q, "campaign", campaign);
        append(q, "moment", moment);
        if (includeFlagged) {
            q.append("&includeFlagged=true");
        }
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    public List<ReportService.Option> getCampaigns() {
        return figures.options().campaigns();
    }

    public List<String> getMoments() {
        return figures.options().journeyMoments();
    }

    public String getBody() {
        return body;
    }

    public boolean isReady() {
        return body != null;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getMoment() {
        return moment;
    }

    public boolean isIncludeFlagged() {
        return includeFlagged;
    }
}
