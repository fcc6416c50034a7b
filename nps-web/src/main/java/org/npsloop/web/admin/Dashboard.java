package org.npsloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.reporting.Overview;
import org.npsloop.reporting.OverviewService;

/** The landing page: live counts straight from the database. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    private OverviewService overviews;

    private Overview overview;

    public Overview getOverview() {
        if (overview == null) {
            overview = overviews.current();
        }
        return overview;
    }

    /** NPS rounded to a whole point, or null when nobody answered yet. */
    public Long getNps() {
        return getOverview().nps().score().map(Math::round).orElse(null);
    }

    public record CategoryRow(NpsCategory category, long count, double percent) {
    }

    public List<CategoryRow> getCategories() {
        NpsResult nps = getOverview().nps();
        return List.of(new CategoryRow(NpsCategory.PROMOTER, nps.promoters(), nps.promoterPercent()),
                new CategoryRow(NpsCategory.PASSIVE, nps.passives(), nps.passivePercent()),
                new CategoryRow(NpsCategory.DETRACTOR, nps.detractors(), nps.detractorPercent()));
    }

    public List<Map.Entry<CampaignStatus, Long>> getCampaignsByStatus() {
        return List.copyOf(getOverview().campaignsByStatus().entrySet());
    }

    public int getMinConclusive() {
        return NpsResult.MIN_CONCLUSIVE_RESPONSES;
    }

    /** In points, to one decimal. */
    public Double getMarginOfError() {
        return getOverview().nps().marginOfError().map(moe -> Math.round(moe * 10) / 10.0).orElse(null);
    }
}
