package org.npsloop.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.followup.FollowUpService;
import org.npsloop.reporting.followup.ResponseInbox;

/**
 * Who may read contacts' email addresses where responses and follow-ups are shown or exported: a
 * MARKETER (audiences are theirs). An EXECUTIVE without MARKETER reads aggregates, quotes and follow-ups
 * with the contact's name and id (enough to recognise a customer and ask the marketing team), but no
 * address: the one place every response list, follow-up and export for them passes through.
 */
@RequestScoped
public class ContactEmails {

    @Inject
    private SecurityContext security;

    public boolean visible() {
        return security.isCallerInRole(Role.MARKETER_NAME);
    }

    public ResponseInbox.Page shown(ResponseInbox.Page page) {
        return visible() ? page : page.withoutContactEmails();
    }

    public FollowUpService.Page shown(FollowUpService.Page page) {
        return visible() ? page : page.withoutContactEmails();
    }

    public FollowUpService.Detail shown(FollowUpService.Detail detail) {
        return visible() ? detail : detail.withoutContactEmail();
    }
}
