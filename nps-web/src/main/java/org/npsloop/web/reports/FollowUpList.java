package org.npsloop.web.reports;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.npsloop.domain.followup.FollowUpStatus;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.followup.FollowUpService;
import org.npsloop.web.security.ContactEmails;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.npsloop.web.ui.UiTexts;

/**
 * The follow-up list (priority order, filters) and the open follow-up: assign, change status and due
 * date, add notes. {@code ?id=} opens one (the link in the assignment mail).
 */
@Named
@ViewScoped
public class FollowUpList implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The owner filter's special values; otherwise a username. */
    static final String MINE = "@mine";
    static final String UNASSIGNED = "@none";

    @Inject
    private FollowUpService followUps;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContactEmails contactEmails;

    @Inject
    @Param(name = "id")
    private Long id;

    private FollowUpStatus status;
    private String owner;
    private boolean overdueOnly;

    private FollowUpService.Detail selected;
    /** The edit form of the selected one. */
    private String newOwner;
    private FollowUpStatus newStatus;
    private LocalDate newDueOn;
    private String note;

    private transient List<FollowUpService.Assignee> assignees;

    private final LazyDataModel<FollowUpService.Row> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        private long total;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, total);
        }

        @Override
        public List<FollowUpService.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            FollowUpService.Page page = contactEmails.shown(followUps.list(query(first, pageSize)));
            total = page.total();
            setRowCount((int) Math.min(Integer.MAX_VALUE, total));
            return page.rows();
        }

        @Override
        public String getRowKey(FollowUpService.Row row) {
            return String.valueOf(row.id());
        }
    };

    /** Opens the follow-up named in the address, if any; an unknown one is a 404. */
    public void open() {
        if (id != null && selected == null) {
            try {
                select(id);
            } catch (NoSuchElementException e) {
                Faces.responseSendError(404, "No such follow-up");
            }
        }
    }

    FollowUpService.Query query(int first, int size) {
        String who = MINE.equals(owner) ? currentUser.getUsername() : UNASSIGNED.equals(owner) ? null : owner;
        return new FollowUpService.Query(status, who, UNASSIGNED.equals(owner), overdueOnly, first, size);
    }

    /** A filter changed: back to the first page. */
    public void filtered() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":list:table");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    public void select(long followUpId) {
        show(followUps.detail(followUpId));
    }

    public void close() {
        selected = null;
    }

    private void show(FollowUpService.Detail detail) {
        selected = contactEmails.shown(detail);
        FollowUpService.Row row = detail.followUp();
        newOwner = row.owner() == null ? "" : row.owner().username();
        newStatus = row.status();
        newDueOn = row.dueOn();
        note = null;
    }

    public void save() {
        FollowUpService.Row row = selected.followUp();
        String ownerChange = newOwner == null ? "" : newOwner;
        try {
            show(followUps.update(row.id(), new FollowUpService.Change(ownerChange, newStatus, newDueOn),
                    currentUser.getUsername()));
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("followups.saved"));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("detail:" + error.field(), UiTexts.text(error)));
        }
    }

    public void addNote() {
        try {
            show(followUps.addNote(selected.followUp().id(), note, currentUser.getUsername()));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("detail:note", UiTexts.text(error)));
        }
    }

    /** The current status and the ones it may move to. */
    public List<FollowUpStatus> getStatusChoices() {
        List<FollowUpStatus> choices = new ArrayList<>();
        choices.add(selected.followUp().status());
        choices.addAll(selected.allowedStatuses());
        return choices;
    }


    public LazyDataModel<FollowUpService.Row> getModel() {
        return model;
    }

    public FollowUpStatus[] getStatuses() {
        return FollowUpStatus.values();
    }

    public List<FollowUpService.Assignee> getAssignees() {
        if (assignees == null) {
            assignees = followUps.assignees();
        }
        return assignees;
    }

    public String getMine() {
        return MINE;
    }

    public String getUnassigned() {
        return UNASSIGNED;
    }

    public FollowUpService.Policy getPolicy() {
        return followUps.policy();
    }

    public FollowUpService.Detail getSelected() {
        return selected;
    }

    /** The follow-up shown, as the view parameter {@code id}: the address of the page, e.g. for the language switch. */
    public Long getShownId() {
        return selected == null ? null : selected.followUp().id();
    }

    public void setShownId(Long shownId) {
        if (shownId != null) {
            id = shownId;
        }
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    public void setStatus(FollowUpStatus status) {
        this.status = status;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public void setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public String getNewOwner() {
        return newOwner;
    }

    public void setNewOwner(String newOwner) {
        this.newOwner = newOwner;
    }

    public FollowUpStatus getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(FollowUpStatus newStatus) {
        this.newStatus = newStatus;
    }

    public LocalDate getNewDueOn() {
        return newDueOn;
    }

    public void setNewDueOn(LocalDate newDueOn) {
        this.newDueOn = newDueOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
