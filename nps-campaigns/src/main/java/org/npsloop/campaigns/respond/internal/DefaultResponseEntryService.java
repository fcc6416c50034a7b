package org.npsloop.campaigns.respond.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.npsloop.campaigns.respond.ResponseEntryService;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.response.ResponseChange;
import org.npsloop.domain.schema.Database;

@ApplicationScoped
@Transactional
public class DefaultResponseEntryService implements ResponseEntryService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public Entered enter(EntryInput input, String enteredBy) {
        Response response = ResponseEntries.build(input, enteredBy, clock.instant(),
                id -> em.find(Contact.class, id),
                email -> em.createQuery("SELECT c FROM Contact c WHERE c.email.value = :email", Contact.class)
                        .setParameter("email", email).getResultStream().findFirst().orElse(null),
                id -> em.find(Campaign.class, id));
        em.persist(response);
        em.persist(ResponseChange.of(response));
        em.flush();
        Contact contact = response.getContact();
        return new Entered(response.getId(), contact.getId(), contact.getEmail().value(), response.getScore().value(),
                response.getCategory().name(), response.getChannel().name(), response.getRespondedAt(),
                response.getCampaign() == null ? null : response.getCampaign().getId(), response.getEnteredBy());
    }
}
