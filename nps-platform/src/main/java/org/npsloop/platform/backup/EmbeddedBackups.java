package org.npsloop.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * Backups of the embedded H2 database, taken while the application runs: H2's {@code BACKUP TO} writes a consistent
 * copy of the database file into a zip (other connections go on meanwhile). Restoring is starting on it: the zip
 * holds {@code npsloop.mv.db}, which goes back into {@code <data dir>/db/} while the application is stopped
 * (docs/backup.md). Only names this class gives are ever opened, so a name from a request cannot leave the folder.
 */
public final class EmbeddedBackups {

    /** What a backup is called: the UTC time it was taken, to the millisecond. */
    private static final Pattern NAME = Pattern.compile("npsloop-\\d{8}-\\d{6}-\\d{3}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** One backup file. */
    public record Backup(String name, long bytes, Instant takenAt) {
    }

    /** The database is not the embedded one: it is backed up with its own tools. */
    public static final class NotEmbeddedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotEmbeddedException(SqlDialect dialect) {
            super("Not an embedded H2 database: " + dialect);
        }
    }

    private final Path directory;

    /** @param directory where backups are written and listed ({@code <data dir>/backups}) */
    public EmbeddedBackups(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes a backup of the database of {@code connection} now.
     *
     * @throws NotEmbeddedException on any database but H2
     */
    public Backup take(Connection connection, Instant now) throws SQLException, IOException {
        SqlDialect dialect = SqlDialect.of(connection);
        if (dialect != SqlDialect.H2) {
            throw new NotEmbeddedException(dialect);
        }
        Files.createDirectories(directory);
        Path file = directory.resolve("npsloop-" + STAMP.format(now) + ".zip");
        if (Files.exists(file)) {
            throw new IOException("A backup named " + file.getFileName() + " exists already");
        }
        try (Statement statement = connection.createStatement()) {
            // BACKUP takes no parameter: a literal, quotes doubled (the path comes from the configuration).
            statement.execute("BACKUP TO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        return describe(file, now);
    }

    /** The backups in the folder, newest first. */
    public List<Backup> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .map(file -> describe(file, null)).sorted(Comparator.comparing(Backup::name).reversed()).toList();
        }
    }

    /** The file of the backup of that name, if it is one of the folder's backups (any other name: empty). */
    public Optional<Path> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static Backup describe(Path file, Instant takenAt) {
        String name = file.getFileName().toString();
        try {
            Instant when = takenAt != null ? takenAt
                    : STAMP.parse(name.substring("npsloop-".length(), name.length() - ".zip".length()), Instant::from);
            return new Backup(name, Files.size(file), when);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
