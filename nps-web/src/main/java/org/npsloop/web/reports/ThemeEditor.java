package org.npsloop.web.reports;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.themes.ThemeService;
import org.npsloop.reporting.themes.ThemeService.Theme;
import org.npsloop.reporting.themes.ThemeService.ThemeDraft;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;

/** Reports → Themes: the themes with their FR and EN keywords, edited in place; the re-match's progress. */
@Named
@ViewScoped
public class ThemeEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ThemeService themes;

    @Inject
    private CurrentUser currentUser;

    /** The theme being edited; null for a new one. */
    private Long editedId;
    private String labelEn;
    private String labelFr;
    /** Keywords one per line or separated by commas. */
    private String keywordsEn;
    private String keywordsFr;
    private boolean editing;

    private transient List<Theme> list;

    public List<Theme> getThemes() {
        if (list == null) {
            list = themes.themes();
        }
        return list;
    }

    public ThemeService.Matching getMatching() {
        return themes.matching();
    }

    public void create() {
        editedId = null;
        labelEn = null;
        labelFr = null;
        keywordsEn = null;
        keywordsFr = null;
        editing = true;
    }

    public void edit(Theme theme) {
        editedId = theme.id();
        labelEn = theme.labelEn();
        labelFr = theme.labelFr();
        keywordsEn = String.join(", ", theme.keywordsEn());
        keywordsFr = String.join(", ", theme.keywordsFr());
        editing = true;
    }

    public void cancel() {
        editing = false;
    }

    public void save() {
        ThemeDraft draft = new ThemeDraft(labelEn, labelFr, split(keywordsEn), split(keywordsFr));
        try {
            Theme saved = editedId == null ? themes.create(draft, currentUser.getUsername())
                    : themes.update(editedId, draft, currentUser.getUsername());
            editing = false;
            list = null;
            Messages.addGlobalInfo(text("themes.saved"), saved.label(language()));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("editor:" + error.field(), UiTexts.text(error)));
            FacesContext.getCurrentInstance().validationFailed();
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    public void delete(Theme theme) {
        try {
            themes.delete(theme.id());
            list = null;
            if (editedId != null && editedId == theme.id()) {
                editing = false;
            }
            Messages.addGlobalInfo(text("themes.deleted"), theme.label(language()));
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    /** Keywords are separated by commas or new lines; blanks between separators are ignored. */
    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n\\r]+")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    public String joined(List<String> keywords) {
        return String.join(", ", keywords);
    }

    public String label(Theme theme) {
        return theme.label(language());
    }

    private static Language language() {
        return Language.of(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static String text(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg").getString(key);
    }

    public boolean isEditing() {
        return editing;
    }

    public Long getEditedId() {
        return editedId;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public String getLabelFr() {
        return labelFr;
    }

    public void setLabelFr(String labelFr) {
        this.labelFr = labelFr;
    }

    public String getKeywordsEn() {
        return keywordsEn;
    }

    public void setKeywordsEn(String keywordsEn) {
        this.keywordsEn = keywordsEn;
    }

    public String getKeywordsFr() {
        return keywordsFr;
    }

    public void setKeywordsFr(String keywordsFr) {
        this.keywordsFr = keywordsFr;
    }
}
