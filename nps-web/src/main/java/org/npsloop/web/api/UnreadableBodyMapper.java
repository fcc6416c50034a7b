package org.npsloop.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.domain.i18n.Message;
import org.npsloop.web.security.RequestSizeFilter;

/** A request body that cannot be read as the expected JSON is the client's mistake: 400, not 500 (413 when it was too large). */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ProcessingException e) {
        if (RequestSizeFilter.tooLarge(e)) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, Message.of("api.tooLarge"), headers);
        }
        return ApiError.response(Response.Status.BAD_REQUEST, Message.of("api.unreadableBody"), headers);
    }
}
