package org.npsloop.platform.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.npsloop.domain.schema.Database;

/**
 * The default entity listener of the persistence unit (META-INF/audit-orm.xml): every entity a signed-in caller
 * inserts, changes or deletes is appended to the audit trail, in the same transaction (the data source's connection
 * of that transaction), with the values written, or each changed field's value before and after. Values are read
 * from the entity's own fields (the JPA standard gives listeners no change set): a snapshot taken when the entity is
 * loaded in the caller's request is the "before". Secrets (passwords, hashes, tokens, keys) are never copied.
 * Workers and respondents have no {@link AuditActor}: nothing they change is recorded here.
 */
public class EntityAuditListener {

    private static final Pattern SECRET = Pattern.compile("(?i).*(password|hash|secret|token|salt|key).*");
    /**
     * Entities about contacts and respondents, or quoting them: their texts (address, names, comments, notes, evidence,
     * a synthesis's quotes) stay out of the trail, which is append-only and could not forget them at an erasure
     * (SecurityIT's erasure test finds any copy); which fields changed is still recorded.
     */
    private static final java.util.Set<String> PERSONAL = java.util.Set.of("Contact", "Response", "ResponseChange",
            "QuestionAnswer", "QuestionAnswerChange", "Suppression", "DeliveryEvent", "JourneyEvent", "FollowUp",
            "FollowUpNote", "Invitation", "Publication", "PublicationVersion"); // a synthesis quotes respondents
    /** Snapshots of the entities loaded during this thread's request, by identity. */
    private static final ThreadLocal<Map<Object, Map<String, Object>>> LOADED = ThreadLocal.withInitial(IdentityHashMap::new);

    /** Forgets this thread's snapshots (at the end of each request). */
    public static void forgetLoaded() {
        LOADED.remove();
    }

    @PostLoad
    void loaded(Object entity) {
        if (AuditActor.current().isPresent()) {
            LOADED.get().put(entity, values(entity));
        }
    }

    @PostPersist
    void inserted(Object entity) {
        AuditActor.current().ifPresent(actor -> {
            Map<String, Object> now = values(entity);
            JsonObjectBuilder written = Json.createObjectBuilder();
            now.forEach((field, value) -> written.add(field, shown(entity, field, value)));
            LOADED.get().put(entity, now);
            append(actor, "CREATE", entity, written.build().toString());
        });
    }

    @PostUpdate
    void updated(Object entity) {
        AuditActor.current().ifPresent(actor -> {
            Map<String, Object> before = LOADED.get().get(entity);
            Map<String, Object> after = values(entity);
            JsonObjectBuilder changes = Json.createObjectBuilder();
            after.forEach((field, value) -> {
                Object old = before == null ? null : before.get(field);
                if (before == null || !Objects.equals(old, value)) {
                    changes.add(field, Json.createObjectBuilder().add("before", before == null ? "?" : shown(entity, field, old))
                            .add("after", shown(entity, field, value)));
                }
            });
            LOADED.get().put(entity, after);
            append(actor, "UPDATE", entity, changes.build().toString());
        });
    }

    @PostRemove
    void removed(Object entity) {
        AuditActor.current().ifPresent(actor -> {
            JsonObjectBuilder removed = Json.createObjectBuilder();
            values(entity).forEach((field, value) -> removed.add(field, shown(entity, field, value)));
            append(actor, "DELETE", entity, removed.build().toString());
        });
    }

    /** The application's data source, looked up at the first audited change. */
    private static volatile DataSource dataSource;

    private static void append(AuditActor actor, String action, Object entity, String changes) {
        try {
            if (dataSource == null) {
                dataSource = (DataSource) new InitialContext().lookup(Database.DATA_SOURCE);
            }
            // Inside the caller's JTA transaction this is the connection the entity was written with.
            try (Connection connection = dataSource.getConnection()) {
                AuditTrail.record(connection, Instant.now(), actor, action, entity.getClass().getSimpleName(),
                        id(entity).map(String::valueOf).orElse(null), null, changes);
            }
        } catch (NamingException | SQLException e) {
            // The change must not go through unrecorded: failing here rolls the caller's transaction back.
            throw new IllegalStateException("Could not append to the audit trail: " + e.getMessage(), e);
        }
    }

    private static String shown(Object entity, String field, Object value) {
        if (SECRET.matcher(field).matches()) {
            return "[hidden]";
        }
        if (value instanceof CharSequence && PERSONAL.contains(entity.getClass().getSimpleName())) {
            return "[personal data]";
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** The entity's plain persistent values (text, numbers, dates, enums), by field name. */
    static Map<String, Object> values(Object entity) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Transient.class)
                        || field.getName().startsWith("_persistence") || !plain(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    values.putIfAbsent(field.getName(), field.get(entity));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field the module system hides is left out
                }
            }
        }
        return values;
    }

    private static boolean plain(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
                || Boolean.class == type || Temporal.class.isAssignableFrom(type) || UUID.class == type
                || java.util.Date.class.isAssignableFrom(type);
    }

    private static Optional<Object> id(Object entity) {
        for (Class<?> type = entity.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    try {
                        field.setAccessible(true);
                        return Optional.ofNullable(field.get(entity));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
