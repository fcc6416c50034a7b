package org.npsloop.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.dashboard.Overview;
import org.npsloop.reporting.dashboard.OverviewService;

/** The dashboard's live figures as JSON, for any signed-in role. */
@RequestScoped
@Path("overview")
@RolesAllowed({Role.ADMIN_NAME, Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    @Inject
    private OverviewService overviews;

    public record OverviewJson(long contacts, long mailingLists, long campaigns,
            Map<CampaignStatus, Long> campaignsByStatus, long responses, Double nps, Double marginOfError,
            long promoters, long passives, long detractors) {
    }

    @GET
    public OverviewJson get() {
        Overview overview = overviews.current();
        NpsResult nps = overview.nps();
        return new OverviewJson(overview.contacts(), overview.mailingLists(), overview.campaigns(),
                overview.campaignsByStatus(), overview.responses(), nps.score().orElse(null),
                nps.marginOfError().orElse(null), nps.promoters(), nps.passives(), nps.detractors());
    }
}
