package org.npsloop.campaigns.audience.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Which waiting uploads of a folder were last written before a given instant. */
final class AbandonedUploads {

    private AbandonedUploads() {
    }

    /** @return the ids (file names without ".csv") among {@code waiting} whose file is older than {@code before} */
    static List<String> olderThan(Path folder, Collection<String> waiting, Instant before) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".csv")) {
                    continue;
                }
                String uploadId = name.substring(0, name.length() - 4);
                if (waiting.contains(uploadId) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    found.add(uploadId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
