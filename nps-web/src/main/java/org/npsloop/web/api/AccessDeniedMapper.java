package org.npsloop.web.api;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.domain.i18n.Message;

/**
 * {@code @RolesAllowed} refusals: 401 when nobody is signed in, 403 when the caller's role does not
 * allow the call; both with a JSON body, never a redirect to the login page.
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<ForbiddenException> {

    @Context
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ForbiddenException e) {
        if (security.getUserPrincipal() == null) {
            return ApiError.response(Response.Status.UNAUTHORIZED, Message.of("api.status.401"), headers);
        }
        return ApiError.response(Response.Status.FORBIDDEN, Message.of("api.status.403"), headers);
    }
}
