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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.campaigns.campaign.CampaignService;
import org.npsloop.campaigns.campaign.CampaignService.AudiencePreview;
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

    @GET
    public List<CampaignJson> list() {
        return campaigns.list().stream().map(CampaignJson::of).toList();
    }

    @POST
    public Response create(CampaignForm body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return Response.status(Response.Status.CREATED).entity(CampaignJson.of(campaigns.create(body.parseNew()))).build();
    }

    @GET
    @Path("{id}")
    public CampaignJson get(@PathParam("id") long id) {
        return campaigns.find(id).map(CampaignJson::of).orElseThrow(() -> new org.npsloop.domain.i18n.NotFoundException("notFound.campaign", id));
    }

    @PUT
    @Path("{id}")
    public CampaignJson update(@PathParam("id") long id, CampaignForm body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return CampaignJson.of(campaigns.update(id, body.parseChange()));
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

    @POST
    @Path("{id}/schedule")
    public CampaignJson schedule(@PathParam("id") long id) {
        return CampaignJson.of(campaigns.schedule(id));
    }

    @POST
    @Path("{id}/pause")
    public CampaignJson pause(@PathParam("id") long id) {
        return CampaignJson.of(campaigns.pause(id));
    }

    @POST
    @Path("{id}/resume")
    public CampaignJson resume(@PathParam("id") long id) {
        return CampaignJson.of(campaigns.resume(id));
    }

    @POST
    @Path("{id}/cancel")
    public CampaignJson cancel(@PathParam("id") long id) {
        return CampaignJson.of(campaigns.cancel(id));
    }
}
