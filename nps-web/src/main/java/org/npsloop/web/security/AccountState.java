package org.npsloop.web.security;

import java.time.ZoneId;
import java.util.Optional;
import org.npsloop.domain.user.User;

/**
 * What the per-request account check needs to know of the signed-in user, and what the pages of that request
 * need too (kept as a request attribute, {@link #ATTRIBUTE}, so they read it without asking the database again):
 * the zone they read times in, empty to follow the report time zone.
 */
public record AccountState(boolean enabled, boolean mustChangePassword, String displayName, Optional<ZoneId> timeZone) {

    public static final String ATTRIBUTE = AccountState.class.getName();

    static AccountState of(User user) {
        return new AccountState(user.isEnabled(), user.isMustChangePassword(), user.getDisplayName(), user.getTimeZone());
    }
}
