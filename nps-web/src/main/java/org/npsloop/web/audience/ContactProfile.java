package org.npsloop.web.audience;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.npsloop.web.audit.AuditEvents;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.audience.AttributeService;
import org.npsloop.campaigns.audience.ContactDetail;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.JourneyEventService;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.validation.InvalidInputException;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;
import org.npsloop.web.ui.UserTime;

/** One contact's page: names, language and attributes (editable), lists, journey events, invitations, responses; events by hand; GDPR tools. */
@Named
@RequestScoped
public class ContactProfile {

    @Inject
    private ContactService contacts;

    @Inject
    private AuditEvents auditEvents;

    @Inject
    private JourneyEventService events;

    @Inject
    private MailingListService lists;

    @Inject
    private UserTime userTime;

    @Inject
    @Param(name = "id")
    private Long id;

    @Inject
    private AttributeService attributeDefinitions;

    private ContactDetail detail;
    private ContactEdit edit;

    // New journey event
    private String eventType;
    private LocalDateTime occurredAt;
    private String externalId;

    public ContactDetail getDetail() {
        if (detail == null && id != null) {
            detail = contacts.detail(id).orElse(null);
        }
        return detail;
    }

    /** Called by the page: an unknown id is a 404, not an empty page. */
    public void requireContact() {
        if (getDetail() == null) {
            Faces.responseSendError(404, "No such contact");
        }
    }

    public List<Map.Entry<String, Object>> getAttributes() {
        return List.copyOf(getDetail().attributes().entrySet());
    }

    /** Times typed in the browser are read in the user's zone, as the page shows the events' times. */
    public String addEvent() {
        try {
            events.record(new JourneyEventService.EventInput(getDetail().contact().email(), eventType,
                    userTime.instantOf(occurredAt),
                    externalId == null || externalId.isBlank() ? null : externalId.strip(), null));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("event:" + error.field(), UiTexts.text(error)));
            return null;
        }
        return reload();
    }

    /** The edit form, filled from the stored contact; on a postback JSF then writes what was typed into it. */
    public ContactEdit getEdit() {
        if (edit == null && getDetail() != null) {
            edit = ContactEdit.of(getDetail(), attributeDefinitions.list());
        }
        return edit;
    }

    /**
     * Saves through the contact service, as {@code PUT /api/contacts/{id}} does; each refusal is shown on its
     * field, in the page's language, and what was typed stays.
     */
    public String save() {
        ContactEdit form = getEdit();
        try {
            contacts.update(id, form.toInput());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError(form.clientId(error.field()), UiTexts.text(error)));
            Faces.validationFailed();
            return null;
        }
        Messages.addFlashGlobalInfo(Faces.getResourceBundle("msg").getString("contact.edit.saved"));
        return reload();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public String removeFromList(long listId) {
        lists.removeMember(listId, id);
        return reload();
    }

    public String erase() {
        contacts.erase(id);
        auditEvents.record("ERASE", "Contact", id, "erased from the contact page");
        return reload();
    }

    private String reload() {
        return "/audience/contact.xhtml?faces-redirect=true&id=" + id;
    }

    /** Where a delivery report came from, in the reader's language (the labels the suppression review shows too). */
    public String source(String deliverySource) {
        return UiTexts.text(org.npsloop.domain.i18n.Message.of("deliverySource." + deliverySource));
    }

    public Long getId() {
        return id;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public LocalDateTime getOccurredAt() {
        if (occurredAt == null) {
            occurredAt = userTime.now();
        }
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }
}
