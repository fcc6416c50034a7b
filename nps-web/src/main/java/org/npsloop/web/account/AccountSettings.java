package org.npsloop.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.npsloop.web.security.AccountException;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.security.UserAccountService;
import org.npsloop.web.security.UserView;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UserTime;

/** The signed-in user's own settings on the account page: the time zone they read dates and times in. */
@Named
@RequestScoped
public class AccountSettings {

    @Inject
    private UserAccountService accounts;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private UserTime userTime;

    /** Empty: follow the report time zone. */
    private String timeZone;

    @PostConstruct
    void load() {
        timeZone = accounts.find(currentUser.getUsername()).map(UserView::timeZone).orElse(null);
    }

    public void save() {
        try {
            UserView user = accounts.changeOwnTimeZone(currentUser.getUsername(), timeZone);
            String shown = user.timeZone() == null ? userTime.getReportZone().getId() : user.timeZone();
            Messages.addGlobalInfo(java.text.MessageFormat.format(Faces.getResourceBundle("msg").getString("account.timeZone.saved"), shown));
        } catch (AccountException e) {
            Messages.addError("timeZoneForm:timeZone", e.localizedMessage(Faces.getLocale()));
        }
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
