package org.npsloop.reporting;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * The drill-down part of a {@link ReportFilter}: only the responses that rated one touchpoint (by its code, e.g.
 * {@code DELIVERY}) {@link Band#LOW low} or {@link Band#HIGH high}, as the key-driver view splits them
 * ({@link org.npsloop.domain.question.RatingScale#highFrom}), on any question about it.
 */
public record RatedTouchpoint(String touchpoint, Band band) {

    /** Which raters of the touchpoint. */
    public enum Band { LOW, HIGH }

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");

    public RatedTouchpoint {
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(band, "band");
    }

    /**
     * From the request parameters {@code touchpoint} and {@code rated} ({@code low} or {@code high}); null when
     * neither is given.
     *
     * @throws InvalidInputException naming {@code touchpoint} or {@code rated} when one is missing or malformed
     */
    public static RatedTouchpoint of(String touchpoint, String rated) {
        String code = touchpoint == null || touchpoint.isBlank() ? null : touchpoint.strip().toUpperCase(Locale.ROOT);
        String band = rated == null || rated.isBlank() ? null : rated.strip().toUpperCase(Locale.ROOT);
        if (code == null && band == null) {
            return null;
        }
        if (code == null) {
            throw new InvalidInputException("touchpoint", "touchpoints.filter.touchpointRequired");
        }
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("touchpoint", "touchpoints.filter.unknown", touchpoint.strip());
        }
        if (band == null) {
            throw new InvalidInputException("rated", "touchpoints.filter.ratedRequired");
        }
        try {
            return new RatedTouchpoint(code, Band.valueOf(band));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rated", "touchpoints.filter.rated", rated.strip());
        }
    }

    /** The {@code rated} parameter: {@code low} or {@code high}. */
    public String ratedParameter() {
        return band.name().toLowerCase(Locale.ROOT);
    }
}
