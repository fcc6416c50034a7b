package org.npsloop.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The page asked for before signing in is only ever a page of this application. */
class LoginCompletionServletTest {

    @Test
    void aPathOfTheApplicationIsKept() {
        assertTrue(LoginCompletionServlet.isInsideApplication("/admin/users.xhtml?tab=2"));
        assertTrue(LoginCompletionServlet.isInsideApplication("/"));
    }

    @Test
    void whatABrowserReadsAsAnotherSiteIsNot() {
        assertFalse(LoginCompletionServlet.isInsideApplication("//evil.example/x"));
        assertFalse(LoginCompletionServlet.isInsideApplication("/\\evil.example/x"));
        assertFalse(LoginCompletionServlet.isInsideApplication("http://evil.example/"));
        assertFalse(LoginCompletionServlet.isInsideApplication("evil.example"));
    }
}
