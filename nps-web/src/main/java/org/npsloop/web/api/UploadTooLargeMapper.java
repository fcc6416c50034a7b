package org.npsloop.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.web.config.UploadTooLargeException;

/** An upload over {@code nps.upload.max-bytes}: 413 in JSON, nothing stored. */
@Provider
public class UploadTooLargeMapper implements ExceptionMapper<UploadTooLargeException> {

    @Override
    public Response toResponse(UploadTooLargeException e) {
        return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage() + "; nothing was imported");
    }
}
