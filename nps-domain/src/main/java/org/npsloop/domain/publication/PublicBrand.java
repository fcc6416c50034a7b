package org.npsloop.domain.publication;

import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

/**
 * The brand a public synthesis page wears: a name, a colour (#RRGGBB) and a logo address, each optional
 * (null: the neutral look). A publication of one campaign wears its survey's brand; others wear the brand
 * set on the Settings page.
 */
public record PublicBrand(String name, String colour, String logoUrl) {

    public static final PublicBrand NONE = new PublicBrand(null, null, null);

    /**
     * Checked as a survey's brand is (colour #RRGGBB, logo over https), blanks read as "none".
     *
     * @throws InvalidInputException naming {@code name}, {@code colour} or {@code logoUrl}
     */
    public static PublicBrand of(String name, String colour, String logoUrl) {
        Violations violations = new Violations();
        String checkedName = blankToNull(name);
        if (checkedName != null) {
            checkedName = violations.check("name", () -> Survey.checkBrandName(name));
        }
        String checkedColour = blankToNull(colour) == null ? null : violations.check("colour", () -> Survey.checkColour(colour));
        String checkedLogo = violations.check("logoUrl", () -> Survey.checkLogoUrl(logoUrl));
        violations.throwIfAny();
        return new PublicBrand(checkedName, checkedColour, checkedLogo);
    }

    /** This brand, or {@code fallback}'s name when it has none (the name from the configuration, say). */
    public PublicBrand orName(String fallback) {
        return name != null || fallback == null || fallback.isBlank() ? this : new PublicBrand(fallback.strip(), colour, logoUrl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
