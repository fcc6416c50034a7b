package org.npsloop.campaigns.audience.imports;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;

/**
 * Which CSV column (by 0-based header index) holds what. Always valid: exactly one email column, no
 * two columns for the same target or attribute. IGNORE columns are dropped, so {@link #columns()}
 * lists only the columns that are read, by index. Messages number columns from 1, as users do.
 */
public record ColumnMapping(List<Column> columns) {

    /** The size of {@code import_job.mapping}. */
    public static final int MAX_JSON_LENGTH = 8000;

    private static final String ATTRIBUTES = "attributes";

    /**
     * @param attribute for ATTRIBUTE only: the attribute name, normalised by
     *                  {@link AttributeDefinition#normaliseName}
     * @param type      for ATTRIBUTE only: how its cells are parsed
     */
    public record Column(int index, ColumnTarget target, String attribute, AttributeType type) {

        public Column {
            if (index < 0) {
                throw new IllegalArgumentException("A column index cannot be negative: " + index);
            }
            Objects.requireNonNull(target, "target");
            if (target == ColumnTarget.ATTRIBUTE) {
                if (type == null) {
                    throw new IllegalArgumentException("Column " + (index + 1) + ": an attribute needs a type");
                }
                attribute = AttributeDefinition.normaliseName(attribute);
            } else if (attribute != null || type != null) {
                throw new IllegalArgumentException("Column " + (index + 1) + ": only an attribute column has a name and a type");
            }
        }

        public static Column of(int index, ColumnTarget target) {
            return new Column(index, target, null, null);
        }

        public static Column attribute(int index, String name, AttributeType type) {
            return new Column(index, ColumnTarget.ATTRIBUTE, name, type);
        }

        /**
         * This column typed as the attribute already is, when it names an existing attribute of another type: a
         * file cannot change an attribute's type, so the attribute's type wins and the values that do not fit it
         * are rejected line by line rather than the file refused.
         *
         * @param existing the type of every attribute already defined, by normalised name
         */
        public Column withTypeOf(Map<String, AttributeType> existing) {
            AttributeType type = target == ColumnTarget.ATTRIBUTE ? existing.get(attribute) : null;
            return type == null || type == this.type ? this : attribute(index, attribute, type);
        }

        private Message describe() {
            return switch (target) {
                case EMAIL -> Message.of("import.mapping.target.EMAIL");
                case FIRST_NAME -> Message.of("import.mapping.target.FIRST_NAME");
                case LAST_NAME -> Message.of("import.mapping.target.LAST_NAME");
                case LANGUAGE -> Message.of("import.mapping.target.LANGUAGE");
                case ATTRIBUTE -> Message.of("import.mapping.target.ATTRIBUTE", attribute);
                case IGNORE -> Message.of("import.mapping.target.IGNORE");
            };
        }
    }

    /** @throws InvalidValueException with the first {@link #problemsOf problem} (the others follow once it is fixed) */
    public ColumnMapping {
        List<Message> problems = problemsOf(columns);
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems.get(0));
        }
        columns = columns.stream()
                .filter(column -> column.target() != ColumnTarget.IGNORE)
                .sorted(Comparator.comparingInt(Column::index))
                .toList();
    }

    public static ColumnMapping of(Column... columns) {
        return new ColumnMapping(List.of(columns));
    }

    /** This mapping with every attribute column typed as its existing attribute ({@link Column#withTypeOf}). */
    public ColumnMapping withTypesOf(Map<String, AttributeType> existing) {
        return new ColumnMapping(columns.stream().map(column -> column.withTypeOf(existing)).toList());
    }

    /** Why these columns do not make a mapping, for the user; empty when they do. */
    public static List<Message> problemsOf(List<Column> columns) {
        List<Message> problems = new ArrayList<>();
        Map<Integer, Column> byIndex = new HashMap<>();
        Map<String, Column> byTarget = new HashMap<>();
        for (Column column : columns) {
            Objects.requireNonNull(column, "column");
            if (byIndex.putIfAbsent(column.index(), column) != null) {
                problems.add(Message.of("import.mapping.columnTwice", column.index() + 1));
                continue;
            }
            if (column.target() == ColumnTarget.IGNORE) {
                continue;
            }
            String key = column.target() == ColumnTarget.ATTRIBUTE ? "attribute:" + column.attribute() : column.target().name();
            Column other = byTarget.putIfAbsent(key, column);
            if (other != null) {
                problems.add(Message.of("import.mapping.sameTarget", other.index() + 1, column.index() + 1, column.describe()));
            }
        }
        if (!byTarget.containsKey(ColumnTarget.EMAIL.name())) {
            problems.add(Message.of("import.mapping.noEmail"));
        }
        return problems;
    }

    /**
     * Compact JSON for {@code import_job.mapping}, e.g.
     * {@code {"email":0,"language":3,"attributes":[{"column":4,"name":"signup_date","type":"DATE"}]}}.
     *
     * @throws IllegalArgumentException when it would exceed {@link #MAX_JSON_LENGTH}
     */
    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonArrayBuilder attributes = Json.createArrayBuilder();
        for (Column column : columns) {
            if (column.target() == ColumnTarget.ATTRIBUTE) {
                attributes.add(Json.createObjectBuilder()
                        .add("column", column.index())
                        .add("name", column.attribute())
                        .add("type", column.type().name()));
            } else {
                json.add(key(column.target()), column.index());
            }
        }
        String text = json.add(ATTRIBUTES, attributes).build().toString();
        if (text.length() > MAX_JSON_LENGTH) {
            throw new IllegalArgumentException("Too many columns: the mapping takes " + text.length()
                    + " characters, at most " + MAX_JSON_LENGTH + " can be stored");
        }
        return text;
    }

    /** @throws IllegalArgumentException when the text is not a valid mapping written by {@link #toJson} */
    public static ColumnMapping fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            List<Column> columns = new ArrayList<>();
            for (ColumnTarget target : ColumnTarget.values()) {
                boolean single = target != ColumnTarget.ATTRIBUTE && target != ColumnTarget.IGNORE;
                if (single && object.containsKey(key(target))) {
                    columns.add(Column.of(object.getInt(key(target)), target));
                }
            }
            JsonArray attributes = object.containsKey(ATTRIBUTES) ? object.getJsonArray(ATTRIBUTES) : JsonValue.EMPTY_JSON_ARRAY;
            for (JsonObject attribute : attributes.getValuesAs(JsonObject.class)) {
                columns.add(Column.attribute(attribute.getInt("column"), attribute.getString("name"),
                        AttributeType.valueOf(attribute.getString("type"))));
            }
            return new ColumnMapping(columns);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalStateException e) {
            throw new IllegalArgumentException("Not a column mapping: " + e.getMessage(), e);
        }
    }

    private static String key(ColumnTarget target) {
        return target.name().toLowerCase(Locale.ROOT);
    }
}
