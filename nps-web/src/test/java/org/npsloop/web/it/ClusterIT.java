package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances joined in one Payara (Hazelcast) cluster by the options {@code bin/nps-loop} gives them, as behind a
 * load balancer without sticky sessions: an admin signs in on one, works on the other (a page, then a form whose
 * view was rendered by the first), and keeps working when the first one dies.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
class ClusterIT {

    private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");
    private static final Pattern SELECT = Pattern.compile("<select[^>]* name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected");
    private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>(nps_[^<]+)<");

    @Test
    void anAdminSignedInOnOneInstanceWorksOnTheOtherAndSurvivesTheFirstOnesDeath() throws Exception {
        int portA = PayaraMicroProcess.freePort();
        int portB = PayaraMicroProcess.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
        String cluster = Deployments.unique("nps-it");
        try (PayaraMicroProcess a = new PayaraMicroProcess("cluster-a", Map.of())
                        .inCluster(clusterOptions(members, cluster, portA));
                PayaraMicroProcess b = new PayaraMicroProcess("cluster-b", Map.of())
                        .inCluster(clusterOptions(members, cluster, portB))) {
            CompletableFuture<PayaraMicroProcess> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.get();
            awaitMembers(a, 2);

            WebClient onA = new WebClient(a.base());
            assertTrue(onA.login(Deployments.adminUsername(), Deployments.adminPassword()).endsWith("/"),
                    "signed in on A");
            WebClient onB = onA.on(b.base());

            HttpResponse<String> usersOnB = onB.get("admin/users.xhtml");
            assertEquals(200, usersOnB.statusCode(), "B knows the admin signed in on A: " + usersOnB.body());
            assertTrue(usersOnB.body().contains(Deployments.adminUsername()), "B lists the users");
            assertFalse(usersOnB.body().contains("j_security_check"), "not the sign-in page");

            // A form rendered by A, submitted to B: the view state and the session's CSP nonce reached B.
            HttpResponse<String> keysOnA = onA.get("admin/api-keys.xhtml");
            assertEquals(200, keysOnA.statusCode());
            String keyName = Deployments.unique("cluster-key");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("keys", "keys");
            form.put("keys:name", keyName);
            form.put("keys:role_input", "EXECUTIVE");
            form.put("keys:issue", "");
            form.put("jakarta.faces.ViewState", WebClient.viewState(keysOnA.body()));
            form.put(WebClient.CSP_NONCE_FIELD, WebClient.cspNonce(keysOnA.body()));
            HttpResponse<String> issuedOnB = onB.postForm("admin/api-keys.xhtml", form);
            assertEquals(200, issuedOnB.statusCode(), issuedOnB.body());
            Matcher secret = SECRET.matcher(issuedOnB.body());
            assertTrue(secret.find(), "B issued the key and shows its secret once: " + issuedOnB.body());
            assertTrue(issuedOnB.body().contains(keyName));

            anImportUploadedThroughOnePageIsPreviewedAndStartedThroughTheOther(onA, a, b);

            a.kill();
            HttpResponse<String> keysAfterA = onB.get("admin/api-keys.xhtml");
            assertEquals(200, keysAfterA.statusCode(), "still signed in with A gone: " + keysAfterA.body());
            assertTrue(keysAfterA.body().contains(keyName), "the key issued before is listed");
            WebClient system = new WebClient(b.base()).withHeader("Authorization", "Bearer " + secret.group(1));
            assertEquals(200, system.get("api/reports/dashboard").statusCode(), "the key issued through B works");

            assertEquals(302, onB.postForm("logout", Map.of()).statusCode());
            HttpResponse<String> afterLogout = onB.get("admin/users.xhtml");
            assertEquals(302, afterLogout.statusCode(), "signed out everywhere");
            assertTrue(afterLogout.headers().firstValue("Location").orElse("").contains("login.xhtml"));
        }
    }

