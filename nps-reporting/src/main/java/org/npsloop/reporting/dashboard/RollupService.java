package org.npsloop.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The report rollups (PostgreSQL only): counts per day kept by a worker so that reports read thousands of rows, not
 * millions, and the check that they equal the live figures.
 */
public interface RollupService {

    /**
     * @param supported false on H2, where reports always read the raw tables
     * @param zone the zone the rollups are (being) built for; null before the first build
     * @param building true while a build runs: reports read the raw tables meanwhile
     * @param builtTo while building, the days before it are built
     * @param buildEnd while building, the last day it will build
     * @param mismatches partitions (campaign, day) where the last check found the rollups differing from the live
     *        figures (then marked for recomputation); null before the first check
     * @param dirtyRows changes not folded yet (reports read their partitions live)
     */
    record State(boolean supported, String zone, boolean building, LocalDate builtTo, LocalDate buildEnd, Instant builtAt,
            Instant checkedAt, Integer mismatches, long dirtyRows) {
    }

    State state();

    /**
     * The segment's materialised membership, when its reports read it (PostgreSQL, rollups read and built, members
     * computed for the segment's current rule): they then count the contacts its rule selected at {@code asOf}.
     * Empty when its reports evaluate the rule at each request.
     */
    Optional<SegmentMembers> segmentMembers(long segmentId);

    /** Asks the worker to recompute the segment's members and rollups at its next round (no-op when not materialised). */
    void refreshSegment(long segmentId);

    /** @param refreshRequested a refresh was asked for and has not run yet */
    record SegmentMembers(Instant asOf, long members, boolean refreshRequested) {
    }

    /** Compares every rollup row with the live figures now (one statement), marks the differing partitions. */
    State check();
}
