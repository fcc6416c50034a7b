package org.npsloop.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.npsloop.campaigns.deliverability.EspWebhooks;
import org.npsloop.campaigns.deliverability.EspWebhooks.Answer;
import org.npsloop.campaigns.deliverability.EspWebhooks.Provider;

/**
 * The email service providers' webhooks (server to server, no session, no API key): each request is authenticated by
 * the provider's own signature (Postmark: HTTP basic auth) in {@link EspWebhooks}; a provider not configured answers
 * 404. Unmatched events and replays answer 200, so that the provider does not retry them for days.
 */
@RequestScoped
@Path("esp")
@PermitAll
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class EspWebhookResource {

    @Inject
    private EspWebhooks webhooks;

    @Inject
    @ConfigProperty(name = "nps.esp.max-bytes", defaultValue = "1048576")
    private long maxBytes;

    @Context
    private HttpHeaders headers;

    /** What an accepted request changed. */
    public record Received(int recorded, int duplicates, int unmatched, int ignored) {
    }

    /** {@code POST /api/esp/ses}, {@code /sendgrid}, {@code /mailgun}, {@code /postmark}. */
    @POST
    @Path("{provider: ses|sendgrid|mailgun|postmark}")
    @Operation(summary = "Events of an email service provider: Amazon SES through SNS (SNS signature), SendGrid (signed "
            + "event webhook), Mailgun (HMAC signature), Postmark (HTTP basic auth)")
    public Response receive(@PathParam("provider") String provider, InputStream body) {
        return receive(Provider.valueOf(provider.toUpperCase(Locale.ROOT)), body);
    }

    private Response receive(Provider provider, InputStream in) {
        byte[] body;
        try {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes) + 1);
        } catch (IOException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, ApiError.uiText(headers, "esp.error.malformed"));
        }
        if (body.length > maxBytes) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    ApiError.uiText(headers, "error.tooLarge.api", maxBytes));
        }
        Map<String, String> named = new HashMap<>();
        for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
            if (!header.getValue().isEmpty()) {
                named.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
            }
        }
        Answer answer = webhooks.receive(provider, new EspWebhooks.Request(named, body));
        Response.Status status = switch (answer.status()) {
            case ACCEPTED -> Response.Status.OK;
            case OFF -> Response.Status.NOT_FOUND;
            case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case MALFORMED -> Response.Status.BAD_REQUEST;
            case UPSTREAM_FAILED -> Response.Status.BAD_GATEWAY;
        };
        if (status == Response.Status.OK) {
            return Response.ok(new Received(answer.recorded(), answer.duplicates(), answer.unmatched(), answer.ignored())).build();
        }
        Response refusal = ApiError.response(status, ApiError.uiText(headers, answer.reason()));
        if (status == Response.Status.UNAUTHORIZED) {
            return Response.fromResponse(refusal).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"NPS Loop webhooks\"").build();
        }
        return refusal;
    }
}
