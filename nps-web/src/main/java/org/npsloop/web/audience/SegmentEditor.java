package org.npsloop.web.audience;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.npsloop.campaigns.audience.AttributeService;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.campaigns.audience.MailingListService.ListView;
import org.npsloop.campaigns.audience.SegmentService;
import org.npsloop.campaigns.audience.SegmentService.Preview;
import org.npsloop.campaigns.audience.SegmentService.SegmentView;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.segment.ContactField;
import org.npsloop.domain.segment.EventOccurrence;
import org.npsloop.domain.segment.Group;
import org.npsloop.domain.segment.Match;
import org.npsloop.domain.segment.Operator;
import org.npsloop.domain.segment.SegmentJson;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SurveyCondition;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.audience.ConditionRow.Kind;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;

/**
 * The segment editor: saved segments, and one segment edited as rows of conditions (or as JSON for
 * nested groups), counted by the database after every change.
 */
@Named
@ViewScoped
public class SegmentEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Offered while typing; any other event type may be typed. */
    private static final List<String> EVENT_TYPES = List.of("ONBOARDING", "PURCHASE", "RENEWAL", "SUPPORT_CLOSED");

    @Inject
    private SegmentService segments;

    @Inject
    private AttributeService attributeService;

    @Inject
    private MailingListService listService;

    /** Defined attributes by name, in name order: what attribute rows offer. */
    private final Map<String, AttributeType> attributeTypes = new LinkedHashMap<>();
    private List<ListView> lists;
    private List<SegmentView> saved;
    private HashMap<Long, Long> sizes;

    private Long id;
    private String name;
    private String description;
    private Match match = Match.ALL;
    private final List<ConditionRow> rows = new ArrayList<>();
    private boolean advanced;
    private String json;

    /** The count of the last valid rule, kept while the rule being edited is not valid. */
    private Preview preview;
    private boolean valid;
    /** Why the rule as a whole cannot be counted (JSON, or the database's checks); null otherwise. */
    private String ruleError;

    @PostConstruct
    void init() {
        attributeService.list().forEach(a -> attributeTypes.put(a.name(), a.type()));
        lists = listService.list();
    }

    /** On opening the page: the segment of {@code ?id=}, else a new one, which selects everyone. */
    public void open() {
        String param = Faces.getRequestParameter("id");
        if (param != null) {
            Optional<SegmentView> segment = parseId(param).flatMap(segments::find);
            if (segment.isEmpty()) {
                Faces.responseSendError(404, "No such segment");
                return;
            }
            load(segment.get());
        }
        refresh();
    }

    private void load(SegmentView segment) {
        id = segment.id();
        name = segment.name();
        description = segment.description();
        advanced = !showInRows(SegmentJson.fromJson(segment.definition()));
        json = advanced ? pretty(segment.definition()) : null;
    }

    /**
     * Shows a rule as rows when they show it faithfully: a group (or a single condition) of
     * conditions whose attributes and lists the rows offer. Changes nothing and returns false otherwise.
     */
    private boolean showInRows(SegmentRule rule) {
        Group group = rule instanceof Group g ? g : Group.all(rule);
        List<ConditionRow> shown = new ArrayList<>();
        for (SegmentRule condition : group.rules()) {
            Optional<ConditionRow> row = ConditionRow.of(condition).filter(r -> r.fit(attributeTypes, listIds()));
            if (row.isEmpty()) {
                return false;
            }
            shown.add(row.get());
        }
        match = group.match();
        rows.clear();
        rows.addAll(shown);
        return true;
    }

    /** After every change: rebuilds the rule and counts it, or says why it cannot be counted yet. */
    public void refresh() {
        ruleError = null;
        String definition = definition();
        valid = definition != null;
        if (valid) {
            try {
                preview = segments.preview(definition);
            } catch (InvalidInputException e) {
                valid = false;
                ruleError = e.errors().stream().map(FieldError::message).collect(Collectors.joining("; "));
            }
        }
    }

    /** The JSON of the rule being edited; null when a row is not valid, each such row then saying why. */
    private String definition() {
        if (advanced) {
            return json; // parsed and checked by the service, whose message names the JSON path
        }
        List<SegmentRule> rules = new ArrayList<>();
        boolean complete = true;
        for (ConditionRow row : rows) {
            row.fit(attributeTypes, listIds()); // a changed kind, attribute or field may have left a stale choice
            try {
                rules.add(row.toRule(attributeTypes));
                row.setError(null);
            } catch (IllegalArgumentException e) {
                row.setError(UiTexts.text(e));
                complete = false;
            }
        }
        return complete ? SegmentJson.toJson(new Group(match, rules)) : null;
    }

    public void addRow() {
        rows.add(new ConditionRow(attributeTypes.isEmpty() ? Kind.FIELD : Kind.ATTRIBUTE));
        refresh();
    }

    /** By position: a second click on the same button, already handled, finds nothing to remove. */
    public void removeRow(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        refresh();
    }

    /** Rows to JSON always works for a valid rule; back to rows only when they can show the JSON. */
    public void toggleAdvanced() {
        if (advanced) {
            SegmentRule rule;
            try {
                rule = SegmentJson.fromJson(json);
            } catch (IllegalArgumentException e) {
                ruleError = UiTexts.text(e);
                return;
            }
            if (!showInRows(rule)) {
                Messages.addGlobalWarn(text("segments.error.notInRows"));
                return;
            }
            advanced = false;
        } else {
            String definition = definition();
            if (definition == null) {
                Messages.addGlobalError(text("segments.error.invalidRows"));
                return;
            }
            json = pretty(definition);
            advanced = true;
        }
        refresh();
    }

    /** Creates (then reopens the page on the new id, so that reloading shows it) or updates. */
    public String save() {
        String definition = definition();
        if (definition == null) {
            Messages.addGlobalError(text("segments.error.invalidRows"));
            return null;
        }
        try {
            SegmentView segment = segments.save(id, name, description, definition);
            saved = null;
            if (id == null) {
                Messages.addFlashGlobalInfo(text("segments.created", segment.name()));
                return "/audience/segments?faces-redirect=true&id=" + segment.id();
            }
            Messages.addGlobalInfo(text("segments.saved", segment.name()));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> {
                if ("name".equals(error.field())) {
                    Messages.addError("segment:name", UiTexts.text(error));
                } else {
                    Messages.addGlobalError(UiTexts.text(error));
                }
            });
        }
        return null;
    }

    /** Deleting the segment being edited leaves its rule in the editor, to be saved anew if wanted. */
    public void delete(SegmentView segment) {
        try {
            segments.delete(segment.id());
        } catch (NoSuchElementException e) {
            // already deleted elsewhere: the refreshed list shows it is gone
        }
        if (Objects.equals(id, segment.id())) {
            id = null;
        }
        saved = null;
        Messages.addGlobalInfo(text("segments.deleted", segment.name()));
    }

    private List<Long> listIds() {
        return lists.stream().map(ListView::id).toList();
    }

    private static Optional<Long> parseId(String param) {
        try {
            return Optional.of(Long.valueOf(param));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Indented, to read and edit in the textarea (the stored form is on one line). */
    private static String pretty(String definition) {
        StringWriter out = new StringWriter();
        try (JsonReader reader = Json.createReader(new StringReader(definition));
                JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(reader.readValue());
        }
        return out.toString().strip();
    }

    private static String text(String key, Object... args) {
        return UiTexts.page(key, args);
    }

    public List<SegmentView> getSaved() {
        if (saved == null) {
            saved = segments.list();
            sizes = null;
        }
        return saved;
    }

    /** How many contacts the saved segment holds now (all of them from one query); null when its rule no longer applies. */
    public Long sizeOf(SegmentView segment) {
        if (sizes == null) {
            sizes = new HashMap<>(segments.sizes());
        }
        return sizes.get(segment.id());
    }

    /** Attribute and list conditions only when there is something to choose. */
    public List<Kind> getKinds() {
        return Arrays.stream(Kind.values())
                .filter(k -> k != Kind.ATTRIBUTE || !attributeTypes.isEmpty())
                .filter(k -> k != Kind.LIST || !lists.isEmpty())
                .toList();
    }

    /** Attribute names with their types, which decide the operators. */
    public List<Map.Entry<String, AttributeType>> getAttributes() {
        return List.copyOf(attributeTypes.entrySet());
    }

    public List<Operator> operators(ConditionRow row) {
        return row.operators(attributeTypes);
    }

    public ContactField[] getFields() {
        return ContactField.values();
    }

    public List<ListView> getLists() {
        return lists;
    }

    public List<String> getEventTypes() {
        return EVENT_TYPES;
    }

    public EventOccurrence[] getOccurrences() {
        return EventOccurrence.values();
    }

    public SurveyCondition[] getSurveyConditions() {
        return SurveyCondition.values();
    }

    public NpsCategory[] getCategories() {
        return NpsCategory.values();
    }

    public Match[] getMatches() {
        return Match.values();
    }

    public List<ConditionRow> getRows() {
        return rows;
    }

    public Preview getPreview() {
        return preview;
    }

    public boolean isValid() {
        return valid;
    }

    public String getRuleError() {
        return ruleError;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Match getMatch() {
        return match;
    }

    public void setMatch(Match match) {
        this.match = match == null ? Match.ALL : match;
    }

    public boolean isAdvanced() {
        return advanced;
    }

    public String getJson() {
        return json;
    }

    public void setJson(String json) {
        this.json = json;
    }
}
