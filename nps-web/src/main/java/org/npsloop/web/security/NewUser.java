package org.npsloop.web.security;

import java.util.Set;
import org.npsloop.domain.user.Role;

/**
 * A user to create. Without a password, a one-time password is generated and must be changed at
 * first login; an initial password set by an administrator must be changed too.
 */
public record NewUser(String username, String displayName, String email, Set<Role> roles, String password) {
}
