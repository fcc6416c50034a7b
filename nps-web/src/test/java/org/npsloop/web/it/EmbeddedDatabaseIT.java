package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The zero-configuration start: no NPS_DB_* at all (nor any other setting but the first administrator's:
 * {@link PayaraMicroProcess#zeroConfiguration}), so the app creates and migrates an H2 file under NPS_DATA_DIR and works
 * on it. A process of its own in {@link OwnProcessesSuiteIT}'s fork, the shorter one, rather than a failsafe execution
 * of its own after the two forks.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
class EmbeddedDatabaseIT {

    private static PayaraMicroProcess app;
    private static File dataDir;

    private URL base;

    @BeforeAll
    static void startWithNoSettings() {
        dataDir = new File("target", Deployments.unique("it-data")).getAbsoluteFile();
        app = PayaraMicroProcess.zeroConfiguration("embedded", dataDir.toPath()).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void findTheApplication() {
        base = app.base();
    }

    @Test
    void runsOnAnH2FileUnderTheDataDirectory() {
        HttpResponse<String> ready = new WebClient(base).get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = Json.object(ready);
        assertEquals("UP", Json.string(readiness, "status"), ready.body());
        List<JsonObject> database = Json.filter(Json.objects(readiness, "checks"), check -> Json.has(check, "data.database"));
        assertEquals(1, database.size(), ready.body());
        assertEquals(List.of("H2", "0"), List.of(Json.string(database.get(0), "data.database"),
                Json.string(database.get(0), "data.pendingMigrations")), ready.body());
        assertTrue(new File(dataDir, "db/npsloop.mv.db").isFile(),
                "the database file lives under the data directory");
    }

    @Test
    void theConfiguredAdministratorSignsInAndUsersAreStored() {
        WebClient admin = new WebClient(base);
        assertTrue(admin.login(Deployments.adminUsername(), Deployments.adminPassword()).endsWith("/"));
        assertEquals(200, admin.get("").statusCode());
        String name = Deployments.unique("h2user");
        HttpResponse<String> created = admin.sendJson("POST", "api/users",
                "{\"username\":\"" + name + "\",\"roles\":[\"EXECUTIVE\",\"MARKETER\"]}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = Json.only(Json.array(admin.get("api/users").body()), "", "username", name);
        assertEquals(List.of("EXECUTIVE", "MARKETER"), Json.strings(user, "roles").stream().sorted().toList(), user.toString());
    }

    @Test
    void withoutAnSmtpServerCampaignMailLandsInTheDevelopmentOutbox() throws InterruptedException {
        WebClient api = AudienceApi.marketer(base);
        String run = Deployments.unique("outbox");
        String listId = AudienceApi.id(api.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        api.sendJson("POST", "api/contacts/bulk", "{\"listId\":" + listId + ",\"contacts\":[{\"email\":\"" + run
                + "@exemple.fr\",\"language\":\"FR\"}]}");
        String survey = AudienceApi.id(api.sendJson("POST", "api/surveys", "{\"name\":\"" + run + "\",\"brandName\":\"Acme\"}"));
        String campaign = AudienceApi.id(api.sendJson("POST", "api/campaigns",
                "{\"name\":\"" + run + "\",\"surveyId\":" + survey + ",\"listId\":" + listId + "}"));
        api.sendJson("POST", "api/campaigns/" + campaign + "/schedule", "");
        String outbox = "[]";
        for (int i = 0; i < 80 && Json.where(Json.array(outbox), "", "recipient", run + "@exemple.fr").isEmpty(); i++) {
            Thread.sleep(250);
            outbox = api.get("api/outbox").body();
        }
        JsonObject mail = Json.only(Json.array(outbox), "", "recipient", run + "@exemple.fr");
        assertEquals("Votre avis sur Acme", Json.string(mail, "subject"), outbox);
        JsonObject content = Json.object(api.get("api/outbox/" + Json.text(mail, "id")).body());
        String message = Json.string(content, "html");
        assertTrue(message.contains("?score=10") && message.contains("/u/"), content.toString());
        assertTrue(Json.string(content, "text").contains("?score=10"), content.toString());

        // The respondent side on H2: a score link shows the page, a POST stores the answer, a second one changes it.
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/r/([A-Za-z0-9_-]{22})\\?score=8").matcher(message);
        assertTrue(link.find(), message);
        String token = link.group(1);
        HttpResponse<String> page = Respondents.get(base, "r/" + token + "?score=8", "en");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"score-8\" checked") && page.body().contains("lang=\"fr\""), page.body());
        assertEquals(303, Respondents.post(base, "r/" + token, "score=8", "en").statusCode());
        assertEquals(303, Respondents.post(base, "r/" + token, "score=9&comment=Bien", "en").statusCode());
        assertTrue(Respondents.get(base, "r/" + token + "/thanks", "en").body().contains("9 sur 10"));
        assertEquals(200, Respondents.post(base, "u/" + token, "List-Unsubscribe=One-Click", "en").statusCode());
    }

    /**
     * docs/backup.md on the embedded database: an administrator takes a backup through the API while the application
     * runs (a marketer may not), downloads it, and a new application started on the file it holds has the data.
     */
    @Test
    void aBackupTakenThroughTheApiRestoresByStartingOnIt() throws Exception {
        WebClient marketer = AudienceApi.marketer(base);
        String run = Deployments.unique("backup");
        AudienceApi.id(marketer.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
        assertEquals(403, marketer.sendJson("POST", "api/admin/backups", "").statusCode());

        WebClient admin = new WebClient(base);
        admin.login(Deployments.adminUsername(), Deployments.adminPassword());
        HttpResponse<String> taken = admin.sendJson("POST", "api/admin/backups", "");
        assertEquals(201, taken.statusCode(), taken.body());
        String name = Json.string(Json.object(taken), "name");
        assertTrue(name.matches("npsloop-\\d{8}-\\d{6}-\\d{3}\\.zip"), name);
        Path file = dataDir.toPath().resolve("backups").resolve(name);
        assertEquals(Files.size(file), Json.object(taken).getJsonNumber("bytes").longValue());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(Json.array(admin.get("api/admin/backups").body()).stream()
                .anyMatch(backup -> name.equals(backup.asJsonObject().getString("name"))));
        HttpResponse<String> download = admin.get("api/admin/backups/" + name);
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains(name));
        assertEquals(404, admin.get("api/admin/backups/..%2Fdb%2Fnpsloop.mv.db").statusCode());
        assertEquals(404, admin.get("api/admin/backups/npsloop-20000101-000000-000.zip").statusCode());

        // Restore: the backup's database file in the db folder of a new data directory, and an application started on it.
        Path restoredDir = new File("target", Deployments.unique("it-restored")).getAbsoluteFile().toPath();
        Files.createDirectories(restoredDir.resolve("db"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Files.copy(zip, restoredDir.resolve("db").resolve(Path.of(entry.getName()).getFileName().toString()));
            }
        }
        PayaraMicroProcess restored = PayaraMicroProcess.zeroConfiguration("embedded-restored", restoredDir).start();
        try {
            WebClient again = AudienceApi.marketer(restored.base());
            Json.only(Json.array(again.get("api/lists").body()), "", "name", run);
        } finally {
            restored.close();
        }
    }
}
