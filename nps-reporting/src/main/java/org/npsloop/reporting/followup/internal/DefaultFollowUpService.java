package org.npsloop.reporting.followup.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.followup.FollowUp;
import org.npsloop.domain.followup.FollowUpStatus;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.notification.NotificationMail;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.user.User;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.followup.FollowUpService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.scope.ResponseScope;

/** Follow-ups: reads in SQL ({@link FollowUpQueries}), changes through the entity, mails as events. */
@ApplicationScoped
@Transactional
public class DefaultFollowUpService implements FollowUpService {

    private static final Logger LOG = Logger.getLogger(DefaultFollowUpService.class.getName());

    @PersistenceContext(unitName = Database.PERSISTENCE_UNIT)
    private EntityManager em;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private ResponseScope scope;

    @Inject
    private FollowUpSync sync;

    @Inject
    private FollowUpSettings settings;

    @Inject
    private Event<NotificationMail> mails;

    private FollowUpQueries queries;
    private final AssignmentMail assignmentMail = new AssignmentMail();

    @PostConstruct
    void init() {
        queries = new FollowUpQueries(dataSource);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(scope.zone()));
    }

    /** Creates the missing ones of recent responses first, so that the list is live; a failed creation (a race) never hides the list. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Page list(Query query) {
        sync();
        return queries.list(query, today());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy policy() {
        return new Policy(settings.passives(), settings.dueDays());
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int sync() {
        try {
            int created = 0;
            int batch;
            do {
                batch = sync.createMissing(false);
                created += batch;
            } while (batch == FollowUpSync.BATCH);
            return created;
        } catch (RuntimeException e) {
            LOG.info(() -> "Follow-up creation failed (another instance may have been first); listing anyway: " + e);
            LOG.log(Level.FINE, "Follow-up creation failure", e);
            return 0;
        }
    }

    @Override
    public Detail detail(long id) {
        return detail(followUp(id));
    }

    @Override
    public Detail update(long id, Change change, String actor) {
        FollowUp followUp = followUp(id);
        if (change == null) {
            return detail(followUp);
        }
        Violations violations = new Violations();
        User newOwner = null;
        boolean ownerChanged = false;
        if (change.owner() != null) {
            String username = change.owner().strip();
            if (!username.isEmpty()) {
                newOwner = em.createNamedQuery("User.byUsername", User.class).setParameter("username", username)
                        .getResultStream().findFirst().orElse(null);
                if (newOwner == null || !newOwner.isEnabled()) {
                    violations.add("owner", "user.notActive", username);
                }
            }
            if (violations.isEmpty()) {
                ownerChanged = followUp.assign(newOwner, clock.instant());
            }
        }
        if (change.status() != null) {
            violations.check("status", () -> followUp.moveTo(change.status(), clock.instant()));
        }
        if (change.dueOn() != null) {
            violations.check("dueOn", () -> followUp.dueOn(change.dueOn(), today(), clock.instant()));
        }
        violations.throwIfAny();
        em.flush();
        if (ownerChanged && newOwner != null) {
            notifyOwner(followUp, newOwner, actor);
        }
        return detail(followUp);
    }

    /** Mailed after the commit by nps-campaigns; nobody is mailed about what they did themselves. */
    private void notifyOwner(FollowUp followUp, User owner, String actor) {
        if (owner.getEmail() == null || owner.getEmail().isBlank() || owner.getUsername().equals(actor)) {
            return;
        }
        Response response = followUp.getResponse();
        Contact contact = response.getContact();
        String customer = null;
        if (contact != null) {
            String name = ((contact.getFirstName() == null ? "" : contact.getFirstName()) + " "
                    + (contact.getLastName() == null ? "" : contact.getLastName())).strip();
            customer = name.isEmpty() ? contact.getEmail().value() : name + " <" + contact.getEmail().value() + ">";
        }
        Language language = owner.getPreferredLanguage() == null ? Language.EN : owner.getPreferredLanguage();
        mails.fire(assignmentMail.render(new AssignmentMail.Facts(owner.getEmail(), language, response.getScore().value(),
                customer, response.getComment(), response.isContactConsent(), followUp.getDueOn(),
                settings.link(followUp.getId()))));
    }

    @Override
    public Detail addNote(long id, String text, String author) {
        FollowUp followUp = followUp(id);
        Violations violations = new Violations();
        violations.check("text", () -> followUp.addNote(author, text, clock.instant()));
        violations.throwIfAny();
        em.flush();
        return detail(followUp);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatusCounts counts(ReportFilter filter) {
        return queries.counts(scope.where(filter), today());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignee> assignees() {
        return em.createNamedQuery("User.all", User.class).getResultList().stream().filter(User::isEnabled)
                .sorted(java.util.Comparator.comparing(User::getDisplayName, String.CASE_INSENSITIVE_ORDER))
                .map(u -> new Assignee(u.getUsername(), u.getDisplayName(), u.getEmail())).toList();
    }

    private FollowUp followUp(long id) {
        FollowUp followUp = em.find(FollowUp.class, id);
        if (followUp == null) {
            throw new NotFoundException("notFound.followUp", id);
        }
        return followUp;
    }

    private Detail detail(FollowUp followUp) {
        Row row = queries.row(followUp.getId(), today())
                .orElseThrow(() -> new NotFoundException("notFound.followUp", followUp.getId()));
        List<Note> notes = followUp.getNotes().stream().map(n -> new Note(n.getAuthor(), n.getCreatedAt(), n.getText())).toList();
        List<FollowUpStatus> allowed = followUp.getStatus().next().stream().sorted().toList();
        return new Detail(row, notes, allowed);
    }
}
