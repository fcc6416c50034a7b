package org.npsloop.web.audience;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npsloop.campaigns.audience.AttributeService.AttributeView;
import org.npsloop.campaigns.audience.ContactDetail;
import org.npsloop.campaigns.audience.ContactInput;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.Language;

/**
 * The contact page's edit form: names, language, and one input per defined attribute, typed as the attribute
 * is (text, number, date picker, yes/no). It becomes the same {@link ContactInput} an API client sends, so the
 * contact service validates it exactly as it validates {@code PUT /api/contacts/{id}}.
 */
public class ContactEdit {

    /** Where the form is on the page, and the ids of its inputs, for errors on the field. */
    static final String FORM = "edit";

    private String firstName;
    private String lastName;
    private Language language;
    private final List<AttributeField> attributes;

    ContactEdit(String firstName, String lastName, Language language, List<AttributeField> attributes) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.language = language;
        this.attributes = List.copyOf(attributes);
    }

    /** The stored contact, with an empty input for each attribute it has no value of. */
    static ContactEdit of(ContactDetail detail, List<AttributeView> definitions) {
        List<AttributeField> fields = new ArrayList<>();
        for (AttributeView definition : definitions) {
            AttributeField field = new AttributeField(definition.name(), definition.type());
            field.show(detail.attributes().get(definition.name()));
            fields.add(field);
        }
        return new ContactEdit(detail.contact().firstName(), detail.contact().lastName(), detail.contact().language(), fields);
    }

    /** Every attribute is sent: an empty one as null, which removes the contact's value. */
    ContactInput toInput() {
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach(field -> values.put(field.getName(), field.raw()));
        return new ContactInput(null, firstName, lastName, language == null ? null : language.name(), values);
    }

    /** The input a service field error belongs to ({@code firstName}, {@code attributes.plan}...); the form for others. */
    String clientId(String field) {
        if ("firstName".equals(field) || "lastName".equals(field) || "language".equals(field)) {
            return FORM + ":" + field;
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (("attributes." + attributes.get(i).getName()).equals(field)) {
                return FORM + ":attributes:" + i + ":" + attributes.get(i).getInputId();
            }
        }
        return null;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public List<AttributeField> getAttributes() {
        return attributes;
    }

    /** One attribute's input: text (text and numbers, read by the service as typed), a day, or yes / no / none. */
    public static class AttributeField {

        private final String name;
        private final AttributeType type;
        private String text;
        private LocalDate day;

        AttributeField(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        void show(Object value) {
            if (value instanceof LocalDate date) {
                day = date;
            } else if (value instanceof Double number) {
                text = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            } else if (value != null) {
                text = value.toString();
            }
        }

        /** What the service gets: null when empty; the text as typed (the service reads "1 234,5", oui/non...). */
        Object raw() {
            if (type == AttributeType.DATE) {
                return day == null ? null : day.toString();
            }
            return text == null || text.isBlank() ? null : text;
        }

        /** The id of the input the page renders for this type. */
        public String getInputId() {
            return switch (type) {
                case DATE -> "day";
                case BOOLEAN -> "yesNo";
                case TEXT, NUMBER -> "text";
            };
        }

        public String getName() {
            return name;
        }

        public AttributeType getType() {
            return type;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public LocalDate getDay() {
            return day;
        }

        public void setDay(LocalDate day) {
            this.day = day;
        }
    }
}
