package org.npsloop.web.publications;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.publication.DefaultPeriod;
import org.npsloop.domain.publication.Publication;
import org.npsloop.domain.publication.PublicationDraft;
import org.npsloop.domain.publication.QuoteWording;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.domain.publication.PublicationStatus;
import org.npsloop.domain.publication.QuoteRules;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.reporting.publication.PublicationService.Detail;
import org.npsloop.reporting.publication.PublicationService.QuoteCandidate;
import org.npsloop.reporting.publication.PublicationService.VersionRow;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.followup.ResponseInbox;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.admin.SystemSettings;
import org.npsloop.web.ui.UiTexts;

/**
 * One publication: its scope and texts, the live figures of that scope, the consented comments to quote
 * (searchable), save, preview, publish, revoke, and its history. Without an id: a new draft.
 */
@Named
@ViewScoped
public class EditPublication implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublicationService publications;

    @Inject
    private ReportService reports;

    @Inject
    private ResponseInbox inbox;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    /** Where the application is reached from outside ({@code nps.base-url}): the public link given to customers starts with it. */
    @Inject
    private SystemSettings system;

    /** The form passed the checks a publish makes: the "Publish?" dialog is open. */
    private boolean confirmingPublish;

    private Detail saved;

    // The form.
    private String title;
    private Language language = Language.EN;
    private LocalDate from;
    private LocalDate to;
    private Long campaignId;
    private String journeyMoment;
    private TrendGranularity granularity = TrendGranularity.MONTH;

    private boolean touchpoints;
    private String whatYouToldUs;
    private String whatWeAreDoing;
    /** Chosen quotes in order, with their text as shown (masked). */
    private final LinkedHashMap<Long, QuoteCandidate> chosen = new LinkedHashMap<>();
    /** The published wording of each chosen quote as typed; the masked comment until the executive edits it. */
    private final HashMap<Long, String> wordings = new HashMap<>();

    private String search;
    private List<QuoteCandidate> candidates = List.of();
    private NpsResult live;

    private transient List<ResponseInbox.CampaignOption> campaigns;
    private transient List<String> journeyMoments;

    @jakarta.annotation.PostConstruct
    void load() {
        if (id == null) {
            DefaultPeriod period = publications.defaultPeriod();
            from = period.from();
            to = period.to();
            language = Language.of(Faces.getLocale());
            refresh();
            return;
        }
        try {
            saved = publications.get(id);
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
            id = null;
            return;
        }
        title = saved.title();
        language = saved.language();
        from = saved.from();
        to = saved.to();
        campaignId = saved.campaignId();
        journeyMoment = saved.journeyMoment();
        granularity = saved.granularity();
        whatYouToldUs = saved.whatYouToldUs();
        whatWeAreDoing = saved.whatWeAreDoing();
        touchpoints = saved.touchpoints();
        chosen.clear();
        wordings.clear();
        publications.chosenQuotes(id).forEach(q -> {
            chosen.put(q.responseId(), q);
            wordings.put(q.responseId(), q.published());
        });
        refresh();
    }

    private PublicationDraft draft() {
        List<QuoteWording> edited = new ArrayList<>();
        chosen.forEach((responseId, quote) -> {
            String wording = wordings.get(responseId);
            // Left as the (masked) comment shows it: no edit, the comment is published (masked again then).
            if (wording != null && !wording.isBlank() && !wording.strip().equals(quote.comment())) {
                edited.add(new QuoteWording(responseId, wording));
            }
        });
        return new PublicationDraft(title, language, from, to, campaignId, journeyMoment, granularity, whatYouToldUs,
                whatWeAreDoing, new ArrayList<>(chosen.keySet()), edited, touchpoints);
    }

    /** Live figures of the scope as typed, and the consented comments matching the search. */
    public void refresh() {
        confirmingPublish = false;
        try {
            ReportFilter filter = new ReportFilter(from, to, campaignId, journeyMoment, null, null, null, null, null, false);
            live = reports.dashboard(filter, granularity == null ? TrendGranularity.MONTH : granularity).nps();
            candidates = publications.quoteCandidates(draft(), search, 50);
        } catch (InvalidInputException e) {
            live = null;
            candidates = List.of();
            showErrors(e);
        }
    }

    public void add(QuoteCandidate candidate) {
        if (chosen.size() >= QuoteRules.MAX_QUOTES) {
            Messages.addGlobalError(Faces.getResourceBundle("msg").getString("publication.quotes.tooMany"), QuoteRules.MAX_QUOTES);
            return;
        }
        if (chosen.putIfAbsent(candidate.responseId(), candidate) == null) {
            wordings.put(candidate.responseId(), candidate.comment());
        }
    }

    public void remove(long responseId) {
        chosen.remove(responseId);
        wordings.remove(responseId);
    }

    /** The published wording of each chosen quote, by response id (edited in the chosen quotes' table). */
    public Map<Long, String> getWordings() {
        return wordings;
    }

    public int getWordingMax() {
        return Publication.WORDING_MAX;
    }

    public String save() {
        try {
            boolean created = saved == null;
            saved = created ? publications.create(draft(), currentUser.getUsername())
                    : publications.update(saved.id(), draft(), currentUser.getUsername());
            Messages.addFlashGlobalInfo(Faces.getResourceBundle("msg").getString("publication.saved"));
            return "/publications/edit?faces-redirect=true&id=" + saved.id();
        } catch (InvalidInputException e) {
            showErrors(e);
            return null;
        }
    }

    /**
     * Checks the form as a publish would, then opens the "Publish?" dialog; a form that would be refused gets its
     * errors instead, and no question.
     */
    public void confirmPublish() {
        try {
            publications.checkPublishable(draft());
            confirmingPublish = true;
        } catch (InvalidInputException e) {
            confirmingPublish = false;
            showErrors(e);
        }
    }

    /** "No", Escape or the dialog's close icon. */
    public void cancelPublish() {
        confirmingPublish = false;
    }

    public boolean isConfirmingPublish() {
        return confirmingPublish;
    }

    public String publish() {
        confirmingPublish = false;
        String outcome = save();
        if (outcome == null) {
            return null;
        }
        try {
            saved = publications.publish(saved.id(), currentUser.getUsername());
            Messages.addFlashGlobalInfo(Faces.getResourceBundle("msg").getString("publication.published"));
            return outcome;
        } catch (InvalidInputException e) {
            showErrors(e);
            return null;
        }
    }

    public String revoke() {
        try {
            saved = publications.revoke(saved.id(), currentUser.getUsername());
            Messages.addFlashGlobalInfo(Faces.getResourceBundle("msg").getString("publication.revoked"));
            return "/publications/edit?faces-redirect=true&id=" + saved.id();
        } catch (IllegalStateException e) {
            Messages.addGlobalError(UiTexts.text(e));
            return null;
        }
    }

    public String delete() {
        try {
            publications.delete(saved.id());
            Messages.addFlashGlobalInfo(Faces.getResourceBundle("msg").getString("publication.deleted"));
            return "/publications/index?faces-redirect=true";
        } catch (IllegalStateException e) {
            Messages.addGlobalError(UiTexts.text(e));
            return null;
        }
    }

    private void showErrors(InvalidInputException e) {
        e.errors().forEach(error -> {
            String component = component(error.field());
            if (component == null) {
                Messages.addGlobalError(UiTexts.text(error));
            } else {
                Messages.addError("publication:" + component, UiTexts.text(error));
            }
        });
        Faces.validationFailed();
    }

    private static String component(String field) {
        return switch (field) {
            case "title", "language", "from", "to", "granularity" -> field;
            case "campaignId" -> "campaign";
            case "journeyMoment" -> "moment";
            case "whatYouToldUs" -> "toldUs";
            case "whatWeAreDoing" -> "doing";
            case "quoteWordings" -> null;
            default -> null;
        };
    }

    public List<VersionRow> getVersions() {
        return saved == null ? List.of() : publications.versions(saved.id());
    }

    public boolean isSaved() {
        return saved != null;
    }

    public Detail getCurrent() {
        return saved;
    }

    public boolean isPublished() {
        return saved != null && saved.status() == PublicationStatus.PUBLISHED;
    }

    /** The live figures of the scope; null when not computed (bad scope). */
    public NpsResult getLive() {
        return live;
    }

    public String getLiveNps() {
        return live == null ? "" : live.score().map(v -> (Math.round(v) > 0 ? "+" : "") + Math.round(v)).orElse("");
    }

    /** The margin of error in whole points (a number, so that "point" agrees with it); null when there is none. */
    public Long getLiveMoe() {
        return live == null ? null : live.marginOfError().map(Math::round).orElse(null);
    }

    /** The published page's address as customers reach it: the configured public address, not this request's. */
    public String getPublicUrl() {
        String base = system.getBaseUrl();
        return saved == null ? null : (base.endsWith("/") ? base : base + "/") + saved.publicPath();
    }

    public boolean isTooFew() {
        return live != null && live.responses() < PublicationContent.MIN_RESPONSES;
    }

    public int getMinResponses() {
        return PublicationContent.MIN_RESPONSES;
    }

    public List<QuoteCandidate> getChosen() {
        return List.copyOf(chosen.values());
    }

    public boolean isChosen(long responseId) {
        return chosen.containsKey(responseId);
    }

    public List<QuoteCandidate> getCandidates() {
        return candidates;
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public TrendGranularity[] getGranularities() {
        return TrendGranularity.values();
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
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

    public TrendGranularity getGranularity() {
        return granularity;
    }

    public void setGranularity(TrendGranularity granularity) {
        this.granularity = granularity;
    }

    public boolean isTouchpoints() {
        return touchpoints;
    }

    public void setTouchpoints(boolean touchpoints) {
        this.touchpoints = touchpoints;
    }

    public String getWhatYouToldUs() {
        return whatYouToldUs;
    }

    public void setWhatYouToldUs(String whatYouToldUs) {
        this.whatYouToldUs = whatYouToldUs;
    }

    public String getWhatWeAreDoing() {
        return whatWeAreDoing;
    }

    public void setWhatWeAreDoing(String whatWeAreDoing) {
        this.whatWeAreDoing = whatWeAreDoing;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
