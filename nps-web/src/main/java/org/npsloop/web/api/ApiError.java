package org.npsloop.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.web.security.AccountException;

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

    /** A refusal saying why in the caller's language (Accept-Language, English by default). */
    static Response response(Response.StatusType status, Message message, HttpHeaders headers) {
        return response(status, message.render(locale(headers)));
    }

    /** A refusal of the whole input ("Invalid input") naming each bad field, all in the caller's language. */
    static Response invalidInput(List<FieldError> errors, HttpHeaders headers) {
        Locale locale = locale(headers);
        return response(Response.Status.BAD_REQUEST, Message.of("api.invalidInput").render(locale), errors, locale);
    }

    /** A text of the admin UI's bundle, in the caller's language. */
    static String uiText(HttpHeaders headers, String key, Object... arguments) {
        Locale locale = locale(headers);
        return new MessageFormat(AccountException.bundle(locale).getString(key), locale).format(arguments);
    }

    /** A refusal naming each bad field, its reasons rendered in {@code locale}. */
    static Response response(Response.StatusType status, String message, List<FieldError> errors, Locale locale) {
        List<Field> fields = errors.stream().map(error -> new Field(error.field(), error.message(locale))).toList();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, fields)).build();
    }
}
