package org.npsloop.web.responses;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.response.BotSuspicion;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.reporting.followup.ResponseInbox;
import org.npsloop.web.reports.ReportFilterForm;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.npsloop.web.ui.UiTexts;
import org.npsloop.web.ui.UserTime;

/** The responses inbox: one database page at a time, newest first, with its filters. */
@Named
@ViewScoped
public class ResponseList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ResponseInbox inbox;

    @Inject
    private UserTime userTime;

    /**
     * The filters the inbox shares with the reports (days, campaign, moment, channel, suspected bots; their names
     * in the URL too). Unlike the reports, the inbox shows suspected bots until told not to: it is where they are checked.
     */
    private final ReportFilterForm filter = new ReportFilterForm();
    private NpsCategory category;
    /** "with", "without" or empty for any. */
    private String comments;
    private String text;

    {
        filter.setPeriod(ReportFilterForm.CUSTOM);
        filter.setIncludeFlagged(true);
    }

    private transient List<ResponseInbox.CampaignOption> campaigns;
    private transient List<String> journeyMoments;

    private final LazyDataModel<ResponseInbox.Row> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        private long total;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, total);
        }

        @Override
        public List<ResponseInbox.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            ResponseInbox.Page page = inbox.search(query(first, pageSize));
            total = page.total();
            setRowCount((int) Math.min(Integer.MAX_VALUE, total));
            return page.rows();
        }

        @Override
        public String getRowKey(ResponseInbox.Row row) {
            return String.valueOf(row.id());
        }
    };

    /** Days are read in the user's zone, as they see the times in the list; "to" includes its day. */
    ResponseInbox.Query query(int first, int size) {
        ZoneId zone = userTime.getZone();
        LocalDate from = filter.getFrom();
        LocalDate to = filter.getTo();
        Boolean hasComment = "with".equals(comments) ? Boolean.TRUE : "without".equals(comments) ? Boolean.FALSE : null;
        return new ResponseInbox.Query(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), category, channel(), filter.getCampaign(),
                filter.getMoment(), hasComment, filter.isIncludeFlagged() ? ResponseInbox.Flagged.SHOW : ResponseInbox.Flagged.HIDE,
                text, first, size);
    }

    /** The channel of the URL or the menu; an unknown one (a mistyped address) filters nothing. */
    private ResponseChannel channel() {
        String channel = filter.getChannel();
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return ResponseChannel.valueOf(channel.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A filter changed: back to the first page. */
    public void filtered() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":inbox:table");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    /**
     * Downloads the responses the filters select as CSV (GET /api/responses/export.csv): a redirect, so the
     * file streams from the API. The search text and the comment filter have no counterpart there.
     */
    public void exportCsv(String separator) throws IOException {
        StringBuilder q = new StringBuilder("separator=").append(URLEncoder.encode(separator, StandardCharsets.UTF_8));
        if (filter.getFrom() != null) {
            q.append("&from=").append(filter.getFrom());
        }
        if (filter.getTo() != null) {
            q.append("&to=").append(filter.getTo());
        }
        if (category != null) {
            q.append("&category=").append(category.name());
        }
        if (channel() != null) {
            q.append("&channel=").append(channel().name());
        }
        if (filter.getCampaign() != null) {
            q.append("&campaign=").append(filter.getCampaign());
        }
        if (filter.getMoment() != null && !filter.getMoment().isBlank()) {
            q.append("&moment=").append(URLEncoder.encode(filter.getMoment(), StandardCharsets.UTF_8));
        }
        // The export follows the inbox's toggle (shown by default here).
        q.append("&includeFlagged=").append(filter.isIncludeFlagged());
        // The additional questions' columns in the language of the page.
        FacesContext faces = FacesContext.getCurrentInstance();
        q.append("&lang=").append(org.npsloop.domain.audience.Language.of(faces.getViewRoot().getLocale()).name());
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/api/responses/export.csv?" + q);
    }


    public LazyDataModel<ResponseInbox.Row> getModel() {
        return model;
    }

    public NpsCategory[] getCategories() {
        return new NpsCategory[] {NpsCategory.PROMOTER, NpsCategory.PASSIVE, NpsCategory.DETRACTOR};
    }

    public ResponseChannel[] getChannels() {
        return ResponseChannel.values();
    }

    public List<ResponseInbox.CampaignOption> getCampaigns() {
        if (campaigns == null) {
            campaigns = inbox.campaigns();
        }
        return campaigns;
    }

    public List<String> getJourneyMoments() {
        if (journeyMoments == null) {
            journeyMoments = inbox.journeyMoments();
        }
        return journeyMoments;
    }

    public ReportFilterForm getFilter() {
        return filter;
    }

    public NpsCategory getCategory() {
        return category;
    }

    public void setCategory(NpsCategory category) {
        this.category = category;
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }

    /** Why an answer is suspected to be a mail scanner's, in the page's language. */
    public String flagReason(ResponseInbox.Row row) {
        return row.flagReason() == null ? null : UiTexts.text(BotSuspicion.explain(row.flagReason()));
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
