package org.npsloop.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.npsloop.domain.user.PasswordPolicy;
import org.npsloop.domain.user.Role;
import org.npsloop.web.security.AccountException;
import org.npsloop.web.security.CreatedUser;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.security.NewUser;
import org.npsloop.web.security.UserAccountService;
import org.npsloop.web.security.UserView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The Users page (ADMIN): create, disable/enable, re-role and reset passwords. */
@Named
@ViewScoped
public class UserAdministration implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Refusals of the new-user form by key prefix, and the field each is about. */
    private static final Map<String, String> NEW_USER_FIELDS = Map.of("user.error.exists", "username",
            "user.error.username", "username", "user.error.noRole", "newRoles", "password.error.", "password");

    @Inject
    private UserAccountService accounts;

    @Inject
    private CurrentUser currentUser;

    private List<UserView> users;

    // New-user form
    private String username;
    private String displayName;
    private String email;
    private List<Role> roles = new ArrayList<>();
    private String password;

    // Role editor
    private UserView editing;
    private List<Role> editingRoles = new ArrayList<>();

    // Time-zone editor: empty follows the report time zone
    private UserView editingZoneOf;
    private String editingZone;

    /** Shown once after creating a user or resetting a password. */
    private String oneTimePassword;
    private String oneTimePasswordFor;

    public List<UserView> getUsers() {
        if (users == null) {
            users = accounts.list();
        }
        return users;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public void create() {
        run(NEW_USER_FIELDS, () -> {
            CreatedUser created = accounts.create(new NewUser(username, displayName, email, toSet(roles), password));
            showOneTimePassword(created.user().username(), created.oneTimePassword());
            Messages.addGlobalInfo(text("users.created", created.user().username()));
            username = displayName = email = password = null;
            roles = new ArrayList<>();
            return null;
        });
    }

    public void toggleEnabled(UserView user) {
        run(() -> accounts.setEnabled(user.id(), !user.enabled(), currentUser.getUsername()));
    }

    public void editRoles(UserView user) {
        editing = user;
        editingRoles = new ArrayList<>(user.roles());
    }

    public void saveRoles() {
        run(() -> accounts.changeRoles(editing.id(), toSet(editingRoles), currentUser.getUsername()));
    }

    public void editTimeZone(UserView user) {
        editingZoneOf = user;
        editingZone = user.timeZone();
    }

    public void saveTimeZone() {
        run(() -> accounts.changeTimeZone(editingZoneOf.id(), editingZone));
    }

    public void resetPassword(UserView user) {
        run(() -> {
            showOneTimePassword(user.username(), accounts.resetPassword(user.id()));
            return null;
        });
    }

    private void run(Supplier<?> action) {
        run(Map.of(), action);
    }

    /** @param fields which new-user field each refusal is about: its message goes there only */
    private void run(Map<String, String> fields, Supplier<?> action) {
        try {
            action.get();
            users = null;
        } catch (AccountException e) {
            String field = fields.entrySet().stream().filter(f -> e.key().startsWith(f.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            Messages.addError(field == null ? null : "users:" + field, e.localizedMessage(Faces.getLocale()));
        }
    }

    public int getPasswordMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public int getPasswordMaxLength() {
        return PasswordPolicy.MAX_LENGTH;
    }

    private void showOneTimePassword(String user, String otp) {
        this.oneTimePasswordFor = otp == null ? null : user;
        this.oneTimePassword = otp;
    }

    private static Set<Role> toSet(List<Role> list) {
        return list == null || list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
    }

    private static String text(String key, Object... args) {
        return java.text.MessageFormat.format(Faces.getResourceBundle("msg").getString(key), args);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public UserView getEditing() {
        return editing;
    }

    public List<Role> getEditingRoles() {
        return editingRoles;
    }

    public void setEditingRoles(List<Role> editingRoles) {
        this.editingRoles = editingRoles;
    }

    public UserView getEditingZoneOf() {
        return editingZoneOf;
    }

    public String getEditingZone() {
        return editingZone;
    }

    public void setEditingZone(String editingZone) {
        this.editingZone = editingZone;
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }

    public String getOneTimePasswordFor() {
        return oneTimePasswordFor;
    }
}