    /**
     * Issue 16 point 2 through the import page: the file goes to A (PrimeFaces' uploader, a multipart AJAX postback),
     * the round-robin balancer sends the next click (Start) to B, which renders the preview and runs the import from
     * the upload A stored in the database.
     */
    private static void anImportUploadedThroughOnePageIsPreviewedAndStartedThroughTheOther(WebClient adminOnA,
            PayaraMicroProcess a, PayaraMicroProcess b) throws InterruptedException {
        String run = Deployments.unique("cluster-import");
        WebClient onA = AudienceApi.signedInUser(adminOnA, a.base(), "MARKETER");
        WebClient onB = onA.on(b.base());

        HttpResponse<String> page = onA.get("audience/import.xhtml");
        assertEquals(200, page.statusCode(), page.body());
        String csv = "email;first_name\n" + run + "-1@exemple.fr;Ana\n" + run + "-2@exemple.fr;Bruno\nnot-an-email;Chloé\n";
        Map<String, String> upload = partial(page.body(), "import:file", "import:file");
        upload.put("import:file_totalFilesCount", "1");
        HttpResponse<String> uploaded = onA.postMultipart("audience/import.xhtml", upload,
                "import:file", run + ".csv", csv); // PrimeFaces names the part after the component
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        assertTrue(uploaded.body().contains("import:start"), "A shows the preview and its Start button: " + uploaded.body());

        Map<String, String> start = partial(page.body(), "import:start", "import");
        start.putAll(selectedOptions(uploaded.body())); // the mapping as suggested, as the browser sends it back
        start.put("import:start", "import:start");
        HttpResponse<String> started = onB.postForm("audience/import.xhtml", start);
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.body().contains("importStatus"), "B started the import of the file sent to A: " + started.body());

        String job = "";
        for (int i = 0; i < 120 && !job.contains("\"DONE\""); i++) {
            Thread.sleep(250);
            job = Json.array(onB.get("api/imports")).stream().map(Object::toString).filter(j -> j.contains(run + ".csv")).findFirst().orElse("");
        }
        assertTrue(job.contains("\"status\":\"DONE\"") && job.contains("\"imported\":2") && job.contains("\"rejected\":1"),
                "both contacts imported, the bad line rejected: " + job);
    }

    /** Every select's chosen option (its name and value) in a page, as a browser submits them with the form. */
    private static Map<String, String> selectedOptions(String html) {
        Map<String, String> chosen = new LinkedHashMap<>();
        Matcher select = SELECT.matcher(html);
        while (select.find()) {
            Matcher option = SELECTED.matcher(select.group(2));
            if (option.find()) {
                chosen.put(select.group(1), option.group(1));
            }
        }
        assertFalse(chosen.isEmpty(), "no select in " + html);
        return chosen;
    }

    /**
     * The fields of the import form's AJAX postback from {@code source}, processing {@code execute}, as PrimeFaces
     * sends them.
     */
    private static Map<String, String> partial(String page, String source, String execute) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("import", "import");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page));
        form.put(WebClient.CSP_NONCE_FIELD, WebClient.cspNonce(page));
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", source);
        form.put("jakarta.faces.partial.execute", execute);
        form.put("jakarta.faces.partial.render", "import");
        return form;
    }

    /** The options {@code bin/nps-loop} derives from the cluster settings, without those the test process sets itself. */
    private static List<String> clusterOptions(String members, String name, int port) throws IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder(Path.of("..", "bin", "nps-loop").toAbsolutePath().normalize().toString(),
                "--print-options").redirectErrorStream(true);
        script.environment().put("NPS_CLUSTER_MEMBERS", members);
        script.environment().put("NPS_CLUSTER_NAME", name);
        script.environment().put("NPS_CLUSTER_PORT", String.valueOf(port));
        script.environment().put("NPS_CLUSTER_INTERFACES", "127.0.0.1");
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        List<String> options = new ArrayList<>();
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (List.of("--deploy", "--port", "--contextroot").contains(lines.get(i))) {
                i++; // PayaraMicroProcess deploys and binds itself
            } else {
                options.add(lines.get(i));
            }
        }
        assertTrue(options.contains("--clustermode"), output);
        return options;
    }

    /** Payara logs the data grid's size each time a member joins or leaves; the last one counts. */
    private static void awaitMembers(PayaraMicroProcess instance, int members) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!lastGridSize(instance.log()).equals(String.valueOf(members))) {
            assertTrue(System.nanoTime() < deadline, "no cluster of " + members + " in " + instance.name() + "'s log:\n"
                    + instance.log());
            Thread.sleep(200);
        }
    }

    private static String lastGridSize(String log) {
        Matcher size = GRID_SIZE.matcher(log);
        String last = "";
        while (size.find()) {
            last = size.group(1);
        }
        return last;
    }
}
