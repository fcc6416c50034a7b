package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;

/**
 * The admin shell over HTTP, as a browser or an API client sees it: sign-in, roles on pages and API
 * calls, temporary passwords, disabled accounts, health and metrics. Runs against the database of
 * NPS_DB_URL (PostgreSQL in CI).
 */
class AdminShellIT extends OnSharedApplication {




    @Test
    void readinessReportsTheDatabaseAndAppliedMigrations() {
        HttpResponse<String> ready = new WebClient(base).get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = Json.object(ready);
        assertEquals("UP", Json.string(readiness, "status"), ready.body());
        String expectedDatabase = System.getenv().getOrDefault("NPS_DB_URL", "").startsWith("jdbc:postgresql")
                ? "PostgreSQL" : "H2";
        // The check that reports the database: UP, naming it, nothing left to migrate.
        List<JsonObject> database = Json.filter(Json.objects(readiness, "checks"), check -> Json.has(check, "data.database"));
        assertEquals(1, database.size(), ready.body());
        assertEquals(List.of("UP", expectedDatabase, "0"), List.of(Json.string(database.get(0), "status"),
                Json.string(database.get(0), "data.database"), Json.string(database.get(0), "data.pendingMigrations")), ready.body());

        HttpResponse<String> live = new WebClient(base).get("health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Json.string(Json.object(live), "status"), live.body());
    }

    @Test
    void metricsAreServedToAnAdministrator() {
        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> metrics = admin.get("metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format expected");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndApiCallsGet401() {
        WebClient anonymous = new WebClient(base);
        HttpResponse<String> root = anonymous.get("");
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElseThrow().endsWith("/login.xhtml"));

        HttpResponse<String> login = anonymous.get("login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("name=\"j_password\""));

        HttpResponse<String> api = anonymous.get("api/overview");
        assertEquals(401, api.statusCode());
        assertTrue(Json.has(Json.object(api), "message"), api.body());
    }

    @Test
    void theBenchmarksBareEndpointIsOffByDefault() {
        // bench/respond turns it on with nps.bench.endpoints=true; anywhere else it does not exist.
        HttpResponse<String> bare = new WebClient(base).send("POST", "api/bench/bare?id=1", "text/plain", new byte[0]);
        assertEquals(404, bare.statusCode(), bare.body());
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserGetTheSameAnswer() {
        WebClient admin = signedInAdmin();
        String name = Deployments.unique("disabled");
        String password = "Initial-password-1";
        long id = createUser(admin, name, "MARKETER", password);
        assertEquals(200, admin.sendJson("PUT", "api/users/" + id + "/enabled", "{\"enabled\":false}").statusCode());

        String wrongPassword = new WebClient(base).login(Deployments.adminUsername(), "not-the-password");
        String unknownUser = new WebClient(base).login(Deployments.unique("nobody"), "whatever-password");
        String disabledUser = new WebClient(base).login(name, password);
        assertTrue(wrongPassword.endsWith("/login.xhtml?failed=true"), wrongPassword);
        assertEquals(wrongPassword, unknownUser);
        assertEquals(wrongPassword, disabledUser);

        HttpResponse<String> page = new WebClient(base).get("login.xhtml?failed=true");
        assertTrue(page.body().contains("Invalid user name or password."), page.body());
    }

    @Test
    void adminSeesTheDashboardWithLiveCounts() {
        WebClient admin = signedInAdmin();
        HttpResponse<String> dashboard = admin.get("");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("id=\"dashboard:contacts\""), dashboard.body());
        assertTrue(dashboard.body().contains("Net Promoter Score"));

        HttpResponse<String> overview = admin.get("api/overview");
        assertEquals(200, overview.statusCode());
        assertTrue(Json.number(Json.object(overview), "contacts") >= 0, overview.body());
    }

