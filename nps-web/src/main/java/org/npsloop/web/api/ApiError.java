package org.npsloop.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.validation.FieldError;

/** The JSON body of every API error; {@code errors} names each bad field of a refused input, in the caller's language. */
public record ApiError(int status, String error, String message, List<Field> errors) {

    /** One refused field and why, rendered in the caller's language. */
    public record Field(String field, String message) {
    }

    /** The language an API caller asked for (first of Accept-Language): French or, by default, English. */
    static Locale locale(HttpHeaders headers) {
        return Language.of(headers == null ? null : headers.getAcceptableLanguages().stream().findFirst().orElse(null)).locale();
    }

    static Response response(Response.StatusType status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, null)).build();
    }

    /** A refusal naming each bad field, its reasons rendered in {@code locale}. */
    static Response response(Response.StatusType status, String message, List<FieldError> errors, Locale locale) {
        List<Field> fields = errors.stream().map(error -> new Field(error.field(), error.message(locale))).toList();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, fields)).build();
    }
}
