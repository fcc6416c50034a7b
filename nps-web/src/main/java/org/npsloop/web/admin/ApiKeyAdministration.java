package org.npsloop.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.AccountException;
import org.npsloop.web.security.ApiKeyService;
import org.npsloop.web.security.ApiKeyService.ApiKeyView;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** API keys (ADMIN): issue one (its secret shown once), revoke. */
@Named
@ViewScoped
public class ApiKeyAdministration implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiKeyService keys;

    @Inject
    private CurrentUser currentUser;

    private List<ApiKeyView> all;
    private String name;
    private Role role = Role.MARKETER;
    private String secret;

    public List<ApiKeyView> getKeys() {
        if (all == null) {
            all = keys.list();
        }
        return all;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public void issue() {
        try {
            secret = keys.issue(name, role, currentUser.getUsername()).secret();
            name = null;
            all = null;
        } catch (AccountException e) {
            Messages.addError("keys:name", e.localizedMessage(Faces.getLocale()));
        }
    }

    public void revoke(ApiKeyView key) {
        keys.revoke(key.id());
        all = null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getSecret() {
        return secret;
    }
}
