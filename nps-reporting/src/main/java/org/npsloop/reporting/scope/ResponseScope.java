package org.npsloop.reporting.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.segment.AttributeCatalog;
import org.npsloop.domain.segment.AttributeCondition;
import org.npsloop.domain.segment.AttributeRef;
import org.npsloop.domain.segment.Operator;
import org.npsloop.domain.segment.Segment;
import org.npsloop.domain.segment.SegmentJson;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SegmentSqlTranslator;
import org.npsloop.domain.segment.SqlCondition;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.question.RatingScale;
import org.npsloop.reporting.RatedTouchpoint;
import org.npsloop.reporting.ReportFilter;

/**
 * Turns a {@link ReportFilter} into SQL over {@link #FROM}: response {@code r}, its contact {@code c} and
 * its campaign {@code k}. Every value is a bound parameter; segment and attribute filters are translated
 * by the segment translator, so they mean exactly what they mean when choosing an audience.
 */
@ApplicationScoped
public class ResponseScope {

    /** The tables every report reads, with the aliases the conditions use. */
    public static final String FROM = " FROM response r LEFT JOIN contact c ON c.id = r.contact_id"
            + " LEFT JOIN campaign k ON k.id = r.campaign_id";

    /** A WHERE clause (starting with " WHERE ") and its parameters, in order. */
    public record Where(String sql, List<Object> parameters) {

        public Where {
            parameters = List.copyOf(parameters);
        }

        /** This clause with one more condition (and its parameters) ANDed to it. */
        public Where and(String condition, List<Object> more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(more);
            return new Where(sql + " AND (" + condition + ")", all);
        }
    }

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.report.time-zone", defaultValue = "Europe/Paris")
    private String timeZone;

    private final SegmentSqlTranslator translator = new SegmentSqlTranslator();

    public ResponseScope() {
        // for CDI
    }

    /** Outside the container (tests): filters without segment or attribute, in the given zone. */
    public ResponseScope(String timeZone) {
        this.timeZone = timeZone;
    }

    /** The zone report days and trend periods are counted in. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** @throws InvalidInputException for an unknown segment, attribute or touchpoint, or a value of the wrong type */
    public Where where(ReportFilter filter) {
        requireTouchpoint(filter);
        return where(filter, zone(), segment(filter), attribute(filter));
    }

    /** A drill-down to an unknown touchpoint is a mistyped link, not an empty report. */
    private void requireTouchpoint(ReportFilter filter) {
        if (filter.rated() != null && em != null && em.createQuery(
                "SELECT COUNT(t) FROM Touchpoint t WHERE t.code = :code", Long.class)
                .setParameter("code", filter.rated().touchpoint()).getSingleResult() == 0) {
            throw new InvalidInputException("touchpoint", "touchpoints.filter.unknown", filter.rated().touchpoint());
        }
    }

