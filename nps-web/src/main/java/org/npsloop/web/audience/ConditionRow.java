package org.npsloop.web.audience;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.segment.AttributeCondition;
import org.npsloop.domain.segment.ContactField;
import org.npsloop.domain.segment.EventCondition;
import org.npsloop.domain.segment.EventOccurrence;
import org.npsloop.domain.segment.FieldCondition;
import org.npsloop.domain.segment.ListMembership;
import org.npsloop.domain.segment.Operator;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SurveyCondition;
import org.npsloop.domain.segment.SurveyHistory;

/**
 * One condition of the segment editor as the marketer fills it in. The inputs of every kind are
 * kept, so that switching the kind back and forth loses nothing; only those the chosen kind shows
 * make the rule, so a hidden leftover (days of another operator...) never invalidates it.
 */
public class ConditionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the condition tests; nested groups are left to the JSON editor. */
    public enum Kind { ATTRIBUTE, FIELD, LIST, EVENT, SURVEY }

    private Kind kind;
    private String attribute;
    private ContactField field = ContactField.EMAIL;
    private Operator operator;
    /** As typed: one value, or several separated by commas for IN. */
    private String values;
    private Integer days;
    private Long listId;
    private boolean member = true;
    private String eventType = "";
    private EventOccurrence occurrence = EventOccurrence.EVER;
    private SurveyCondition condition = SurveyCondition.LAST_CATEGORY;
    private NpsCategory category = NpsCategory.PROMOTER;
    /** Why the row makes no rule, from the last rebuild; null when it does. */
    private String error;

    public ConditionRow(Kind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The row showing a condition; empty for a group, which rows cannot show. */
    static Optional<ConditionRow> of(SegmentRule rule) {
        ConditionRow row;
        if (rule instanceof AttributeCondition c) {
            row = new ConditionRow(Kind.ATTRIBUTE);
            row.attribute = c.attribute();
            row.operands(c.operator(), c.values(), c.days());
        } else if (rule instanceof FieldCondition c) {
            row = new ConditionRow(Kind.FIELD);
            row.field = c.field();
            row.operands(c.operator(), c.values(), c.days());
        } else if (rule instanceof ListMembership m) {
            row = new ConditionRow(Kind.LIST);
            row.listId = m.listId();
            row.member = m.member();
        } else if (rule instanceof EventCondition e) {
            row = new ConditionRow(Kind.EVENT);
            row.eventType = e.eventType();
            row.occurrence = e.occurrence();
            row.days = e.days();
        } else if (rule instanceof SurveyHistory h) {
            row = new ConditionRow(Kind.SURVEY);
            row.condition = h.condition();
            row.category = h.category() == null ? row.category : h.category();
            row.days = h.days();
        } else {
            return Optional.empty();
        }
        return Optional.of(row);
    }

    private void operands(Operator op, List<String> vals, Integer d) {
        operator = op;
        values = vals.isEmpty() ? null : String.join(", ", vals);
        days = d;
    }

    /** The operators that suit the chosen field, or the type of the chosen attribute. */
    List<Operator> operators(Map<String, AttributeType> attributeTypes) {
        return switch (kind) {
            case FIELD -> List.copyOf(field.operators());
            case ATTRIBUTE -> {
                AttributeType type = attribute == null ? null : attributeTypes.get(attribute);
                yield type == null ? List.of() : Arrays.stream(Operator.values()).filter(o -> o.appliesTo(type)).toList();
            }
            default -> List.of();
        };
    }

    /**
     * Replaces a choice that the options no longer offer (the operator after the attribute changed,
     * no attribute or list yet after the kind changed) by the first option: a select must hold one
     * of its options, or the next submit is refused.
     *
     * @return false when something was replaced, i.e. the row did not show its condition as it was
     */
    boolean fit(Map<String, AttributeType> attributeTypes, Collection<Long> listIds) {
        boolean unchanged = true;
        if (kind == Kind.ATTRIBUTE && (attribute == null || !attributeTypes.containsKey(attribute))) {
            attribute = attributeTypes.keySet().stream().findFirst().orElse(null);
            unchanged = false;
        }
        if (kind == Kind.LIST && (listId == null || !listIds.contains(listId))) {
            listId = listIds.stream().findFirst().orElse(null);
            unchanged = false;
        }
        List<Operator> allowed = operators(attributeTypes);
        if (!allowed.isEmpty() && (operator == null || !allowed.contains(operator))) {
            operator = allowed.get(0);
            unchanged = false;
        }
        return unchanged;
    }

    /**
     * The condition the row shows.
     *
     * @throws IllegalArgumentException with the rule's own wording when the row is incomplete or wrong
     */
    SegmentRule toRule(Map<String, AttributeType> attributeTypes) {
        Integer shownDays = isTakesDays() ? days : null;
        return switch (kind) {
            case ATTRIBUTE -> {
                AttributeCondition rule = new AttributeCondition(attribute, operator, valueList(), shownDays);
                checkValues(rule, attributeTypes.get(rule.attribute()));
                yield rule;
            }
            case FIELD -> new FieldCondition(field, operator, valueList(), shownDays);
            case LIST -> new ListMembership(listId == null ? 0 : listId, member);
            case EVENT -> new EventCondition(eventType, occurrence, shownDays);
            case SURVEY -> new SurveyHistory(condition, isTakesCategory() ? category : null, shownDays);
        };
    }

    private List<String> valueList() {
        if (!isTakesValues() || values == null || values.isBlank()) {
            return List.of();
        }
        if (operator.takesSeveralValues()) {
            return Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
        return List.of(values);
    }

    /**
     * The database check would refuse a value of the wrong type too, but for the whole rule: checked
     * here, the message shows next to the row it concerns. Same wording as the translator's.
     */
    private static void checkValues(AttributeCondition rule, AttributeType type) {
        if (type == null) {
            return;
        }
        for (String value : rule.values()) {
            try {
                type.parse(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("rule.at", rule.attribute(), InvalidValueException.reasonOf(e));
            }
        }
    }

    public boolean isTakesValues() {
        return (kind == Kind.ATTRIBUTE || kind == Kind.FIELD) && operator != null && operator.takesValues();
    }

    public boolean isTakesSeveralValues() {
        return isTakesValues() && operator.takesSeveralValues();
    }

    public boolean isTakesDays() {
        return switch (kind) {
            case ATTRIBUTE, FIELD -> operator != null && operator.takesDays();
            case EVENT -> occurrence == EventOccurrence.WITHIN_LAST_DAYS;
            case SURVEY -> condition != SurveyCondition.NEVER_SURVEYED;
            case LIST -> false;
        };
    }

    /** Only the last answer's category may be limited to recent answers, or not. */
    public boolean isDaysOptional() {
        return isTakesCategory();
    }

    public boolean isTakesCategory() {
        return kind == Kind.SURVEY && condition == SurveyCondition.LAST_CATEGORY;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public String getAttribute() {
        return attribute;
    }

    public void setAttribute(String attribute) {
        this.attribute = attribute;
    }

    public ContactField getField() {
        return field;
    }

    public void setField(ContactField field) {
        this.field = field;
    }

    public Operator getOperator() {
        return operator;
    }

    public void setOperator(Operator operator) {
        this.operator = operator;
    }

    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = values;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public Long getListId() {
        return listId;
    }

    public void setListId(Long listId) {
        this.listId = listId;
    }

    public boolean isMember() {
        return member;
    }

    public void setMember(boolean member) {
        this.member = member;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public EventOccurrence getOccurrence() {
        return occurrence;
    }

    public void setOccurrence(EventOccurrence occurrence) {
        this.occurrence = occurrence;
    }

    public SurveyCondition getCondition() {
        return condition;
    }

    public void setCondition(SurveyCondition condition) {
        this.condition = condition;
    }

    public NpsCategory getCategory() {
        return category;
    }

    public void setCategory(NpsCategory category) {
        this.category = category;
    }

    public String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error;
    }
}
