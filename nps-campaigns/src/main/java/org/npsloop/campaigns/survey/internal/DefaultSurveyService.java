package org.npsloop.campaigns.survey.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.audience.SuppressionService;
import org.npsloop.campaigns.survey.SurveyService;
import org.npsloop.campaigns.survey.TestRecipients;
import org.npsloop.campaigns.mail.InvitationMail;
import org.npsloop.campaigns.mail.InvitationMessages;
import org.npsloop.campaigns.mail.MailSetup;
import org.npsloop.campaigns.mail.MailTransport;
import org.npsloop.campaigns.mail.SampleMail;
import org.npsloop.campaigns.mail.SurveyMailRenderer;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.survey.SurveyTexts;
import org.npsloop.domain.validation.Violations;

@ApplicationScoped
@Transactional
public class DefaultSurveyService implements SurveyService {

    private static final Logger LOG = Logger.getLogger(DefaultSurveyService.class.getName());

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private MailSetup mailSetup;

    @Inject
    private SuppressionService suppressions;

    private TestRecipients testRecipients;

    /** Optional: MicroProfile Config treats an empty value as missing, which would fail the deployment. */
    @Inject
    void allowTestRecipients(@ConfigProperty(name = "nps.test-mail.allowed") java.util.Optional<String> allowed) {
        testRecipients = new TestRecipients(allowed.orElse(null));
    }

    private final SurveyMailRenderer renderer = new SurveyMailRenderer();

    @Override
    public List<SurveyView> list() {
        return em.createQuery("SELECT s FROM Survey s ORDER BY s.name", Survey.class).getResultStream()
                .map(DefaultSurveyService::view).toList();
    }

    @Override
    public Optional<SurveyView> find(long id) {
        return Optional.ofNullable(em.find(Survey.class, id)).map(DefaultSurveyService::view);
    }

    @Override
    public Optional<SurveyDetail> detail(long id) {
        return Optional.ofNullable(em.find(Survey.class, id)).map(DefaultSurveyService::detail);
    }

    @Override
    public SurveyView create(NewSurvey input) {
        Instant now = clock.instant();
        Violations violations = new Violations();
        String name = violations.check("name", () -> Survey.checkName(input.name()));
        String brandName = violations.check("brandName", () -> Survey.checkBrandName(input.brandName()));
        if (name == null || brandName == null) {
            violations.throwIfAny(); // the rest is checked on the survey itself
        }
        Survey survey = new Survey(name, brandName, now);
        if (input.defaultLanguage() != null) {
            violations.check("defaultLanguage", () -> {
                survey.defaultLanguage(Language.parse(input.defaultLanguage()), now);
                return null;
            });
        }
        if (input.senderName() != null) {
            violations.check("senderName", () -> SurveyChanges.length(input.senderName(), "survey.senderName.tooLong", 200));
        }
        if (input.senderEmail() != null) {
            violations.check("senderEmail", () -> new EmailAddress(input.senderEmail()));
        }
        if (input.postalAddress() != null) {
            violations.check("postalAddress", () -> SurveyChanges.length(input.postalAddress(), "survey.postalAddress.tooLong", 500));
        }
        if (input.linkLifetimeDays() != null) {
            violations.check("linkLifetimeDays", () -> {
                survey.linkLifetime(input.linkLifetimeDays(), now);
                return null;
            });
        }
        violations.throwIfAny();
        survey.sender(input.senderName(), input.senderEmail(), input.postalAddress(), now);
        em.persist(survey);
        em.flush();
        return view(survey);
    }

