package org.npsloop.web.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import org.npsloop.domain.text.StrictDates;
import org.omnifaces.util.Faces;

/**
 * Every day typed in the admin UI (date pickers, report parameters) is read by {@link StrictDates}:
 * JSF's and PrimeFaces' own converters use {@code DateTimeFormatter.ofPattern} with its SMART resolver,
 * which turns 2025-02-31 into 28 February. By type: every LocalDate input without a converter of its own. A day
 * with slashes is read in the page language's order (12/04/2025 is 4 December in English, 12 April in French).
 */
@FacesConverter(forClass = LocalDate.class)
public class StrictDateConverter implements Converter<LocalDate> {

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return value == null || value.isBlank() ? null : StrictDates.day(value, context.getViewRoot().getLocale());
        } catch (IllegalArgumentException e) {
            String message = Faces.getResourceBundle("msg").getString("date.invalid").replace("{0}", value.strip());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : value.toString();
    }
}
