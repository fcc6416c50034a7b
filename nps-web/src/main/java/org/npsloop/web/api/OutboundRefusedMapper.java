package org.npsloop.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.npsloop.domain.outbound.OutboundRefusedException;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.web.security.OutboundRefusalMessages;

/** A refused outbound address: 400 naming the field, the reason in French when the client asks for it (Accept-Language). */
@Provider
public class OutboundRefusedMapper implements ExceptionMapper<OutboundRefusedException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(OutboundRefusedException e) {
        String text = OutboundRefusalMessages.text(e, ApiError.locale(headers));
        return ApiError.invalidInput(List.of(new FieldError(OutboundRefusedException.FIELD, text)), headers);
    }
}
