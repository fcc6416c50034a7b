package org.npsloop.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderRolesTest {

    private final ProviderRoles mapping = ProviderRoles.of(Map.of(
            Role.ADMIN, "nps-admins",
            Role.MARKETER, "marketing, growth",
            Role.EXECUTIVE, "leadership"), "");

    @Test
    void eachMappedGroupGivesItsRole() {
        assertEquals(Set.of(Role.MARKETER), mapping.rolesFor(List.of("growth", "staff")));
        assertEquals(Set.of(Role.ADMIN, Role.EXECUTIVE), mapping.rolesFor(List.of("leadership", "nps-admins")));
    }

    @Test
    void namesMatchWithoutCaseAndKeycloakPathsMatchTheirName() {
        assertEquals(Set.of(Role.ADMIN, Role.MARKETER), mapping.rolesFor(List.of("/NPS-Admins", " Marketing ")));
    }

    @Test
    void someoneInNoMappedGroupGetsNoRoleUnlessADefaultIsConfigured() {
        assertTrue(mapping.rolesFor(List.of("staff")).isEmpty());
        assertTrue(mapping.rolesFor(List.of()).isEmpty());
        ProviderRoles everyoneReads = ProviderRoles.of(Map.of(Role.ADMIN, "it"), "executive");
        assertEquals(Set.of(Role.EXECUTIVE), everyoneReads.rolesFor(List.of("staff")));
        assertEquals(Set.of(Role.ADMIN), everyoneReads.rolesFor(List.of("it")), "a mapped group replaces the default");
    }

    @Test
    void aMappingWithNoGroupAndNoDefaultLetsNobodyIn() {
        assertTrue(ProviderRoles.of(Map.of(Role.ADMIN, " ", Role.MARKETER, ""), "").grantsNothing());
        assertFalse(mapping.grantsNothing());
    }

    @Test
    void anUnknownDefaultRoleIsNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProviderRoles.of(Map.of(), "viewer"));
        assertTrue(refused.getMessage().contains("viewer"), refused.getMessage());
    }
}
