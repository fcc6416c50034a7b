package org.npsloop.campaigns.audience.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * Uploads kept in the database in chunks ({@code upload}, {@code upload_chunk}), so that any instance can preview, start
 * or resume their import. Writing streams the body chunk by chunk; reading fetches one chunk at a time: a file is never
 * held whole in memory. Plain JDBC on the caller's connection (and transaction).
 */
final class UploadStore {

    /** 1 MB: a few rows per file, a small buffer. */
    static final int CHUNK_SIZE = 1 << 20;

    /** An upload's own data. */
    record Stored(String id, String fileName, long size, String uploadedBy, Instant uploadedAt, boolean taken) {
    }

    private final Connection connection;
    private final int chunkSize;

    UploadStore(Connection connection) {
        this(connection, CHUNK_SIZE);
    }

    UploadStore(Connection connection, int chunkSize) {
        this.connection = connection;
        this.chunkSize = chunkSize;
    }

    /**
     * Stores {@code content} under {@code id}, read to its end. A failure (body broken off, over the size cap) leaves
     * rows behind only until the caller's transaction rolls back.
     *
     * @return the size in bytes
     */
    long save(String id, String fileName, String uploadedBy, Instant now, InputStream content) throws SQLException, IOException {
        Jdbc.update(connection, "INSERT INTO upload (id, file_name, size_bytes, uploaded_by, uploaded_at, taken) "
                + "VALUES (?, ?, 0, ?, ?, FALSE)", id, cut(fileName, 300), cut(uploadedBy, 200), now);
        long size = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upload_chunk (upload_id, seq, data) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[chunkSize];
            for (int seq = 0;; seq++) {
                int read = content.readNBytes(buffer, 0, chunkSize);
                if (read == 0) {
                    break;
                }
                insert.setString(1, id);
                insert.setInt(2, seq);
                insert.setBytes(3, read == chunkSize ? buffer : java.util.Arrays.copyOf(buffer, read));
                insert.executeUpdate();
                size += read;
                if (read < chunkSize) {
                    break;
                }
            }
        }
        Jdbc.update(connection, "UPDATE upload SET size_bytes = ? WHERE id = ?", size, id);
        return size;
    }

    Optional<Stored> find(String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, file_name, size_bytes, uploaded_by, uploaded_at, taken FROM upload WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Jdbc.instant(rs, 5), rs.getBoolean(6))) : Optional.empty();
            }
        }
    }

    /** Marks the upload as handed to an import; false when it is unknown or another start (on any instance) took it. */
    boolean take(String id) throws SQLException {
        return Jdbc.update(connection, "UPDATE upload SET taken = TRUE WHERE id = ? AND taken = FALSE", id) == 1;
    }

    /** Chunk {@code seq} of an upload, or null past its end. */
    byte[] chunk(String id, int seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT data FROM upload_chunk WHERE upload_id = ? AND seq = ?")) {
            select.setString(1, id);
            select.setInt(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Deletes an upload and its chunks (personal data: once its import has ended). */
    void delete(String id) throws SQLException {
        Jdbc.update(connection, "DELETE FROM upload_chunk WHERE upload_id = ?", id);
        Jdbc.update(connection, "DELETE FROM upload WHERE id = ?", id);
    }

    /**
     * Deletes the uploads stored before {@code before} that no pending or running import needs: previewed but never
     * imported, or left by an import that ended without deleting it. One statement per table: several instances may
     * sweep at once, each row goes once.
     *
     * @return how many uploads were deleted
     */
    int deleteAbandoned(Instant before) throws SQLException {
        String abandoned = "SELECT u.id FROM upload u WHERE u.uploaded_at < ? AND NOT EXISTS (SELECT 1 FROM import_job j "
                + "WHERE j.upload_id = u.id AND j.status IN ('PENDING', 'RUNNING'))";
        Jdbc.update(connection, "DELETE FROM upload_chunk WHERE upload_id IN (" + abandoned + ")", before);
        return Jdbc.update(connection, "DELETE FROM upload WHERE id IN (" + abandoned + ")", before);
    }

    /** An upload's bytes in order, one chunk in memory at a time, each fetched by {@code chunks}. */
    static InputStream open(String id, ChunkSource chunks) {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private int seq;
            private boolean ended;

            private boolean fill() throws IOException {
                while (!ended && position >= current.length) {
                    try {
                        byte[] next = chunks.chunk(id, seq++);
                        if (next == null) {
                            ended = true;
                        } else {
                            current = next;
                            position = 0;
                        }
                    } catch (SQLException e) {
                        throw new IOException("Could not read upload " + id + ": " + e.getMessage(), e);
                    }
                }
                return !ended || position < current.length;
            }

            @Override
            public int read() throws IOException {
                return fill() ? current[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    /** Where {@link #open} takes each chunk from (a short query on a connection of its own, in the container). */
    @FunctionalInterface
    interface ChunkSource {
        byte[] chunk(String id, int seq) throws SQLException;
    }

    private static String cut(String value, int max) {
        String text = value == null || value.isBlank() ? "?" : value;
        return text.length() > max ? text.substring(0, max) : text;
    }
}
