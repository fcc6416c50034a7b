package org.npsloop.campaigns.deliverability.internal;

import static org.npsloop.campaigns.deliverability.internal.SnsVerifier.text;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Outcome;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Report;
import org.npsloop.campaigns.deliverability.EspWebhooks;
import org.npsloop.domain.outbound.OutboundPolicy;

/**
 * Reads the {@code nps.esp.*} settings once: a provider without its secret stays off. Every event of an authenticated
 * request goes to {@link DeliverabilityService#report} (one transaction each: a replay is a duplicate there).
 */
@ApplicationScoped
public class DefaultEspWebhooks implements EspWebhooks {

    private static final Logger LOG = Logger.getLogger(DefaultEspWebhooks.class.getName());

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.esp.max-age-seconds", defaultValue = "300")
    private long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "nps.esp.ses.topic-arns")
    private Optional<String> sesTopicArns;

    @Inject
    @ConfigProperty(name = "nps.esp.ses.sns-url-pattern", defaultValue = SnsVerifier.DEFAULT_URL_PATTERN)
    private String snsUrlPattern;

    @Inject
    @ConfigProperty(name = "nps.esp.sendgrid.public-key")
    private Optional<String> sendGridKey;

    @Inject
    @ConfigProperty(name = "nps.esp.mailgun.signing-key")
    private Optional<String> mailgunKey;

    @Inject
    @ConfigProperty(name = "nps.esp.postmark.username")
    private Optional<String> postmarkUser;

    @Inject
    @ConfigProperty(name = "nps.esp.postmark.password")
    private Optional<String> postmarkPassword;

    @Inject
    @ConfigProperty(name = "nps.outbound.allowed")
    private Optional<String> outboundAllowed;

    private SnsVerifier sns;
    private SnsHttp snsHttp;
    private SendGridVerifier sendGrid;
    private MailgunVerifier mailgun;
    private BasicCredentials postmark;

    /** A malformed key stops the deployment rather than refusing every event later. */
    @PostConstruct
    void configure() {
        Duration tolerance = Duration.ofSeconds(maxAgeSeconds);
        Set<String> topics = sesTopicArns.map(s -> Arrays.stream(s.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
        if (!topics.isEmpty()) {
            snsHttp = new SnsHttp(OutboundPolicy.allowing(outboundAllowed.orElse("")));
            sns = new SnsVerifier(Pattern.compile(snsUrlPattern), topics, snsHttp::certificate, clock);
        }
        sendGrid = sendGridKey.map(key -> new SendGridVerifier(SendGridVerifier.publicKey(key), tolerance, clock)).orElse(null);
        mailgun = mailgunKey.map(key -> new MailgunVerifier(key, tolerance, clock)).orElse(null);
        if (postmarkUser.isPresent() && postmarkPassword.isPresent()) {
            postmark = new BasicCredentials(postmarkUser.get(), postmarkPassword.get());
        }
    }

    @Override
    public Answer receive(Provider provider, Request request) {
        try {
            return switch (provider) {
                case SES -> sns == null ? off() : ses(request);
                case SENDGRID -> sendGrid == null ? off() : sendGrid(request);
                case MAILGUN -> mailgun == null ? off() : mailgun(request);
                case POSTMARK -> postmark == null ? off() : postmark(request);
            };
        } catch (EspRefusal refusal) {
            LOG.warning(() -> provider + " webhook refused: " + refusal.getMessage());
            return Answer.refused(refusal.status(), refusal.reason());
        }
    }

    private static Answer off() {
        return Answer.refused(Status.OFF, "esp.error.off");
    }

    private Answer ses(Request request) {
        JsonObject message = sns.verify(request.body());
        String type = text(message, "Type");
        if ("SubscriptionConfirmation".equals(type)) {
            URI subscribe = sns.checked(text(message, "SubscribeURL"));
            try {
                snsHttp.confirm(subscribe);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warning(() -> "SNS subscription to " + text(message, "TopicArn") + " not confirmed: " + e);
                return Answer.refused(Status.UPSTREAM_FAILED, "esp.error.subscription");
            }
            LOG.info(() -> "SNS subscription to " + text(message, "TopicArn") + " confirmed");
            return new Answer(Status.ACCEPTED, null, 0, 0, 0, 1);
        }
        if (!"Notification".equals(type)) {
            return new Answer(Status.ACCEPTED, null, 0, 0, 0, 1);
        }
        JsonObject ses;
        try {
            ses = SnsVerifier.parse(String.valueOf(text(message, "Message")).getBytes(StandardCharsets.UTF_8));
        } catch (EspRefusal notJson) {
            // SES's own test message ("Successfully validated SNS topic...") is text: nothing to report, no retry.
            return new Answer(Status.ACCEPTED, null, 0, 0, 0, 1);
        }
        return apply(Provider.SES, EspEvents.ses(ses, text(message, "MessageId")));
    }

    private Answer sendGrid(Request request) {
        sendGrid.verify(request.header(SendGridVerifier.TIMESTAMP_HEADER), request.header(SendGridVerifier.SIGNATURE_HEADER),
                request.body());
        return apply(Provider.SENDGRID, EspEvents.sendGrid(json(request.body())));
    }

    private Answer mailgun(Request request) {
        JsonObject body = SnsVerifier.parse(request.body());
        JsonObject signature = EspEvents.object(body, "signature");
        String token = text(signature, "token");
        if (!mailgun.verify(text(signature, "timestamp"), token, text(signature, "signature"))) {
            LOG.info(() -> "MAILGUN token " + token + " already used: ignored");
            return new Answer(Status.ACCEPTED, null, 0, 1, 0, 0);
        }
        JsonObject eventData = EspEvents.object(body, "event-data");
        if (eventData == null) {
            throw EspRefusal.malformed("no event-data");
        }
        return apply(Provider.MAILGUN, EspEvents.mailgun(eventData, token));
    }

    private Answer postmark(Request request) {
        postmark.check(request.header("Authorization"));
        return apply(Provider.POSTMARK, EspEvents.postmark(SnsVerifier.parse(request.body())));
    }

    private Answer apply(Provider provider, EspEvents.Mapped mapped) {
        int recorded = 0;
        int duplicates = 0;
        int unmatched = 0;
        for (Report report : mapped.reports()) {
            Outcome outcome = deliverability.report(report);
            switch (outcome.result()) {
                case RECORDED -> recorded++;
                case DUPLICATE -> duplicates++;
                case UNMATCHED -> {
                    unmatched++;
                    // Answered 200 all the same: the provider would retry an error for days.
                    LOG.info(() -> provider + " " + report.kind() + " " + report.externalId() + " matches no invitation");
                }
            }
        }
        return new Answer(Status.ACCEPTED, null, recorded, duplicates, unmatched, mapped.ignored());
    }

    private static JsonValue json(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw EspRefusal.malformed(e.getMessage());
        }
    }
}
