package org.npsloop.reporting.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.user.Role;
import org.npsloop.reporting.dashboard.Onboarding.Facts;
import org.npsloop.reporting.dashboard.Onboarding.Item;
import org.npsloop.reporting.dashboard.Onboarding.Step;

/** The home page's checklist: the steps each role is shown, ticked off by what the database holds. */
class OnboardingTest {

    private static final Facts NOTHING = new Facts(0, 0, 0, 0, 0, 0, 0, 0);

    @Test
    void aMarketerOnAnEmptyDatabaseHasTheFiveStepsOfTheFirstHourAllToDo() {
        Onboarding onboarding = Onboarding.of(NOTHING, Set.of(Role.MARKETER));

        assertEquals(List.of(Step.IMPORT_CONTACTS, Step.CREATE_SURVEY, Step.SEND_TEST, Step.LAUNCH_CAMPAIGN, Step.SEE_ANSWERS),
                onboarding.items().stream().map(Item::step).toList());
        assertEquals(0, onboarding.done());
        assertFalse(onboarding.complete());
    }

    @Test
    void eachStepTicksItselfOffFromItsOwnCount() {
        assertEquals(List.of(true, false, false, false, false), done(new Facts(0, 0, 1, 0, 0, 0, 0, 0)));
        assertEquals(List.of(false, true, false, false, false), done(new Facts(0, 0, 0, 1, 0, 0, 0, 0)));
        assertEquals(List.of(false, false, true, false, false), done(new Facts(0, 0, 0, 0, 1, 0, 0, 0)));
        assertEquals(List.of(false, false, false, true, false), done(new Facts(0, 0, 0, 0, 0, 1, 0, 0)));
        assertEquals(List.of(false, false, false, false, true), done(new Facts(0, 0, 0, 0, 0, 0, 1, 0)));
        // Users and publications are not a marketer's steps.
        assertEquals(List.of(false, false, false, false, false), done(new Facts(3, 2, 0, 0, 0, 0, 0, 4)));
    }

    @Test
    void theChecklistIsCompleteOnceEveryStepShownIsDone() {
        Onboarding onboarding = Onboarding.of(new Facts(0, 0, 120, 2, 1, 1, 40, 0), Set.of(Role.MARKETER));

        assertEquals(5, onboarding.done());
        assertTrue(onboarding.complete());
    }

    @Test
    void anExecutiveSeesAnswersAndPublishingAndAnAdminBuildsTheTeam() {
        Onboarding executive = Onboarding.of(new Facts(1, 1, 10, 1, 1, 1, 5, 0), Set.of(Role.EXECUTIVE));
        assertEquals(List.of(new Item(Step.SEE_ANSWERS, true), new Item(Step.PUBLISH_SYNTHESIS, false)), executive.items());
        assertFalse(executive.complete());

        Onboarding admin = Onboarding.of(new Facts(1, 0, 0, 0, 0, 0, 0, 0), Set.of(Role.ADMIN));
        assertEquals(List.of(new Item(Step.ADD_MARKETER, true), new Item(Step.ADD_EXECUTIVE, false)), admin.items());
    }

    @Test
    void severalRolesSeeEachStepOnceInTheTeamsOrder() {
        Onboarding both = Onboarding.of(NOTHING, Set.of(Role.EXECUTIVE, Role.MARKETER));

        assertEquals(List.of(Step.IMPORT_CONTACTS, Step.CREATE_SURVEY, Step.SEND_TEST, Step.LAUNCH_CAMPAIGN, Step.SEE_ANSWERS,
                Step.PUBLISH_SYNTHESIS), both.items().stream().map(Item::step).toList());
        assertTrue(Onboarding.of(NOTHING, Set.of()).isEmpty());
    }

    private static List<Boolean> done(Facts facts) {
        return Onboarding.of(facts, Set.of(Role.MARKETER)).items().stream().map(Item::done).toList();
    }
}
