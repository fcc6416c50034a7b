package org.npsloop.web.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.npsloop.domain.audience.Language;

/**
 * The UI language of this session: from the browser at first, then whatever the user picks with
 * {@code ?lang=fr} / {@code ?lang=en} on any page.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale;

    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String requested = faces.getExternalContext().getRequestParameterMap().get("lang");
        if (requested != null && (requested.equals("fr") || requested.equals("en"))) {
            locale = Language.valueOf(requested.toUpperCase(Locale.ROOT)).locale();
        } else if (locale == null) {
            locale = Language.of(faces.getExternalContext().getRequestLocale()).locale();
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }
}
