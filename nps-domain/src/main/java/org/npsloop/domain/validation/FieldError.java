package org.npsloop.domain.validation;

/** One refused field: its name as the caller sent it (e.g. {@code email}, {@code attributes.seats}) and why. */
public record FieldError(String field, String message) {
}
