package org.npsloop.web.campaigns;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.SurveyService.NewSurvey;
import org.npsloop.campaigns.survey.SurveyService.SurveyView;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.validation.InvalidInputException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;

/** The surveys page: every survey, and a new one with the standard wording, opened in the editor once created. */
@Named
@ViewScoped
public class SurveyList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SurveyService surveys;

    private List<SurveyView> all;
    private String name;
    private String brandName;
    private Language defaultLanguage = Language.of(Faces.getLocale());

    public List<SurveyView> getSurveys() {
        if (all == null) {
            all = surveys.list();
        }
        return all;
    }

    public String create() {
        try {
            SurveyView created = surveys.create(new NewSurvey(name, brandName, defaultLanguage.name(), null, null, null, null));
            return "/campaigns/survey?faces-redirect=true&id=" + created.id();
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("create:" + error.field(), UiTexts.text(error)));
            return null;
        }
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBrandName() {
        return brandName;
    }

    public void setBrandName(String brandName) {
        this.brandName = brandName;
    }

    public Language getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }
}
