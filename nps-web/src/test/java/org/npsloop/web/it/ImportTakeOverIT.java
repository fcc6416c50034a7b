package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 16, point 2: the instance running a large import is killed (SIGKILL) mid-way; the other instance, on the same
 * database, takes the job over once its lease expires and finishes it after the last committed batch: the exact
 * counts, every contact once, the list complete. The upload sent to the dead instance is read from the database.
 */
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
@Tag(OwnProcessesSuiteIT.TAG)
class ImportTakeOverIT {

    private static final int ROWS = 40_000;
    private static final int BAD_EVERY = 2_000;
    /**
     * A is killed once two batches (DefaultImportService.BATCH_SIZE, 1,000 rows) are committed: mid-run whatever the
     * machine's speed, with most of the file left to B (A imports some 14,000 rows a second on 2 cores).
     */
    private static final int KILL_AFTER = 2_000;

    @Test
    void theOtherInstanceFinishesTheImportOfAKilledOne() throws Exception {
        String run = Deployments.unique("takeover");
        StringBuilder csv = new StringBuilder("email;first_name\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i % BAD_EVERY == 0 ? "not-an-email-" + i : run + "-" + i + "@exemple.fr").append(";P").append(i).append('\n');
        }
        int bad = ROWS / BAD_EVERY;
        // The test environment caps uploads at 1 MB (SecurityIT); this file is about 1.7 MB.
        Map<String, String> shortLease = Map.of("NPS_IMPORT_LEASE_SECONDS", "10", "NPS_UPLOAD_MAX_BYTES", "52428800");
        try (PayaraMicroProcess a = new PayaraMicroProcess("import-a", shortLease);
                PayaraMicroProcess b = new PayaraMicroProcess("import-b", shortLease)) {
            CompletableFuture<PayaraMicroProcess> startingB = CompletableFuture.supplyAsync(b::start);
            a.start();
            startingB.get();

            WebClient onA = AudienceApi.marketer(a.base());
            String listId = Json.id(onA.sendJson("POST", "api/lists", "{\"name\":\"" + run + "\"}"));
            HttpResponse<String> started = onA.overHttp11().send("POST", "api/imports?fileName=big.csv&listId=" + listId, "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(202, started.statusCode(), started.body());
            String jobId = Json.id(started);

            JsonObject status = Json.object(started);
            for (int i = 0; i < 3000 && Json.number(status, "processed") < KILL_AFTER; i++) {
                Thread.sleep(50);
                status = Json.object(onA.get("api/imports/" + jobId).body());
            }
            a.kill();
            long processedAtKill = Json.number(status, "processed");
            assertTrue(processedAtKill >= KILL_AFTER && processedAtKill < ROWS, "killed mid-way: " + status);
            long killedAt = System.nanoTime();

            WebClient onB = AudienceApi.marketer(b.base());
            status = Json.object(onB.get("api/imports/" + jobId).body());
            for (int i = 0; i < 1200 && !List.of("DONE", "FAILED").contains(Json.string(status, "status")); i++) {
                Thread.sleep(250);
                status = Json.object(onB.get("api/imports/" + jobId).body());
            }
            System.out.printf("[import-takeover] %,d rows; instance A killed after %,d; instance B finished %.1f s later%n",
                    ROWS, processedAtKill, (System.nanoTime() - killedAt) / 1e9);
            assertEquals("DONE", Json.string(status, "status"), status.toString());
            assertEquals(List.of((long) ROWS - bad, (long) bad, (long) ROWS, (long) ROWS), List.of(Json.number(status, "imported"),
                    Json.number(status, "rejected"), Json.number(status, "processed"), Json.number(status, "total")),
                    status.toString());
            assertEquals(ROWS - bad, Json.number(Json.object(onB.get("api/lists/" + listId).body()), "members"));
            assertEquals(bad, Json.array(onB.get("api/imports/" + jobId + "/rejections")).size(), "each bad line once");
        }
    }
}
