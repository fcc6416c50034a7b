package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.campaign.CampaignService.CampaignSettings;
import org.npsloop.campaigns.campaign.CampaignService.CampaignView;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.SurveyService.SurveyView;
import org.npsloop.domain.validation.InvalidInputException;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;
import org.npsloop.web.ui.UserTime;

/** Every campaign with its state, and the start of a new one (a draft, completed on its own page). */
@Named
@ViewScoped
public class CampaignList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserTime userTime;

    @Inject
    private CampaignService campaigns;

    @Inject
    private SurveyService surveys;

    private List<CampaignView> all;
    private String name;
    private String kind = "ONE_OFF";
    private Long surveyId;

    public List<CampaignView> getCampaigns() {
        if (all == null) {
            all = campaigns.list();
        }
        return all;
    }

    /** At each poll: the statuses as the background jobs left them. */
    public void refresh() {
        all = null;
    }

    /** Some campaign may still change by itself (scheduled, sending): the list keeps polling. */
    public boolean isAnyLive() {
        return getCampaigns().stream().anyMatch(c -> "SCHEDULED".equals(c.status()) || "SENDING".equals(c.status()));
    }

    public List<SurveyView> getSurveys() {
        return surveys.list();
    }

    /**
     * A journey campaign needs no audience to be saved; the others get theirs on the next page. Its schedule is read
     * in the creator's time zone until someone changes it.
     */
    public String create() {
        try {
            CampaignView created = campaigns.create(new CampaignSettings(name, surveyId, kind, null, null, null,
                    userTime.getZone().getId(), null,
                    null, null, null, null, null, null, null, null, null));
            return "/campaigns/campaign?faces-redirect=true&id=" + created.id();
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("create:" + error.field(), UiTexts.text(error)));
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getSurveyId() {
        return surveyId;
    }

    public void setSurveyId(Long surveyId) {
        this.surveyId = surveyId;
    }
}
