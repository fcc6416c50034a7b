package org.npsloop.web.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.reporting.dashboard.RollupService;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Messages;

/**
 * Beside the reports' segment filter: when the figures count the segment's materialised members, as of when, and a
 * button to recompute them now (the worker does it within its next rounds).
 */
@Named
@RequestScoped
public class SegmentFreshness {

    @Inject
    private RollupService rollups;

    private final Map<Long, Optional<RollupService.SegmentMembers>> read = new HashMap<>();

    /** The segment's members when its reports count them as of an instant; null when they evaluate its rule live. */
    public RollupService.SegmentMembers of(Long segmentId) {
        if (segmentId == null) {
            return null;
        }
        return read.computeIfAbsent(segmentId, id -> {
            try {
                return rollups.segmentMembers(id);
            } catch (NotFoundException e) {
                return Optional.empty(); // the filter names it on its field
            }
        }).orElse(null);
    }

    public void refresh(Long segmentId) {
        if (segmentId != null) {
            rollups.refreshSegment(segmentId);
            read.remove(segmentId);
            Messages.addGlobalInfo(UiTexts.page("reports.segment.refreshRequested"));
        }
    }
}
