package org.npsloop.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signs people in through the configured OpenID Connect provider with the authorization-code flow: a {@code state}
 * bound to the browser's session (no sign-in forced on someone by another site), a {@code nonce} in the ID token (no
 * replayed token) and PKCE (a code caught on its way back is useless). The ID token is checked with the Nimbus OAuth 2.0
 * SDK: the provider's signature with its published keys, the issuer, the audience (this client), the expiry and the
 * nonce. The provider's settings are read from its discovery document once, at the first sign-in.
 * <p>
 * Jakarta Security's own {@code @OpenIdAuthenticationMechanismDefinition} is not used: an application has one
 * authentication mechanism in Jakarta EE 10, and this one also signs people in with passwords and systems with API keys
 * ({@link FormLoginMechanism}), and keeps the session replicable (the user name only).
 */
@ApplicationScoped
public class OpenIdSignIn {

    static final String START = "/sso/start";
    static final String CALLBACK = "/sso/callback";
    /** The signed-in person's ID token, in the session, to end the provider's session at sign-out. */
    static final String ID_TOKEN = OpenIdSignIn.class.getName() + ".idToken";
    private static final String PENDING = OpenIdSignIn.class.getName() + ".pending";
    private static final int TIMEOUT_MILLIS = 5000;
    /** A provider's key set is a few kilobytes; a larger answer is not read into memory. */
    private static final int KEYS_MAX_BYTES = 512 * 1024;

    /** Why a sign-in through the provider did not happen; its name goes to the sign-in page, which explains it. */
    public enum Refusal {
        /** Any failure of the exchange (error from the provider, a stale or forged answer, a bad token). */
        FAILED,
        /** The provider could not be reached. */
        UNAVAILABLE,
        /** The provider lists the person in no group mapped to a role. */
        NO_ROLE,
        /** The account was disabled here. */
        DISABLED,
        /** The provider's user name cannot be an account name here, or belongs to an account that is not theirs. */
        USERNAME,
        /** The ID token lacks the required claim (another domain). */
        NOT_ALLOWED;

        String code() {
            String name = name().toLowerCase(Locale.ROOT);
            int underscore = name.indexOf('_');
            return underscore < 0 ? name : name.substring(0, underscore) + Character.toUpperCase(name.charAt(underscore + 1))
                    + name.substring(underscore + 2);
        }
    }

    /** A sign-in that did not happen: why, for the person, and what happened, for the log. */
    static final class SignInRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        SignInRefused(Refusal refusal, String detail) {
            super(detail);
            this.refusal = refusal;
        }

