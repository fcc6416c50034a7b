package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.campaign.CampaignService.CampaignSettings;
import org.npsloop.campaigns.campaign.CampaignService.CampaignView;
import org.npsloop.campaigns.survey.SurveyId;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.SurveyService.SurveyView;
import org.npsloop.domain.campaign.CampaignKind;
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
    /** Converted by JSF's enum converter from the radio's item values. */
    private CampaignKind kind = CampaignKind.ONE_OFF;
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
        return getCampaigns().stream().anyMatch(CampaignView::isLive);
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
            CampaignView created = campaigns.create(CampaignSettings.named(name).survey(SurveyId.of(surveyId)).kind(kind)
                    .timeZone(userTime.getZone()).build());
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

    public CampaignKind getKind() {
        return kind;
    }

    public void setKind(CampaignKind kind) {
        this.kind = kind;
    }

    public Long getSurveyId() {
        return surveyId;
    }

    public void setSurveyId(Long surveyId) {
        this.surveyId = surveyId;
    }
}
