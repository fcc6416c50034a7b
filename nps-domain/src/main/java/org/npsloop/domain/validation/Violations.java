package org.npsloop.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects field errors while checking an input, then refuses it once with all of them. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    /** Runs a check that throws IllegalArgumentException; records its message against the field. */
    public <T> T check(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
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
