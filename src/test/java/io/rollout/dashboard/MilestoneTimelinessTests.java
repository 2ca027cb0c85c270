package io.rollout.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MilestoneTimelinessTests {

    static final LocalDate DUE = LocalDate.parse("2026-06-30");

    @Test
    void aPhaseEndedOnOrBeforeTheDueDateIsOnTimeAndAfterItLate() {
        assertThat(MilestoneTimeliness.of(DUE, DUE, DUE.plusDays(30))).isEqualTo("on-time");
        assertThat(MilestoneTimeliness.of(DUE, DUE.minusDays(3), DUE.plusDays(30)))
                .isEqualTo("on-time");
        assertThat(MilestoneTimeliness.of(DUE, DUE.plusDays(1), DUE.plusDays(30)))
                .isEqualTo("late");
    }

    @Test
    void aPhaseStillRunningIsPendingUntilTheDueDatePasses() {
        assertThat(MilestoneTimeliness.of(DUE, null, DUE)).isEqualTo("pending");
        assertThat(MilestoneTimeliness.of(DUE, null, DUE.plusDays(1))).isEqualTo("late");
    }
}
