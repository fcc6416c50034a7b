package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.npsloop.domain.access.ApiKey;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.user.Role;

/** Issues, lists, revokes and checks API keys. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    /** "Last used" is informative: writing it on every call would turn each API read into a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    public record ApiKeyView(long id, String name, String keyPrefix, Role role, String createdBy, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt) implements java.io.Serializable {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.getId(), key.getName(), key.getKeyPrefix(), key.getRole(), key.getCreatedBy(),
                    key.getCreatedAt(), key.getLastUsedAt(), key.getRevokedAt());
        }

        public boolean isActive() {
            return revokedAt == null;
        }
    }

    /** Who is calling with a valid key. */
    public record ApiCaller(long keyId, String name, Role role) {
    }

    public record IssuedKey(ApiKeyView key, String secret) {
    }

    public List<ApiKeyView> list() {
        return em.createNamedQuery("ApiKey.all", ApiKey.class).getResultStream().map(ApiKeyView::of).toList();
    }

    public IssuedKey issue(String name, Role role, String issuedBy) {
        if (name == null || name.isBlank()) {
            throw new AccountException("apikey.error.name");
        }
        ApiKey.Issued issued = ApiKey.issue(name, role == null ? Role.MARKETER : role, issuedBy, clock.instant());
        em.persist(issued.key());
        em.flush();
        return new IssuedKey(ApiKeyView.of(issued.key()), issued.secret());
    }

    public void revoke(long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null) {
            throw new AccountException("apikey.error.notFound");
        }
        key.revoke(clock.instant());
    }

    public Optional<ApiCaller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(ApiKey.KEY_PREFIX)) {
            return Optional.empty();
        }
        return em.createNamedQuery("ApiKey.byHash", ApiKey.class).setParameter("hash", ApiKey.hash(secret))
                .getResultStream().filter(ApiKey::isActive).findFirst().map(key -> {
                    Instant now = clock.instant();
                    if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                        // One conditional UPDATE, not a versioned change of the entity: calls arriving together with the
                        // same key (a CRM's parallel requests) each answered 500 on an optimistic lock but the first.
                        em.createQuery("UPDATE ApiKey k SET k.lastUsedAt = :now WHERE k.id = :id"
                                + " AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :since)")
                                .setParameter("now", now).setParameter("id", key.getId())
                                .setParameter("since", now.minus(LAST_USED_PRECISION)).executeUpdate();
                    }
                    return new ApiCaller(key.getId(), key.getName(), key.getRole());
                });
    }
}
