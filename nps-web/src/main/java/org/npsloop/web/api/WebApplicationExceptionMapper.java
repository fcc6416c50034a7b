package org.npsloop.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.npsloop.domain.i18n.Message;
import org.npsloop.web.security.RequestSizeFilter;

/** Unknown paths, wrong methods, unreadable JSON...: the same JSON error body as every other API error. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (RequestSizeFilter.tooLarge(e)) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, Message.of("api.tooLarge"), headers);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        Message message = status.getFamily() == Response.Status.Family.SERVER_ERROR
                ? Message.of("api.serverError") : messageOf(e, status);
        return ApiError.response(status, message, headers);
    }

    /** The runtime's own texts ("HTTP 404 Not Found") are English: the status in words, in the caller's language. */
    private static Message messageOf(WebApplicationException e, Response.StatusType status) {
        String key = "api.status." + status.getStatusCode();
        if (e.getMessage() == null || e.getMessage().startsWith("HTTP " + status.getStatusCode())) {
            return Message.of(key).render(Locale.ENGLISH).equals(key) ? Message.of(status.getReasonPhrase()) : Message.of(key);
        }
        return Message.of(e.getMessage());
    }
}
