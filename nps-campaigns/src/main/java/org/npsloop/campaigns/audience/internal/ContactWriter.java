package org.npsloop.campaigns.audience.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npsloop.campaigns.audience.UpsertResult;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.audience.Suppression;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * Upserts contacts by email with batched JDBC: a few statements per thousand contacts instead of a
 * few per contact, which is what makes a 100,000-line import take seconds. Runs on the caller's
 * (transactional) connection, so a batch is stored entirely or not at all.
 */
final class ContactWriter {

    private static final int IN_CHUNK = 500;

    private final Connection connection;
    private final SqlDialect dialect;

    ContactWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.dialect = SqlDialect.of(connection);
    }

    /** @param attributeIds id of every attribute name the records use */
    UpsertResult upsert(Collection<ContactRecord> input, Map<String, Long> attributeIds, Long listId, Instant now)
            throws SQLException {
        Map<String, ContactRecord> byEmail = new LinkedHashMap<>();
        for (ContactRecord record : input) {
            byEmail.put(record.email().value(), record); // the last occurrence wins
        }
        Map<String, Long> existing = existingIds(byEmail.keySet());
        List<ContactRecord> fresh = new ArrayList<>();
        List<ContactRecord> known = new ArrayList<>();
        byEmail.values().forEach(r -> (existing.containsKey(r.email().value()) ? known : fresh).add(r));

        Map<String, Long> ids = new HashMap<>(existing);
        OffsetDateTime timestamp = now.atOffset(ZoneOffset.UTC);
        insertContacts(fresh, ids, timestamp);
        updateContacts(known, ids, timestamp);
        writeAttributes(fresh, known, ids, attributeIds);
        if (listId != null) {
            addToList(listId, fresh, known, ids);
        }
        return new UpsertResult(fresh.size(), known.size());
    }

    private Map<String, Long> existingIds(Set<String> emails) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        byEmail("SELECT id, email FROM contact", emails).forEach((email, id) -> ids.put(email, ((Number) id).longValue()));
        return ids;
    }

    /** Runs "{select} WHERE email IN (...)" in chunks; the select's columns are a value, then the email. */
    private Map<String, Object> byEmail(String select, Collection<String> emails) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        List<String> all = new ArrayList<>(emails);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            try (PreparedStatement query = connection.prepareStatement(
                    select + " WHERE email IN (" + SqlDialect.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getString(2), rs.getObject(1));
                    }
                }
            }
        }
        return values;
    }

    private void insertContacts(List<ContactRecord> fresh, Map<String, Long> ids, OffsetDateTime now) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Deque<Long> newIds = dialect.allocateIds(connection, "contact_seq", fresh.size());
        // An address on the suppression list stays unreachable even when it comes back as a new contact,
        // also when the list keeps only its hash (its earlier contact was erased).
        Map<String, String> erasedKeys = new HashMap<>();
        fresh.forEach(r -> erasedKeys.put(Suppression.erasedKey(r.email()), r.email().value()));
        List<String> keys = new ArrayList<>(erasedKeys.values());
        keys.addAll(erasedKeys.keySet());
        Map<String, Object> suppressed = new HashMap<>();
        byEmail("SELECT reason, email FROM suppression", keys)
                .forEach((key, reason) -> suppressed.put(erasedKeys.getOrDefault(key, key), reason));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact "
                + "(id, email, first_name, last_name, language, status, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (ContactRecord r : fresh) {
                long id = newIds.pop();
                ids.put(r.email().value(), id);
                insert.setLong(1, id);
                insert.setString(2, r.email().value());
                insert.setString(3, r.firstName());
                insert.setString(4, r.lastName());
                insert.setString(5, (r.language() == null ? Language.EN : r.language()).name());
                Object reason = suppressed.get(r.email().value());
                insert.setString(6, reason == null ? ContactStatus.ACTIVE.name()
                        : SuppressionReason.valueOf((String) reason).contactStatus().name());
                insert.setObject(7, now);
                insert.setObject(8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void updateContacts(List<ContactRecord> known, Map<String, Long> ids, OffsetDateTime now) throws SQLException {
        if (known.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE contact SET "
                + "first_name = COALESCE(?, first_name), last_name = COALESCE(?, last_name), "
                + "language = COALESCE(?, language), updated_at = ?, version = version + 1 WHERE id = ?")) {
            for (ContactRecord r : known) {
                update.setString(1, r.firstName());
                update.setString(2, r.lastName());
                update.setString(3, r.language() == null ? null : r.language().name());
                update.setObject(4, now);
                update.setLong(5, ids.get(r.email().value()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void writeAttributes(List<ContactRecord> fresh, List<ContactRecord> known, Map<String, Long> ids,
            Map<String, Long> attributeIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM contact_attribute WHERE contact_id = ? AND attribute_id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_attribute "
                        + "(contact_id, attribute_id, text_value, number_value, date_value, boolean_value) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean deletes = false;
            boolean inserts = false;
            for (ContactRecord r : known) {
                for (String name : r.attributes().keySet()) {
                    delete.setLong(1, ids.get(r.email().value()));
                    delete.setLong(2, attributeIds.get(name));
                    delete.addBatch();
                    deletes = true;
                }
            }
            if (deletes) {
                delete.executeBatch();
            }
            for (List<ContactRecord> records : List.of(fresh, known)) {
                for (ContactRecord r : records) {
                    for (Map.Entry<String, Object> attribute : r.attributes().entrySet()) {
                        if (attribute.getValue() != null) {
                            bindAttribute(insert, ids.get(r.email().value()), attributeIds.get(attribute.getKey()),
                                    attribute.getValue());
                            insert.addBatch();
                            inserts = true;
                        }
                    }
                }
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    private static void bindAttribute(PreparedStatement insert, long contactId, long attributeId, Object value)
            throws SQLException {
        insert.setLong(1, contactId);
        insert.setLong(2, attributeId);
        insert.setObject(3, value instanceof String ? value : null, java.sql.Types.VARCHAR);
        insert.setObject(4, value instanceof Double ? value : null, java.sql.Types.DOUBLE);
        insert.setObject(5, value instanceof LocalDate ? value : null, java.sql.Types.DATE);
        insert.setObject(6, value instanceof Boolean ? value : null, java.sql.Types.BOOLEAN);
    }

    private void addToList(long listId, List<ContactRecord> fresh, List<ContactRecord> known, Map<String, Long> ids)
            throws SQLException {
        try (PreparedStatement insertNew = connection.prepareStatement(
                "INSERT INTO mailing_list_member (mailing_list_id, contact_id) VALUES (?, ?)");
                PreparedStatement insertKnown = connection.prepareStatement(
                        "INSERT INTO mailing_list_member (mailing_list_id, contact_id) "
                                + "SELECT CAST(? AS BIGINT), CAST(? AS BIGINT) WHERE NOT EXISTS (SELECT 1 FROM "
                                + "mailing_list_member WHERE mailing_list_id = ? AND contact_id = ?)")) {
            for (ContactRecord r : fresh) {
                insertNew.setLong(1, listId);
                insertNew.setLong(2, ids.get(r.email().value()));
                insertNew.addBatch();
            }
            for (ContactRecord r : known) {
                long id = ids.get(r.email().value());
                insertKnown.setLong(1, listId);
                insertKnown.setLong(2, id);
                insertKnown.setLong(3, listId);
                insertKnown.setLong(4, id);
                insertKnown.addBatch();
            }
            if (!fresh.isEmpty()) {
                insertNew.executeBatch();
            }
            if (!known.isEmpty()) {
                insertKnown.executeBatch();
            }
        }
    }
}
