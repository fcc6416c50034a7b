package org.npsloop.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import org.npsloop.web.config.UploadTooLargeException;
import org.npsloop.web.security.AccountException;

/** An upload over {@code nps.upload.max-bytes}: 413 in JSON, in the caller's language, nothing stored. */
@Provider
public class UploadTooLargeMapper implements ExceptionMapper<UploadTooLargeException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(UploadTooLargeException e) {
        String text = AccountException.bundle(ApiError.locale(headers)).getString("error.tooLarge.api");
        return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, MessageFormat.format(text, e.maxBytes()));
    }
}
