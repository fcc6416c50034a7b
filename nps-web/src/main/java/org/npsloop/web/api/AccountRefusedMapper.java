package org.npsloop.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.web.security.AccountException;

/** A refused account operation is the client's mistake: 400 with the reason, in the caller's language. */
@Provider
public class AccountRefusedMapper implements ExceptionMapper<AccountException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(AccountException e) {
        Response.Status status = e.key().endsWith(".notFound") ? Response.Status.NOT_FOUND
                : Response.Status.BAD_REQUEST;
        return ApiError.response(status, e.localizedMessage(ApiError.locale(headers)));
    }
}