        SignInRefused(Refusal refusal, String detail, Throwable cause) {
            super(detail, cause);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    /** What the browser's session remembers between the redirect to the provider and its answer. */
    private record Pending(String state, String nonce, String codeVerifier) implements Serializable {
    }

    /**
     * Who the provider says signed in.
     *
     * @param groups the groups claim's names; empty when the token has no such claim at all (Google's never has one)
     */
    record Identity(String issuer, String subject, String username, String displayName, String email,
            Optional<List<String>> groups, String idToken) {
    }

    /** The provider's discovery document and the ID token checker made from it (it caches the provider's keys). */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    @Inject
    private SingleSignOnSettings settings;

    private volatile Provider provider;

    /** The provider's authorization address for this browser, whose session now remembers what to expect back. */
    URI authorizationRedirect(HttpServletRequest request) throws SignInRefused {
        OIDCProviderMetadata metadata = provider().metadata();
        Pending pending = new Pending(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue());
        request.getSession().setAttribute(PENDING, pending);
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(settings.scopes()),
                new ClientID(settings.clientId()), callback(request))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /** The provider's answer at {@link #CALLBACK}: the code exchanged for an ID token, checked, and read. */
    Identity complete(HttpServletRequest request) throws SignInRefused {
        HttpSession session = request.getSession(false);
        Object remembered = session == null ? null : session.getAttribute(PENDING);
        if (!(remembered instanceof Pending pending)) {
            throw new SignInRefused(Refusal.FAILED, "no sign-in was started from this browser (or it was already completed)");
        }
        session.removeAttribute(PENDING);
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(callback(request), parameters(request));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new SignInRefused(Refusal.FAILED, "unreadable answer from the provider: " + e.getMessage(), e);
        }
        if (!pending.state().equals(answer.getState() == null ? null : answer.getState().getValue())) {
            throw new SignInRefused(Refusal.FAILED, "the answer's state is not the one this browser was sent with");
        }
        if (!answer.indicatesSuccess()) {
            ErrorObject error = answer.toErrorResponse().getErrorObject();
            throw new SignInRefused(Refusal.FAILED, "the provider answered " + error.getCode() + ": " + error.getDescription());
        }
        Provider current = provider();
        JWT idToken = exchange(current.metadata(), answer.toSuccessResponse().getAuthorizationCode(),
                new CodeVerifier(pending.codeVerifier()), callback(request));
        IDTokenClaimsSet claims;
        try {
            claims = current.validator().validate(idToken, new Nonce(pending.nonce()));
        } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new SignInRefused(Refusal.FAILED, "the ID token was refused: " + e.getMessage(), e);
        }
        return identity(claims, idToken.serialize());
    }

    /**
     * Where to send a browser signing out so that the provider's session ends too, if the provider publishes an end
     * of session address: it sends the browser back to {@code afterSignOut} (to be registered with the provider).
     */
    Optional<URI> endOfSession(String idToken, URI afterSignOut) {
        Provider current = provider;
        if (current == null || current.metadata().getEndSessionEndpointURI() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LogoutRequest(current.metadata().getEndSessionEndpointURI(), JWTParser.parse(idToken), null,
                    new ClientID(settings.clientId()), afterSignOut, null, null).toURI());
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }

    String providerName() {
        return settings.getProviderName();
    }

    /** This application's address for the provider's answers (registered with the provider as a redirect URI). */
    URI callback(HttpServletRequest request) {
        return applicationRoot(request).resolve(CALLBACK.substring(1));
    }

    /** The application's root with a trailing slash: the configured base URL, else the address the request came to. */
    URI applicationRoot(HttpServletRequest request) {
        return settings.baseUrl().map(base -> URI.create(base + "/")).orElseGet(() -> URI.create(
                request.getRequestURL().toString()).resolve(request.getContextPath() + "/"));
    }

    private JWT exchange(OIDCProviderMetadata metadata, com.nimbusds.oauth2.sdk.AuthorizationCode code, CodeVerifier verifier,
            URI callback) throws SignInRefused {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, callback, verifier);
        ClientID client = new ClientID(settings.clientId());
        TokenRequest request;
        if (settings.clientSecret().isEmpty()) {
            request = new TokenRequest(metadata.getTokenEndpointURI(), client, grant);
        } else {
            Secret secret = new Secret(settings.clientSecret());
            List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
            boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
            request = new TokenRequest(metadata.getTokenEndpointURI(),
                    postOnly ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret), grant);
        }
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                throw new SignInRefused(Refusal.FAILED, "the token endpoint answered " + error.getHTTPStatusCode() + " "
                        + error.getCode() + ": " + error.getDescription());
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw new SignInRefused(Refusal.FAILED, "the token endpoint gave no ID token (is 'openid' in nps.oidc.scopes?)");
            }
            return idToken;
        } catch (IOException e) {
            throw new SignInRefused(Refusal.UNAVAILABLE, "the token endpoint could not be reached: " + e, e);
        } catch (com.nimbusds.oauth2.sdk.ParseException | ClassCastException e) {
            throw new SignInRefused(Refusal.FAILED, "unreadable answer from the token endpoint: " + e.getMessage(), e);
        }
    }

    private Identity identity(IDTokenClaimsSet claims, String idToken) throws SignInRefused {
        Map<String, Object> json = claims.toJSONObject();
        Optional<Map.Entry<String, String>> required = settings.requiredClaim();
        if (required.isPresent() && !required.get().getValue().equals(String.valueOf(json.get(required.get().getKey())))) {
            throw new SignInRefused(Refusal.NOT_ALLOWED, "the ID token's " + required.get().getKey() + " is "
                    + json.get(required.get().getKey()) + ", not " + required.get().getValue());
        }
        String username = text(json.get(settings.usernameClaim())).or(() -> text(json.get("email")))
                .orElseThrow(() -> new SignInRefused(Refusal.USERNAME, "the ID token has no " + settings.usernameClaim()
                        + " nor email claim"));
        String displayName = text(json.get("name")).orElseGet(() -> (text(json.get("given_name")).orElse("") + " "
                + text(json.get("family_name")).orElse("")).strip());
        return new Identity(claims.getIssuer().getValue(), claims.getSubject().getValue(), username, displayName,
                text(json.get("email")).orElse(null), groups(json, settings.groupsClaim()), idToken);
    }

    /**
     * The groups claim, found by its name or a dotted path ({@code realm_access.roles}); a list or a single name; empty
     * when the token has no such claim.
     */
    static Optional<List<String>> groups(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof Collection<?> names) {
            List<String> groups = new ArrayList<>();
            names.forEach(name -> groups.add(String.valueOf(name)));
            return Optional.of(groups);
        }
        return value instanceof String name ? Optional.of(List.of(name)) : Optional.empty();
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? Optional.of(value.strip()) : Optional.empty();
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters;
    }

    private Provider provider() throws SignInRefused {
        Provider current = provider;
        if (current == null) {
            synchronized (this) {
                current = provider;
                if (current == null) {
                    current = discover();
                    provider = current;
                }
            }
        }
        return current;
    }

    private Provider discover() throws SignInRefused {
        Issuer issuer = new Issuer(settings.issuer());
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new SignInRefused(Refusal.UNAVAILABLE, "the provider's discovery document at " + issuer
                    + "/.well-known/openid-configuration could not be read: " + e, e);
        }
        try {
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    signingAlgorithm(metadata), metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, KEYS_MAX_BYTES));
            return new Provider(metadata, validator);
        } catch (java.net.MalformedURLException | RuntimeException e) {
            throw new SignInRefused(Refusal.UNAVAILABLE, "the provider's keys address is unusable: " + e, e);
        }
    }

    /** RS256, which every provider must support, unless the provider signs ID tokens otherwise (never with a shared secret). */
    private static JWSAlgorithm signingAlgorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
        if (algorithms == null || algorithms.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return algorithms.stream().filter(alg -> JWSAlgorithm.Family.RSA.contains(alg) || JWSAlgorithm.Family.EC.contains(alg))
                .findFirst().orElse(JWSAlgorithm.RS256);
    }
}
