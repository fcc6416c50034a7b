package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.npsloop.campaigns.webhook.WebhookService;
import org.npsloop.campaigns.webhook.WebhookService.Delivery;
import org.npsloop.campaigns.webhook.WebhookService.SavedWebhook;
import org.npsloop.campaigns.webhook.WebhookService.WebhookChange;
import org.npsloop.campaigns.webhook.WebhookService.WebhookSettings;
import org.npsloop.domain.user.Role;

/** The webhook (ADMIN): its address, on/off, its secret (shown once when generated), and recent deliveries. */
@RequestScoped
@Path("webhook")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    private WebhookService webhook;

    /** The body of a PUT: fields left out keep their value. */
    public record Change(String url, Boolean enabled, Boolean regenerateSecret) {
    }

    /** The settings, plus the new secret when this call generated one. */
    public record Saved(String url, boolean enabled, boolean hasSecret, String secretHint, String secret) {
    }

    @GET
    public WebhookSettings get() {
        return webhook.settings();
    }

    @PUT
    public Saved put(Change body, @Context SecurityContext caller) {
        Change change = body == null ? new Change(null, null, null) : body;
        SavedWebhook saved = webhook.save(new WebhookChange(change.url(), change.enabled(),
                Boolean.TRUE.equals(change.regenerateSecret())), caller.getUserPrincipal().getName());
        WebhookSettings s = saved.settings();
        return new Saved(s.url(), s.enabled(), s.hasSecret(), s.secretHint(), saved.secret());
    }

    @GET
    @Path("deliveries")
    public List<Delivery> deliveries(@QueryParam("size") @DefaultValue("50") int size) {
        return webhook.recentDeliveries(size);
    }
}
