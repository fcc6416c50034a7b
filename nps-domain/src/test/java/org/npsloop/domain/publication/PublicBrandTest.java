package org.npsloop.domain.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

class PublicBrandTest {

    @Test
    void blanksMeanNoneAndValuesAreNormalised() {
        assertEquals(PublicBrand.NONE, PublicBrand.of(" ", "", null));
        assertEquals(new PublicBrand("Acme", "#0B5CAD", "https://acme.example/logo.png"),
                PublicBrand.of(" Acme ", "#0b5cad", "https://acme.example/logo.png"));
    }

    @Test
    void aBadColourOrLogoIsRefusedByField() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PublicBrand.of("Acme", "blue", "http://acme.example/logo.png"));
        assertEquals(List.of("colour", "logoUrl"), refused.errors().stream().map(FieldError::field).toList());
        assertThrows(InvalidInputException.class, () -> PublicBrand.of("A".repeat(201), null, null));
    }

    @Test
    void theConfiguredNameFillsInOnlyWhenNoneIsSet() {
        assertEquals(new PublicBrand("Env", "#123456", null), new PublicBrand(null, "#123456", null).orName("Env"));
        assertEquals(new PublicBrand("Acme", null, null), new PublicBrand("Acme", null, null).orName("Env"));
        assertEquals(PublicBrand.NONE, PublicBrand.NONE.orName(" "));
    }
}
