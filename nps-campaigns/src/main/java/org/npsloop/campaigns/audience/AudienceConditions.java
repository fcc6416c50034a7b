package org.npsloop.campaigns.audience;

import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SqlCondition;

/** Segment rules as SQL over {@code contact c}: how a campaign selects its audience in the database. */
public interface AudienceConditions {

    /** The condition a contact row must meet to match the rule (custom attributes resolved). */
    SqlCondition condition(SegmentRule rule);
}
