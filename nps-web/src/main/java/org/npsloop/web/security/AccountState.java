package org.npsloop.web.security;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.npsloop.domain.user.User;

/**
 * What the per-request account check needs to know of the signed-in user, and what the pages of that request
 * need too (kept as a request attribute, {@link #ATTRIBUTE}, so they read it without asking the database again):
 * the zone they read times in, empty to follow the report time zone; whether the identity provider signs them in (no
 * password here). Its roles are read at each request, so a
 * role taken away (or an account disabled) counts from the next click, on whichever instance serves it.
 */
public record AccountState(boolean enabled, boolean mustChangePassword, String displayName, Optional<ZoneId> timeZone,
        Set<String> roles, boolean providerAccount) {

    public static final String ATTRIBUTE = AccountState.class.getName();

    static AccountState of(User user) {
        return new AccountState(user.isEnabled(), user.isMustChangePassword(), user.getDisplayName(), user.getTimeZone(),
                user.getRoles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()), user.isSignedInByProvider());
    }
}
