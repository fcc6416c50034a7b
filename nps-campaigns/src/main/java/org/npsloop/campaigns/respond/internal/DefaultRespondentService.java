package org.npsloop.campaigns.respond.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.campaigns.respond.AskedQuestion;
import org.npsloop.campaigns.respond.RespondentService;
import org.npsloop.campaigns.deliverability.DeliverabilityService;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.campaign.Invitation;
import org.npsloop.domain.campaign.InvitationToken;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.response.BotSuspicion;
import org.npsloop.domain.response.CommentText;
import org.npsloop.domain.response.LinkStatus;
import org.npsloop.domain.response.PageInteraction;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.response.ResponseChange;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.survey.SurveyTexts;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * One short transaction per request. The invitation row is locked (SELECT ... FOR UPDATE) while a
 * click or an answer is written, so that the eleven links a scanner opens at once, or two answers
 * sent together, follow one another instead of failing on the unique response per invitation. The answers to
 * the additional questions come in a second call ({@link #answerQuestions}), hence a second transaction: a
 * refused one rolls back alone, the score stays stored.
 */
@ApplicationScoped
@Transactional
public class DefaultRespondentService implements RespondentService {

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private DeliverabilityService deliverability;

    @Inject
    private QuestionAnswers questionAnswers;

    @Inject
    @ConfigProperty(name = "nps.respond.bot-seconds", defaultValue = "5")
    private int botSeconds;

    @Override
    public AnswerPage open(String token, Integer score) {
        if (score != null) {
            new Score(score);
        }
        OpenLink link = openLink(token);
        if (link.refusal() != null) {
            return link.refusal();
        }
        Invitation invitation = link.invitation();
        Instant now = link.now();
        if (score != null) {
            invitation.scoreLinkOpened(score, now, Duration.ofSeconds(botSeconds));
        }
        return page(invitation, responseTo(invitation), score);
    }

    @Override
    public AnswerPage view(String token) {
        Invitation invitation = find(token, false);
        if (invitation == null) {
            return unknown();
        }
        LinkStatus status = status(invitation, clock.instant());
        return status == LinkStatus.OPEN ? page(invitation, responseTo(invitation), null) : gone(invitation, status);
    }

    @Override
    public AnswerPage answer(String token, int scoreValue, String comment, boolean consent) {
        return answer(token, scoreValue, comment, consent, false);
    }

    @Override
    public AnswerPage answer(String token, int scoreValue, String comment, boolean consent, boolean quoteConsent) {
        return answer(token, scoreValue, comment, consent, quoteConsent, Optional.empty());
    }

    @Override
    public AnswerPage answer(String token, int scoreValue, String comment, boolean consent, boolean quoteConsent,
            Optional<PageInteraction> interaction) {
        Score score = new Score(scoreValue);
        // Checked before any lock or write: a refused comment leaves everything as it was.
        String text = comment(comment);
        OpenLink link = openLink(token);
        if (link.refusal() != null) {
            return link.refusal();
        }
        Invitation invitation = link.invitation();
        Instant now = link.now();
        // Answers through the first mail and its reminders are one recipient's: they queue on the first
        // invitation's row, so that two of them never both insert a response.
        Invitation first = invitation.getReminder() == 0 ? invitation : lockFirstInvitation(invitation);
        Response response = responseTo(invitation);
        Optional<String> suspicion = BotSuspicion.ofAnswer(invitation.getSentAt(), now, Duration.ofSeconds(botSeconds), interaction);
        if (response != null && !response.yieldsTo(suspicion)) {
            return page(invitation, response, null, false);
        }
        // Asked or not: null records that the survey did not ask it (today's rule then applies to quoting).
        Boolean quote = invitation.getCampaign().getSurvey().isAskQuoteConsent() ? Boolean.valueOf(quoteConsent) : null;
        boolean changed;
        NpsCategory before = response == null ? null : response.getCategory();
        if (response == null) {
            response = Response.toInvitation(invitation, score, now);
            response.answer(score, text, consent, quote, now);
            em.persist(response);
            changed = true;
        } else {
            changed = response.answer(score, text, consent, quote, now);
        }
        // Not short-circuited: a person sending the scanner's answer again unchanged still clears its flag.
        changed |= response.judge(suspicion, now);
        if (changed) {
            if (!response.isFlagged() && first != null) {
                first.answered(now);
            }
            em.persist(ResponseChange.of(response));
        }
        if (before != null && before != response.getCategory()) {
            questionAnswers.dropInapplicable(response, now);
        }
        return page(invitation, response, null, false);
    }

    @Override
    public AnswerPage answerQuestions(String token, Map<Long, List<String>> given, Optional<PageInteraction> interaction) {
        OpenLink link = openLink(token);
        if (link.refusal() != null) {
            return link.refusal();
        }
        Invitation invitation = link.invitation();
        Instant now = link.now();
        // In turn with any sending through another mail of the wave, as the answer itself.
        if (invitation.getReminder() != 0) {
            lockFirstInvitation(invitation);
        }
        Response response = responseTo(invitation);
        // The score's rule: a suspected scanner's sending never overwrites what a person answered.
        if (response != null && response.yieldsTo(BotSuspicion.ofAnswer(invitation.getSentAt(), now,
                Duration.ofSeconds(botSeconds), interaction))) {
            questionAnswers.store(response, given, false, now, AskedQuestion::fieldOf);
        }
        return page(invitation, response, null);
    }

    private static String comment(String comment) {
        try {
            return CommentText.of(comment);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("comment", InvalidValueException.reasonOf(e));
        }
    }

    @Override
    public UnsubscribePage unsubscribePage(String token) {
        Invitation invitation = find(token, false);
        if (invitation == null || invitation.getSentAt() == null) {
            return new UnsubscribePage(LinkStatus.UNKNOWN, null, null, null, null, false);
        }
        return unsubscribeView(invitation, invitation.getContact().getStatus() != ContactStatus.ACTIVE);
    }

    @Override
    public UnsubscribePage unsubscribe(String token) {
        Invitation invitation = find(token, false);
        if (invitation == null || invitation.getSentAt() == null) {
            return new UnsubscribePage(LinkStatus.UNKNOWN, null, null, null, null, false);
        }
        Contact contact = invitation.getContact();
        if (contact.getStatus() != ContactStatus.ERASED) {
            // Through the one door of delivery reports, so that the campaign counts it; once per invitation (the
            // page's POST and the one-click POST of a mail client may both come, and come again).
            deliverability.report(new DeliverabilityService.Report(DeliveryEventKind.UNSUBSCRIBE, DeliverySource.PAGE,
                    DeliverabilityService.Trace.invitation(invitation.getId()), null,
                    "unsubscribe link of campaign " + invitation.getCampaign().getId(), null,
                    "invitation-" + invitation.getId(), clock.instant()));
        }
        return unsubscribeView(invitation, true);
    }

    private UnsubscribePage unsubscribeView(Invitation invitation, boolean unsubscribed) {
        Survey survey = invitation.getCampaign().getSurvey();
        return new UnsubscribePage(LinkStatus.OPEN, language(invitation), survey.getBrandName(), survey.getBrandColour(),
                survey.getLogoUrl(), unsubscribed);
    }

    /** A link's invitation, locked, when it takes answers now; else the page saying why not (unknown, expired, closed). */
    private OpenLink openLink(String token) {
        Invitation invitation = find(token, true);
        if (invitation == null) {
            return new OpenLink(null, null, unknown());
        }
        Instant now = clock.instant();
        LinkStatus status = status(invitation, now);
        return new OpenLink(invitation, now, status == LinkStatus.OPEN ? null : gone(invitation, status));
    }

    private record OpenLink(Invitation invitation, Instant now, AnswerPage refusal) {
    }

    private Invitation find(String token, boolean lock) {
        String hash = InvitationToken.hashOf(token);
        if (hash == null) {
            return null;
        }
        var query = em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", hash);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().orElse(null);
    }

    /** The answer of the invitation's recipient to its wave, given through the first mail or any reminder. */
    private Response responseTo(Invitation invitation) {
        return em.createQuery("SELECT r FROM Response r WHERE r.invitation.campaign = :campaign"
                        + " AND r.invitation.wave = :wave AND r.invitation.contact = :contact", Response.class)
                .setParameter("campaign", invitation.getCampaign()).setParameter("wave", invitation.getWave())
                .setParameter("contact", invitation.getContact()).getResultStream().findFirst().orElse(null);
    }

    private Invitation lockFirstInvitation(Invitation reminder) {
        return em.createQuery("SELECT i FROM Invitation i WHERE i.campaign = :campaign AND i.wave = :wave"
                        + " AND i.contact = :contact AND i.reminder = 0", Invitation.class)
                .setParameter("campaign", reminder.getCampaign()).setParameter("wave", reminder.getWave())
                .setParameter("contact", reminder.getContact()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
    }

    private static LinkStatus status(Invitation invitation, Instant now) {
        return LinkStatus.of(invitation.getCampaign().getSurvey(), invitation.getSentAt(), now);
    }

    private static Language language(Invitation invitation) {
        return invitation.getCampaign().getSurvey().languageFor(invitation.getContact().getLanguage());
    }

    private static AnswerPage unknown() {
        return new AnswerPage(LinkStatus.UNKNOWN, null, null, null, null, null, null, null, null, null, null, false, null, null, false, false);
    }

    private static AnswerPage gone(Invitation invitation, LinkStatus status) {
        if (status == LinkStatus.UNKNOWN) {
            return unknown();
        }
        Survey survey = invitation.getCampaign().getSurvey();
        return new AnswerPage(status, language(invitation), survey.getBrandName(), survey.getBrandColour(), survey.getLogoUrl(),
                null, null, null, null, null, null, false, null, null, false, false);
    }

    /** The page of an open link. */
    private AnswerPage page(Invitation invitation, Response response, Integer clicked) {
        return page(invitation, response, clicked, true);
    }

    /** @param questions false after an answer: the caller redirects, so the additional questions are not read */
    private AnswerPage page(Invitation invitation, Response response, Integer clicked, boolean questions) {
        Survey survey = invitation.getCampaign().getSurvey();
        Language language = language(invitation);
        SurveyTexts texts = survey.textsFor(language);
        String brand = survey.getBrandName();
        Integer score = clicked != null ? clicked : response == null ? null : response.getScore().value();
        boolean promoter = response != null && response.getCategory() == NpsCategory.PROMOTER;
        Map<NpsCategory, String> followUps = new EnumMap<>(NpsCategory.class);
        for (NpsCategory category : NpsCategory.values()) {
            followUps.put(category, SurveyTexts.withCompany(texts.followUpFor(category), brand));
        }
        return new AnswerPage(LinkStatus.OPEN, language, brand, survey.getBrandColour(), survey.getLogoUrl(),
                invitation.getContact().getFirstName(), SurveyTexts.withCompany(texts.getQuestion(), brand),
                score == null ? SurveyTexts.withCompany(texts.getFollowUp(), brand) : followUps.get(NpsCategory.of(score)),
                texts.getConsentQuestion() == null ? null : SurveyTexts.withCompany(texts.getConsentQuestion(), brand),
                score, response == null ? null : response.getComment(), response != null && response.isContactConsent(),
                response == null ? null : response.getScore().value(), promoter ? survey.getReviewUrl() : null,
                survey.isAskQuoteConsent(), response != null && Boolean.TRUE.equals(response.getQuoteConsent()),
                response != null && response.isFlagged(), followUps,
                questions ? questionAnswers.pageForEveryCategory(survey, response, language) : List.of());
    }
}
