package org.npsloop.domain.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * Someone who signs in to the admin: with a password, stored only as a PBKDF2 hash, or through the identity provider
 * (OpenID Connect) that vouches for them, named by its issuer and the subject it gives them; such an account has no
 * password.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.byUsername", query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = "User.byIdentity",
        query = "SELECT u FROM User u WHERE u.identityIssuer = :issuer AND u.identitySubject = :subject")
@NamedQuery(name = "User.all", query = "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.roles ORDER BY u.username")
@NamedQuery(name = "User.countEnabledWithRole",
        query = "SELECT COUNT(u) FROM User u JOIN u.roles r WHERE u.enabled = TRUE AND r = :role")
public class User {

    private static final Pattern USERNAME_SHAPE = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,63}$");

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    /** Null for an account of the identity provider. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "identity_issuer", length = 512)
    private String identityIssuer;

    @Column(name = "identity_subject", length = 255)
    private String identitySubject;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_language", length = 2)
    private Language preferredLanguage;

    /** IANA zone id; null follows the report time zone. */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    /**
     * @param passwordHash the hash of the initial password
     * @param temporaryPassword true when that password was generated or set by someone else, so the
     *                          user must choose their own at first login
     */
    public User(String username, String displayName, Collection<Role> roles, String passwordHash,
            boolean temporaryPassword, Instant now) {
        this.username = normaliseUsername(username);
        this.displayName = displayName == null || displayName.isBlank() ? this.username : displayName.trim();
        changeRoles(roles, now);
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporaryPassword;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A person the identity provider signed in for the first time: no password, the provider's roles. */
    public static User ofProvider(String issuer, String subject, String username, String displayName, String email,
            Collection<Role> roles, Instant now) {
        User user = new User(username, displayName, roles, null, false, now);
        user.identityIssuer = issuer;
        user.identitySubject = subject;
        user.rename(displayName, email, now);
        return user;
    }

    /**
     * The identity provider signed this person in again, or for the first time for an account created here with the
     * same name: from now on the provider vouches for it, its password goes, and the provider's roles and names apply.
     */
    public void signedInByProvider(String issuer, String subject, String newDisplayName, String newEmail,
            Collection<Role> providerRoles, Instant now) {
        if (!issuer.equals(identityIssuer) || !subject.equals(identitySubject)) {
            this.identityIssuer = issuer;
            this.identitySubject = subject;
            this.passwordHash = null;
            this.mustChangePassword = false;
        }
        if (!getRoles().equals(EnumSet.copyOf(providerRoles))) {
            changeRoles(providerRoles, now);
        }
        if (newDisplayName != null && !newDisplayName.isBlank() && !newDisplayName.strip().equals(displayName)
                || newEmail != null && !newEmail.isBlank() && !newEmail.strip().equals(email)) {
            rename(newDisplayName, newEmail == null || newEmail.isBlank() ? email : newEmail, now);
        }
    }

    /** True when an identity provider signs this person in (the account has no password here). */
    public boolean isSignedInByProvider() {
        return identitySubject != null;
    }

    /** User names are compared in lower case: "Alice" and "alice" are one account. */
    public static String normaliseUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME_SHAPE.matcher(normalised).matches()) {
            throw new InvalidValueException("user.username.invalid");
        }
        return normalised;
    }

    public void changeRoles(Collection<Role> newRoles, Instant now) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new InvalidValueException("user.roles.required");
        }
        this.roles = EnumSet.copyOf(newRoles);
        this.updatedAt = now;
    }

    public void changePassword(String newHash, boolean temporary, Instant now) {
        this.passwordHash = newHash;
        this.mustChangePassword = temporary;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    public void rename(String newDisplayName, String newEmail, Instant now) {
        if (newDisplayName != null && !newDisplayName.isBlank()) {
            this.displayName = newDisplayName.trim();
        }
        this.email = newEmail == null || newEmail.isBlank() ? null : newEmail.trim();
        this.updatedAt = now;
    }

    public void recordLogin(Instant now) {
        this.lastLoginAt = now;
    }

    public void preferLanguage(Language language) {
        this.preferredLanguage = language;
    }

    /**
     * @param zone the zone this user reads dates and times in; null to follow the report time zone
     */
    public void chooseTimeZone(ZoneId zone, Instant now) {
        this.timeZone = zone == null ? null : zone.getId();
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Language getPreferredLanguage() {
        return preferredLanguage;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The zone this user chose, or empty to follow the report time zone. */
    public Optional<ZoneId> getTimeZone() {
        return Optional.ofNullable(timeZone).map(ZoneId::of);
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
