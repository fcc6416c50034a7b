package org.npsloop.web.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.dashboard.AnnotationService;
import org.npsloop.reporting.dashboard.Dashboard.TrendPoint;
import org.npsloop.reporting.dashboard.Onboarding;
import org.npsloop.reporting.dashboard.Overview;
import org.npsloop.reporting.dashboard.OverviewService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.npsloop.web.ui.ReportDays;

/**
 * The landing page: live counts straight from the database, the first-steps checklist of the user's roles,
 * and two charts (the NPS trend of the last twelve months, the answers of the last 30 days) from the reports'
 * own queries and {@link ChartJson}.
 */
@Named
@RequestScoped
public class Dashboard {

    /** Months of the home page's NPS trend, the current one included. */
    static final int TREND_MONTHS = 12;
    /** Days of the answers-per-day chart, today included. */
    static final int ANSWER_DAYS = 30;

    @Inject
    private OverviewService overviews;

    @Inject
    private ReportService reports;

    @Inject
    private ReportDays days;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AnnotationService annotations;

    private Overview overview;
    private Onboarding onboarding;
    private org.npsloop.reporting.dashboard.Dashboard year;
    private List<TrendPoint> recentDays;

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

    /** The steps the signed-in user's roles take, each ticked off from what the database holds. */
    public Onboarding getOnboarding() {
        if (onboarding == null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (currentUser.isAdmin()) {
                roles.add(Role.ADMIN);
            }
            if (currentUser.isMarketer()) {
                roles.add(Role.MARKETER);
            }
            if (currentUser.isExecutive()) {
                roles.add(Role.EXECUTIVE);
            }
            onboarding = Onboarding.of(overviews.onboardingFacts(), roles);
        }
        return onboarding;
    }

    /**
     * Where a step is taken, for this user: answers are read in Responses by a marketer and in Reports by an
     * executive (who cannot open Responses).
     */
    public String link(Onboarding.Step step) {
        return switch (step) {
            case ADD_MARKETER, ADD_EXECUTIVE -> "/admin/users.xhtml";
            case IMPORT_CONTACTS -> "/audience/import.xhtml";
            case CREATE_SURVEY, SEND_TEST -> "/campaigns/surveys.xhtml";
            case LAUNCH_CAMPAIGN -> "/campaigns/index.xhtml";
            case SEE_ANSWERS -> currentUser.isMarketer() ? "/responses/index.xhtml" : "/reports/index.xhtml";
            case PUBLISH_SYNTHESIS -> "/publications/index.xhtml";
        };
    }

    /** The last twelve months (the current one so far), by month. */
    public org.npsloop.reporting.dashboard.Dashboard getYear() {
        if (year == null) {
            LocalDate today = days.today();
            year = reports.dashboard(ReportFilter.period(today.minusMonths(TREND_MONTHS - 1L).withDayOfMonth(1), today),
                    TrendGranularity.MONTH);
        }
        return year;
    }

    /** The last 30 days, today included, a point a day. */
    public List<TrendPoint> getRecentDays() {
        if (recentDays == null) {
            LocalDate today = days.today();
            recentDays = reports.daily(ReportFilter.period(today.minusDays(ANSWER_DAYS - 1L), today));
        }
        return recentDays;
    }

    public boolean isRecentAnswers() {
        return getRecentDays().stream().anyMatch(day -> day.nps().hasResponses());
    }

    /** The NPS of each month with its 95% band and the notes, as the reports page draws it. */
    public String getTrendChart() {
        ReportFilter filter = getYear().filter();
        return ChartJson.trend(getYear().trend(), annotations.between(filter.from(), filter.to()), text("reports.nps"),
                text("reports.trend.upper"), text("reports.trend.lower"), text("reports.notes"));
    }

    public String getAnswersChart() {
        return ChartJson.answersPerDay(getRecentDays(), text("category.DETRACTOR"), text("category.PASSIVE"),
                text("category.PROMOTER"));
    }

    public int getTrendMonths() {
        return TREND_MONTHS;
    }

    public int getAnswerDays() {
        return ANSWER_DAYS;
    }

    private static String text(String key) {
        return Faces.getResourceBundle("msg").getString(key);
    }
}
