package org.npsloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.ContactDetail;
import org.npsloop.campaigns.ContactService;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/** One contact's page: attributes, lists, journey events, invitations and responses. */
@Named
@RequestScoped
public class ContactProfile {

    @Inject
    private ContactService contacts;

    @Inject
    @Param(name = "id")
    private Long id;

    private ContactDetail detail;

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
}
