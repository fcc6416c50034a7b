package org.npsloop.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import org.npsloop.domain.user.Role;

/**
 * The roles of the application. Passwords are checked by {@link PasswordSignIn} (not by a
 * {@code @DatabaseIdentityStoreDefinition}: its store answers an unknown user at once, without hashing,
 * so the response time told which accounts exist), called by {@link FormLoginMechanism}.
 */
@ApplicationScoped
@DeclareRoles({Role.ADMIN_NAME, Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
public class SecurityConfiguration {
}
