package org.npsloop.campaigns.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.npsloop.campaigns.SurveyService;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.Violations;

@ApplicationScoped
@Transactional
public class DefaultSurveyService implements SurveyService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<SurveyView> list() {
        return em.createQuery("SELECT s FROM Survey s ORDER BY s.name", Survey.class).getResultStream()
                .map(DefaultSurveyService::view).toList();
    }

    @Override
    public Optional<SurveyView> find(long id) {
        return Optional.ofNullable(em.find(Survey.class, id)).map(DefaultSurveyService::view);
    }

    @Override
    public SurveyView create(NewSurvey input) {
        Instant now = clock.instant();
        Violations violations = new Violations();
        Survey survey = violations.check("name", () -> new Survey(input.name(), input.brandName(), now));
        if (survey == null) {
            violations.throwIfAny(); // the rest is checked on the survey itself
        }
        if (input.defaultLanguage() != null) {
            violations.check("defaultLanguage", () -> {
                survey.defaultLanguage(ContactInputs.language(input.defaultLanguage()), now);
                return null;
            });
        }
        if (input.senderEmail() != null) {
            violations.check("senderEmail", () -> new EmailAddress(input.senderEmail()));
        }
        if (input.linkLifetimeDays() != null) {
            violations.check("linkLifetimeDays", () -> {
                survey.linkLifetime(input.linkLifetimeDays(), now);
                return null;
            });
        }
        violations.throwIfAny();
        survey.sender(input.senderName(), input.senderEmail(), input.postalAddress(), now);
        em.persist(survey);
        em.flush();
        return view(survey);
    }

    private static SurveyView view(Survey s) {
        return new SurveyView(s.getId(), s.getName(), s.getBrandName(), s.getDefaultLanguage().name(), s.getSenderName(),
                s.getSenderEmail(), s.getLinkLifetimeDays());
    }
}
