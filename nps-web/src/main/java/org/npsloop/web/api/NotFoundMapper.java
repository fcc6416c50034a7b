package org.npsloop.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.NoSuchElementException;

/** Services say "no such thing" with NoSuchElementException: 404. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NoSuchElementException> {

    @Override
    public Response toResponse(NoSuchElementException e) {
        return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
    }
}
