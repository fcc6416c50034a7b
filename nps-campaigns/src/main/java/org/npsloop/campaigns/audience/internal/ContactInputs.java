package org.npsloop.campaigns.audience.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.npsloop.campaigns.audience.ContactInput;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.validation.Violations;

/**
 * Turns client input into records ready to write, field by field, collecting every problem. Unknown
 * attributes are typed from their first value: JSON booleans and numbers, ISO dates, else text.
 */
final class ContactInputs {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final int MAX_NAME = 200;

    /** Records in input order, and the types of attributes that must be defined first. */
    record Validated(List<ContactRecord> records, Map<String, AttributeType> attributeTypes) {
    }

    private ContactInputs() {
    }

    /**
     * @param prefix field prefix for error messages, e.g. "contacts" gives "contacts[3].email"; empty for one contact
     * @param requireEmail false when updating a known contact whose email may be left out
     */
    static Validated validate(List<ContactInput> inputs, Map<String, AttributeType> known, String prefix,
            Violations violations, EmailAddress fallbackEmail) {
        Map<String, AttributeType> types = new HashMap<>(known);
        Map<String, AttributeType> used = new HashMap<>();
        List<ContactRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ContactInput input = inputs.get(i);
            String at = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
            if (input == null) {
                violations.add(prefix + "[" + i + "]", "contacts.missing");
                continue;
            }
            EmailAddress email = input.email() == null && fallbackEmail != null ? fallbackEmail
                    : violations.check(at + "email", () -> new EmailAddress(input.email()));
            String firstName = name(input.firstName(), at + "firstName", violations);
            String lastName = name(input.lastName(), at + "lastName", violations);
            Language language = input.language() == null ? null
                    : violations.check(at + "language", () -> Language.parse(input.language()));
            Map<String, Object> attributes = new LinkedHashMap<>();
            input.attributes().forEach((rawName, rawValue) -> {
                String field = at + "attributes." + rawName;
                String name = violations.check(field, () -> AttributeDefinition.normaliseName(rawName));
                if (name == null) {
                    return;
                }
                AttributeType type = types.computeIfAbsent(name, n -> inferType(rawValue));
                used.put(name, type);
                Object value = rawValue == null ? null : violations.check(field, () -> typed(type, rawValue));
                attributes.put(name, value);
            });
            records.add(new ContactRecord(email, firstName, lastName, language, attributes));
        }
        return new Validated(records, used);
    }


    private static String name(String raw, String field, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.strip().length() > MAX_NAME) {
            violations.add(field, "value.text.tooLong", MAX_NAME);
            return null;
        }
        return raw.strip();
    }

    static AttributeType inferType(Object value) {
        if (value instanceof Boolean) {
            return AttributeType.BOOLEAN;
        }
        if (value instanceof Number) {
            return AttributeType.NUMBER;
        }
        if (value instanceof String s && ISO_DATE.matcher(s.strip()).matches()) {
            return AttributeType.DATE;
        }
        return AttributeType.TEXT;
    }

    static Object typed(AttributeType type, Object raw) {
        if (type == AttributeType.BOOLEAN && raw instanceof Boolean b) {
            return b;
        }
        if (type == AttributeType.NUMBER && raw instanceof Number n) {
            return n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
        }
        if (!(raw instanceof String) && type != AttributeType.TEXT) {
            throw new InvalidValueException("contact.attribute.type", Message.of("attribute.type." + type), String.valueOf(raw));
        }
        return type.parse(String.valueOf(raw));
    }
}
