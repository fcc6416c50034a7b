package org.npsloop.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.npsloop.domain.validation.InvalidInputException;

/** Refused input: 400, naming each bad field, the reasons in the caller's language (Accept-Language, English by default). */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(InvalidInputException e) {
        return ApiError.invalidInput(e.errors(), headers);
    }
}
