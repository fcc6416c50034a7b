package org.npsloop.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.npsloop.domain.publication.PublicBrand;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;

/**
 * The brand section of the settings page (ADMIN): name, colour and logo of the public synthesis pages that are not
 * one campaign's (those wear their survey's brand). Stored in the database; the configured name is the default.
 */
@Named
@ViewScoped
public class PublicationBrandSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublicationService publications;

    @Inject
    private CurrentUser currentUser;

    private String name;
    private String colour;
    private String logoUrl;

    @PostConstruct
    void load() {
        show(publications.brand());
    }

    public void save() {
        try {
            show(publications.saveBrand(name, colour, logoUrl, currentUser.getUsername()));
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("settings.brand.saved"));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("brand:" + error.field(), UiTexts.text(error)));
            Faces.validationFailed();
        }
    }

    private void show(PublicBrand brand) {
        name = brand.name();
        colour = brand.colour();
        logoUrl = brand.logoUrl();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public void setLogoUrl(String logoUrl) {
        this.logoUrl = logoUrl;
    }
}
