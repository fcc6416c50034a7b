package org.npsloop.web.audience;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.audience.SuppressionService.SuppressionView;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.npsloop.web.ui.UiTexts;

/**
 * The suppression list page: search it, see where each entry came from and, for one, the evidence (what the mail
 * system said); a MARKETER blocks an address by hand and lifts manual blocks, an ADMIN lifts a bounce or a complaint
 * found to be a false positive. Nobody lifts an unsubscribe.
 */
@Named
@ViewScoped
public class SuppressionList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SuppressionService suppressions;

    @Inject
    private CurrentUser user;

    private String text;
    private String email;
    private String note;
    /** The entry open in the details dialog, with its evidence. */
    private SuppressionView selected;

    private final LazyDataModel<SuppressionView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) suppressions.count(text);
        }

        @Override
        public List<SuppressionView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return suppressions.list(text, first, pageSize);
        }

        @Override
        public String getRowKey(SuppressionView row) {
            return String.valueOf(row.id());
        }
    };

    public void add() {
        try {
            suppressions.suppress(email, SuppressionReason.MANUAL, note);
            email = null;
            note = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("suppression:" + error.field(), UiTexts.text(error)));
        }
    }

    /** Opens one entry, read again with its evidence. */
    public void show(SuppressionView entry) {
        try {
            selected = suppressions.find(entry.id());
        } catch (NoSuchElementException e) {
            selected = null;
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    public void lift(SuppressionView entry) {
        try {
            suppressions.lift(entry.id(), user.isAdmin());
            selected = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
        } catch (NoSuchElementException e) {
            Messages.addGlobalError(UiTexts.text(e));
        }
    }

    /** Whether this user may lift it: a manual block anyone here, a bounce or a complaint an ADMIN, an unsubscribe nobody. */
    public boolean canLift(SuppressionView entry) {
        return entry.reason() == SuppressionReason.MANUAL || entry.liftableByAdmin() && user.isAdmin();
    }

    /** Where it came from, in the reader's language; empty for entries older than the sources. */
    public String source(SuppressionView entry) {
        return entry.source() == null ? "" : UiTexts.text(Message.of("deliverySource." + entry.source().name()));
    }

    public SuppressionView getSelected() {
        return selected;
    }

    public LazyDataModel<SuppressionView> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
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
