package org.npsloop.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.user.Role;

/**
 * A key another system uses to call the REST API with one role. The key itself is shown once at
 * creation; only its SHA-256 hash and a short prefix (to recognise it in the list) are stored. Keys
 * carry 256 random bits (see {@link Secrets}).
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = "ApiKey.byHash", query = "SELECT k FROM ApiKey k WHERE k.keyHash = :hash")
@NamedQuery(name = "ApiKey.all", query = "SELECT k FROM ApiKey k ORDER BY k.createdAt DESC")
public class ApiKey {

    /** Recognisable in logs and secret scanners. */
    public static final String KEY_PREFIX = "nps_";

    @Id
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "key_prefix", nullable = false, length = 16)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {
        // for JPA
    }

    private ApiKey(String name, String key, Role role, String createdBy, Instant now) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("apiKey.name.required");
        }
        this.name = name.strip();
        this.keyPrefix = key.substring(0, KEY_PREFIX.length() + 6);
        this.keyHash = hash(key);
        this.role = Objects.requireNonNull(role, "role");
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A new key and its secret, which the caller shows once and never stores. */
    public record Issued(ApiKey key, String secret) {
    }

    public static Issued issue(String name, Role role, String createdBy, Instant now) {
        String secret = KEY_PREFIX + Secrets.random(32);
        return new Issued(new ApiKey(name, secret, role, createdBy, now), secret);
    }

    public static String hash(String secret) {
        return Secrets.sha256(secret);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public Role getRole() {
        return role;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
