package org.npsloop.web.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.util.OptionalInt;
import org.npsloop.domain.nps.Score;
import org.omnifaces.util.Faces;

/**
 * A score typed or posted in a form: {@link Score#parse}, ASCII 0 to 10 only. JSF's own IntegerConverter
 * (Integer.valueOf) reads a fullwidth {@code ９} as 9.
 */
@FacesConverter("npsScore")
public class ScoreConverter implements Converter<Integer> {

    @Override
    public Integer getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        OptionalInt score = Score.parse(value);
        if (score.isEmpty()) {
            String message = Faces.getResourceBundle("msg").getString("responses.entry.scoreInvalid");
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
        return score.getAsInt();
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Integer value) {
        return value == null ? "" : Integer.toString(value);
    }
}
