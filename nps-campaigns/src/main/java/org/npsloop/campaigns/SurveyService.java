package org.npsloop.campaigns;

import java.util.List;
import java.util.Optional;

/** Surveys: created with the standard FR/EN wording, which can be changed later. */
public interface SurveyService {

    record SurveyView(long id, String name, String brandName, String defaultLanguage, String senderName,
            String senderEmail, int linkLifetimeDays) {
    }

    record NewSurvey(String name, String brandName, String defaultLanguage, String senderName, String senderEmail,
            String postalAddress, Integer linkLifetimeDays) {
    }

    List<SurveyView> list();

    Optional<SurveyView> find(long id);

    SurveyView create(NewSurvey survey);
}
