package org.npsloop.platform.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * The new and changed rows of the {@code response} table, for a consumer that reads that table itself
 * rather than being called by its writers (respondent pages, phone entry, imports: any writer is covered).
 * The consumer keeps its position, a {@code response.updated_at}, in a row of its own ({@link Position});
 * each read looks again at the last {@code lag} before it, because a transaction that set an earlier
 * updated_at may commit after one that set a later one, and skips what the consumer already handled (its
 * own condition, e.g. "no delivery for this version"). Rows come in (updated_at, id) order, {@code max}
 * at a time.
 *
 * <p>Crash safety: the consumer handles a batch, then {@link #advance}s the position. Dying in between
 * moves nothing; the next read finds the rows again and the consumer's condition skips the handled
 * ones. Several instances: the position only moves forward ({@code UPDATE ... WHERE position < ?}), and
 * the consumer's unique constraint (or lease) makes two of them handle each version once.
 *
 * <p>A position ahead of the clock (written by an instance whose clock ran ahead, then set right) would
 * skip every change until then: reads start from now instead, and the next advance brings it back.
 *
 * <p>What the feed cannot see, by design: a row written with an updated_at already older than the lag
 * (a phone answer stores when it was given); consumers that must not miss those also sweep by id
 * above a floor {@link #ID_MARGIN} below the newest id.
 */
public final class ResponseFeed {

    /**
     * Instances take ids in blocks of 50 and may still write ids from a block taken long ago: a scan of
     * "recent" ids looks this far below the newest, with room to spare.
     */
    public static final long ID_MARGIN = 5_000;

    /** Where a consumer keeps its position: a timestamp column of one row, e.g. webhook_endpoint.scanned_to WHERE id = 1. */
    public record Position(String table, String column, String row) {
        public Position {
            Objects.requireNonNull(table);
            Objects.requireNonNull(column);
            Objects.requireNonNull(row);
        }
    }

    /** One read: the rows, and where the position goes once the consumer has handled them. */
    public record Batch<T>(List<T> rows, Instant stored, Instant to) {

        /** As many rows as asked for: more may follow. */
        public boolean full(int max) {
            return rows.size() >= Math.max(1, max);
        }
    }

    /** Maps the current row; the feed's own column comes after the consumer's. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Position position;
    private final String columns;
    private final String joins;
    private final String unhandled;

    /**
     * @param columns the consumer's select list over {@code response r} and its joins
     * @param joins joined tables ("LEFT JOIN contact c ON c.id = r.contact_id"), or ""
     * @param unhandled the condition of a row version the consumer has not handled yet; may hold
     *        parameters, given to {@link #next}
     */
    public ResponseFeed(Position position, String columns, String joins, String unhandled) {
        this.position = Objects.requireNonNull(position);
        this.columns = Objects.requireNonNull(columns);
        this.joins = Objects.requireNonNull(joins);
        this.unhandled = Objects.requireNonNull(unhandled);
    }

    /** The stored position; null when there is none yet (the row's column is NULL, or no row). */
    public Instant position(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + position.column() + " FROM " + position.table() + " WHERE " + position.row());
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? Jdbc.instant(rs, 1) : null;
        }
    }

    /**
     * The next rows changed since the position (minus the lag) the consumer has not handled, at most
     * {@code max}, oldest change first. Without a position, or with one ahead of {@code now}, from now.
     */
    public <T> Batch<T> next(Connection connection, Duration lag, Instant now, int max, RowMapper<T> mapper,
            Object... unhandledParameters) throws SQLException {
        Instant stored = position(connection);
        Instant from = stored == null || stored.isAfter(now) ? now : stored;
        List<T> rows = new ArrayList<>();
        Instant newest = from;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + ", r.updated_at FROM response r "
                + joins + " WHERE r.updated_at > ? AND (" + unhandled + ") ORDER BY r.updated_at, r.id FETCH FIRST "
                + Math.max(1, max) + " ROWS ONLY")) {
            Object[] parameters = new Object[unhandledParameters.length + 1];
            parameters[0] = from.minus(lag);
            System.arraycopy(unhandledParameters, 0, parameters, 1, unhandledParameters.length);
            Jdbc.bind(select, parameters);
            try (ResultSet rs = select.executeQuery()) {
                int updatedAt = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                    Instant changed = Jdbc.instant(rs, updatedAt);
                    if (changed.isAfter(newest)) {
                        newest = changed;
                    }
                }
            }
        }
        return new Batch<>(rows, stored, newest);
    }

    /**
     * Moves the position to the end of a batch the consumer has handled: forward only (another instance
     * may have moved it further), or back to now from ahead of the clock.
     *
     * @return true when the stored position changed
     */
    public boolean advance(Connection connection, Batch<?> batch, Instant now) throws SQLException {
        if (batch.stored() != null && !batch.to().isAfter(batch.stored()) && !batch.stored().isAfter(now)) {
            return false;
        }
        String column = position.column();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + position.table() + " SET " + column
                + " = ? WHERE " + position.row() + " AND (" + column + " IS NULL OR " + column + " < ? OR " + column
                + " > ?)")) {
            Jdbc.bind(update, batch.to(), batch.to(), now);
            return update.executeUpdate() == 1;
        }
    }

    /** The id above which a sweep of recent ids looks, {@link #ID_MARGIN} below the newest. */
    public static long recentIdFloor(long newestId) {
        return Math.max(0, newestId - ID_MARGIN);
    }
}
