package io.rollout.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.training.TrainingCompletionRule.Attendance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCompletionRuleTests {

    private final TrainingCompletionRule rule = new TrainingCompletionRule();

    private static Trainee operator(String id) {
        return new Trainee(id, "Operator " + id, "warehouse", "operator");
    }

    /** Five operators, four trained with a pass, plus one manager trained. */
    private static List<Trainee> roster() {
        List<Trainee> roster = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            roster.add(operator("E" + i));
        }
        roster.add(new Trainee("M1", "Manager One", "finance", "manager"));
        return roster;
    }

    private static List<Attendance> fourOperatorsAndManagerPassed() {
        List<Attendance> attendance = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            attendance.add(new Attendance("E" + i, true, 60 + i));
        }
        attendance.add(new Attendance("M1", true, 90));
        return attendance;
    }

    private TrainingCompletionRule.Outcome decide(List<Trainee> roster, List<Attendance> attendance) {
        return rule.decide(new TrainingCompletionRule.Input(80, 60, roster, attendance));
    }

    @Test
    void passesWhenEveryRoleReachesTheTargetExactly() {
        TrainingCompletionRule.Outcome outcome = decide(roster(), fourOperatorsAndManagerPassed());

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.roles()).extracting("role", "trained", "planned")
            .containsExactly(org.assertj.core.groups.Tuple.tuple("operator", 4, 5),
                org.assertj.core.groups.Tuple.tuple("manager", 1, 1));
    }

    @Test
    void failsForTheRoleBelowTargetNamingEveryMissingPersonAndWhy() {
        List<Trainee> roster = roster();
        List<Attendance> attendance = new ArrayList<>();
        attendance.add(new Attendance("E1", true, 80));
        attendance.add(new Attendance("E2", false, null));
        attendance.add(new Attendance("E3", true, 59));
        attendance.add(new Attendance("E4", true, null));
        attendance.add(new Attendance("M1", true, 75));

        TrainingCompletionRule.Outcome outcome = decide(roster, attendance);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(TrainingCompletionRule.Finding::code).containsExactly(
            "training.check.role", "training.check.missing.absent", "training.check.missing.belowPassMark",
            "training.check.missing.notAssessed", "training.check.missing.noRecord");
        assertThat(outcome.findings().get(0).args()).containsExactly("operator", 1, 5, 20.0, 80);
        assertThat(outcome.findings().get(1).args()).containsExactly("operator", "Operator E2", "E2");
        assertThat(outcome.findings().get(2).args()).containsExactly("operator", "Operator E3", "E3", 59, 60);
        assertThat(outcome.findings().get(3).args()).containsExactly("operator", "Operator E4", "E4");
        assertThat(outcome.findings().get(4).args()).containsExactly("operator", "Operator E5", "E5");
    }

    @Test
    void failsWhenOnlyTheSmallRoleMissesItsTarget() {
        List<Attendance> attendance = fourOperatorsAndManagerPassed();
        attendance.set(4, new Attendance("M1", false, null));

        TrainingCompletionRule.Outcome outcome = decide(roster(), attendance);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).hasSize(2);
        assertThat(outcome.findings().get(0).args()).containsExactly("manager", 0, 1, 0.0, 80);
        assertThat(outcome.findings().get(1).code()).isEqualTo("training.check.missing.absent");
    }

    @Test
    void countsTheBestScoreOfAttendedSessionsSoMakeUpSessionsCount() {
        List<Attendance> attendance = fourOperatorsAndManagerPassed();
        attendance.set(3, new Attendance("E4", true, 40));
        attendance.add(new Attendance("E4", false, null));
        attendance.add(new Attendance("E4", true, 70));

        assertThat(decide(roster(), attendance).passed()).isTrue();
    }

    @Test
    void absenceInALaterSessionDoesNotUndoAPass() {
        List<Attendance> attendance = fourOperatorsAndManagerPassed();
        attendance.add(new Attendance("M1", false, null));

        assertThat(decide(roster(), attendance).passed()).isTrue();
    }

    @Test
    void failsOnAnEmptyRoster() {
        TrainingCompletionRule.Outcome outcome = decide(List.of(), List.of(new Attendance("E1", true, 90)));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(TrainingCompletionRule.Finding::code)
            .containsExactly("training.check.emptyRoster");
    }

    @Test
    void ignoresAttendanceOfPeopleNotOnTheRoster() {
        List<Attendance> attendance = new ArrayList<>(List.of(new Attendance("X9", true, 100)));

        TrainingCompletionRule.Outcome outcome = decide(List.of(operator("E1")), attendance);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings().get(1).code()).isEqualTo("training.check.missing.noRecord");
    }
}
