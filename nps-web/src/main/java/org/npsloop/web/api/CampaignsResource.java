package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.campaign.CampaignService.AudiencePreview;
import org.npsloop.campaigns.campaign.CampaignService.CampaignView;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.domain.deliverability.CampaignDeliverability;
import org.npsloop.campaigns.campaign.CampaignService.RecipientPage;
import org.npsloop.campaigns.campaign.CampaignService.Progress;
import org.npsloop.domain.user.Role;
import org.npsloop.web.campaigns.CampaignForm;

/** Campaigns (one-off, recurring, journey-triggered): create, change while a draft, check the audience, schedule, pause, resume, cancel, follow. */
@RequestScoped
@Path("campaigns")
@RolesAllowed(Role.MARKETER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignsResource {

    @Inject
    private CampaignService campaigns;

    @Inject
    private DeliverabilityService deliverability;

    @Context
    private HttpHeaders headers;

    @GET
    public List<CampaignJson> list() {
        return campaigns.list().stream().map(this::json).toList();
    }

    @POST
    public Response create(CampaignForm body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(json(campaigns.create(body.parseNew()))).build();
    }

    @GET
    @Path("{id}")
    public CampaignJson get(@PathParam("id") long id) {
        return campaigns.find(id).map(this::json).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.campaign", id));
    }

    @PUT
    @Path("{id}")
    public CampaignJson update(@PathParam("id") long id, CampaignForm body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return json(campaigns.update(id, body.parseChange()));
    }

    /** Before launching: how many would be invited now, and how many each rule leaves out. */
    @GET
    @Path("{id}/audience-preview")
    public AudiencePreview audiencePreview(@PathParam("id") long id) {
        return campaigns.previewAudience(id);
    }

    @GET
    @Path("{id}/recipients")
    public RecipientPage recipients(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("search") String search, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        return campaigns.recipients(id, status, search, first, max);
    }

    @GET
    @Path("{id}/progress")
    public Progress progress(@PathParam("id") long id) {
        return campaigns.progress(id);
    }

    /**
     * What the mail systems reported about the campaign's messages: sent, delivered, hard and soft bounces, complaints
     * and unsubscribes, each with its rate per message sent.
     */
    @GET
    @Path("{id}/deliverability")
    public DeliverabilityJson deliverability(@PathParam("id") long id) {
        campaigns.find(id).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.campaign", id));
        return DeliverabilityJson.of(deliverability.campaign(id));
    }

    /** The figures as the API writes them: rates are fractions of the messages sent (0.05 = 5%), 0 when none was sent. */
    public record DeliverabilityJson(long sent, long delivered, long hardBounces, long softBounces, long complaints,
            long unsubscribes, double deliveredRate, double hardBounceRate, double softBounceRate, double complaintRate,
            double unsubscribeRate) {

        static DeliverabilityJson of(CampaignDeliverability d) {
            return new DeliverabilityJson(d.sent(), d.delivered(), d.hardBounces(), d.softBounces(), d.complaints(),
                    d.unsubscribes(), d.deliveredRate(), d.bounceRate(), d.softBounceRate(), d.complaintRate(),
                    d.unsubscribeRate());
        }
    }

    @POST
    @Path("{id}/schedule")
    public CampaignJson schedule(@PathParam("id") long id) {
        return json(campaigns.schedule(id));
    }

    @POST
    @Path("{id}/pause")
    public CampaignJson pause(@PathParam("id") long id) {
        return json(campaigns.pause(id));
    }

    @POST
    @Path("{id}/resume")
    public CampaignJson resume(@PathParam("id") long id) {
        return json(campaigns.resume(id));
    }

    @POST
    @Path("{id}/cancel")
    public CampaignJson cancel(@PathParam("id") long id) {
        return json(campaigns.cancel(id));
    }

    private CampaignJson json(CampaignView view) {
        return CampaignJson.of(view, ApiError.locale(headers));
    }
}
