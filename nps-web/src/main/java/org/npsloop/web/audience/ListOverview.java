package org.npsloop.web.audience;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.campaigns.audience.MailingListService.ListView;
import org.npsloop.domain.validation.InvalidInputException;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.UiTexts;

/** Mailing lists: create them, see their size, add contacts by email. */
@Named
@ViewScoped
public class ListOverview implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailingListService lists;

    private List<ListView> all;
    private String name;
    private String description;
    private Long targetListId;
    private String emails;

    public List<ListView> getLists() {
        if (all == null) {
            all = lists.list();
        }
        return all;
    }

    public void create() {
        try {
            lists.create(name, description);
            name = null;
            description = null;
            all = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("lists:" + error.field(), UiTexts.text(error)));
        }
    }

    /** Emails separated by commas, semicolons, spaces or new lines. */
    public void addMembers() {
        List<String> addresses = Arrays.stream(emails == null ? new String[0] : emails.split("[,;\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        try {
            int added = lists.addMembers(targetListId, addresses);
            Messages.addGlobalInfo("+{0}", added);
            emails = null;
            all = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("members:emails", UiTexts.text(error)));
        } catch (java.util.NoSuchElementException e) {
            Messages.addError("members:list", UiTexts.text(e));
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getTargetListId() {
        return targetListId;
    }

    public void setTargetListId(Long targetListId) {
        this.targetListId = targetListId;
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails;
    }
}
