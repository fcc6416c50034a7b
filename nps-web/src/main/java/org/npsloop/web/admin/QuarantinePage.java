package org.npsloop.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.campaigns.deliverability.InboundMailService;
import org.npsloop.campaigns.deliverability.InboundMailService.InboundMailView;
import org.npsloop.campaigns.deliverability.InboundMailService.QuarantineAction;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Messages;

/**
 * The bounce mailbox's quarantine (ADMIN): mail that was not understood or matched no invitation; one is read (its raw
 * text, escaped) and its address suppressed as a hard bounce, a complaint or an unsubscribe, or it is dismissed.
 */
@Named
@ViewScoped
public class QuarantinePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 200;

    @Inject
    private InboundMailService inbound;

    @Inject
    private CurrentUser currentUser;

    private List<InboundMailView> mails;
    private long total;
    private InboundMailView selected;
    private String email;
    private String note;

    public List<InboundMailView> getMails() {
        if (mails == null) {
            mails = inbound.quarantined(0, SHOWN);
            total = inbound.countQuarantined();
        }
        return mails;
    }

    public long getTotal() {
        getMails();
        return total;
    }

    public void open(InboundMailView mail) {
        try {
            selected = inbound.find(mail.id());
            email = selected.recipient();
            note = null;
        } catch (NotFoundException e) {
            Messages.addGlobalError(UiTexts.text(e));
            mails = null;
        }
    }

    public void act(String action) {
        if (selected == null) {
            return;
        }
        try {
            InboundMailView done = inbound.act(selected.id(), QuarantineAction.valueOf(action), email, note, currentUser.getUsername());
            Messages.addGlobalInfo(UiTexts.page("quarantine.done." + action, done.subject() == null ? "" : done.subject()));
            selected = null;
            email = null;
            note = null;
            mails = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("quarantine:" + error.field(), UiTexts.text(error)));
        } catch (NotFoundException e) {
            Messages.addGlobalError(UiTexts.text(e));
            selected = null;
            mails = null;
        }
    }

    public void close() {
        selected = null;
    }

    public InboundMailView getSelected() {
        return selected;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