    @Override
    public SurveyDetail update(long id, SurveyUpdate input) {
        Survey survey = survey(id);
        if (input != null) {
            SurveyChanges.apply(survey, input, clock.instant());
            em.flush();
        }
        return detail(survey);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public RenderedMail preview(long surveyId, String language, Long contactId) {
        Survey survey = survey(surveyId);
        InvitationMail mail = sample(survey, language, contactId, "preview@preview.invalid");
        SurveyMailRenderer.Content content = renderer.render(mail, true);
        return new RenderedMail(mail.language(), content.subject(), content.html(), content.text());
    }

    /** Outside any transaction: an SMTP exchange must not hold a database transaction open. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TestSent sendTest(long surveyId, String language, Long contactId, String to, String callerEmail) {
        Survey survey = survey(surveyId);
        Violations violations = new Violations();
        EmailAddress recipient = violations.check("to", () -> new EmailAddress(to));
        violations.throwIfAny();
        if (!testRecipients.allows(recipient.value(), callerEmail)) {
            throw new TestRecipientRefusedException(TestRecipientRefusedException.Reason.NOT_ALLOWED, recipient.value());
        }
        if (suppressions.isSuppressed(recipient.value())) {
            throw new TestRecipientRefusedException(TestRecipientRefusedException.Reason.SUPPRESSED, recipient.value());
        }
        InvitationMail mail = sample(survey, language, contactId, recipient.value());
        SurveyMailRenderer.Content content = renderer.render(mail, true);
        MailTransport transport = mailSetup.transport();
        try (MailTransport.Connection connection = transport.open()) {
            MimeMessage message = InvitationMessages.buildTest(transport.session(), content, recipient.value(),
                    survey.getSenderEmail() != null ? survey.getSenderEmail() : mailSetup.from(),
                    survey.getSenderName() != null ? survey.getSenderName() : survey.getBrandName(),
                    "test-" + UUID.randomUUID() + "@" + mailSetup.mailDomain());
            connection.send(message, MailTransport.NO_INVITATION);
            recordTestSent(surveyId);
            return new TestSent(recipient.value(), message.getSubject(), mail.language(),
                    mailSetup.describeTransport());
        } catch (MailTransport.DeliveryException e) {
            throw new TestNotSentException(e.getMessage(), e);
        } catch (MessagingException e) {
            throw new TestNotSentException("Could not build the message: " + e.getMessage(), e);
        }
    }

    /**
     * Notes that a test of the survey went out (the home page's checklist reads it): a test creates no
     * invitation, and outside a transaction a single auto-committed update is all it takes. The mail is gone
     * by then: failing to note it must not report the test as not sent.
     */
    private void recordTestSent(long surveyId) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement update = db.prepareStatement("UPDATE survey SET test_sent_at = ? WHERE id = ?")) {
            update.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            update.setLong(2, surveyId);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not note the test of survey " + surveyId, e);
        }
    }

    /** The mail with the contact's first name and language (when one is given) and dummy links. */
    private InvitationMail sample(Survey survey, String language, Long contactId, String recipient) {
        Violations violations = new Violations();
        Language wanted = language == null || language.isBlank() ? null
                : violations.check("language", () -> Language.parse(language));
        Contact contact = null;
        if (contactId != null) {
            contact = em.find(Contact.class, contactId);
            if (contact == null) {
                violations.add("contactId", "contact.notFound", contactId);
            }
        }
        violations.throwIfAny();
        return SampleMail.of(survey.letterIn(SampleMail.language(wanted, contact == null ? null : contact.getLanguage())),
                recipient, contact == null ? null : contact.getFirstName());
    }

    private Survey survey(long id) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null) {
            throw new NotFoundException("notFound.survey", id);
        }
        return survey;
    }

    private static SurveyView view(Survey s) {
        return new SurveyView(s.getId(), s.getName(), s.getBrandName(), s.getDefaultLanguage(), s.getSenderName(),
                s.getSenderEmail(), s.getLinkLifetimeDays());
    }

    private static SurveyDetail detail(Survey s) {
        Map<String, Texts> texts = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            if (s.getLanguages().contains(language)) {
                SurveyTexts t = s.textsFor(language);
                texts.put(language.name(), new Texts(t.getSubject(), t.getQuestion(), t.getFollowUp(), t.getConsentQuestion(),
                        t.getFollowUpDetractor(), t.getFollowUpPassive(), t.getFollowUpPromoter()));
            }
        }
        return new SurveyDetail(s.getId(), s.getName(), s.getBrandName(), s.getDefaultLanguage(), s.getBrandColour(),
                s.getLogoUrl(), s.getSenderName(), s.getSenderEmail(), s.getPostalAddress(), s.getClosesAt().orElse(null),
                s.getLinkLifetimeDays(), texts, s.getUpdatedAt(), s.getReviewUrl(), s.isAskQuoteConsent());
    }
}
