package org.npsloop.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;

/** Collects field errors while checking an input, then refuses it once with all of them. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    /** Runs a check that throws IllegalArgumentException; records its reason (a {@code Message} when it is an
     * {@link InvalidValueException}) against the field. */
    public <T> T check(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, InvalidValueException.reasonOf(e)));
            return null;
        }
    }

    /** @param keyOrText a key of the domain's texts bundle (or, in older code, an English sentence) */
    public void add(String field, String keyOrText, Object... arguments) {
        errors.add(new FieldError(field, keyOrText, arguments));
    }

    public void add(String field, Message reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Keeps an error found elsewhere (e.g. by a nested check), under its own field. */
    public void add(FieldError error) {
        errors.add(error);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
