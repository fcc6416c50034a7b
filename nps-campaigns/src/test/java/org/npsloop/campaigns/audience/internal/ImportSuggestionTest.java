package org.npsloop.campaigns.audience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.campaigns.audience.imports.CsvPreview;
import org.npsloop.domain.audience.AttributeType;

class ImportSuggestionTest {

    /** An export has every attribute as a column, often empty (guessed TEXT): the import refused it without a mapping. */
    @Test
    void anExistingAttributeKeepsItsTypeWhateverItsSampleValues() {
        CsvPreview preview = new CsvPreview(List.of("email", "plan", "signup", "city"), List.of(List.of("a@exemple.fr", "", "", "")),
                List.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "plan", AttributeType.TEXT),
                        Column.attribute(2, "signup", AttributeType.TEXT), Column.attribute(3, "city", AttributeType.TEXT)),
                List.of());
        CsvPreview suggested = DefaultImportService.withKnownTypes(preview, Map.of("signup", AttributeType.DATE, "plan", AttributeType.TEXT));
        assertEquals(List.of(Column.of(0, ColumnTarget.EMAIL), Column.attribute(1, "plan", AttributeType.TEXT),
                Column.attribute(2, "signup", AttributeType.DATE), Column.attribute(3, "city", AttributeType.TEXT)), suggested.suggestion());
    }
}
