package org.npsloop.campaigns.audience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedUploadsTest {

    @TempDir
    Path folder;

    @Test
    void onlyWaitingUploadsOlderThanTheAgeAreAbandoned() throws Exception {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        upload("old-waiting", now.minus(Duration.ofHours(25)));
        upload("young-waiting", now.minus(Duration.ofHours(2)));
        upload("old-being-imported", now.minus(Duration.ofHours(30)));
        Files.writeString(folder.resolve("notes.txt"), "not an upload");

        List<String> abandoned = AbandonedUploads.olderThan(folder, Set.of("old-waiting", "young-waiting"),
                now.minus(Duration.ofHours(24)));

        assertEquals(List.of("old-waiting"), abandoned);
    }

    @Test
    void theSweeperTicksAQuarterOfTheAgeBetweenAMinuteAndAnHour() {
        assertEquals(Duration.ofHours(1), UploadSweeper.interval(Duration.ofDays(1)));
        assertEquals(Duration.ofMinutes(15), UploadSweeper.interval(Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(1), UploadSweeper.interval(Duration.ofMinutes(2)));
    }

    private void upload(String id, Instant written) throws Exception {
        Path file = Files.writeString(folder.resolve(id + ".csv"), "email\na@b.example\n");
        Files.setLastModifiedTime(file, FileTime.from(written));
    }
}
