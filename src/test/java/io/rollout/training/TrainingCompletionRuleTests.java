package io.rollout.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rollout.gate.Finding;
import io.rollout.training.TrainingCompletionRule.Attendance;
import io.rollout.training.TrainingCompletionRule.Curriculum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCompletionRuleTests {

    static final Curriculum OPERATORS = new Curriculum("Warehouse hands-on", "operator", null, 60);
    static final Curriculum MANAGERS = new Curriculum("Reports and analysis", "manager", null, 70);

    private final TrainingCompletionRule rule = new TrainingCompletionRule();

    private static Trainee operator(String id) {
        return new Trainee(id, "Operator " + id, "warehouse", "operator");
    }

    /** Five operators and one manager. */
    private static List<Trainee> roster() {
        List<Trainee> roster = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            roster.add(operator("E" + i));
        }
        roster.add(new Trainee("M1", "Manager One", "finance", "manager"));
        return roster;
    }

    /** Operators E1..En passed their curriculum, the manager passed theirs. */
    private static List<Attendance> passed(int operators) {
        List<Attendance> attendance = new ArrayList<>();
        for (int i = 1; i <= operators; i++) {
            attendance.add(new Attendance("E" + i, OPERATORS.name(), true, 60 + i));
        }
        attendance.add(new Attendance("M1", MANAGERS.name(), true, 90));
        return attendance;
    }

    private TrainingCompletionRule.Outcome decide(List<Trainee> roster, List<Attendance> attendance) {
        return rule.decide(new TrainingCompletionRule.Input(80, roster, List.of(OPERATORS, MANAGERS), attendance));
    }

    @Test
    void passesWhenEveryRoleReachesTheTargetExactly() {
        TrainingCompletionRule.Outcome outcome = decide(roster(), passed(4));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.roles())
                .extracting("role", "trained", "planned")
                .containsExactly(tuple("operator", 4, 5), tuple("manager", 1, 1));
        assertThat(outcome.trainees())
                .filteredOn(s -> !s.trained())
                .singleElement()
                .satisfies(s -> assertThat(s.gap()).isEqualTo(TrainingCompletionRule.Gap.NO_RECORD));
    }

    @Test
    void failsJustBelowTheTargetNamingThePeopleMissing() {
        List<Trainee> roster = roster().subList(2, 6); // E3, E4, E5 and the manager
        TrainingCompletionRule.Outcome outcome = decide(roster, passed(4)); // E3, E4 trained: 2 of 3

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings())
                .extracting(Finding::code)
                .containsExactly("training.check.role", "training.check.missing.noRecord");
        assertThat(outcome.findings().get(0).args()).containsExactly("operator", 2, 3, 200.0 / 3, 80);
        assertThat(outcome.findings().get(1).args()).containsExactly("operator", "Operator E5", "E5", OPERATORS.name());
    }

    @Test
    void aScoreEqualToThePassMarkPassesAndOneBelowFails() {
        List<Trainee> roster = List.of(
                new Trainee("M1", "Manager One", "finance", "manager"),
                new Trainee("M2", "Manager Two", "finance", "manager"));

        TrainingCompletionRule.Outcome outcome = decide(
                roster,
                List.of(
                        new Attendance("M1", MANAGERS.name(), true, 70),
                        new Attendance("M2", MANAGERS.name(), true, 69)));

        assertThat(outcome.trainees())
                .extracting(s -> s.trainee().employeeId(), TrainingCompletionRule.TraineeStatus::trained)
                .containsExactly(tuple("M1", true), tuple("M2", false));
        // the curriculum's pass mark (70), not a project-wide one, decides
        assertThat(outcome.findings()).last().satisfies(f -> {
            assertThat(f.code()).isEqualTo("training.check.missing.belowPassMark");
            assertThat(f.args()).containsExactly("manager", "Manager Two", "M2", 69, 70, MANAGERS.name());
        });
    }

    @Test
    void onlyTheTraineesOwnCurriculumCountsAndTheDepartmentsOwnWins() {
        Curriculum finance = new Curriculum("Finance hands-on", "operator", "finance", 60);
        List<Trainee> roster = List.of(
                new Trainee("F1", "Finance One", "finance", "operator"),
                new Trainee("W1", "Warehouse One", "warehouse", "operator"));

        TrainingCompletionRule.Outcome outcome = rule.decide(new TrainingCompletionRule.Input(
                100,
                roster,
                List.of(OPERATORS, finance),
                List.of(
                        new Attendance("F1", OPERATORS.name(), true, 95),
                        new Attendance("W1", OPERATORS.name(), true, 95))));

        assertThat(outcome.trainees())
                .extracting(TrainingCompletionRule.TraineeStatus::curriculum)
                .containsExactly("Finance hands-on", OPERATORS.name());
        assertThat(outcome.trainees().get(0).gap()).isEqualTo(TrainingCompletionRule.Gap.NO_RECORD);
        assertThat(outcome.trainees().get(1).trained()).isTrue();
    }

    @Test
    void absentNotAssessedAndNoCurriculumAreEachNamed() {
        List<Trainee> roster =
                List.of(operator("E1"), operator("E2"), new Trainee("S1", "Sales One", "sales", "clerk"));

        TrainingCompletionRule.Outcome outcome = decide(
                roster,
                List.of(
                        new Attendance("E1", OPERATORS.name(), false, null),
                        new Attendance("E2", OPERATORS.name(), true, null)));

        assertThat(outcome.trainees())
                .extracting(TrainingCompletionRule.TraineeStatus::gap)
                .containsExactly(
                        TrainingCompletionRule.Gap.ABSENT,
                        TrainingCompletionRule.Gap.NOT_ASSESSED,
                        TrainingCompletionRule.Gap.NO_CURRICULUM);
        assertThat(outcome.findings()).extracting(Finding::code).contains("training.check.missing.noCurriculum");
    }

    @Test
    void aSessionGivenByASeedUserCountsTheSame() {
        // attendance records do not depend on who gave the session: the best score of the curriculum counts
        TrainingCompletionRule.Outcome outcome = decide(
                List.of(operator("E1")),
                List.of(
                        new Attendance("E1", OPERATORS.name(), true, 40),
                        new Attendance("E1", OPERATORS.name(), true, 75)));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.trainees().get(0).bestScore()).isEqualTo(75);
    }

    @Test
    void anEmptyRosterFails() {
        TrainingCompletionRule.Outcome outcome = decide(List.of(), List.of());

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::code).containsExactly("training.check.emptyRoster");
    }
}
