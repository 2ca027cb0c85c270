package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.change.RebaselineRules.PlannedMilestone;
import io.rollout.change.RebaselineRules.Shift;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebaselineRulesTests {

    static final List<PlannedMilestone> PLAN = List.of(
            new PlannedMilestone(1, "Specification baselined", LocalDate.of(2026, 3, 1), "completed"),
            new PlannedMilestone(2, "Build done", LocalDate.of(2026, 4, 30), "planned"),
            new PlannedMilestone(3, "Go-live", LocalDate.of(2026, 6, 1), "planned"));

    @Test
    void affectedOpenMilestonesMoveByTheDelayAndEveryMilestoneIsInTheHistory() {
        List<Shift> shifts = RebaselineRules.shift(PLAN, Set.of(1L, 3L), 10);

        assertThat(shifts)
                .containsExactly(
                        new Shift(1, "Specification baselined", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)),
                        new Shift(2, "Build done", LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 30)),
                        new Shift(3, "Go-live", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 11)));
        assertThat(shifts).filteredOn(Shift::moved).extracting(Shift::id).containsExactly(3L);
    }

    @Test
    void noDelayMovesNothing() {
        assertThat(RebaselineRules.shift(PLAN, Set.of(2L, 3L), 0)).noneMatch(Shift::moved);
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> RebaselineRules.shift(PLAN, Set.of(2L), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
