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

    private LocalDate from;
    private LocalDate to;
    private NpsCategory category;
    private ResponseChannel channel;
    private Long campaignId;
    private String journeyMoment;
    /** "with", "without" or empty for any. */
    private String comments;
    private boolean hideFlagged;
    private String text;

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
        Boolean hasComment = "with".equals(comments) ? Boolean.TRUE : "without".equals(comments) ? Boolean.FALSE : null;
        return new ResponseInbox.Query(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), category, channel, campaignId,
                journeyMoment, hasComment, hideFlagged ? ResponseInbox.Flagged.HIDE : ResponseInbox.Flagged.SHOW, text,
                first, size);
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
        if (from != null) {
            q.append("&from=").append(from);
        }
        if (to != null) {
            q.append("&to=").append(to);
        }
        if (category != null) {
            q.append("&category=").append(category.name());
        }
        if (channel != null) {
            q.append("&channel=").append(channel.name());
        }
        if (campaignId != null) {
            q.append("&campaign=").append(campaignId);
        }
        if (journeyMoment != null && !journeyMoment.isBlank()) {
            q.append("&moment=").append(URLEncoder.encode(journeyMoment, StandardCharsets.UTF_8));
        }
        // The inbox shows suspected bots unless hidden; the export follows it.
        q.append("&includeFlagged=").append(!hideFlagged);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
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

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public NpsCategory getCategory() {
        return category;
    }

    public void setCategory(NpsCategory category) {
        this.category = category;
    }

    public ResponseChannel getChannel() {
        return channel;
    }

    public void setChannel(ResponseChannel channel) {
        this.channel = channel;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getJourneyMoment() {
        return journeyMoment;
    }

    public void setJourneyMoment(String journeyMoment) {
        this.journeyMoment = journeyMoment;
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

    public boolean isHideFlagged() {
        return hideFlagged;
    }

    public void setHideFlagged(boolean hideFlagged) {
        this.hideFlagged = hideFlagged;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
