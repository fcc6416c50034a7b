package org.npsloop.reporting.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.npsloop.domain.user.Role;

/**
 * The home page's "first steps" checklist: which steps a user's roles can take and which are done, read
 * from what the database holds (never from what the user clicked), so it ticks itself off whoever did the
 * step, through the UI or the API.
 */
public record Onboarding(List<Item> items) {

    public Onboarding {
        items = List.copyOf(items);
    }

    /** In the order a team takes them; each is shown to the roles that can take it. */
    public enum Step {
        ADD_MARKETER(Role.ADMIN),
        ADD_EXECUTIVE(Role.ADMIN),
        IMPORT_CONTACTS(Role.MARKETER),
        CREATE_SURVEY(Role.MARKETER),
        SEND_TEST(Role.MARKETER),
        LAUNCH_CAMPAIGN(Role.MARKETER),
        SEE_ANSWERS(Role.MARKETER, Role.EXECUTIVE),
        PUBLISH_SYNTHESIS(Role.EXECUTIVE);

        private final Set<Role> roles;

        Step(Role... roles) {
            this.roles = Set.of(roles);
        }

        public boolean isFor(Set<Role> userRoles) {
            return userRoles.stream().anyMatch(roles::contains);
        }

        boolean isDone(Facts facts) {
            return switch (this) {
                case ADD_MARKETER -> facts.marketers() > 0;
                case ADD_EXECUTIVE -> facts.executives() > 0;
                case IMPORT_CONTACTS -> facts.contacts() > 0;
                case CREATE_SURVEY -> facts.surveys() > 0;
                case SEND_TEST -> facts.testsSent() > 0;
                case LAUNCH_CAMPAIGN -> facts.campaignsLaunched() > 0;
                case SEE_ANSWERS -> facts.answers() > 0;
                case PUBLISH_SYNTHESIS -> facts.publications() > 0;
            };
        }
    }

    public record Item(Step step, boolean done) {
    }

    /**
     * What the checklist is read from: enabled users with each role, contacts, surveys, surveys a test was
     * sent of, campaigns ever launched (scheduled or further), answers, published syntheses.
     */
    public record Facts(long marketers, long executives, long contacts, long surveys, long testsSent,
            long campaignsLaunched, long answers, long publications) {
    }

    /** The steps the roles can take, in order, each done or not. */
    public static Onboarding of(Facts facts, Set<Role> roles) {
        return new Onboarding(Arrays.stream(Step.values()).filter(step -> step.isFor(roles))
                .map(step -> new Item(step, step.isDone(facts))).toList());
    }

    public long done() {
        return items.stream().filter(Item::done).count();
    }

    /** Every step shown is done (the page then folds the checklist away). */
    public boolean complete() {
        return done() == items.size();
    }

    /** Nothing for these roles (no role the checklist knows). */
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
