package org.npsloop.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.npsloop.domain.user.Role;

/**
 * The identity store behind {@link FormLoginMechanism}: users and roles from {@code app_user}.
 * Disabled accounts are simply not found by the caller query, so a wrong password, an unknown user
 * and a disabled user all get the same answer. Must be a CDI bean for Payara to pick it up.
 */
@ApplicationScoped
@DeclareRoles({Role.ADMIN_NAME, Role.MARKETER_NAME, Role.EXECUTIVE_NAME})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/nps",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = LOWER(?) AND enabled = TRUE",
        groupsQuery = "SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id "
                + "WHERE u.username = LOWER(?) AND u.enabled = TRUE",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {PasswordHashing.ALGORITHM, PasswordHashing.ITERATIONS})
public class SecurityConfiguration {
}
