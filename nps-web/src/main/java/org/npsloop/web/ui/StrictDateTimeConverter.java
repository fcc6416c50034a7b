package org.npsloop.web.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.util.Locale;
import org.npsloop.domain.text.ReadableTimes;
import org.omnifaces.util.Faces;

/**
 * The date-time pickers' reader ({@code converter="strictDateTime"}, with {@code pattern="#{when.inputPattern}"}
 * and {@code keepInvalid="true"}): the page language's numeric form or ISO, strictly, by {@link ReadableTimes}.
 * PrimeFaces' own parsing is lenient and, without keepInvalid, its widget replaces what was typed; a refused
 * value here stays in the field with a message naming the field and the expected form.
 */
@FacesConverter("strictDateTime")
public class StrictDateTimeConverter implements Converter<LocalDateTime> {

    @Override
    public LocalDateTime getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Locale locale = context.getViewRoot().getLocale();
        try {
            return ReadableTimes.readDateTime(value, locale);
        } catch (IllegalArgumentException e) {
            Object label = component.getAttributes().get("label");
            String example = ReadableTimes.inputText(LocalDateTime.of(2026, 12, 31, 14, 30), locale);
            String message = new MessageFormat(Faces.getResourceBundle("msg").getString("datetime.invalid"), locale)
                    .format(new Object[] {label == null ? "" : label, value.strip(), example});
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDateTime value) {
        return value == null ? "" : ReadableTimes.inputText(value, context.getViewRoot().getLocale());
    }
}
