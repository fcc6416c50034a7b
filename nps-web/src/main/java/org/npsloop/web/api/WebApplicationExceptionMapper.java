package org.npsloop.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.web.security.RequestSizeFilter;

/** Unknown paths, wrong methods, unreadable JSON...: the same JSON error body as every other API error. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (RequestSizeFilter.tooLarge(e)) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The request body is too large");
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String message = status.getFamily() == Response.Status.Family.SERVER_ERROR
                ? "The server could not complete the request" : messageOf(e, status);
        return ApiError.response(status, message);
    }

    private static String messageOf(WebApplicationException e, Response.StatusType status) {
        return e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
    }
}
