package io.rollout.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.ProjectPeople.Refusal;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OverdueFollowUpRulesTests {

    static final OpenMilestone SPEC =
            new OpenMilestone(7, "Specification baselined", "owner", LocalDate.of(2026, 5, 6), "requirements");
    static final OpenMilestone PLAN =
            new OpenMilestone(8, "Plan approved", "owner", LocalDate.of(2026, 5, 7), "planning");
    static final Function<String, Refusal> PEOPLE = user -> switch (user) {
        case "auditor" -> Refusal.NOT_ON_PROJECTS;
        case "developer", "owner" -> null;
        default -> Refusal.UNKNOWN;
    };

    static FormRow row(int number, String milestone, String owner, boolean reached) {
        Map<String, Object> values = new HashMap<>();
        values.put("milestone", milestone);
        values.put("owner", owner);
        values.put("reached", reached);
        return new FormRow(number, values);
    }

    @Test
    void anOwnerWhoCannotOwnAMilestoneIsRefused() {
        assertThat(OverdueFollowUpRules.check(
                                List.of(row(1, SPEC.name(), "auditor", false), row(2, PLAN.name(), "nobody", false)),
                                List.of("7", "8"),
                                List.of(SPEC, PLAN),
                                PEOPLE)
                        .problems())
                .containsExactly(
                        Problem.of("governance.overdue.ownerNotOnProjects", 1, SPEC.name(), "auditor"),
                        Problem.of("governance.overdue.ownerUnknown", 2, PLAN.name(), "nobody"));
        assertThat(OverdueFollowUpRules.check(
                                List.of(row(1, SPEC.name(), null, false)), List.of("7"), List.of(SPEC), PEOPLE)
                        .problems())
                .containsExactly(Problem.of("governance.overdue.ownerRequired", 1, SPEC.name()));
    }

    @Test
    void rowsThatNoLongerMatchTheOfferedMilestonesAreRefusedOnce() {
        assertThat(OverdueFollowUpRules.check(
                                List.of(row(1, PLAN.name(), "developer", false)),
                                List.of("7"),
                                List.of(SPEC, PLAN),
                                PEOPLE)
                        .problems())
                .containsExactly(Problem.of("governance.overdue.changed"));
        assertThat(OverdueFollowUpRules.check(
                                List.of(row(1, SPEC.name(), "owner", false)),
                                List.of("7", "8"),
                                List.of(SPEC, PLAN),
                                PEOPLE)
                        .problems())
                .containsExactly(Problem.of("governance.overdue.changed"));
        assertThat(OverdueFollowUpRules.check(
                                List.of(row(1, "x", "owner", false), row(2, "y", "owner", false)),
                                List.of("7", "8"),
                                List.of(SPEC, PLAN),
                                PEOPLE)
                        .problems())
                .containsExactly(Problem.of("governance.overdue.changed"));
    }

    @Test
    void anotherOwnerTakesTheMilestoneAndATickedOneIsReached() {
        var followUp = OverdueFollowUpRules.check(
                List.of(row(1, SPEC.name(), "developer", false), row(2, PLAN.name(), "owner", true)),
                List.of("7", "8"),
                List.of(SPEC, PLAN),
                PEOPLE);
        assertThat(followUp.problems()).isEmpty();
        assertThat(followUp.newOwners()).containsExactly(Map.entry(SPEC, "developer"));
        assertThat(followUp.reached()).containsExactly(PLAN);
    }

    @Test
    void aMilestoneCompletedMeanwhileIsLeftOut() {
        var followUp = OverdueFollowUpRules.check(
                List.of(row(1, SPEC.name(), "developer", true)), List.of("7"), List.of(PLAN), PEOPLE);
        assertThat(followUp.problems()).isEmpty();
        assertThat(followUp.newOwners()).isEmpty();
        assertThat(followUp.reached()).isEmpty();
    }
}
