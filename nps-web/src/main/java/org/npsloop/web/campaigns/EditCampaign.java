package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.campaign.CampaignService.AudiencePreview;
import org.npsloop.campaigns.campaign.CampaignService.CampaignSettings;
import org.npsloop.campaigns.campaign.CampaignService.CampaignView;
import org.npsloop.campaigns.campaign.CampaignService.Progress;
import org.npsloop.campaigns.campaign.CampaignService.Recipient;
import org.npsloop.campaigns.campaign.CampaignService.RecipientPage;
import org.npsloop.campaigns.campaign.CampaignService.Window;
import org.npsloop.campaigns.audience.ListId;
import org.npsloop.campaigns.audience.SegmentId;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.campaigns.audience.MailingListService.ListView;
import org.npsloop.campaigns.audience.SegmentService;
import org.npsloop.campaigns.audience.SegmentService.SegmentView;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.SurveyService.SurveyView;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.deliverability.CampaignDeliverability;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.campaign.DueForecast;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.npsloop.web.ui.UiTexts;

/**
 * One campaign: its settings while a draft (with the audience each rule would exclude, or for a journey
 * the contacts due on each coming day), then its live state: status, waves, actions, progress, response
 * rate and NPS, exclusions by reason and every recipient, with pause, resume and cancel.
 */
