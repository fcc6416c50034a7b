package org.npsloop.domain.segment;

import java.util.List;

/**
 * Rules combined with AND ({@link Match#ALL}) or OR ({@link Match#ANY}); groups nest. An empty group,
 * whatever its match, selects every contact: a segment being built starts out as "everyone".
 */
public record Group(Match match, List<SegmentRule> rules) implements SegmentRule {

    public Group {
        RuleChecks.require(match, "segment.group.match");
        RuleChecks.require(rules, "segment.group.rules");
        for (SegmentRule rule : rules) {
            RuleChecks.require(rule, "segment.group.emptyRule");
        }
        rules = List.copyOf(rules);
    }

    public static Group all(SegmentRule... rules) {
        return new Group(Match.ALL, List.of(rules));
    }

    public static Group any(SegmentRule... rules) {
        return new Group(Match.ANY, List.of(rules));
    }
}
