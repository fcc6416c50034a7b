package org.npsloop.campaigns.imports;

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

        private String describe() {
            return switch (target) {
                case EMAIL -> "the email address";
                case FIRST_NAME -> "the first name";
                case LAST_NAME -> "the last name";
                case LANGUAGE -> "the language";
                case ATTRIBUTE -> "attribute '" + attribute + "'";
                case IGNORE -> "nothing";
            };
        }
    }

    /** @throws IllegalArgumentException with every {@link #problemsOf problem}, joined by "; " */
    public ColumnMapping {
        List<String> problems = problemsOf(columns);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        columns = columns.stream()
                .filter(column -> column.target() != ColumnTarget.IGNORE)
                .sorted(Comparator.comparingInt(Column::index))
                .toList();
    }

    public static ColumnMapping of(Column... columns) {
        return new ColumnMapping(List.of(columns));
    }

    /** Why these columns do not make a mapping, in words for the user; empty when they do. */
    public static List<String> problemsOf(List<Column> columns) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Column> byIndex = new HashMap<>();
        Map<String, Column> byTarget = new HashMap<>();
        for (Column column : columns) {
            Objects.requireNonNull(column, "column");
            if (byIndex.putIfAbsent(column.index(), column) != null) {
                problems.add("Column " + (column.index() + 1) + " is mapped twice");
                continue;
            }
            if (column.target() == ColumnTarget.IGNORE) {
                continue;
            }
            String key = column.target() == ColumnTarget.ATTRIBUTE ? "attribute:" + column.attribute() : column.target().name();
            Column other = byTarget.putIfAbsent(key, column);
            if (other != null) {
                problems.add("Columns " + (other.index() + 1) + " and " + (column.index() + 1)
                        + " are both mapped to " + column.describe());
            }
        }
        if (!byTarget.containsKey(ColumnTarget.EMAIL.name())) {
            problems.add("No column is mapped to the email address");
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
