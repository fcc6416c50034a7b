package org.npsloop.web.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.npsloop.campaigns.survey.QuestionService;
import org.npsloop.domain.audience.Language;

/** A touchpoint's name in the page's language from the code a drill-down link carries (the code itself if unknown). */
@Named
@RequestScoped
public class TouchpointNames {

    @Inject
    private QuestionService questions;

    private Map<String, QuestionService.TouchpointView> byCode;

    public String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        if (byCode == null) {
            byCode = questions.touchpoints().stream()
                    .collect(Collectors.toMap(QuestionService.TouchpointView::code, Function.identity()));
        }
        QuestionService.TouchpointView touchpoint = byCode.get(code.strip().toUpperCase(Locale.ROOT));
        return touchpoint == null ? code : touchpoint.label(Language.of(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    }
}
