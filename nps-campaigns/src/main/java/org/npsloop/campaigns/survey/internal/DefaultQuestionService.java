package org.npsloop.campaigns.survey.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.campaigns.survey.QuestionService;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.question.QuestionChoice;
import org.npsloop.domain.question.QuestionDefinition;
import org.npsloop.domain.question.SurveyQuestion;
import org.npsloop.domain.question.Touchpoint;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

@ApplicationScoped
@Transactional
public class DefaultQuestionService implements QuestionService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public List<QuestionView> questions(long surveyId) {
        return asked(survey(surveyId)).stream().map(DefaultQuestionService::view).toList();
    }

    @Override
    public QuestionView add(long surveyId, QuestionInput input) {
        Survey survey = survey(surveyId);
        // One survey's questions are changed one at a time: the limit and the positions stay right.
        em.lock(survey, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<SurveyQuestion> asked = asked(survey);
        if (asked.size() >= SurveyQuestion.MAX_QUESTIONS) {
            throw new InvalidInputException("kind", "question.tooMany", SurveyQuestion.MAX_QUESTIONS);
        }
        int position = asked.isEmpty() ? 1 : asked.get(asked.size() - 1).getPosition() + 1;
        SurveyQuestion question = new SurveyQuestion(survey, position, definition(input), clock.instant());
        em.persist(question);
        em.flush();
        return view(question);
    }

    @Override
    public QuestionView update(long questionId, QuestionInput input) {
        SurveyQuestion question = question(questionId);
        question.define(definition(input), clock.instant());
        em.flush();
        return view(question);
    }

    @Override
    public void remove(long questionId) {
        question(questionId).archive(clock.instant());
    }

    @Override
    public List<QuestionView> move(long questionId, int offset) {
        SurveyQuestion question = question(questionId);
        List<SurveyQuestion> asked = new ArrayList<>(asked(question.getSurvey()));
        int from = asked.indexOf(question);
        int to = Math.max(0, Math.min(asked.size() - 1, from + Integer.signum(offset)));
        asked.add(to, asked.remove(from));
        for (int i = 0; i < asked.size(); i++) {
            asked.get(i).moveTo(i + 1);
        }
        return asked.stream().map(DefaultQuestionService::view).toList();
    }

    @Override
    public List<TouchpointView> touchpoints() {
        return em.createQuery("SELECT t FROM Touchpoint t ORDER BY t.position, t.id", Touchpoint.class)
                .getResultStream().map(DefaultQuestionService::view).toList();
    }

    @Override
    public TouchpointView addTouchpoint(String labelEn, String labelFr) {
        Violations violations = new Violations();
        violations.check("labelEn", () -> new Touchpoint(labelEn, "-", 0, clock.instant()));
        violations.check("labelFr", () -> new Touchpoint("-", labelFr, 0, clock.instant()));
        violations.throwIfAny();
        Integer last = em.createQuery("SELECT MAX(t.position) FROM Touchpoint t", Integer.class).getSingleResult();
        Touchpoint touchpoint = new Touchpoint(labelEn, labelFr, last == null ? 1 : last + 1, clock.instant());
        for (int n = 2; codeTaken(touchpoint.getCode()); n++) {
            touchpoint.suffixCode(n);
        }
        em.persist(touchpoint);
        em.flush();
        return view(touchpoint);
    }

    private boolean codeTaken(String code) {
        return em.createQuery("SELECT COUNT(t) FROM Touchpoint t WHERE t.code = :code", Long.class)
                .setParameter("code", code).getSingleResult() > 0;
    }

    @Override
    public TouchpointView renameTouchpoint(long touchpointId, String labelEn, String labelFr) {
        Touchpoint touchpoint = em.find(Touchpoint.class, touchpointId);
        if (touchpoint == null) {
            throw new NotFoundException("question.touchpoint.notFound", touchpointId);
        }
        Violations violations = new Violations();
        violations.check("labelEn", () -> new Touchpoint(labelEn, "-", 0, clock.instant()));
        violations.check("labelFr", () -> new Touchpoint("-", labelFr, 0, clock.instant()));
        violations.throwIfAny();
        touchpoint.rename(labelEn, labelFr);
        return view(touchpoint);
    }

    private QuestionDefinition definition(QuestionInput input) {
        if (input == null) {
            throw new InvalidInputException("kind", "question.kind.required");
        }
        Touchpoint touchpoint = null;
        if (input.touchpointId() != null) {
            touchpoint = em.find(Touchpoint.class, input.touchpointId());
            if (touchpoint == null) {
                throw new InvalidInputException("touchpointId", "question.touchpoint.notFound", input.touchpointId());
            }
        }
        List<QuestionDefinition.ChoiceLabels> choices = input.choices() == null ? null : input.choices().stream()
                .map(c -> c == null ? null : new QuestionDefinition.ChoiceLabels(c.code(), c.labelEn(), c.labelFr()))
                .toList();
        return new QuestionDefinition(input.kind(), input.scale(), touchpoint, input.required(), input.audience(),
                input.textEn(), input.textFr(), choices);
    }

    private List<SurveyQuestion> asked(Survey survey) {
        return em.createQuery("SELECT q FROM SurveyQuestion q WHERE q.survey = :survey AND q.archived = false"
                + " ORDER BY q.position, q.id", SurveyQuestion.class).setParameter("survey", survey).getResultList();
    }

    private Survey survey(long id) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null) {
            throw new NotFoundException("notFound.survey", id);
        }
        return survey;
    }

    private SurveyQuestion question(long id) {
        SurveyQuestion question = em.find(SurveyQuestion.class, id);
        if (question == null || question.isArchived()) {
            throw new NotFoundException("question.notFound", id);
        }
        return question;
    }

    static QuestionView view(SurveyQuestion q) {
        return new QuestionView(q.getId(), q.getSurvey().getId(), q.getPosition(), q.getKind(), q.getScale(),
                q.getTouchpoint() == null ? null : view(q.getTouchpoint()), q.isRequired(), q.getAudience(),
                q.getTextEn(), q.getTextFr(), q.getChoices().stream().map(DefaultQuestionService::view).toList());
    }

    private static ChoiceView view(QuestionChoice c) {
        return new ChoiceView(c.getCode(), c.getLabelEn(), c.getLabelFr());
    }

    private static TouchpointView view(Touchpoint t) {
        return new TouchpointView(t.getId(), t.getCode(), t.getLabelEn(), t.getLabelFr(), t.isBuiltIn());
    }
}
