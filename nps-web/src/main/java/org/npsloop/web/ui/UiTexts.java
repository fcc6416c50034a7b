package org.npsloop.web.ui;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.i18n.Refusal;
import org.npsloop.domain.validation.FieldError;

/** Domain and service texts ({@link Message}s, field errors) in the language of the page being rendered. */
public final class UiTexts {

    private UiTexts() {
    }

    /**
     * The page's language: the user's choice ({@link LocaleSelection}). Not only the view's locale, which a GET's
     * view action sees before the page's {@code f:view locale} is applied (it is then the browser's language).
     */
    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return Locale.ENGLISH;
        }
        Instance<LocaleSelection> selection = CDI.current().select(LocaleSelection.class);
        if (selection.isResolvable()) {
            return selection.get().getLocale();
        }
        return faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }

    public static String text(Message message) {
        return message.render(locale());
    }

    public static String text(FieldError error) {
        return error.message(locale());
    }

    /** Why a service refused (a value, a state, an id not found): its message, or its text when it has none. */
    public static String text(RuntimeException refusal) {
        return text(Refusal.reasonOf(refusal));
    }

    /** A text of the pages' own bundle ({@code msg}) in the page's language, its {0}... replaced. */
    public static String page(String key, Object... arguments) {
        return new java.text.MessageFormat(org.omnifaces.util.Faces.getResourceBundle("msg").getString(key), locale())
                .format(arguments);
    }
}
