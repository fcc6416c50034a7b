package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.npsloop.campaigns.audience.ContactExportService;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.ListMembership;
import org.npsloop.domain.segment.Segment;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.domain.text.SpreadsheetCsv;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlValues;

/** Streams the rows straight from the database to the writer: a million contacts never sit in memory. */
@ApplicationScoped
@Transactional
public class DefaultContactExportService implements ContactExportService {

    private static final List<String> FIXED = List.of("email", "first name", "last name", "language", "status");

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private AudienceQueries queries;

    @Inject
    private DefaultAttributeService attributes;

    @Override
    public void exportList(long listId, Writer out) throws IOException {
        if (em.find(MailingList.class, listId) == null) {
            throw new NotFoundException("notFound.list", listId);
        }
        export(new ListMembership(listId, true), out);
    }

    @Override
    public void exportSegment(long segmentId, Writer out) throws IOException {
        Segment segment = em.find(Segment.class, segmentId);
        if (segment == null) {
            throw new NotFoundException("notFound.segment", segmentId);
        }
        export(segment.rule(), out);
    }

    private void export(SegmentRule rule, Writer out) throws IOException {
        SqlCondition condition = queries.condition(rule);
        List<String> attributeNames = attributes.definitions().keySet().stream().sorted().toList();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < attributeNames.size(); i++) {
            column.put(attributeNames.get(i), FIXED.size() + i);
        }
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(attributeNames);
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, ';', header);
        String sql = "SELECT c.id, c.email, c.first_name, c.last_name, c.language, c.status, d.name, "
                + "a.text_value, a.number_value, a.date_value, a.boolean_value FROM contact c "
                + "LEFT JOIN contact_attribute a ON a.contact_id = c.id "
                + "LEFT JOIN attribute_definition d ON d.id = a.attribute_id "
                + "WHERE (" + condition.sql() + ") ORDER BY c.id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(1000);
            Jdbc.bind(statement, condition.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                long current = -1;
                String[] row = null;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id != current) {
                        print(csv, row);
                        current = id;
                        row = new String[header.size()];
                        for (int i = 0; i < FIXED.size(); i++) {
                            row[i] = rs.getString(2 + i);
                        }
                    }
                    String name = rs.getString(7);
                    if (name != null) {
                        row[column.get(name)] = firstNonNull(rs.getString(8), rs.getObject(9), rs.getObject(10), rs.getObject(11));
                    }
                }
                print(csv, row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export failed: " + e.getMessage(), e);
        }
        csv.flush();
    }

    private static void print(SpreadsheetCsv csv, String[] row) {
        if (row != null) {
            try {
                csv.row(Arrays.asList(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String firstNonNull(String text, Object number, Object date, Object bool) {
        if (text != null) {
            return text;
        }
        if (number != null) {
            return String.valueOf(SqlValues.number(((Number) number).doubleValue()));
        }
        return date != null ? date.toString() : bool == null ? null : bool.toString();
    }
}
