package org.npsloop.campaigns.respond.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.npsloop.campaigns.respond.AskedQuestion;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.domain.question.QuestionAnswer;
import org.npsloop.domain.question.QuestionAnswerChange;
import org.npsloop.domain.question.SurveyQuestion;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.Violations;

/**
 * The answers to a survey's additional questions, whichever way they come (respondent page, phone entry, API):
 * all checked before any is written, each change kept in {@code response_answer_change}. Runs in the caller's
 * transaction, after the score is stored: an additional answer never delays nor blocks the score.
 */
@ApplicationScoped
public class QuestionAnswers {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    /** The survey's questions a respondent of this category is asked, in order (null category: everyone's only). */
    public List<SurveyQuestion> asked(Survey survey, NpsCategory category) {
        return active(survey).filter(q -> q.appliesTo(category)).toList();
    }

    private Stream<SurveyQuestion> active(Survey survey) {
        if (survey == null) {
            return Stream.empty();
        }
        return em.createQuery("SELECT q FROM SurveyQuestion q WHERE q.survey = :survey AND q.archived = false"
                        + " ORDER BY q.position, q.id", SurveyQuestion.class)
                .setParameter("survey", survey).getResultStream();
    }

    /** The stored answers of a response, by question id. */
    public Map<Long, QuestionAnswer> stored(Response response) {
        if (response == null || response.getId() == null) {
            return Map.of();
        }
        return em.createQuery("SELECT a FROM QuestionAnswer a WHERE a.response = :response", QuestionAnswer.class)
                .setParameter("response", response).getResultStream()
                .collect(Collectors.toMap(a -> a.getQuestion().getId(), Function.identity()));
    }

    /**
     * Checks then stores the answers given for a response.
     *
     * @param given the values by question id, as typed (several for a multiple choice); a question left out is
     *        not touched, a question given with no value is cleared
     * @param strict true for the API and phone entry: a question the survey does not ask for this score is refused
     *        ({@code answer.question.notAsked}); false for the respondent page, which ignores it (a hidden field)
     * @param fieldName how each question's field is named in errors ({@code q<id>} on the page, {@code answers.<id>}
     *        in the API)
     * @throws org.npsloop.domain.validation.InvalidInputException naming each refused answer; nothing is written
     * @return whether anything changed
     */
    public boolean store(Response response, Map<Long, List<String>> given, boolean strict, Instant now,
            Function<Long, String> fieldName) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        Survey survey = response.getCampaign() == null ? null : response.getCampaign().getSurvey();
        Map<Long, SurveyQuestion> asked = asked(survey, response.getCategory()).stream()
                .collect(Collectors.toMap(SurveyQuestion::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Violations violations = new Violations();
        Map<SurveyQuestion, AnswerValue> values = new LinkedHashMap<>();
        for (Map.Entry<Long, List<String>> entry : given.entrySet()) {
            SurveyQuestion question = asked.get(entry.getKey());
            if (question == null) {
                if (strict) {
                    SurveyQuestion other = entry.getKey() == null ? null : em.find(SurveyQuestion.class, entry.getKey());
                    boolean exists = survey != null && other != null && !other.isArchived()
                            && other.getSurvey().getId().equals(survey.getId());
                    violations.add(fieldName.apply(entry.getKey()),
                            exists ? "answer.question.notAsked" : "answer.question.unknown", entry.getKey());
                }
                continue;
            }
            AnswerValue value = violations.check(fieldName.apply(question.getId()), () -> question.parseAnswer(entry.getValue()));
            if (value != null) {
                values.put(question, value);
            }
        }
        violations.throwIfAny();
        Map<Long, QuestionAnswer> stored = stored(response);
        boolean changed = false;
        for (Map.Entry<SurveyQuestion, AnswerValue> entry : values.entrySet()) {
            changed |= write(response, entry.getKey(), entry.getValue(), stored.get(entry.getKey().getId()), now);
        }
        return changed;
    }

    /**
     * Clears the answers to questions the response's category is no longer asked (a detractor's "what should we
     * improve?" once they changed their score to 9), each clearing kept in the history.
     */
    public void dropInapplicable(Response response, Instant now) {
        for (QuestionAnswer answer : stored(response).values()) {
            if (!answer.getQuestion().getAudience().appliesTo(response.getCategory()) && !answer.value().isEmpty()) {
                write(response, answer.getQuestion(), AnswerValue.EMPTY, answer, now);
            }
        }
    }

    /**
     * The questions a respondent of this category is asked, in their language, with their stored answers (or the
     * values typed, when given: a refused form shown again).
     */
    public List<AskedQuestion> page(Survey survey, NpsCategory category, Response response, Language language) {
        return page(asked(survey, category), response, language);
    }

    /**
     * Every question of the survey still asked, whatever the category, each with its audience: the respondent page
     * renders them all, so that its script shows those of the score chosen without asking the server.
     */
    public List<AskedQuestion> pageForEveryCategory(Survey survey, Response response, Language language) {
        return page(active(survey).toList(), response, language);
    }

    private List<AskedQuestion> page(List<SurveyQuestion> questions, Response response, Language language) {
        Map<Long, QuestionAnswer> stored = stored(response);
        return questions.stream().map(q -> {
            QuestionAnswer answer = stored.get(q.getId());
            return new AskedQuestion(q.getId(), AskedQuestion.fieldOf(q.getId()), q.getKind(), q.text(language),
                    q.getTouchpoint() == null ? null : q.getTouchpoint().label(language), q.getScale(), q.isRequired(),
                    q.getAudience(), q.getChoices().stream().map(c -> new AskedQuestion.Option(c.getCode(), c.label(language))).toList(),
                    answer == null ? AnswerValue.EMPTY : answer.value());
        }).toList();
    }

    private boolean write(Response response, SurveyQuestion question, AnswerValue value, QuestionAnswer stored, Instant now) {
        boolean changed;
        if (stored == null) {
            if (value.isEmpty()) {
                return false;
            }
            em.persist(new QuestionAnswer(response, question, value, now));
            changed = true;
        } else {
            changed = stored.change(value, now);
        }
        if (changed) {
            em.persist(new QuestionAnswerChange(response, question, value, now));
            // What the webhook and report workers watch: an additional answer changes the response.
            response.touch(now);
        }
        return changed;
    }
}
