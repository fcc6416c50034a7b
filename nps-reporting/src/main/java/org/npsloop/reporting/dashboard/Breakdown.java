package org.npsloop.reporting.dashboard;

import java.util.List;
import org.npsloop.domain.nps.NpsResult;

/**
 * NPS side by side for each value of one dimension, highest NPS first; groups too small to conclude
 * anything ({@link NpsResult#isConclusive()}) come after the conclusive ones.
 */
public record Breakdown(Dimension dimension, String attribute, List<Row> rows) {

    public enum Dimension { JOURNEY_MOMENT, CAMPAIGN, ATTRIBUTE, LANGUAGE, CHANNEL }

    public Breakdown {
        rows = List.copyOf(rows);
    }

    /** @param key the value filtered on (campaign id, moment, attribute value...), null for "none" */
    public record Row(String key, String label, NpsResult nps) {
    }
}
