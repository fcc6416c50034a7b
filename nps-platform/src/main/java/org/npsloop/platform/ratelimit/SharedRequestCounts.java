package org.npsloop.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * Requests per client address and minute, shared by every instance through the database ({@code rate_limit_count},
 * V29), so that a limit holds across instances behind a load balancer. Each instance writes only its own rows with its
 * absolute counts (no two instances write one row: no lost update, no lock between them) and reads the sum of the
 * others'. Addresses are stored as SHA-256 digests. Plain JDBC on the caller's connection, in auto-commit or the
 * caller's transaction.
 */
public final class SharedRequestCounts {

    private final Connection connection;
    private final String instance;

    public SharedRequestCounts(Connection connection, String instance) {
        this.connection = connection;
        this.instance = instance;
    }

    /**
     * Writes this instance's counts of {@code minute} for the addresses given (absolute values), and deletes every
     * instance's rows older than the minute before.
     */
    public void write(long minute, Map<String, Integer> counts) throws SQLException {
        if (!counts.isEmpty()) {
            List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.size());
            counts.forEach((address, requests) -> rows.add(Map.entry(hash(address), requests)));
            int[] updated;
            try (PreparedStatement update = connection.prepareStatement("UPDATE rate_limit_count SET requests = ? "
                    + "WHERE window_minute = ? AND address_hash = ? AND instance = ?")) {
                for (Map.Entry<String, Integer> row : rows) {
                    Jdbc.bind(update, row.getValue(), minute, row.getKey(), instance);
                    update.addBatch();
                }
                updated = update.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rate_limit_count "
                    + "(window_minute, address_hash, instance, requests) VALUES (?, ?, ?, ?)")) {
                boolean any = false;
                for (int i = 0; i < rows.size(); i++) {
                    if (updated[i] == 0) {
                        Jdbc.bind(insert, minute, rows.get(i).getKey(), instance, rows.get(i).getValue());
                        insert.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    insert.executeBatch();
                }
            }
        }
        sweep(minute);
    }

    /** Deletes every instance's rows older than the minute before {@code minute}. */
    private void sweep(long minute) throws SQLException {
        Jdbc.update(connection, "DELETE FROM rate_limit_count WHERE window_minute < ?", minute - 1);
    }

    /** What the other instances counted in {@code minute}, by address digest ({@link #hash}). */
    public Map<String, Integer> others(long minute) throws SQLException {
        Map<String, Integer> others = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT address_hash, SUM(requests) FROM rate_limit_count "
                + "WHERE window_minute = ? AND instance <> ? GROUP BY address_hash")) {
            Jdbc.bind(select, minute, instance);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    others.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return others;
    }

    /** The digest an address is stored and looked up by. */
    public static String hash(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
