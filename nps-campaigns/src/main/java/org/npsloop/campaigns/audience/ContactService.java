package org.npsloop.campaigns.audience;

import java.util.List;
import java.util.Optional;

/** Contacts: create, update, bulk upsert by email, find, page through, erase. */
public interface ContactService {

    /** Bulk upsert by email, all or nothing; duplicates in the input: the last one wins. Optionally adds everyone to a list. */
    UpsertResult upsert(List<ContactInput> contacts, Long listId);

    ContactSummary create(ContactInput input);

    ContactSummary update(long id, ContactInput input);

    Optional<ContactDetail> detail(long id);

    Optional<ContactSummary> findByEmail(String email);

    ContactPage search(ContactQuery query);

    /**
     * GDPR erasure: name, email and attributes removed, events and list memberships deleted;
     * responses stay, detached from the person, so aggregates do not change. The address is suppressed.
     */
    void erase(long id);
}
