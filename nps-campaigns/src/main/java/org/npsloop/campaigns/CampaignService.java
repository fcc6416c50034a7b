package org.npsloop.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-off campaigns: a survey sent to a list or a segment, now or at a time. Draft, scheduled,
 * sending, done, paused or cancelled: every state is stored, so it survives restarts.
 */
public interface CampaignService {

    record NewCampaign(String name, Long surveyId, Long listId, Long segmentId, Instant sendAt, String timeZone,
            Integer fatigueDays) {
    }

    record CampaignView(long id, String name, long surveyId, String kind, String status, Long listId, Long segmentId,
            Instant scheduledAt, Integer fatigueDays, String pausedReason) {
    }

    /** Where a campaign stands: recipients by state, and the audience left out by reason. */
    record Progress(long recipients, long sent, long failed, long pending, Map<String, Integer> excluded, long responses) {
    }

    List<CampaignView> list();

    Optional<CampaignView> find(long id);

    Progress progress(long id);

    CampaignView create(NewCampaign campaign);

    /** Draft to scheduled: it starts at its send time (or at once), on whichever instance gets there first. */
    CampaignView schedule(long id);

    CampaignView pause(long id);

    CampaignView resume(long id);

    /** No more invitations go out; those not yet sent are skipped. */
    CampaignView cancel(long id);
}
