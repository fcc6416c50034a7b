package org.npsloop.campaigns.audience;

import java.util.List;
import java.util.Optional;

/** Static mailing lists and their members. */
public interface MailingListService {

    record ListView(long id, String name, String description, long members) implements java.io.Serializable {
    }

    List<ListView> list();

    Optional<ListView> find(long id);

    ListView create(String name, String description);

    /** Adds contacts given by email; returns how many were not members yet. Unknown emails are refused, naming them. */
    int addMembers(long listId, List<String> emails);

    /** @return true when the contact was a member */
    boolean removeMember(long listId, long contactId);

    ContactPage members(long listId, int first, int size);
}
