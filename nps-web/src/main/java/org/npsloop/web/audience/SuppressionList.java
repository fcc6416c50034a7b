package org.npsloop.web.audience;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.audience.SuppressionService.SuppressionView;
import org.npsloop.domain.audience.SuppressionReason;
import org.npsloop.domain.validation.InvalidInputException;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.npsloop.web.ui.UiTexts;

/** The suppression list page: search it, block an address by hand, lift a manual block. */
@Named
@ViewScoped
public class SuppressionList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SuppressionService suppressions;

    private String text;
    private String email;
    private String note;

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

    public void lift(SuppressionView entry) {
        try {
            suppressions.lift(entry.id());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
        }
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
