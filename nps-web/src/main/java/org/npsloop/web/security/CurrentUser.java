package org.npsloop.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.npsloop.domain.user.Role;

/** The signed-in user, for pages: which menu entries to show. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext security;

    /** This request (CDI's built-in bean): the mechanism left the account's state on it. */
    @Inject
    private HttpServletRequest request;

    public String getUsername() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN_NAME);
    }

    public boolean isMarketer() {
        return security.isCallerInRole(Role.MARKETER_NAME);
    }

    /** True when the identity provider signs this user in: there is no password here to change. */
    public boolean isProviderAccount() {
        return request.getAttribute(AccountState.ATTRIBUTE) instanceof AccountState account && account.providerAccount();
    }

    public boolean isExecutive() {
        return security.isCallerInRole(Role.EXECUTIVE_NAME);
    }
}
