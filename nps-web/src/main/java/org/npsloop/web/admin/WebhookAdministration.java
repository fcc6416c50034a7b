package org.npsloop.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.campaigns.webhook.WebhookService;
import org.npsloop.campaigns.webhook.WebhookService.Delivery;
import org.npsloop.campaigns.webhook.WebhookService.SavedWebhook;
import org.npsloop.campaigns.webhook.WebhookService.WebhookChange;
import org.npsloop.campaigns.webhook.WebhookService.WebhookSettings;
import org.npsloop.domain.outbound.OutboundRefusedException;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.security.OutboundRefusalMessages;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;

/** The webhook section of the settings page (ADMIN): address, on/off, secret shown once, recent deliveries. */
@Named
@ViewScoped
public class WebhookAdministration implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_DELIVERIES = 20;

    @Inject
    private WebhookService webhook;

    @Inject
    private CurrentUser currentUser;

    private WebhookSettings settings;
    private String url;
    private boolean enabled;
    private String secret;
    private transient List<Delivery> deliveries;

    public WebhookSettings getSettings() {
        if (settings == null) {
            settings = webhook.settings();
            url = settings.url();
            enabled = settings.enabled();
        }
        return settings;
    }

    public void save() {
        store(false);
    }

    public void regenerate() {
        store(true);
    }

    private void store(boolean regenerateSecret) {
        try {
            SavedWebhook saved = webhook.save(new WebhookChange(url == null ? "" : url, enabled, regenerateSecret),
                    currentUser.getUsername());
            settings = saved.settings();
            secret = saved.secret();
            deliveries = null;
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("webhook.saved"));
        } catch (OutboundRefusedException e) {
            Messages.addError("webhook:" + OutboundRefusedException.FIELD, OutboundRefusalMessages.text(e, Faces.getLocale()));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError("webhook:" + error.field(), UiTexts.text(error));
            }
        }
    }

    public List<Delivery> getDeliveries() {
        if (deliveries == null) {
            deliveries = webhook.recentDeliveries(SHOWN_DELIVERIES);
        }
        return deliveries;
    }

    public void refresh() {
        deliveries = null;
    }

    public String getUrl() {
        getSettings();
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public boolean isEnabled() {
        getSettings();
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The secret just generated; shown once, never stored in the page afterwards. */
    public String getSecret() {
        return secret;
    }
}
