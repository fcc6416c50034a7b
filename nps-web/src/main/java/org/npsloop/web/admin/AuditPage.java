package org.npsloop.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.npsloop.domain.schema.Database;
import org.npsloop.platform.audit.AuditTrail;
import org.npsloop.web.ui.UserTime;

/**
 * The audit trail for an administrator (docs/audit.md): newest first, filtered by actor, entity, entity id and days
 * (in the reader's zone), a page of {@value #PAGE} at a time, and the same selection as a CSV file through the API.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    /** Looked up again after the view moved to another instance (a resource is not replicated). */
    private transient DataSource dataSource;

    @Inject
    private UserTime userTime;

    private String actor;
    private String entity;
    private String entityId;
    private LocalDate from;
    private LocalDate to;
    private int first;
    private AuditTrail.Page page;

    public AuditTrail.Page getPage() throws SQLException {
        if (page == null) {
            try (Connection connection = dataSource().getConnection()) {
                page = AuditTrail.read(connection, filter(), first, PAGE);
            }
        }
        return page;
    }

    private DataSource dataSource() {
        if (dataSource == null) {
            try {
                dataSource = (DataSource) new InitialContext().lookup(Database.DATA_SOURCE);
            } catch (NamingException e) {
                throw new IllegalStateException("No data source " + Database.DATA_SOURCE, e);
            }
        }
        return dataSource;
    }

    private AuditTrail.Filter filter() {
        Instant since = from == null ? null : from.atStartOfDay(userTime.getZone()).toInstant();
        Instant until = to == null ? null : to.plusDays(1).atStartOfDay(userTime.getZone()).toInstant();
        return new AuditTrail.Filter(actor, entity, entityId, since, until);
    }

    /** The filters changed: back to the newest events. */
    public void filtered() {
        first = 0;
        page = null;
    }

    public void newer() {
        first = Math.max(0, first - PAGE);
        page = null;
    }

    public void older() {
        first += PAGE;
        page = null;
    }

    public boolean isHasNewer() {
        return first > 0;
    }

    public boolean isHasOlder() throws SQLException {
        return first + PAGE < getPage().total();
    }

    /** The range shown, "51–100". */
    public String getRange() throws SQLException {
        List<AuditTrail.Event> events = getPage().events();
        return events.isEmpty() ? "0" : (first + 1) + "–" + (first + events.size());
    }

    /** The CSV export of the same selection (the API, with the reader's session). */
    public String getExportUrl() {
        AuditTrail.Filter filter = filter();
        StringBuilder url = new StringBuilder("api/audit/export?");
        append(url, "actor", actor);
        append(url, "entity", entity);
        append(url, "entityId", entityId);
        append(url, "from", filter.from() == null ? null : filter.from().toString());
        append(url, "to", filter.to() == null ? null : filter.to().minusMillis(1).toString());
        return url.toString();
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8)).append('&');
        }
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