    @Test
    void eachRoleIsRefusedThePagesAndCallsOfTheOthers() {
        WebClient admin = signedInAdmin();
        WebClient marketer = newSignedInUser(admin, "MARKETER");
        WebClient executive = newSignedInUser(admin, "EXECUTIVE");

        assertEquals(200, marketer.get("campaigns/index.xhtml").statusCode());
        assertEquals(200, marketer.get("audience/index.xhtml").statusCode());
        assertEquals(200, marketer.get("reports/index.xhtml").statusCode());
        assertEquals(403, marketer.get("admin/users.xhtml").statusCode());
        assertEquals(403, marketer.get("publications/index.xhtml").statusCode());
        HttpResponse<String> marketerApi = marketer.get("api/users");
        assertEquals(403, marketerApi.statusCode());
        assertEquals(403, Json.number(Json.object(marketerApi), "status"), marketerApi.body());
        assertEquals(200, marketer.get("api/overview").statusCode());

        assertEquals(200, executive.get("reports/index.xhtml").statusCode());
        assertEquals(200, executive.get("publications/index.xhtml").statusCode());
        assertEquals(403, executive.get("campaigns/index.xhtml").statusCode());
        assertEquals(403, executive.get("admin/settings.xhtml").statusCode());
        assertEquals(403, executive.sendJson("POST", "api/users",
                "{\"username\":\"" + Deployments.unique("x") + "\",\"roles\":[\"ADMIN\"]}").statusCode());

        assertEquals(200, admin.get("admin/users.xhtml").statusCode());
        assertEquals(403, admin.get("campaigns/index.xhtml").statusCode(), "ADMIN alone is not MARKETER");
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        WebClient admin = signedInAdmin();
        String name = Deployments.unique("newcomer");
        HttpResponse<String> created = admin.sendJson("POST", "api/users",
                "{\"username\":\"" + name + "\",\"displayName\":\"New Comer\",\"roles\":[\"EXECUTIVE\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String oneTimePassword = Json.string(Json.object(created), "oneTimePassword");

        WebClient user = new WebClient(base);
        assertTrue(user.login(name, oneTimePassword).endsWith("/account/password.xhtml"));
        HttpResponse<String> elsewhere = user.get("reports/index.xhtml");
        assertEquals(302, elsewhere.statusCode());
        assertTrue(elsewhere.headers().firstValue("Location").orElseThrow().endsWith("/account/password.xhtml"));
        assertEquals(403, user.get("api/overview").statusCode());

        HttpResponse<String> tooShort = user.changePassword(oneTimePassword, "short");
        assertTrue(tooShort.body().contains("at least 10 characters"), tooShort.body());

        HttpResponse<String> changed = user.changePassword(oneTimePassword, "My-own-password-42");
        assertEquals(302, changed.statusCode(), changed.body());
        assertEquals(200, user.get("reports/index.xhtml").statusCode());

        assertTrue(new WebClient(base).login(name, oneTimePassword).endsWith("failed=true"),
                "the one-time password no longer works");
    }

    @Test
    void disablingAUserEndsTheirOpenSession() {
        WebClient admin = signedInAdmin();
        SignedIn leaving = signedInMarketer(admin, "leaver");
        long id = leaving.id();
        WebClient leaver = leaving.client();

        admin.sendJson("PUT", "api/users/" + id + "/enabled", "{\"enabled\":false}");
        HttpResponse<String> after = leaver.get("campaigns/index.xhtml");
        assertEquals(302, after.statusCode());
        assertTrue(after.headers().firstValue("Location").orElseThrow().contains("/login.xhtml"));
    }

    @Test
    void aRoleTakenAwayCountsAtTheNextClickNotAtTheNextSignIn() {
        WebClient admin = signedInAdmin();
        SignedIn moving = signedInMarketer(admin, "mover");
        long id = moving.id();
        WebClient mover = moving.client();

        assertEquals(200, admin.sendJson("PUT", "api/users/" + id + "/roles", "{\"roles\":[\"EXECUTIVE\"]}").statusCode());
        assertEquals(403, mover.get("campaigns/index.xhtml").statusCode(), "no longer a marketer, same session");
        assertEquals(200, mover.get("reports/index.xhtml").statusCode(), "the new role counts at once too");
    }

    private record SignedIn(long id, WebClient client) {
    }

    /** A new MARKETER, signed in with the password they chose, on the campaigns page. */
    private SignedIn signedInMarketer(WebClient admin, String prefix) {
        String name = Deployments.unique(prefix);
        long id = createUser(admin, name, "MARKETER", "Initial-password-1");
        WebClient client = new WebClient(base);
        client.login(name, "Initial-password-1");
        client.changePassword("Initial-password-1", "Chosen-password-42");
        assertEquals(200, client.get("campaigns/index.xhtml").statusCode());
        return new SignedIn(id, client);
    }

    @Test
    void signingInLeadsToThePageAskedForAndNeverToAnotherSite() {
        WebClient person = new WebClient(base);
        HttpResponse<String> asked = person.get("admin/users.xhtml?tab=2");
        assertEquals(302, asked.statusCode());
        assertTrue(asked.headers().firstValue("Location").orElseThrow().endsWith("/login.xhtml"));
        assertTrue(person.login(Deployments.adminUsername(), Deployments.adminPassword()).endsWith("/admin/users.xhtml?tab=2"));

        WebClient lured = new WebClient(base);
        // A path that a browser would read as another host once redirected to.
        assertEquals(302, lured.get(base.toExternalForm() + "/evil.example/x").statusCode());
        String landing = lured.login(Deployments.adminUsername(), Deployments.adminPassword());
        assertFalse(landing.contains("evil.example"), landing);
    }

    @Test
    void adminsCannotLockThemselvesOut() {
        WebClient admin = signedInAdmin();
        HttpResponse<String> users = admin.get("api/users");
        String self = Json.text(Json.only(Json.array(users), "", "username", Deployments.adminUsername()), "id");
        HttpResponse<String> refused = admin.sendJson("PUT", "api/users/" + self + "/enabled", "{\"enabled\":false}");
        assertEquals(400, refused.statusCode());
        assertTrue(Json.says(refused, "cannot disable your own account"), refused.body());

        HttpResponse<String> badRole = admin.sendJson("PUT", "api/users/" + self + "/roles", "{\"roles\":[\"MARKETER\"]}");
        assertEquals(400, badRole.statusCode());
        assertEquals(404, admin.sendJson("PUT", "api/users/999999999/enabled", "{\"enabled\":true}").statusCode());
    }

    @Test
    void badApiRequestsGetJsonErrorsNamingTheProblem() {
        WebClient admin = signedInAdmin();
        HttpResponse<String> notJson = admin.sendJson("POST", "api/users", "{not json");
        assertEquals(400, notJson.statusCode());
        assertEquals(400, Json.number(Json.object(notJson), "status"), notJson.body());

        HttpResponse<String> invalidName = admin.sendJson("POST", "api/users", "{\"username\":\"a b\",\"roles\":[\"ADMIN\"]}");
        assertEquals(400, invalidName.statusCode());
        assertTrue(Json.says(invalidName, "A user name has 2 to 64 characters"), invalidName.body());

        HttpResponse<String> noRole = admin.sendJson("POST", "api/users", "{\"username\":\"" + Deployments.unique("r") + "\"}");
        assertEquals(400, noRole.statusCode());
        assertTrue(Json.says(noRole, "at least one role"), noRole.body());

        HttpResponse<String> missingFlag = admin.sendJson("PUT", "api/users/1/enabled", "{}");
        assertEquals(400, missingFlag.statusCode(), "an empty body must not disable anyone");

        HttpResponse<String> unknownPath = admin.get("api/no-such-thing");
        assertEquals(404, unknownPath.statusCode());
        assertEquals(404, Json.number(Json.object(unknownPath), "status"), unknownPath.body());
    }

    @Test
    void signingOutEndsTheSession() {
        WebClient admin = signedInAdmin();
        HttpResponse<String> logout = admin.postForm("logout", java.util.Map.of());
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").orElseThrow().contains("loggedOut"));
        assertEquals(302, admin.get("").statusCode());
        assertFalse(admin.get("api/overview").statusCode() == 200);
    }

    private WebClient signedInAdmin() {
        WebClient admin = new WebClient(base);
        String landing = admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        assertFalse(landing.contains("failed"), "admin login failed: " + landing);
        return admin;
    }

    private long createUser(WebClient admin, String name, String role, String password) {
        HttpResponse<String> created = admin.sendJson("POST", "api/users",
                "{\"username\":\"" + name + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + password + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = Json.object(created);
        assertEquals(List.of(name, role), List.of(Json.string(user, "user.username"), Json.strings(user, "user.roles").get(0)), created.body());
        assertTrue(Json.bool(user, "user.mustChangePassword"), "a password set by an administrator is temporary: " + created.body());
        return Json.number(user, "user.id");
    }

    /** A user of the role who has signed in and replaced the temporary password. */
    private WebClient newSignedInUser(WebClient admin, String role) {
        String name = Deployments.unique(role.toLowerCase());
        createUser(admin, name, role, "Temporary-pass-1");
        WebClient user = new WebClient(base);
        assertTrue(user.login(name, "Temporary-pass-1").endsWith("/account/password.xhtml"));
        assertEquals(302, user.changePassword("Temporary-pass-1", "Chosen-pass-42").statusCode());
        return user;
    }
}
