package org.npsloop.reporting.themes.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.npsloop.domain.schema.Database;

/**
 * Each step of the background matching in its own short transaction (REQUIRES_NEW), called from the
 * worker's scheduled thread: a failed step rolls back alone and is simply tried again next round.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ThemeMatchingSteps {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    public boolean claim(String worker, Instant now, Duration lease) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return new ThemeMatchingStore(db).claim(worker, now, lease);
        }
    }

    public int matchChanged(Duration lag, Instant now, int max) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return new ThemeMatchingStore(db).matchChanged(lag, now, max);
        }
    }

    public Long matchUnmatched(long afterId, Instant now, int max) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return new ThemeMatchingStore(db).matchUnmatched(afterId, now, max);
        }
    }

    public long maxResponseId() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return new ThemeMatchingStore(db).maxResponseId();
        }
    }

    public int rematchStep(Instant now, int max) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return new ThemeMatchingStore(db).rematchStep(now, max);
        }
    }
}