    /** The clause for resolved segment and attribute conditions; static for tests without a container. */
    public static Where where(ReportFilter filter, ZoneId zone, SqlCondition segment, SqlCondition attribute) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        audience(filter, zone, "r.responded_at", "r.campaign_id", segment, attribute, sql, parameters);
        if (filter.channel() != null) {
            sql.append(" AND r.channel = ?");
            parameters.add(filter.channel().name());
        }
        if (!filter.includeFlagged()) {
            sql.append(" AND r.flagged = FALSE");
        }
        if (filter.rated() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM response_answer ra JOIN survey_question rq ON rq.id = ra.question_id"
                    + " JOIN touchpoint rt ON rt.id = rq.touchpoint_id WHERE ra.response_id = r.id AND rt.code = ?"
                    + " AND rq.kind = 'TOUCHPOINT_RATING' AND ra.rating IS NOT NULL AND ra.rating ")
                    .append(filter.rated().band() == RatedTouchpoint.Band.HIGH ? ">=" : "<")
                    .append(' ').append(RatingScale.highFromSql("rq.rating_scale")).append(')');
            parameters.add(filter.rated().touchpoint());
        }
        return new Where(sql.toString(), parameters);
    }

    /**
     * The first invitations (not reminders) sent in the filter's period to the contacts and campaigns it
     * selects, over {@link #INVITATIONS_FROM}; the channel, flag and touchpoint filters concern answers, not invitations.
     */
    public Where invitationsWhere(ReportFilter filter) {
        return invitationsWhere(filter, zone(), segment(filter), attribute(filter));
    }

    /** Invitations with their contact {@code c} and campaign {@code k}. */
    public static final String INVITATIONS_FROM = " FROM invitation i LEFT JOIN contact c ON c.id = i.contact_id"
            + " LEFT JOIN campaign k ON k.id = i.campaign_id";

    public static Where invitationsWhere(ReportFilter filter, ZoneId zone, SqlCondition segment, SqlCondition attribute) {
        StringBuilder sql = new StringBuilder(" WHERE i.reminder = 0 AND i.status = 'SENT'");
        List<Object> parameters = new ArrayList<>();
        audience(filter, zone, "i.sent_at", "i.campaign_id", segment, attribute, sql, parameters);
        return new Where(sql.toString(), parameters);
    }

    /** Conditions shared by responses and invitations: period, campaign, journey moment, language, segment, attribute. */
    private static void audience(ReportFilter filter, ZoneId zone, String timeColumn, String campaignColumn,
            SqlCondition segment, SqlCondition attribute, StringBuilder sql, List<Object> parameters) {
        if (filter.from() != null) {
            sql.append(" AND ").append(timeColumn).append(" >= ?");
            parameters.add(OffsetDateTime.ofInstant(filter.from().atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(timeColumn).append(" < ?");
            parameters.add(OffsetDateTime.ofInstant(filter.to().plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
        }
        if (filter.campaignId() != null) {
            sql.append(" AND ").append(campaignColumn).append(" = ?");
            parameters.add(filter.campaignId());
        }
        if (filter.journeyMoment() != null) {
            sql.append(" AND k.trigger_event = ?");
            parameters.add(filter.journeyMoment());
        }
        if (filter.language() != null) {
            sql.append(" AND c.language = ?");
            parameters.add(filter.language().name());
        }
        for (SqlCondition condition : new SqlCondition[] {segment, attribute}) {
            if (condition != null) {
                // The condition is over contact c; erased contacts (their answers unlinked, their tombstone kept for
                // their invitations) never match one.
                sql.append(" AND c.id IS NOT NULL AND c.status <> 'ERASED' AND (").append(condition.sql()).append(')');
                parameters.addAll(condition.parameters());
            }
        }
    }

    /** The filter's segment as its rule now, or null; overridden by tests without a container. */
    protected SqlCondition segment(ReportFilter filter) {
        return filter.segmentId() == null ? null : segmentCondition(filter.segmentId());
    }

    /** Errors name the request parameters: {@code attribute} for an unknown one, {@code value} for a value not of its type. */
    private SqlCondition attribute(ReportFilter filter) {
        if (filter.attribute() == null) {
            return null;
        }
        AttributeCatalog catalog = catalog();
        if (catalog.find(filter.attribute()).isEmpty()) {
            throw new InvalidInputException("attribute", "attribute.notFound", filter.attribute());
        }
        return translate("value", catalog, AttributeCondition.of(filter.attribute(), Operator.EQUALS, filter.attributeValue()));
    }

    /** The segment's rule as SQL over contact {@code c}, evaluated now; null when the segment is gone. */
    public SqlCondition segmentRule(long segmentId) {
        Segment segment = em.find(Segment.class, segmentId);
        return segment == null ? null : translator.translate(SegmentJson.fromJson(segment.getDefinition()), catalog(), clock.instant());
    }

    private SqlCondition segmentCondition(long segmentId) {
        Segment segment = em.find(Segment.class, segmentId);
        if (segment == null) {
            throw new InvalidInputException("segment", "segment.notFound", segmentId);
        }
        return translate("segment", catalog(), SegmentJson.fromJson(segment.getDefinition()));
    }

    private AttributeCatalog catalog() {
        return AttributeCatalog.of(em.createNamedQuery("AttributeDefinition.all", AttributeDefinition.class)
                .getResultList().stream().map(AttributeRef::of).toList());
    }

    private SqlCondition translate(String field, AttributeCatalog catalog, SegmentRule rule) {
        try {
            return translator.translate(rule, catalog, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, InvalidValueException.reasonOf(e));
        }
    }
}
