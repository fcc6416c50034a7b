package org.npsloop.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.npsloop.domain.audience.Language;
import org.npsloop.web.config.UploadTooLargeException;
import org.npsloop.web.security.AccountException;

/** An upload over {@code nps.upload.max-bytes}: 413 in JSON, in the caller's language, nothing stored. */
@Provider
public class UploadTooLargeMapper implements ExceptionMapper<UploadTooLargeException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(UploadTooLargeException e) {
        Locale asked = headers == null ? Locale.ENGLISH : headers.getAcceptableLanguages().stream().findFirst().orElse(Locale.ENGLISH);
        ResourceBundle messages = ResourceBundle.getBundle(AccountException.BUNDLE, Language.of(asked).locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                MessageFormat.format(messages.getString("error.tooLarge.api"), e.maxBytes()));
    }
}
