package org.npsloop.domain.segment;

/**
 * One rule of a segment: a condition on a contact, or a group combining rules. Sealed so that the
 * JSON codec and the SQL translator are known to handle every kind.
 */
public sealed interface SegmentRule
        permits Group, AttributeCondition, FieldCondition, ListMembership, EventCondition, SurveyHistory {
}
