package org.npsloop.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.npsloop.domain.user.PasswordPolicy;
import org.npsloop.web.security.AccountException;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.security.UserAccountService;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Choosing one's own password; forced after a one-time password. */
@Named
@RequestScoped
public class ChangePassword {

    @Inject
    private UserAccountService accounts;

    @Inject
    private CurrentUser currentUser;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    /** True when the password was set by someone else and must be replaced now. */
    public boolean isTemporary() {
        return accounts.state(currentUser.getUsername()).map(state -> state.mustChangePassword()).orElse(false);
    }

    public String change() {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            Messages.addError("passwordForm:confirmation", Faces.getResourceBundle("msg").getString("password.error.mismatch"));
            return null;
        }
        try {
            accounts.changeOwnPassword(currentUser.getUsername(), currentPassword, newPassword);
        } catch (AccountException e) {
            // On the field it is about, only there.
            String field = "password.error.current".equals(e.key()) ? "passwordForm:current"
                    : e.key().startsWith("password.error.") ? "passwordForm:newPassword" : null;
            Messages.addError(field, e.localizedMessage(Faces.getLocale()));
            return null;
        }
        Messages.addFlashGlobalInfo(Faces.getResourceBundle("msg").getString("password.changed"));
        return "/index.xhtml?faces-redirect=true";
    }

    public int getPasswordMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public int getPasswordMaxLength() {
        return PasswordPolicy.MAX_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
