package org.npsloop.domain.user;

/** What a user may do. A user holds one or more roles. */
public enum Role {
    /** Users and settings. */
    ADMIN,
    /** Audiences and campaigns. */
    MARKETER,
    /** Reports and publications. */
    EXECUTIVE;

    /** Role names as the container knows them, for {@code @RolesAllowed} and security constraints. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String MARKETER_NAME = "MARKETER";
    public static final String EXECUTIVE_NAME = "EXECUTIVE";
}
