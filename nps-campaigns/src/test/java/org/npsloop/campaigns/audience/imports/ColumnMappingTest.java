package org.npsloop.campaigns.audience.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.Message;

class ColumnMappingTest {

    private static final ColumnMapping MAPPING = ColumnMapping.of(
            Column.attribute(4, "Signup Date", AttributeType.DATE),
            Column.of(0, ColumnTarget.EMAIL),
            Column.of(1, ColumnTarget.IGNORE),
            Column.of(3, ColumnTarget.LANGUAGE),
            Column.of(2, ColumnTarget.FIRST_NAME));

    @Test
    void ignoredColumnsAreDroppedAndTheRestSortedWithNormalisedNames() {
        assertEquals(List.of(
                Column.of(0, ColumnTarget.EMAIL),
                Column.of(2, ColumnTarget.FIRST_NAME),
                Column.of(3, ColumnTarget.LANGUAGE),
                Column.attribute(4, "signup_date", AttributeType.DATE)), MAPPING.columns());
    }

    @Test
    void exactlyOneEmailColumn() {
        assertEquals("No column is mapped to the email address", refused(Column.of(0, ColumnTarget.FIRST_NAME)));
        assertEquals("Columns 1 and 3 are both mapped to the email address",
                refused(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.LAST_NAME), Column.of(2, ColumnTarget.EMAIL)));
    }

    @Test
    void twoColumnsForOneTargetOrAttribute() {
        assertEquals("Columns 2 and 3 are both mapped to the language",
                refused(Column.of(0, ColumnTarget.EMAIL), Column.of(1, ColumnTarget.LANGUAGE), Column.of(2, ColumnTarget.LANGUAGE)));
        assertEquals("Columns 2 and 4 are both mapped to attribute 'plan'",
                refused(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "Plan", AttributeType.TEXT),
                        Column.attribute(3, "plan", AttributeType.NUMBER)));
        assertEquals("Column 1 is mapped twice", refused(Column.of(0, ColumnTarget.EMAIL), Column.of(0, ColumnTarget.IGNORE)));
    }

    /** A file cannot change an attribute's type: the column takes the existing one, new attributes keep theirs. */
    @Test
    void aColumnMappedToAnExistingAttributeTakesItsType() {
        ColumnMapping mapping = ColumnMapping.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "Signup date", AttributeType.NUMBER),
                Column.attribute(2, "plan", AttributeType.TEXT), Column.attribute(3, "seats", AttributeType.NUMBER));
        Map<String, AttributeType> existing = Map.of("signup_date", AttributeType.DATE, "plan", AttributeType.TEXT, "other", AttributeType.BOOLEAN);
        assertEquals(List.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "signup_date", AttributeType.DATE),
                Column.attribute(2, "plan", AttributeType.TEXT), Column.attribute(3, "seats", AttributeType.NUMBER)),
                mapping.withTypesOf(existing).columns());
        Column same = Column.attribute(2, "plan", AttributeType.TEXT);
        assertTrue(same == same.withTypeOf(existing), "a column that agrees is kept as it is");
    }

    @Test
    void everyProblemIsListed() {
        List<Message> problems = ColumnMapping.problemsOf(List.of(Column.of(0, ColumnTarget.LAST_NAME), Column.of(1, ColumnTarget.LAST_NAME)));
        assertEquals(List.of("Columns 1 and 2 are both mapped to the last name", "No column is mapped to the email address"),
                problems.stream().map(problem -> problem.render(Locale.ENGLISH)).toList());
        assertEquals(List.of("Les colonnes 1 et 2 sont toutes deux associées au nom", "Aucune colonne n'est associée à l'adresse e-mail"),
                problems.stream().map(problem -> problem.render(Locale.FRENCH)).toList());
    }

    @Test
    void columnShape() {
        assertThrows(IllegalArgumentException.class, () -> Column.of(-1, ColumnTarget.EMAIL));
        assertEquals("Column 2: an attribute needs a type",
                assertThrows(IllegalArgumentException.class, () -> Column.attribute(1, "plan", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Column.attribute(1, "2e achat", AttributeType.TEXT));
        assertThrows(IllegalArgumentException.class, () -> new Column(1, ColumnTarget.EMAIL, "email", null));
    }

    @Test
    void jsonForTheImportJob() {
        String json = MAPPING.toJson();
        assertEquals("{\"email\":0,\"first_name\":2,\"language\":3,\"attributes\":[{\"column\":4,\"name\":\"signup_date\",\"type\":\"DATE\"}]}", json);
        assertEquals(MAPPING, ColumnMapping.fromJson(json));
    }

    @Test
    void jsonWithoutAttributes() {
        ColumnMapping mapping = ColumnMapping.of(Column.of(2, ColumnTarget.EMAIL));
        assertEquals(mapping, ColumnMapping.fromJson(mapping.toJson()));
        assertEquals(mapping, ColumnMapping.fromJson("{\"email\":2}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"first_name\":1}", "{\"email\":\"zero\"}",
            "{\"email\":0,\"attributes\":[{\"column\":1,\"name\":\"plan\",\"type\":\"COLOUR\"}]}",
            "{\"email\":0,\"attributes\":[{\"column\":1}]}"})
    void invalidJsonIsRefused(String json) {
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.fromJson(json));
    }

    @Test
    void jsonMustFitTheDatabaseColumn() {
        List<Column> columns = new ArrayList<>(List.of(Column.of(0, ColumnTarget.EMAIL)));
        for (int i = 1; i <= 100; i++) {
            columns.add(Column.attribute(i, "attribute_number_" + i, AttributeType.TEXT));
        }
        assertTrue(new ColumnMapping(columns).toJson().length() <= ColumnMapping.MAX_JSON_LENGTH);
        for (int i = 101; i <= 200; i++) {
            columns.add(Column.attribute(i, "attribute_number_" + i, AttributeType.TEXT));
        }
        ColumnMapping tooWide = new ColumnMapping(columns);
        assertTrue(assertThrows(IllegalArgumentException.class, tooWide::toJson).getMessage().startsWith("Too many columns"));
    }

    private static String refused(Column... columns) {
        return assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(columns)).getMessage();
    }
}
