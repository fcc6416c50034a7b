package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.user.PasswordPolicy;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.user.User;

/**
 * Creates and manages admin accounts. Guards against locking everyone out: nobody can disable
 * themselves or remove their own ADMIN role, and the last enabled administrator stays one.
 */
@ApplicationScoped
@Transactional
public class UserAccountService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private Clock clock;

    public List<UserView> list() {
        return em.createNamedQuery("User.all", User.class).getResultList().stream().map(UserView::of).toList();
    }

    public Optional<UserView> find(String username) {
        return findEntity(username).map(UserView::of);
    }

    public boolean noUserExists() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult() == 0;
    }

    public CreatedUser create(NewUser request) {
        String username = validUsername(request.username());
        if (findEntity(username).isPresent()) {
            throw new AccountException("user.error.exists", username);
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new AccountException("user.error.noRole");
        }
        boolean generated = request.password() == null || request.password().isEmpty();
        String password = generated ? PasswordPolicy.oneTimePassword() : validPassword(request.password(), username);
        // Any password not chosen by the user themself is temporary.
        User user = new User(username, request.displayName(), request.roles(), hashing.hash(password), true, now());
        user.rename(request.displayName(), request.email(), now());
        em.persist(user);
        em.flush();
        return new CreatedUser(UserView.of(user), generated ? password : null);
    }

    /** The very first account, from configuration; its password is temporary unless one was configured. */
    CreatedUser createFirstAdmin(String username, Optional<String> configuredPassword) {
        String password = configuredPassword.orElseGet(PasswordPolicy::oneTimePassword);
        User admin = new User(username, "Administrator", Set.of(Role.ADMIN), hashing.hash(password),
                configuredPassword.isEmpty(), now());
        em.persist(admin);
        return new CreatedUser(UserView.of(admin), configuredPassword.isPresent() ? null : password);
    }

    public UserView changeRoles(long userId, Set<Role> roles, String actingUsername) {
        User user = existing(userId);
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("user.error.noRole");
        }
        if (user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            if (user.getUsername().equals(actingUsername)) {
                throw new AccountException("user.error.ownAdminRole");
            }
            requireAnotherEnabledAdmin(user);
        }
        user.changeRoles(roles, now());
        return UserView.of(user);
    }

    public UserView setEnabled(long userId, boolean enabled, String actingUsername) {
        User user = existing(userId);
        if (enabled) {
            user.enable(now());
        } else {
            if (user.getUsername().equals(actingUsername)) {
                throw new AccountException("user.error.disableSelf");
            }
            if (user.hasRole(Role.ADMIN)) {
                requireAnotherEnabledAdmin(user);
            }
            user.disable(now());
        }
        return UserView.of(user);
    }

    /** @return a new one-time password, to be changed at next login */
    public String resetPassword(long userId) {
        User user = existing(userId);
        if (user.isSignedInByProvider()) {
            throw new AccountException("user.error.singleSignOn");
        }
        String password = PasswordPolicy.oneTimePassword();
        user.changePassword(hashing.hash(password), true, now());
        return password;
    }

    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = findEntity(username).orElseThrow(() -> new AccountException("user.error.notFound"));
        if (user.isSignedInByProvider()) {
            throw new AccountException("user.error.singleSignOn");
        }
        if (!hashing.matches(currentPassword, user.getPasswordHash())) {
            throw new AccountException("password.error.current");
        }
        if (hashing.matches(newPassword, user.getPasswordHash())) {
            throw new AccountException("password.error.unchanged");
        }
        user.changePassword(hashing.hash(validPassword(newPassword, username)), false, now());
    }

    /**
     * The zone a user reads dates and times in, chosen by themself or by an administrator.
     *
     * @param zone an IANA zone id such as {@code America/New_York}; null or blank to follow the report time zone
     */
    public UserView changeTimeZone(long userId, String zone) {
        User user = existing(userId);
        user.chooseTimeZone(validZone(zone), now());
        return UserView.of(user);
    }

    /** {@link #changeTimeZone} for the signed-in user. */
    public UserView changeOwnTimeZone(String username, String zone) {
        User user = findEntity(username).orElseThrow(() -> new AccountException("user.error.notFound"));
        user.chooseTimeZone(validZone(zone), now());
        return UserView.of(user);
    }

    private static ZoneId validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new AccountException("user.error.timeZone", zone.strip());
        }
    }

    /** What became of a sign-in through the identity provider. */
    record ProviderSignIn(Outcome outcome, String username, Set<Role> roles) {
        enum Outcome {
            SIGNED_IN, NO_ROLE, DISABLED, NAME_TAKEN
        }

        static ProviderSignIn refused(Outcome outcome, String username) {
            return new ProviderSignIn(outcome, username, Set.of());
        }
    }

    /**
     * The account of someone the identity provider signed in: found by the provider's issuer and subject, else the
     * local account of the same name (which the provider vouches for from now on), else created. Its roles become the
     * provider's at each sign-in when its token lists groups; otherwise a new account gets the default roles and an
     * existing one keeps its own. An account of another subject, or the break-glass administrator's (which must stay a
     * password account), is never taken over.
     *
     * @param providerRoles the roles the provider's groups give (not empty), if its token lists groups
     * @param newAccountRoles the roles of a new account whose token lists no groups (none: no account)
     * @throws org.npsloop.domain.i18n.InvalidValueException when the provider's user name cannot be one here
     */
    ProviderSignIn signInWithProvider(OpenIdSignIn.Identity identity, Optional<Set<Role>> providerRoles,
            Set<Role> newAccountRoles, String breakGlassAdmin) {
        Optional<User> linked = em.createNamedQuery("User.byIdentity", User.class)
                .setParameter("issuer", identity.issuer()).setParameter("subject", identity.subject())
                .getResultStream().findFirst();
        User user;
        if (linked.isPresent()) {
            user = linked.get();
        } else {
            String username = User.normaliseUsername(identity.username());
            Optional<User> sameName = findEntity(username);
            if (sameName.isPresent() && (sameName.get().isSignedInByProvider()
                    || username.equals(User.normaliseUsername(breakGlassAdmin)))) {
                return ProviderSignIn.refused(ProviderSignIn.Outcome.NAME_TAKEN, username);
            }
            user = sameName.orElse(null);
            if (user == null) {
                Set<Role> roles = providerRoles.orElse(newAccountRoles);
                if (roles.isEmpty()) {
                    return ProviderSignIn.refused(ProviderSignIn.Outcome.NO_ROLE, username);
                }
                User created = User.ofProvider(identity.issuer(), identity.subject(), username, identity.displayName(),
                        identity.email(), roles, now());
                created.recordLogin(now());
                em.persist(created);
                return new ProviderSignIn(ProviderSignIn.Outcome.SIGNED_IN, username, created.getRoles());
            }
        }
        if (!user.isEnabled()) {
            return ProviderSignIn.refused(ProviderSignIn.Outcome.DISABLED, user.getUsername());
        }
        user.signedInByProvider(identity.issuer(), identity.subject(), identity.displayName(), identity.email(),
                providerRoles.orElse(user.getRoles()), now());
        user.recordLogin(now());
        return new ProviderSignIn(ProviderSignIn.Outcome.SIGNED_IN, user.getUsername(), user.getRoles());
    }

    /** Called once per session after login: the state the per-request checks rely on. */
    public Optional<AccountState> recordLogin(String username) {
        Optional<User> user = findEntity(username);
        user.ifPresent(u -> u.recordLogin(now()));
        return user.map(AccountState::of);
    }

    /** What sign-in needs to know of an account: its hash, whether it may sign in, its roles. */
    record StoredCredentials(String username, String passwordHash, boolean enabled, Set<Role> roles) {
    }

    Optional<StoredCredentials> credentials(String username) {
        return findEntity(username).map(u -> new StoredCredentials(u.getUsername(), u.getPasswordHash(),
                u.isEnabled(), Set.copyOf(u.getRoles())));
    }

    public Optional<AccountState> state(String username) {
        return findEntity(username).map(AccountState::of);
    }

    private void requireAnotherEnabledAdmin(User user) {
        long enabledAdmins = em.createNamedQuery("User.countEnabledWithRole", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult();
        if (user.isEnabled() && enabledAdmins <= 1) {
            throw new AccountException("user.error.lastAdmin");
        }
    }

    private String validUsername(String username) {
        try {
            return User.normaliseUsername(username);
        } catch (IllegalArgumentException e) {
            throw new AccountException("user.error.username");
        }
    }

    private static String validPassword(String password, String username) {
        PasswordPolicy.problemWith(password, username).ifPresent(problem -> {
            throw new AccountException("password.error." + problem.name(), PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH);
        });
        return password;
    }

    private Optional<User> findEntity(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("User.byUsername", User.class)
                .setParameter("username", username.trim().toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst();
    }

    private User existing(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new AccountException("user.error.notFound");
        }
        return user;
    }

    private Instant now() {
        return clock.instant();
    }
}
