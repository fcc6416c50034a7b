package org.npsloop.reporting.drilldown;

import java.util.List;
import java.util.Optional;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.NpsResult;
import org.npsloop.domain.question.QuestionKind;

/**
 * The answers to one choice or yes/no question, by NPS category of the respondent. A percentage is of the
 * respondents of that category who answered the question, so the options of a multiple choice may add up to
 * more than 100%.
 *
 * @param answered the respondents who answered it, as promoters / passives / detractors
 * @param options every option in the question's order (yes/no: codes YES and NO, labels null), then any code
 *        answered that the question no longer lists
 */
public record ChoiceDistribution(long questionId, String surveyName, QuestionKind kind, String textEn, String textFr,
        NpsResult answered, List<Option> options) {

    public ChoiceDistribution {
        options = List.copyOf(options);
    }

    public String text(Language language) {
        return language == Language.FR ? textFr : textEn;
    }

    /** How many respondents of each category chose the option; labels null for yes/no. */
    public record Option(String code, String labelEn, String labelFr, NpsResult chosenBy) {

        public String label(Language language) {
            return language == Language.FR ? labelFr : labelEn;
        }

        /** All categories together. */
        public long total() {
            return chosenBy.responses();
        }
    }

    /** The share of the category's respondents (to this question) who chose the option; empty with none of them. */
    public Optional<Double> percent(Option option, NpsCategory category) {
        long of = count(answered, category);
        return of == 0 ? Optional.empty() : Optional.of(100.0 * count(option.chosenBy(), category) / of);
    }

    /** The share of all respondents to the question who chose the option. */
    public Optional<Double> percent(Option option) {
        long of = answered.responses();
        return of == 0 ? Optional.empty() : Optional.of(100.0 * option.total() / of);
    }

    public static long count(NpsResult counts, NpsCategory category) {
        return switch (category) {
            case PROMOTER -> counts.promoters();
            case PASSIVE -> counts.passives();
            case DETRACTOR -> counts.detractors();
        };
    }
}
