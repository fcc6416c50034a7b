package org.npsloop.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.NoSuchElementException;
import org.npsloop.domain.i18n.Refusal;

/** Services say "no such thing" with NoSuchElementException: 404, saying what in the caller's language. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NoSuchElementException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(NoSuchElementException e) {
        return ApiError.response(Response.Status.NOT_FOUND, Refusal.reasonOf(e), headers);
    }
}
