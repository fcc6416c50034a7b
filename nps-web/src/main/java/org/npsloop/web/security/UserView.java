package org.npsloop.web.security;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.user.User;

/**
 * What the admin pages and the API show of a user: never the password hash. {@code timeZone} is the zone
 * they chose, or null when they follow the report time zone; {@code singleSignOn} is true for an account the identity
 * provider signs in (no password here).
 */
public record UserView(long id, String username, String displayName, String email, Set<Role> roles,
        boolean enabled, boolean mustChangePassword, Instant createdAt, Instant lastLoginAt, String timeZone,
        boolean singleSignOn) implements java.io.Serializable {

    static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getDisplayName(), user.getEmail(),
                user.getRoles(), user.isEnabled(), user.isMustChangePassword(), user.getCreatedAt(),
                user.getLastLoginAt(), user.getTimeZone().map(ZoneId::getId).orElse(null), user.isSignedInByProvider());
    }
}
