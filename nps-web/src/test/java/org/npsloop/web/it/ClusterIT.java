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
