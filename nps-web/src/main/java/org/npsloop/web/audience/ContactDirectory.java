package org.npsloop.web.audience;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.audience.ContactPage;
import org.npsloop.campaigns.audience.ContactQuery;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.domain.audience.ContactStatus;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The contact table: one database page at a time, sorted and filtered by the database. */
@Named
@ViewScoped
public class ContactDirectory implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ContactService contacts;

    private String text;
    private ContactStatus status;

    private final LazyDataModel<ContactSummary> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        /** Count and rows come from one query object, so keep the last page's total. */
        private ContactPage lastPage;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return lastPage == null ? 0 : (int) Math.min(Integer.MAX_VALUE, lastPage.total());
        }

        @Override
        public List<ContactSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            lastPage = contacts.search(new ContactQuery(text, status, sort == null ? "createdAt" : sort.getField(),
                    sort != null && sort.getOrder() == SortOrder.ASCENDING, first, pageSize));
            setRowCount((int) Math.min(Integer.MAX_VALUE, lastPage.total()));
            return lastPage.rows();
        }

        @Override
        public String getRowKey(ContactSummary contact) {
            return String.valueOf(contact.id());
        }
    };

    public LazyDataModel<ContactSummary> getModel() {
        return model;
    }

    public ContactStatus[] getStatuses() {
        return ContactStatus.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public ContactStatus getStatus() {
        return status;
    }

    public void setStatus(ContactStatus status) {
        this.status = status;
    }
}
