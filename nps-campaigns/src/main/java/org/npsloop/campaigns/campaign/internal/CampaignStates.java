package org.npsloop.campaigns.campaign.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.npsloop.domain.campaign.CampaignStatus;
import org.npsloop.domain.campaign.CampaignStatus.Transition;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * The dispatch's moves of campaigns between statuses, the only {@code UPDATE campaign SET status} of the
 * application (the marketer's moves go through the {@code Campaign} entity). Each is a compare-and-set: its
 * WHERE clause states the from-statuses of its {@link Transition}, read from {@link CampaignStatus}'s table, so
 * that of several instances (or an instance and a marketer) racing for one campaign exactly one moves it, and
 * the others learn that they lost. Each adds one to {@code version}, so that an entity read before the move fails
 * its optimistic lock rather than writing an older status back.
 *
 * <p>Plain JDBC on the caller's connection, in the caller's transaction: this class neither commits nor
 * changes the connection's settings.
 */
final class CampaignStates {

    /** Nothing of the campaign is waiting to be sent, or being sent. */
    private static final String NOTHING_LEFT = "NOT EXISTS (SELECT 1 FROM invitation i WHERE i.campaign_id = campaign.id "
            + "AND i.status IN ('PENDING', 'CLAIMED'))";
    private static final String SURVEY_CLOSED = "EXISTS (SELECT 1 FROM survey s WHERE s.id = campaign.survey_id "
            + "AND s.closes_at <= ?)";

    private final Connection connection;

    CampaignStates(Connection connection) {
        this.connection = connection;
    }

    /**
     * A due campaign starts its next wave (a journey campaign starts listening): SCHEDULED to SENDING, and
     * {@code last_wave} counts the wave.
     *
     * @return true when this caller started it, false when another did first or it is no longer scheduled
     */
    boolean startWave(long campaignId, Instant now) throws SQLException {
        return update(Transition.START_WAVE, "last_wave = last_wave + 1, ", "id = ?", now, campaignId) == 1;
    }

    /** Reminders were planned for a campaign that was done or waiting for its next wave: it sends again. */
    boolean sendReminders(long campaignId, Instant now) throws SQLException {
        return update(Transition.SEND_REMINDERS, "", "id = ?", now, campaignId) == 1;
    }

    /** Too many of its messages failed: the campaign pauses itself, telling the marketer why. */
    boolean autoPause(long campaignId, String reason, Instant now) throws SQLException {
        return update(Transition.AUTO_PAUSE, "paused_reason = ?, ", "id = ?", reason, now, campaignId) == 1;
    }

    /**
     * Every sending campaign with nothing left to send that will send no more is done: a one-off campaign,
     * or any campaign whose survey has closed.
     *
     * @return how many campaigns this caller moved
     */
    int finish(Instant now) throws SQLException {
        return update(Transition.FINISH, "", NOTHING_LEFT + " AND (kind = 'ONE_OFF' OR " + SURVEY_CLOSED + ")", now, now);
    }

    /** Every recurring campaign whose wave has nothing left to send waits for its next wave. */
    int waitForNextWave(Instant now) throws SQLException {
        return update(Transition.WAIT_FOR_NEXT_WAVE, "", "kind = 'RECURRING' AND " + NOTHING_LEFT, now);
    }

    /** Every campaign waiting for its next wave (it sent at least one) whose survey closed is done. */
    int close(Instant now) throws SQLException {
        return update(Transition.CLOSE, "", "last_wave > 0 AND " + SURVEY_CLOSED, now, now);
    }

    /**
     * Not a move: a sending journey campaign's events due in (since, until] are judged by the caller alone.
     *
     * @return false when another caller claimed them first or the campaign no longer sends
     */
    boolean claimJourneyEvents(long campaignId, Instant since, Instant until) throws SQLException {
        return Jdbc.update(connection, "UPDATE campaign SET triggered_until = ?, version = version + 1 WHERE id = ? AND status = '"
                + CampaignStatus.SENDING + "' AND triggered_until = ?", until, campaignId, since) == 1;
    }

    /** The WHERE clause's status condition of a transition: the from-statuses of the table, nothing else. */
    static String fromStatuses(Transition transition) {
        return transition.from().size() == 1
                ? "status = '" + transition.from().iterator().next() + "'"
                : transition.from().stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "status IN (", ")"));
    }

    /** Parameters: those of {@code set}, then {@code updated_at}, then those of {@code where}. */
    private int update(Transition transition, String set, String where, Object... parameters) throws SQLException {
        return Jdbc.update(connection, "UPDATE campaign SET status = '" + transition.to() + "', " + set + "updated_at = ?, "
                + "version = version + 1 WHERE " + fromStatuses(transition) + " AND " + where, parameters);
    }

}
