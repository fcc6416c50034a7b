package org.npsloop.web.security;

import org.npsloop.domain.user.User;

/** What the per-request account check needs to know of the signed-in user. */
public record AccountState(boolean enabled, boolean mustChangePassword, String displayName) {

    static AccountState of(User user) {
        return new AccountState(user.isEnabled(), user.isMustChangePassword(), user.getDisplayName());
    }
}
