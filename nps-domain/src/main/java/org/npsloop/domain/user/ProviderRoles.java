package org.npsloop.domain.user;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which roles a person signed in by an identity provider gets: the groups (or roles) the provider lists in a claim of
 * its ID token are matched against the groups an administrator mapped to each role; a person in none of them gets the
 * default roles, usually none, so that only people the provider puts in a mapped group can sign in. Group names are
 * compared without regard to case, and Keycloak's full paths ({@code /nps-admins}) match a name without the slash.
 */
public final class ProviderRoles {

    private final Map<Role, Set<String>> groupsByRole;
    private final EnumSet<Role> defaultRoles;

    private ProviderRoles(Map<Role, Set<String>> groupsByRole, EnumSet<Role> defaultRoles) {
        this.groupsByRole = groupsByRole;
        this.defaultRoles = defaultRoles;
    }

    /**
     * @param groupsByRole for each role, the provider's group names that give it, as configured (separated by commas)
     * @param defaultRoles role names given to someone in no mapped group (separated by commas; blank for none)
     * @throws IllegalArgumentException naming a default role that does not exist
     */
    public static ProviderRoles of(Map<Role, String> groupsByRole, String defaultRoles) {
        Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
        groupsByRole.forEach((role, names) -> groups.put(role, names(names)));
        EnumSet<Role> defaults = EnumSet.noneOf(Role.class);
        for (String name : names(defaultRoles)) {
            try {
                defaults.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown role '" + name + "': ADMIN, MARKETER or EXECUTIVE");
            }
        }
        return new ProviderRoles(groups, defaults);
    }

    /** @return the roles for someone the provider lists in these groups; empty when none is mapped (no access) */
    public Set<Role> rolesFor(Collection<String> providerGroups) {
        Set<String> held = new LinkedHashSet<>();
        for (String group : providerGroups) {
            held.add(canonical(group));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groupsByRole.forEach((role, groups) -> {
            if (groups.stream().anyMatch(held::contains)) {
                roles.add(role);
            }
        });
        return roles.isEmpty() ? EnumSet.copyOf(defaultRoles) : roles;
    }

    /** True when nobody could get a role: the provider would let no one in. */
    public boolean grantsNothing() {
        return defaultRoles.isEmpty() && groupsByRole.values().stream().allMatch(Set::isEmpty);
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : List.of((list == null ? "" : list).split(","))) {
            if (!name.isBlank()) {
                names.add(canonical(name));
            }
        }
        return names;
    }

    private static String canonical(String group) {
        String name = group.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