@Named
@ViewScoped
public class EditCampaign implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How many days a journey campaign's forecast shows. */
    static final int FORECAST_DAYS = 14;
    /** Service fields that are a group of inputs on the page: their message goes on the group's first input. */
    private static final Map<String, String> FIELDS = Map.of("window", "windowFromHour");
    private static final List<String> ZONES = List.of("Europe/Paris", "Europe/London", "Europe/Brussels", "Europe/Zurich",
            "America/Montreal", "America/New_York", "America/Los_Angeles", "Africa/Casablanca", "Asia/Singapore", "UTC");

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private CampaignService campaigns;

    @Inject
    private SurveyService surveys;

    @Inject
    private MailingListService lists;

    @Inject
    private SegmentService segments;

    @Inject
    private ReportService reports;

    @Inject
    @Param(name = "id")
    private Long id;

    private CampaignView campaign;
    private AudiencePreview preview;
    /** Read once per request (the page shows them in several places), again at each poll. */
    private transient Progress progress;
    private transient Dashboard results;
    private transient CampaignDeliverability deliverabilityFigures;
    private transient List<DueForecast.Day> dueDays;
    private String recipientStatus;
    private String recipientSearch;

    // The form, filled from the campaign and sent back as CampaignSettings.
    private String name;
    private Long surveyId;
    private String audience;
    private Long listId;
    private Long segmentId;
    private LocalDateTime sendAt;
    private String timeZone;
    private Integer fatigueDays;
    private Integer repeatEvery;
    private String repeatUnit;
    private String triggerEvent;
    private Integer triggerDelayDays;
    private Integer windowFromHour;
    private Integer windowToHour;
    private List<String> windowDays = new ArrayList<>();
    private int reminders;
    private int reminderAfterDays;

    private final LazyDataModel<Recipient> recipients = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;
        private RecipientPage lastPage;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return lastPage == null ? 0 : (int) lastPage.total();
        }

        @Override
        public List<Recipient> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            lastPage = campaigns.recipients(id, recipientStatus, recipientSearch, first, pageSize);
            setRowCount((int) lastPage.total());
            return lastPage.rows();
        }
    };

    /** Called by the page: an unknown id is a 404, not an empty page. */
    public void load() {
        campaign = id == null ? null : campaigns.find(id).orElse(null);
        if (campaign == null) {
            Faces.responseSendError(404, "No such campaign");
            return;
        }
        fillForm();
    }

    private void fillForm() {
        name = campaign.name();
        surveyId = campaign.survey().value();
        listId = campaign.audience().list() == null ? null : campaign.audience().list().value();
        segmentId = campaign.audience().segment() == null ? null : campaign.audience().segment().value();
        boolean journey = campaign.kind() == CampaignKind.JOURNEY;
        audience = segmentId != null ? "SEGMENT" : listId != null || !journey ? "LIST" : "ALL";
        timeZone = campaign.timeZone().getId();
        sendAt = campaign.scheduledAt() == null ? null : LocalDateTime.ofInstant(campaign.scheduledAt(), campaign.timeZone());
        fatigueDays = campaign.fatigueDays();
        repeatEvery = campaign.repeat() == null ? null : campaign.repeat().every();
        repeatUnit = campaign.repeat() == null ? "WEEKS" : campaign.repeat().unit().name();
        triggerEvent = campaign.trigger() == null ? null : campaign.trigger().eventType();
        triggerDelayDays = campaign.trigger() == null ? null : campaign.trigger().delayDays();
        Window window = campaign.window();
        windowFromHour = window == null ? null : window.fromHour();
        windowToHour = window == null ? null : window.toHour();
        windowDays = window == null ? new ArrayList<>() : new ArrayList<>(List.of(window.daysText().split(",")));
        reminders = campaign.reminders();
        reminderAfterDays = campaign.reminderAfterDays();
    }

    public void save() {
        if (apply(() -> campaigns.update(id, settings()))) {
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("campaign.saved"));
        }
    }

    /** Saves, then counts what launching now would do (a journey: who becomes due on each coming day). */
    public void checkAudience() {
        if (apply(() -> campaigns.update(id, settings()))) {
            if (isJourney()) {
                preview = null;
                dueDays = campaigns.dueByDay(id, FORECAST_DAYS);
            } else {
                preview = campaigns.previewAudience(id);
            }
        }
    }

    /** At each poll: the campaign's state as the background jobs left it, and fresh counters. */
    public void refresh() {
        campaigns.find(id).ifPresent(current -> campaign = current);
        progress = null;
        results = null;
        deliverabilityFigures = null;
    }

    /** Nothing more will be sent: no pause, resume or cancel. */
    public boolean isFinished() {
        return campaign == null || campaign.status() == CampaignStatus.DONE || campaign.status() == CampaignStatus.CANCELLED
                || campaign.status() == CampaignStatus.DRAFT;
    }

    public boolean isJourney() {
        return campaign != null && campaign.kind() == CampaignKind.JOURNEY;
    }

    public void schedule() {
        if (apply(() -> campaigns.update(id, settings()))) {
            apply(() -> campaigns.schedule(id));
        }
    }

    public void pause() {
        apply(() -> campaigns.pause(id));
    }

    public void resume() {
        apply(() -> campaigns.resume(id));
    }

    public void cancel() {
        apply(() -> campaigns.cancel(id));
    }

    /** Runs a change; on refusal shows each field's message on its field only (the rest at the top). */
    private boolean apply(java.util.function.Supplier<CampaignView> change) {
        progress = null;
        results = null;
        deliverabilityFigures = null;
        try {
            campaign = change.get();
            return true;
        } catch (InvalidInputException e) {
            e.errors().forEach(this::showOnField);
            return false;
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
            return false;
        }
    }

    private void showOnField(FieldError error) {
        String field = FIELDS.getOrDefault(error.field(), error.field());
        boolean onPage = Faces.getViewRoot().findComponent("campaign:" + field) != null;
        Messages.addError(onPage ? "campaign:" + field : null, UiTexts.text(error));
    }

    /** The form as the API would receive it, parsed by the same rules (and the same field errors). */
    private CampaignSettings settings() {
        String days = windowDays == null || windowDays.isEmpty() ? null : String.join(",", windowDays);
        boolean anyWindow = windowFromHour != null || windowToHour != null || days != null;
        ZoneId zone = zoneOrUtc(timeZone);
        return new CampaignForm(name, surveyId, campaign.kind().name(), "LIST".equals(audience) ? listId : null,
                "SEGMENT".equals(audience) ? segmentId : null, sendAt == null ? null : sendAt.atZone(zone).toInstant(), timeZone,
                fatigueDays, repeatEvery, repeatEvery == null ? null : repeatUnit, blankToNull(triggerEvent), triggerDelayDays,
                anyWindow ? windowFromHour : null, anyWindow ? windowToHour : null, days, reminders, reminderAfterDays)
                .parseChange();
    }

    /** An unknown zone is reported by the service against its field; the date is read in UTC meanwhile. */
    private static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone == null ? "Europe/Paris" : zone.trim());
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public CampaignView getCampaign() {
        return campaign;
    }

    public boolean isDraft() {
        return campaign != null && campaign.status() == CampaignStatus.DRAFT;
    }

    /** Progress is read again at each poll. */
    public Progress getProgress() {
        if (progress == null) {
            progress = campaigns.progress(id);
        }
        return progress;
    }

    /** The campaign's response rate and NPS, counted as the reports count them (suspected bots left out). */
    public Dashboard getResults() {
        if (results == null) {
            results = reports.dashboard(ReportFilter.everything().withCampaign(id), null);
        }
        return results;
    }

    /** What the mail systems reported about its messages (bounces, complaints, unsubscribes), read again at each poll. */
    public CampaignDeliverability getDeliverability() {
        if (deliverabilityFigures == null) {
            deliverabilityFigures = deliverability.campaign(id);
        }
        return deliverabilityFigures;
    }

    /** Why it paused itself, in the reader's language (older reasons were stored as English sentences). */
    public String getPausedReason() {
        return campaign == null || campaign.pausedReason() == null ? null : UiTexts.text(campaign.pausedReason());
    }

    /** A journey campaign's coming days; null until asked for a draft, read once for a launched campaign. */
    public List<DueForecast.Day> getDueDays() {
        if (dueDays == null && isJourney() && !isDraft()) {
            dueDays = campaigns.dueByDay(id, FORECAST_DAYS);
        }
        return dueDays;
    }

    public int getForecastDays() {
        return FORECAST_DAYS;
    }

    /** Sent and failed over everyone planned, for the progress bar. */
    public int percentDone(Progress progress) {
        return progress.recipients() == 0 ? 0 : (int) ((progress.sent() + progress.failed()) * 100 / progress.recipients());
    }

    public List<Map.Entry<String, Integer>> exclusions(Map<String, Integer> excluded) {
        return List.copyOf(new java.util.TreeMap<>(excluded).entrySet());
    }

    public AudiencePreview getPreview() {
        return preview;
    }

    public LazyDataModel<Recipient> getRecipients() {
        return recipients;
    }

    public List<SurveyView> getSurveys() {
        return surveys.list();
    }

    public List<ListView> getLists() {
        return lists.list();
    }

    public List<SegmentView> getSegments() {
        return segments.list();
    }

    public List<String> getZones() {
        Set<String> zones = new TreeSet<>(ZONES);
        if (timeZone != null) {
            zones.add(timeZone);
        }
        return List.copyOf(zones);
    }

    public List<String> getWeekdays() {
        return java.util.Arrays.stream(DayOfWeek.values()).map(d -> d.name().substring(0, 3)).toList();
    }

    /** The list or segment of the campaign, by name, for the read-only view; null: every contact. */
    public String audienceName() {
        ListId listId = campaign.audience().list();
        SegmentId segmentId = campaign.audience().segment();
        if (listId != null) {
            return lists.list().stream().filter(l -> l.id() == listId.value()).map(ListView::name).findFirst().orElse(null);
        }
        if (segmentId != null) {
            return segments.list().stream().filter(s -> s.id() == segmentId.value()).map(SegmentView::name).findFirst()
                    .orElse(null);
        }
        return null;
    }

    // Form accessors

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getSurveyId() {
        return surveyId;
    }

    public void setSurveyId(Long surveyId) {
        this.surveyId = surveyId;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Long getListId() {
        return listId;
    }

    public void setListId(Long listId) {
        this.listId = listId;
    }

    public Long getSegmentId() {
        return segmentId;
    }

    public void setSegmentId(Long segmentId) {
        this.segmentId = segmentId;
    }

    public LocalDateTime getSendAt() {
        return sendAt;
    }

    public void setSendAt(LocalDateTime sendAt) {
        this.sendAt = sendAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getFatigueDays() {
        return fatigueDays;
    }

    public void setFatigueDays(Integer fatigueDays) {
        this.fatigueDays = fatigueDays;
    }

    public Integer getRepeatEvery() {
        return repeatEvery;
    }

    public void setRepeatEvery(Integer repeatEvery) {
        this.repeatEvery = repeatEvery;
    }

    public String getRepeatUnit() {
        return repeatUnit;
    }

    public void setRepeatUnit(String repeatUnit) {
        this.repeatUnit = repeatUnit;
    }

    public String getTriggerEvent() {
        return triggerEvent;
    }

    public void setTriggerEvent(String triggerEvent) {
        this.triggerEvent = triggerEvent;
    }

    public Integer getTriggerDelayDays() {
        return triggerDelayDays;
    }

    public void setTriggerDelayDays(Integer triggerDelayDays) {
        this.triggerDelayDays = triggerDelayDays;
    }

    public Integer getWindowFromHour() {
        return windowFromHour;
    }

    public void setWindowFromHour(Integer windowFromHour) {
        this.windowFromHour = windowFromHour;
    }

    public Integer getWindowToHour() {
        return windowToHour;
    }

    public void setWindowToHour(Integer windowToHour) {
        this.windowToHour = windowToHour;
    }

    public List<String> getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(List<String> windowDays) {
        this.windowDays = windowDays;
    }

    public int getReminders() {
        return reminders;
    }

    public void setReminders(int reminders) {
        this.reminders = reminders;
    }

    public int getReminderAfterDays() {
        return reminderAfterDays;
    }

    public void setReminderAfterDays(int reminderAfterDays) {
        this.reminderAfterDays = reminderAfterDays;
    }

    public String getRecipientStatus() {
        return recipientStatus;
    }

    public void setRecipientStatus(String recipientStatus) {
        this.recipientStatus = recipientStatus;
    }

    public String getRecipientSearch() {
        return recipientSearch;
    }

    public void setRecipientSearch(String recipientSearch) {
        this.recipientSearch = recipientSearch;
    }
}
