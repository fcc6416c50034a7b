package org.npsloop.campaigns.audience;

import org.npsloop.domain.audience.ContactStatus;

/**
 * A page of the contact table: free-text filter on email and names, optional status, a sort column
 * among {@link #SORTABLE} and the page window.
 */
public record ContactQuery(String text, ContactStatus status, String sortBy, boolean ascending, int first, int size) {

    public static final java.util.Set<String> SORTABLE = java.util.Set.of("email", "firstName", "lastName", "createdAt", "updatedAt", "status");
    public static final int MAX_PAGE = 500;

    public ContactQuery {
        if (sortBy == null || !SORTABLE.contains(sortBy)) {
            sortBy = "createdAt";
        }
        if (first < 0) {
            first = 0;
        }
        if (size <= 0 || size > MAX_PAGE) {
            size = 50;
        }
    }
}
