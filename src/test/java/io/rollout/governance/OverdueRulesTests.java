package io.rollout.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.gate.Finding;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverdueRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 10);
    static final OpenMilestone YESTERDAY = new OpenMilestone(1, "Spec", "a", TODAY.minusDays(1), "requirements");
    static final OpenMilestone DUE_TODAY = new OpenMilestone(2, "Plan", "b", TODAY, "planning");
    static final OpenMilestone LAST_WEEK = new OpenMilestone(3, "Build", "c", TODAY.minusDays(7), "build");

    @Test
    void aMilestoneIsOverdueTheDayAfterItsDueDate() {
        assertThat(OverdueRules.overdue(List.of(YESTERDAY, DUE_TODAY, LAST_WEEK), TODAY))
                .containsExactly(YESTERDAY, LAST_WEEK);
    }

    @Test
    void anOverdueMilestoneEscalatesOncePerDueDate() {
        List<String> escalated = List.of(Milestones.key(3, TODAY.minusDays(7)), Milestones.key(1, TODAY.minusDays(30)));

        assertThat(OverdueRules.newlyOverdue(List.of(YESTERDAY, DUE_TODAY, LAST_WEEK), escalated, TODAY))
                .as("milestone 1 escalated for an earlier date and was re-baselined since")
                .containsExactly(YESTERDAY);
    }

    @Test
    void onlyOfferedMilestonesCanBeTicked() {
        assertThat(Milestones.check(List.of("1", "3"), List.of(YESTERDAY, LAST_WEEK)))
                .isEmpty();
        assertThat(Milestones.check(List.of("2"), List.of(YESTERDAY)))
                .containsExactly(Problem.of("governance.milestone.unknown", "2"));
    }

    @Test
    void theCheckEscalatesEachNewlyOverdueMilestoneNamingItsDueDateOwnerAndDelay() {
        OverdueRules.Escalations outcome = new OverdueRules()
                .decide(new OverdueRules.Input(
                        List.of(YESTERDAY, DUE_TODAY, LAST_WEEK),
                        List.of(Milestones.key(3, TODAY.minusDays(7))),
                        TODAY,
                        Map.of("a", "Ann Owner")));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.escalations())
                .extracting(OverdueRules.Escalation::milestone)
                .containsExactly(YESTERDAY);
        assertThat(outcome.findings())
                .containsExactly(Finding.of("governance.milestone.overdue", "Spec", "2026-05-09", "Ann Owner", 1L));
    }

    @Test
    void theCheckPassesWhenNoMilestoneIsNewlyOverdue() {
        OverdueRules.Escalations outcome = new OverdueRules()
                .decide(new OverdueRules.Input(
                        List.of(DUE_TODAY, LAST_WEEK),
                        List.of(Milestones.key(3, TODAY.minusDays(7))),
                        TODAY,
                        Map.of()));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
    }
}
