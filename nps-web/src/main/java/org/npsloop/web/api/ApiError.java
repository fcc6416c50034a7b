package org.npsloop.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.npsloop.domain.validation.FieldError;

/** The JSON body of every API error; {@code errors} names each bad field of a refused input. */
public record ApiError(int status, String error, String message, List<FieldError> errors) {

    static Response response(Response.StatusType status, String message) {
        return response(status, message, null);
    }

    static Response response(Response.StatusType status, String message, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, errors)).build();
    }
}
