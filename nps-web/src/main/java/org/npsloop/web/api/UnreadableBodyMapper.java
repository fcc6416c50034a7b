package org.npsloop.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.web.security.RequestSizeFilter;

/** A request body that cannot be read as the expected JSON is the client's mistake: 400, not 500 (413 when it was too large). */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        if (RequestSizeFilter.tooLarge(e)) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body is too large");
        }
        return ApiError.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this call");
    }
}
