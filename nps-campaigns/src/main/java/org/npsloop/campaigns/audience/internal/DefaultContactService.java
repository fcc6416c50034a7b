package org.npsloop.campaigns.audience.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import javax.sql.DataSource;
import org.npsloop.campaigns.audience.ContactDetail;
import org.npsloop.campaigns.audience.ContactInput;
import org.npsloop.campaigns.audience.ContactPage;
import org.npsloop.campaigns.audience.ContactQuery;
import org.npsloop.campaigns.audience.ContactService;
import org.npsloop.campaigns.audience.ContactSummary;
import org.npsloop.campaigns.audience.UpsertResult;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.ContactErased;
import org.npsloop.domain.audience.ResponsesAnonymised;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.audience.MailingList;
import org.npsloop.domain.audience.Suppression;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.domain.question.QuestionAnswer;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.SurveyQuestion;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.platform.jdbc.SqlValues;

@ApplicationScoped
@Transactional
public class DefaultContactService implements ContactService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private DefaultAttributeService attributes;

    @Inject
    private Clock clock;

    @Inject
    private jakarta.enterprise.event.Event<ContactErased> erasures;

    @Inject
    private jakarta.enterprise.event.Event<ResponsesAnonymised> responses;

    @Override
    public UpsertResult upsert(List<ContactInput> contacts, Long listId) {
        if (contacts == null || contacts.isEmpty()) {
            throw new InvalidInputException("contacts", "contacts.required");
        }
        if (listId != null && em.find(MailingList.class, listId) == null) {
            throw new InvalidInputException("listId", "list.notFound", listId);
        }
        Violations violations = new Violations();
        ContactInputs.Validated valid = ContactInputs.validate(contacts, knownTypes(), "contacts", violations, null);
        violations.throwIfAny();
        return write(valid, listId);
    }

    /** Writes validated records; also the entry point of CSV imports. */
    UpsertResult write(ContactInputs.Validated valid, Long listId) {
        Map<String, Long> attributeIds = attributes.ensure(valid.attributeTypes());
        try (Connection connection = dataSource.getConnection()) {
            return new ContactWriter(connection).upsert(valid.records(), attributeIds, listId, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store contacts: " + e.getMessage(), e);
        }
    }

    @Override
    public ContactSummary create(ContactInput input) {
        if (input != null && input.email() != null && findByEmail(input.email()).isPresent()) {
            throw new InvalidInputException("email", "contact.email.taken");
        }
        Violations violations = new Violations();
        ContactInputs.Validated valid = ContactInputs.validate(java.util.Collections.singletonList(input), knownTypes(),
                "", violations, null);
        violations.throwIfAny();
        write(valid, null);
        return findByEmail(valid.records().get(0).email().value()).orElseThrow();
    }

    @Override
    public ContactSummary update(long id, ContactInput input) {
        Contact contact = existing(id);
        Violations violations = new Violations();
        if (input != null && input.email() != null && !contact.getEmail().value().equals(input.email().strip().toLowerCase(Locale.ROOT))) {
            violations.add("email", "contact.email.fixed");
        }
        ContactInputs.Validated valid = ContactInputs.validate(java.util.Collections.singletonList(input), knownTypes(),
                "", violations, contact.getEmail());
        violations.throwIfAny();
        em.detach(contact);
        write(valid, null);
        return summary(em.find(Contact.class, id));
    }

    @Override
    public Optional<ContactSummary> findByEmail(String email) {
        String normalised;
        try {
            normalised = new EmailAddress(email).value();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM Contact c WHERE c.email.value = :email", Contact.class)
                .setParameter("email", normalised).getResultStream().findFirst().map(DefaultContactService::summary);
    }

    @Override
    public ContactPage search(ContactQuery query) {
        String where = " WHERE 1 = 1";
        if (query.text() != null && !query.text().isBlank()) {
            where += " AND (c.email.value LIKE :text ESCAPE '\\' OR LOWER(c.firstName) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(c.lastName) LIKE :text ESCAPE '\\')";
        }
        if (query.status() != null) {
            where += " AND c.status = :status";
        }
        String sortColumn = "email".equals(query.sortBy()) ? "c.email.value" : "c." + query.sortBy();
        TypedQuery<Contact> rows = em.createQuery("SELECT c FROM Contact c" + where + " ORDER BY " + sortColumn
                + (query.ascending() ? " ASC" : " DESC") + ", c.id", Contact.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Contact c" + where, Long.class);
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = LikePattern.containsIgnoringCase(query.text());
            rows.setParameter("text", pattern);
            count.setParameter("text", pattern);
        }
        if (query.status() != null) {
            rows.setParameter("status", query.status());
            count.setParameter("status", query.status());
        }
        List<ContactSummary> page = rows.setFirstResult(query.first()).setMaxResults(query.size()).getResultList()
                .stream().map(DefaultContactService::summary).toList();
        return new ContactPage(page, count.getSingleResult());
    }

    @Override
    public Optional<ContactDetail> detail(long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null) {
            return Optional.empty();
        }
        Map<String, Object> attributeValues = new LinkedHashMap<>();
        for (Object[] row : rows("SELECT d.name, a.text_value, a.number_value, a.date_value, a.boolean_value "
                + "FROM contact_attribute a JOIN attribute_definition d ON d.id = a.attribute_id "
                + "WHERE a.contact_id = ?1 ORDER BY d.name", id)) {
            attributeValues.put((String) row[0], attributeValue(row[1], row[2], row[3], row[4]));
        }
        List<ContactDetail.ListRef> lists = rows("SELECT l.id, l.name FROM mailing_list l JOIN mailing_list_member m "
                + "ON m.mailing_list_id = l.id WHERE m.contact_id = ?1 ORDER BY l.name", id).stream()
                .map(r -> new ContactDetail.ListRef(num(r[0]), (String) r[1])).toList();
        List<ContactDetail.EventRow> events = rows("SELECT e.id, e.type, e.occurred_at, e.external_id, e.properties "
                + "FROM journey_event e WHERE e.contact_id = ?1 ORDER BY e.occurred_at DESC", id).stream()
                .map(r -> new ContactDetail.EventRow(num(r[0]), (String) r[1], SqlValues.instant(r[2]), (String) r[3], jsonObject((String) r[4])))
                .toList();
        List<ContactDetail.InvitationRow> invitations = rows("SELECT i.id, c.name, i.kind, i.status, i.due_at, i.sent_at "
                + "FROM invitation i JOIN campaign c ON c.id = i.campaign_id WHERE i.contact_id = ?1 ORDER BY i.due_at DESC", id)
                .stream().map(r -> new ContactDetail.InvitationRow(num(r[0]), (String) r[1], (String) r[2], (String) r[3],
                        SqlValues.instant(r[4]), SqlValues.instant(r[5]))).toList();
        Map<Long, List<ContactDetail.AnswerRow>> answers = answers(contact);
        List<ContactDetail.ResponseRow> responses = rows("SELECT r.id, r.score, r.comment_text, r.contact_consent, "
                + "r.channel, r.responded_at FROM response r WHERE r.contact_id = ?1 ORDER BY r.responded_at DESC", id)
                .stream().map(r -> new ContactDetail.ResponseRow(num(r[0]), (int) num(r[1]),
                        NpsCategory.of((int) num(r[1])).name(), (String) r[2], Boolean.TRUE.equals(r[3]), (String) r[4],
                        SqlValues.instant(r[5]), answers.getOrDefault(num(r[0]), List.of()))).toList();
        // What mail systems reported about the person's messages (bounces, complaints, unsubscribes): theirs to read.
        List<ContactDetail.DeliveryRow> deliveries = rows("SELECT e.kind, e.source, e.status_code, e.detail, e.occurred_at, "
                + "e.invitation_id FROM delivery_event e WHERE e.invitation_id IN (SELECT id FROM invitation WHERE contact_id = ?1) "
                + "OR e.email = ?2 ORDER BY e.occurred_at DESC", id, contact.getEmail().value()).stream()
                .map(r -> new ContactDetail.DeliveryRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        SqlValues.instant(r[4]), r[5] == null ? null : num(r[5]))).toList();
        return Optional.of(new ContactDetail(summary(contact), attributeValues, lists, events, invitations, responses,
                deliveries));
    }

    /** The additional answers of the contact's responses, by response, with their history (the GDPR access right). */
    private Map<Long, List<ContactDetail.AnswerRow>> answers(Contact contact) {
        Language language = contact.getLanguage();
        Map<List<Long>, List<ContactDetail.AnswerChange>> history = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT h.response.id, h.question.id, h.value, h.changedAt FROM QuestionAnswerChange h"
                + " WHERE h.response.contact = :contact ORDER BY h.changedAt, h.id", Object[].class)
                .setParameter("contact", contact).getResultList()) {
            history.computeIfAbsent(List.of((Long) row[0], (Long) row[1]), k -> new ArrayList<>())
                    .add(new ContactDetail.AnswerChange((String) row[2], (Instant) row[3]));
        }
        Map<Long, List<ContactDetail.AnswerRow>> answers = new HashMap<>();
        for (QuestionAnswer answer : em.createQuery("SELECT a FROM QuestionAnswer a WHERE a.response.contact = :contact"
                + " ORDER BY a.question.position, a.question.id", QuestionAnswer.class)
                .setParameter("contact", contact).getResultList()) {
            SurveyQuestion question = answer.getQuestion();
            AnswerValue value = answer.value();
            Object readable = value.choices().isEmpty() ? value.plain()
                    : value.choices().stream().map(code -> question.choice(code).map(c -> c.label(language)).orElse(code)).toList();
            long responseId = answer.getResponse().getId();
            answers.computeIfAbsent(responseId, k -> new ArrayList<>()).add(new ContactDetail.AnswerRow(question.getId(),
                    question.text(language), question.getKind().name(),
                    question.getTouchpoint() == null ? null : question.getTouchpoint().getCode(), readable,
                    history.getOrDefault(List.of(responseId, question.getId()), List.of())));
        }
        return answers;
    }

    @Override
    public void erase(long id) {
        Contact contact = existing(id);
        Instant now = clock.instant();
        String email = contact.getEmail().value().toLowerCase(Locale.ROOT);
        String containsEmail = LikePattern.containsIgnoringCase(email);
        Set<Long> responseIds = new HashSet<>();
        for (Object responseId : em.createNativeQuery("SELECT id FROM response WHERE contact_id = ?1").setParameter(1, id)
                .getResultList()) {
            responseIds.add(num(responseId));
        }
        // Other sub-domains and modules (webhook deliveries, follow-up notes, themes, publication snapshots)
        // erase their copies now, in this transaction, while the responses still lead to the person.
        erasures.fire(new ContactErased(id, responseIds));
        em.createNativeQuery("DELETE FROM contact_attribute WHERE contact_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM mailing_list_member WHERE contact_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM journey_event WHERE contact_id = ?1").setParameter(1, id).executeUpdate();
        // SMTP errors quote the address.
        em.createNativeQuery("UPDATE invitation SET last_error = NULL WHERE contact_id = ?1").setParameter(1, id).executeUpdate();
        // Mails rendered to or about the person in the development outbox: their invitations, and any
        // other mail naming the address (a follow-up assignment names the customer by it).
        em.createNativeQuery("DELETE FROM outbox_message WHERE invitation_id IN (SELECT id FROM invitation WHERE contact_id = ?1) "
                + "OR LOWER(recipient) = ?2 OR LOWER(subject) LIKE ?3 ESCAPE '\\' OR LOWER(text_body) LIKE ?3 ESCAPE '\\' "
                + "OR LOWER(html_body) LIKE ?3 ESCAPE '\\'")
                .setParameter(1, id).setParameter(2, email).setParameter(3, containsEmail).executeUpdate();
        // Mail of the bounce mailbox naming the person (a quarantined bounce or reply keeps its raw text; an unsubscribe
        // by mail was sent by the address): its text goes and a quarantined one is closed. The row and its received key
        // stay, so that a POP3 mailbox (which keeps its mail) does not hand the same mail in again.
        em.createNativeQuery("UPDATE inbound_mail SET sender = NULL, recipient = NULL, subject = NULL, detail = NULL, "
                + "raw_text = NULL, status = CASE WHEN status = 'QUARANTINED' THEN 'DISMISSED' ELSE status END, "
                + "note = CASE WHEN status = 'QUARANTINED' THEN 'erased with the contact' ELSE note END "
                + "WHERE LOWER(sender) = ?1 OR LOWER(recipient) = ?1 OR LOWER(raw_text) LIKE ?2 ESCAPE '\\' "
                + "OR LOWER(subject) LIKE ?2 ESCAPE '\\' OR LOWER(detail) LIKE ?2 ESCAPE '\\'")
                .setParameter(1, email).setParameter(2, containsEmail).executeUpdate();
        // Rejected import lines quoting the address (the raw CSV line, or a reason naming the address).
        em.createNativeQuery("DELETE FROM import_rejection WHERE LOWER(raw_line) LIKE ?1 ESCAPE '\\' "
                + "OR LOWER(reason) LIKE ?1 ESCAPE '\\'").setParameter(1, containsEmail).executeUpdate();
        // A suppression must still hold if the address comes back, but it no longer says who: only the
        // address's hash stays (its note may quote the address, as a bounce message does).
        String erasedKey = Suppression.erasedKey(contact.getEmail());
        if (em.createNativeQuery("SELECT 1 FROM suppression WHERE email = ?1").setParameter(1, erasedKey).getResultList().isEmpty()) {
            em.createNativeQuery("UPDATE suppression SET email = ?1, note = NULL, evidence = NULL WHERE email = ?2")
                    .setParameter(1, erasedKey).setParameter(2, email).executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM suppression WHERE email = ?1").setParameter(1, email).executeUpdate();
        }
        // Bounce and complaint reports quote the address (and an ARF report the whole message): the counts of the
        // campaign keep them, anonymous, without the address or the evidence.
        em.createNativeQuery("UPDATE delivery_event SET email = NULL, evidence = NULL, detail = NULL "
                + "WHERE invitation_id IN (SELECT id FROM invitation WHERE contact_id = ?1) OR email = ?2")
                .setParameter(1, id).setParameter(2, email).executeUpdate();
        forgetWords(responseIds, now);
        contact.erase(now);
    }

    /**
     * The comment retention's part: these responses lose their author's words (comment and its earlier versions,
     * short-text answers and theirs), consent and link to the contact; their scores, ratings, choices and yes/no stay
     * for the figures. Other modules remove their copies first ({@link ResponsesAnonymised}), in this transaction.
     */
    public void anonymise(Set<Long> responseIds) {
        forgetWords(responseIds, clock.instant());
    }

    /**
     * What erasure and anonymisation both remove from responses: the person's words, consent and link to them, here and,
     * through {@link ResponsesAnonymised}, in every other module's copies.
     */
    private void forgetWords(Set<Long> responseIds, Instant now) {
        if (responseIds.isEmpty()) {
            return;
        }
        responses.fire(new ResponsesAnonymised(responseIds));
        List<Long> ids = List.copyOf(responseIds);
        String in = SqlDialect.placeholders(ids.size());
        // Short-text answers are the person's words, as a comment is: gone, with their earlier versions. Ratings, choices
        // and yes/no stay, anonymous, in the figures.
        for (QuestionAnswer answer : em.createQuery("SELECT a FROM QuestionAnswer a WHERE a.response.id IN :ids",
                QuestionAnswer.class).setParameter("ids", ids).getResultList()) {
            answer.eraseText(now);
        }
        nativeUpdate("UPDATE response_answer_change SET value_text = NULL WHERE response_id IN (" + in + ") "
                + "AND question_id IN (SELECT id FROM survey_question WHERE kind = ?)", ids, QuestionKind.SHORT_TEXT.name());
        // Earlier versions of the comments.
        nativeUpdate("UPDATE response_change SET comment_text = NULL WHERE response_id IN (" + in + ")", ids);
        // Scores keep counting in reports, but nothing links them to the person any more.
        nativeUpdate("UPDATE response SET contact_id = NULL, comment_text = NULL, contact_consent = FALSE WHERE id IN (" + in + ")", ids);
    }

    /** A native update whose {@code ?}s take the ids, then {@code more}, in order (numbered, as the other queries here). */
    private void nativeUpdate(String sql, List<Long> ids, Object... more) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c);
            if (c == '?') {
                numbered.append(++parameter);
            }
        }
        var query = em.createNativeQuery(numbered.toString());
        int index = 1;
        for (Long id : ids) {
            query.setParameter(index++, id);
        }
        for (Object value : more) {
            query.setParameter(index++, value);
        }
        query.executeUpdate();
    }


    private Map<String, AttributeType> knownTypes() {
        Map<String, AttributeType> types = new HashMap<>();
        attributes.definitions().forEach((name, definition) -> types.put(name, definition.getType()));
        return types;
    }

    private Contact existing(long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null) {
            throw new NotFoundException("notFound.contact", id);
        }
        return contact;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** The one non-null typed column, as JSON shows it best: whole numbers without ".0", dates as LocalDate. */
    private static Object attributeValue(Object text, Object number, Object date, Object bool) {
        if (text != null) {
            return text;
        }
        if (number != null) {
            return SqlValues.number(((Number) number).doubleValue());
        }
        if (date != null) {
            return SqlValues.date(date);
        }
        return bool;
    }

    private static jakarta.json.JsonObject jsonObject(String json) {
        if (json == null) {
            return null;
        }
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }


    static ContactSummary summary(Contact c) {
        return new ContactSummary(c.getId(), c.getEmail().value(), c.getFirstName(), c.getLastName(), c.getLanguage(),
                c.getStatus(), c.getCreatedAt(), c.getUpdatedAt());
    }

}
