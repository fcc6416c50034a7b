package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Single sign-on against a real OpenID Connect server (mock-oauth2-server: discovery, signed ID tokens, its keys, the
 * authorization-code flow, end of session) with a real browser: an application of its own whose passwords are off but for
 * the break-glass administrator, and whose provider groups give roles. What the person and an administrator see.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    private static final String ISSUER_ID = "corp";
    private static final String CLIENT_ID = "nps-loop";

    private static MockOAuth2Server provider;
    /** When set, the provider's token endpoint answers the next code exchange with this ID token instead of its own. */
    private static final AtomicReference<String> FORGED_ID_TOKEN = new AtomicReference<>();
    private static PayaraMicroProcess app;
    private static ChromeDriver browser;
    private static URL base;

    private static final String SUBJECT = "7f3e2c10-" + Deployments.unique("sub");
    private static final String USERNAME = Deployments.unique("ines.sso");

    @BeforeAll
    static void startProviderAndApplication() throws Exception {
        provider = new MockOAuth2Server(new ForgedTokenEndpoint());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        provider.start(port);
        String issuer = "http://localhost:" + port + "/" + ISSUER_ID;
        app = new PayaraMicroProcess("sso", Map.of(
                "NPS_OIDC_ISSUER", issuer,
                "NPS_OIDC_CLIENT_ID", CLIENT_ID,
                "NPS_OIDC_CLIENT_SECRET", "client-secret-of-the-test",
                "NPS_OIDC_PROVIDER_NAME", "Corp ID",
                "NPS_OIDC_ADMIN_GROUPS", "nps-admins",
                "NPS_OIDC_MARKETER_GROUPS", "marketing, growth",
                "NPS_OIDC_EXECUTIVE_GROUPS", "leadership",
                "NPS_AUTH_LOCAL_SIGN_IN", "false")).start();
        base = app.localhostBase();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    @Order(1)
    void aNewPersonSignsInThroughTheProviderAndGetsTheRolesOfTheirGroups() {
        providerSignsIn(SUBJECT, USERNAME, "Inès Marchand", List.of("growth", "staff"));
        browser.get(base + "login.xhtml?lang=en");
        assertTrue(Browser.findNow(browser, By.id("j_password")).isEmpty(), "passwords are off: no password field");
        assertEquals("Sign in with Corp ID", browser.findElement(By.id("sso-start")).getText());
        browser.findElement(By.id("sso-start")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(USERNAME, browser.findElement(By.className("app-username")).getText(), "signed in as the provider's user name");
        browser.get(base + "account/password.xhtml?lang=en");
        assertTrue(browser.findElement(By.id("provider-password")).getText().contains("Corp ID"), "no password to change here");

        JsonObject account = account(USERNAME).orElseThrow(() -> new AssertionError("the account was created at sign-in"));
        assertEquals(List.of("MARKETER"), Json.strings(account, "roles"), account.toString());
        assertFalse(Json.isNull(account, "lastLoginAt"), account.toString());
        assertTrue(Json.bool(account, "singleSignOn"), account.toString());
        // A marketer's page opens; an administrator's does not.
        browser.get(base + "audience/contacts.xhtml");
        assertFalse(browser.getCurrentUrl().contains("login"), browser.getCurrentUrl());
        browser.get(base + "admin/users.xhtml");
        assertTrue(Browser.findNow(browser, By.id("users")).isEmpty(), "no administration for a marketer");
    }

    @Test
    @Order(2)
    void signingOutEndsTheProviderSessionAndTheNextSignInRereadsTheGroups() throws Exception {
        drain();
        browser.get(base + "index.xhtml");
        browser.findElement(By.id("logout")).click();
        Browser.waitFor(browser, ExpectedConditions.urlContains("loggedOut=true"));
        assertTrue(requestTo("/" + ISSUER_ID + "/endsession").isPresent(),
                "the browser went through the provider's end of session on its way back to the sign-in page");

        providerSignsIn(SUBJECT, USERNAME, "Inès Marchand", List.of("leadership", "/nps-admins"));
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("sso-start")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(List.of("ADMIN", "EXECUTIVE"), Json.strings(account(USERNAME).orElseThrow(), "roles").stream().sorted().toList(),
                "the roles follow the groups the provider gives at this sign-in");
        browser.get(base + "admin/users.xhtml");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("users")));
    }

    @Test
    @Order(3)
    void someoneInNoMappedGroupIsToldWhyInTheirLanguage() {
        browser.manage().deleteAllCookies();
        String outsider = Deployments.unique("outsider");
        providerSignsIn("sub-" + outsider, outsider, "Paul Tiers", List.of("staff"));
        browser.get(base + "login.xhtml?lang=fr");
        browser.findElement(By.id("sso-start")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("sso-error")));
        assertTrue(browser.findElement(By.id("sso-error")).getText().contains("aucun groupe"),
                browser.findElement(By.id("sso-error")).getText());
        assertTrue(account(outsider).isEmpty(), "no account for someone without a role");
    }

    @Test
    @Order(4)
    void withoutAGroupsClaimAnAccountKeepsTheRolesGivenHereAndNobodyNewGetsIn() {
        browser.manage().deleteAllCookies();
        providerSignsIn(SUBJECT, USERNAME, "Inès Marchand", null);
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("sso-start")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(List.of("ADMIN", "EXECUTIVE"), Json.strings(account(USERNAME).orElseThrow(), "roles").stream().sorted().toList());

        browser.manage().deleteAllCookies();
        String newcomer = Deployments.unique("newcomer");
        providerSignsIn("sub-" + newcomer, newcomer, "Léa Nouvelle", null);
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("sso-start")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("sso-error")));
        assertTrue(browser.findElement(By.id("sso-error")).getText().contains("no group"), browser.findElement(By.id("sso-error")).getText());
        assertTrue(account(newcomer).isEmpty(), "no default roles configured: no account");
    }

    @Test
    @Order(5)
    void aDisabledAccountStaysOutAndAForgedAnswerSignsNobodyIn() {
        WebClient admin = breakGlassAdmin();
        long id = Json.number(account(USERNAME).orElseThrow(), "id");
        assertEquals(200, admin.sendJson("PUT", "api/users/" + id + "/enabled", "{\"enabled\":false}").statusCode());
        browser.manage().deleteAllCookies();
        providerSignsIn(SUBJECT, USERNAME, "Inès Marchand", List.of("growth"));
        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("sso-start")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("sso-error")));
        assertTrue(browser.findElement(By.id("sso-error")).getText().contains("disabled"),
                browser.findElement(By.id("sso-error")).getText());
        assertEquals(200, admin.sendJson("PUT", "api/users/" + id + "/enabled", "{\"enabled\":true}").statusCode());

        // An answer this browser did not ask for (login CSRF, a replayed code): refused, nobody signed in.
        browser.manage().deleteAllCookies();
        browser.get(base + "sso/callback?code=stolen-code&state=forged-state");
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("sso-error")));
        browser.get(base + "index.xhtml");
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"), browser.getCurrentUrl());
    }

    @Test
    @Order(6)
    void anIdTokenNotSignedByTheProviderOrMadeForAnotherApplicationOrAnotherSignInIsRefused() throws Exception {
        String kid = provider.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT)).getHeader().getKeyID();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(kid).generate();
        for (String forgery : List.of("another key", "another audience", "another sign-in's nonce")) {
            WebClient visitor = new WebClient(base);
            HttpResponse<String> start = visitor.get("sso/start");
            assertEquals(302, start.statusCode(), forgery);
            URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
            String nonce = parameter(authorize, "nonce");
            HttpResponse<String> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(),
                    HttpResponse.BodyHandlers.ofString());
            URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
            String idToken = switch (forgery) {
                case "another key" -> {
                    SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                            new JWTClaimsSet.Builder().issuer(provider.issuerUrl(ISSUER_ID).toString()).audience(CLIENT_ID)
                                    .subject(SUBJECT).claim("nonce", nonce).claim("preferred_username", USERNAME)
                                    .claim("groups", List.of("nps-admins")).issueTime(new Date())
                                    .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
                    token.sign(new RSASSASigner(otherKey));
                    yield token.serialize();
                }
                case "another audience" -> provider.issueToken(ISSUER_ID, "another-app", new DefaultOAuth2TokenCallback(ISSUER_ID,
                        SUBJECT, "JWT", List.of("another-app"), Map.of("nonce", nonce, "groups", List.of("nps-admins")), 600)).serialize();
                default -> provider.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, SUBJECT, "JWT",
                        List.of(CLIENT_ID), Map.of("nonce", "an-earlier-nonce", "groups", List.of("nps-admins")), 600)).serialize();
            };
            FORGED_ID_TOKEN.set(idToken);
            HttpResponse<String> answer = visitor.get("sso/callback?" + callback.getRawQuery());
            assertEquals(302, answer.statusCode(), forgery);
            assertTrue(answer.headers().firstValue("Location").orElse("").contains("login.xhtml?sso=failed"), forgery);
            assertTrue(visitor.get("index.xhtml").headers().firstValue("Location").orElse("").contains("login.xhtml"),
                    forgery + ": nobody signed in");
        }
    }

    /** The token endpoint of a provider that was broken into, or of someone in the middle, while a forgery is set. */
    private static final class ForgedTokenEndpoint implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().endsWith("/token") && FORGED_ID_TOKEN.get() != null;
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":600,\"id_token\":\""
                    + FORGED_ID_TOKEN.getAndSet(null) + "\"}";
            return new OAuth2HttpResponse(okhttp3.Headers.of("Content-Type", "application/json"), 200, body, null);
        }
    }

    private static String parameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }

    @Test
    @Order(7)
    void passwordsAreRefusedButTheBreakGlassAdministrators() {
        WebClient admin = breakGlassAdmin();
        String local = Deployments.unique("local");
        assertEquals(201, admin.sendJson("POST", "api/users",
                "{\"username\":\"" + local + "\",\"roles\":[\"MARKETER\"],\"password\":\"Temporary-pass-1\"}").statusCode());
        browser.manage().deleteAllCookies();
        browser.get(base + "login.xhtml?lang=en&local=true");
        browser.findElement(By.id("j_username")).sendKeys(local);
        browser.findElement(By.id("j_password")).sendKeys("Temporary-pass-1");
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("local-off")));
        assertTrue(browser.findElement(By.id("local-off")).getText().contains("sign in with Corp ID"),
                browser.findElement(By.id("local-off")).getText());

        browser.get(base + "login.xhtml?lang=en");
        browser.findElement(By.id("break-glass")).click();
        browser.findElement(By.id("j_username")).sendKeys(Deployments.adminUsername());
        browser.findElement(By.id("j_password")).sendKeys(Deployments.adminPassword());
        browser.findElement(By.id("login-submit")).click();
        Browser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        // The users page tells provider accounts apart, and offers them no password reset.
        browser.get(base + "admin/users.xhtml?lang=en");
        String row = browser.findElement(By.xpath("//tr[td[contains(., '" + USERNAME + "')]]")).getText();
        assertTrue(row.contains("single sign-on"), row);
        assertFalse(row.contains("Reset password"), row);

    }

    @Test
    @Order(8)
    void theAuditTrailShowsTheSignInsTheAccountAndItsRoleChanges() {
        String trail = breakGlassAdmin().get("api/audit?actor=" + USERNAME).body();
        assertTrue(trail.contains("\"SIGN_IN\""), trail);
        assertTrue(trail.contains("Signed in with Corp ID"), trail);
        assertTrue(trail.contains("\"SIGN_IN_FAILED\"") && trail.contains("disabled"), trail);
        assertTrue(trail.contains("\"CREATE\""), "the account's creation at the first sign-in: " + trail);
        assertTrue(trail.contains("ADMIN"), "the roles given at the second sign-in: " + trail);
    }

    /** The provider's next ID token: these claims, and no groups claim at all when {@code groups} is null. */
    private static void providerSignsIn(String subject, String username, String name, List<String> groups) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("preferred_username", username, "name", name,
                "email", username + "@corp.example"));
        if (groups != null) {
            claims.put("groups", groups);
        }
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    private static WebClient breakGlassAdmin() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        return admin;
    }

    private static Optional<JsonObject> account(String username) {
        return Json.where(Json.array(breakGlassAdmin().get("api/users").body()), "", "username", username).stream().findFirst();
    }

    /** Forgets the requests the provider received before this step. */
    private static void drain() {
        while (nextRequest(50).isPresent()) {
            // an earlier step's
        }
    }

    private static Optional<RecordedRequest> requestTo(String path) {
        Optional<RecordedRequest> request;
        while ((request = nextRequest(5000)).isPresent()) {
            if (request.get().getPath() != null && request.get().getPath().startsWith(path)) {
                return request;
            }
        }
        return Optional.empty();
    }

    /** The provider's next request, if one comes within this time (its queue throws rather than answer none). */
    private static Optional<RecordedRequest> nextRequest(long millis) {
        try {
            return Optional.ofNullable(provider.takeRequest(millis, TimeUnit.MILLISECONDS));
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }
}
