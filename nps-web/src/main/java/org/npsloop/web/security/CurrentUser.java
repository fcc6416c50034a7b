package org.npsloop.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.npsloop.domain.user.Role;

/** The signed-in user, for pages: which menu entries to show. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext security;

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
        Object state = jakarta.faces.context.FacesContext.getCurrentInstance() == null ? null
                : ((jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                        .getExternalContext().getRequest()).getAttribute(AccountState.ATTRIBUTE);
        return state instanceof AccountState account && account.providerAccount();
    }

    public boolean isExecutive() {
        return security.isCallerInRole(Role.EXECUTIVE_NAME);
    }
}
