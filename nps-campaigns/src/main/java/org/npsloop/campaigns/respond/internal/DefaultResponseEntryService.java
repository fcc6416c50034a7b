package org.npsloop.campaigns.respond.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.npsloop.campaigns.respond.ResponseEntryService;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.question.QuestionAnswer;
import org.npsloop.domain.question.SurveyQuestion;
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

    @Inject
    private QuestionAnswers questionAnswers;

    @Override
    public Entered enter(EntryInput input, String enteredBy) {
        Instant now = clock.instant();
        Response response = ResponseEntries.build(input, enteredBy, now,
                id -> em.find(Contact.class, id),
                email -> em.createQuery("SELECT c FROM Contact c WHERE c.email.value = :email", Contact.class)
                        .setParameter("email", email).getResultStream().findFirst().orElse(null),
                id -> em.find(Campaign.class, id));
        em.persist(response);
        em.persist(ResponseChange.of(response));
        em.flush();
        // Strict: a question the survey does not ask for this score is refused, not ignored. A refused answer throws,
        // and the transaction takes the response with it: the answer and its additional answers are one entry.
        questionAnswers.store(response, input.answers(), true, now, id -> "answers." + id);
        em.flush();
        return entered(response);
    }

    @Override
    public Optional<Entered> find(long id) {
        return Optional.ofNullable(em.find(Response.class, id)).map(this::entered);
    }

    private Entered entered(Response response) {
        Contact contact = response.getContact();
        List<AnswerView> answers = questionAnswers.stored(response).values().stream()
                .filter(a -> !a.value().isEmpty())
                .sorted(Comparator.comparing((QuestionAnswer a) -> a.getQuestion().getPosition())
                        .thenComparing(a -> a.getQuestion().getId()))
                .map(a -> view(a.getQuestion(), a)).toList();
        return new Entered(response.getId(), contact == null ? null : contact.getId(),
                contact == null || contact.getEmail() == null ? null : contact.getEmail().value(), response.getScore().value(),
                response.getCategory().name(), response.getChannel().name(), response.getRespondedAt(),
                response.getCampaign() == null ? null : response.getCampaign().getId(), response.getEnteredBy(), answers);
    }

    private static AnswerView view(SurveyQuestion question, QuestionAnswer answer) {
        return new AnswerView(question.getId(), question.getKind().name(),
                question.getTouchpoint() == null ? null : question.getTouchpoint().getCode(), question.getTextEn(),
                answer.value().plain());
    }
}
