package org.npsloop.domain.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

class MessageTest {

    @Test
    void aKeyTheBundleDoesNotHoldIsShownAsWrittenSoOlderEnglishSentencesStillRead() {
        assertEquals("Name is required", Message.of("Name is required").render(Locale.FRENCH));
    }

    @Test
    void aValueObjectsRefusalKeepsItsMessageThroughViolations() {
        Violations violations = new Violations();
        violations.check("email", () -> {
            throw new InvalidValueException("some.key", 3);
        });
        InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, violations::throwIfAny);
        FieldError error = refused.errors().get(0);
        assertEquals("email", error.field());
        assertEquals(Message.of("some.key", 3), error.reason());
    }
}
