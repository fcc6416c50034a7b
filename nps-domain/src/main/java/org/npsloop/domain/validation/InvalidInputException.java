package org.npsloop.domain.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.npsloop.domain.i18n.Message;

/** Input refused as a whole, naming each bad field. Nothing was stored. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** @param keyOrText a key of the domain's texts bundle (or, in older code, an English sentence) */
    public InvalidInputException(String field, String keyOrText, Object... arguments) {
        this(List.of(new FieldError(field, keyOrText, arguments)));
    }

    public InvalidInputException(String field, Message reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
