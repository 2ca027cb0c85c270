package io.rollout.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rollout.shared.Checked;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import io.rollout.training.CurriculumRepository.Curriculum;
import io.rollout.training.CurriculumRepository.Session;
import io.rollout.training.TrainingRules.SessionContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingRulesTests {

    static final Curriculum OPERATORS = new Curriculum("CUR-01", "Purchasing basics", "operator", null, 60, null);
    static final Curriculum MANAGERS = new Curriculum("CUR-02", "Approvals", "manager", null, 70, null);
    static final Map<String, Curriculum> CURRICULA = new LinkedHashMap<>();

    static {
        CURRICULA.put(OPERATORS.name(), OPERATORS);
        CURRICULA.put(MANAGERS.name(), MANAGERS);
    }

    static FormRow row(int number, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    static FormRow session(int number, String curriculum, String trainer) {
        return row(
                number,
                "curriculum",
                curriculum,
                "kind",
                "theory",
                "topic",
                "Purchase orders",
                "trainer",
                trainer,
                "date",
                "2026-03-02",
                "videoLink",
                "https://videos.example.com/po");
    }

    static SessionContext context(boolean makeUp) {
        return new SessionContext(CURRICULA, "trainer1"::equals, makeUp);
    }

    @Test
    void planningNeedsASessionForEveryCurriculum() {
        Checked<List<Session>> plan = TrainingRules.sessions(
                List.of(session(1, "Purchasing basics", "trainer1"), session(2, "Approvals", "trainer1")),
                context(false));
        assertThat(plan.value())
                .extracting(Session::curriculumId, Session::date, Session::makeUp)
                .containsExactly(
                        tuple("CUR-01", LocalDate.of(2026, 3, 2), false),
                        tuple("CUR-02", LocalDate.of(2026, 3, 2), false));

        assertThat(TrainingRules.sessions(List.of(session(1, "Purchasing basics", "trainer1")), context(false))
                        .problems())
                .containsExactly(new Problem("training.session.curriculumWithout", "Approvals"));
    }

    @Test
    void makeUpNeedsAtLeastOneSessionButNotEveryCurriculum() {
        assertThat(TrainingRules.sessions(List.of(session(1, "Approvals", "trainer1")), context(true))
                        .value())
                .singleElement()
                .extracting(Session::makeUp)
                .isEqualTo(true);
        assertThat(TrainingRules.sessions(List.of(row(1)), context(true)).problems())
                .containsExactly(new Problem("training.session.noMakeUp"));
    }

    @Test
    void sessionRowsNameEveryProblemOfTheRow() {
        Checked<List<Session>> plan = TrainingRules.sessions(
                List.of(
                        row(
                                1,
                                "curriculum",
                                "Forklift",
                                "kind",
                                "lecture",
                                "topic",
                                "x".repeat(201),
                                "trainer",
                                "someone",
                                "date",
                                "2 March",
                                "manual",
                                "m".repeat(501),
                                "videoLink",
                                "ftp://videos.example.com/po"),
                        row(2, "topic", "Approvals")),
                context(true));

        assertThat(plan.problems())
                .containsExactly(
                        new Problem(
                                "training.session.unknownCurriculum", 1, "Forklift", "Purchasing basics, Approvals"),
                        new Problem(
                                "form.row.choice",
                                1,
                                new Label("training.field.kind"),
                                "theory/practice/case",
                                "lecture"),
                        new Problem("training.row.tooLong", 1, new Label("training.field.topic"), 200),
                        new Problem("training.session.trainer", 1, "someone"),
                        new Problem("form.row.date", 1, new Label("training.field.sessionDate"), "2 March"),
                        new Problem("training.row.tooLong", 1, new Label("training.field.manual"), 500),
                        new Problem("training.session.videoLink", 1, "ftp://videos.example.com/po"),
                        new Problem("form.row.required", 2, new Label("training.field.curriculumName")),
                        new Problem("form.row.required", 2, new Label("training.field.kind")),
                        new Problem("form.row.required", 2, new Label("training.field.trainer")),
                        new Problem("form.row.required", 2, new Label("training.field.sessionDate")));
    }

    @Test
    void aVideoLinkIsAnHttpAddress() {
        assertThat(TrainingRules.isWebAddress("https://videos.example.com/po")).isTrue();
        assertThat(TrainingRules.isWebAddress("http://intranet/videos")).isTrue();
        assertThat(TrainingRules.isWebAddress("videos.example.com/po")).isFalse();
        assertThat(TrainingRules.isWebAddress("https://videos.example.com/" + "v".repeat(500)))
                .isFalse();
    }

    @Test
    void curriculaGetTheNextFreeIdAndTheProjectsPassMark() {
        Checked<List<Curriculum>> curricula = TrainingRules.curricula(
                List.of(
                        row(1, "name", "Purchasing basics", "role", "operator"),
                        row(2, "curriculumId", "CUR-02", "name", "Approvals", "role", "manager", "passMark", "80"),
                        row(
                                3,
                                "name",
                                "Warehouse",
                                "role",
                                "operator",
                                "department",
                                "warehouse",
                                "description",
                                "Stock moves")),
                60);

        assertThat(curricula.value())
                .containsExactly(
                        new Curriculum("CUR-01", "Purchasing basics", "operator", null, 60, null),
                        new Curriculum("CUR-02", "Approvals", "manager", null, 80, null),
                        new Curriculum("CUR-03", "Warehouse", "operator", "warehouse", 60, "Stock moves"));
    }

    @Test
    void curriculaRefuseDoubleNamesScopesAndIdsAndPassMarksOutsideZeroToHundred() {
        Checked<List<Curriculum>> curricula = TrainingRules.curricula(
                List.of(
                        row(1, "curriculumId", "CUR-01", "name", "Basics", "role", "operator"),
                        row(2, "name", "Basics", "role", "operator", "passMark", "101"),
                        row(3, "curriculumId", "CUR-01", "name", "Other", "role", "manager", "passMark", "x"),
                        row(4, "curriculumId", "CUR-01", "name", "Third", "role", "clerk"),
                        row(5, "role", "buyer", "description", "d".repeat(2001))),
                60);

        assertThat(curricula.problems())
                .containsExactly(
                        new Problem("training.curriculum.duplicateName", 2, "Basics"),
                        new Problem("training.curriculum.duplicateScope", 2, "operator", "-"),
                        new Problem("training.row.scoreRange", 2, "101"),
                        new Problem("form.row.number", 3, new Label("training.field.passMark"), "x"),
                        new Problem("training.curriculum.duplicateId", 4, "CUR-01"),
                        new Problem("form.row.required", 5, new Label("training.field.curriculumName")),
                        new Problem("training.row.tooLong", 5, new Label("training.field.description"), 2000));
        assertThat(TrainingRules.curricula(List.of(row(1)), 60).value()).isEmpty();
    }

    @Test
    void everyRoleOnTheRosterHasACurriculumAndEveryCurriculumARoleOnTheRoster() {
        List<Trainee> roster = List.of(
                new Trainee("E1", "Li", "purchasing", "operator"), new Trainee("E2", "Wang", "warehouse", "clerk"));

        assertThat(TrainingRules.fit(roster, List.of(OPERATORS, MANAGERS)))
                .containsExactly(
                        new Problem("training.curriculum.missingForRole", "clerk (warehouse)"),
                        new Problem("training.curriculum.roleNotOnRoster", "Approvals", "manager"));
        assertThat(TrainingRules.fit(roster.subList(0, 1), List.of(OPERATORS))).isEmpty();
        assertThat(TrainingRules.fit(roster, List.of())).containsExactly(new Problem("training.curriculum.none"));
    }

    @Test
    void attendanceRowsBelongToTheRosterAndItsCourses() {
        Set<String> roster = Set.of("E1");

        assertThat(TrainingRules.attendee(row(1, "employeeId", "E1"), roster)).isNull();
        assertThat(TrainingRules.attendee(row(2, "employeeId", "E9"), roster))
                .isEqualTo(new Problem("training.row.notInRoster", 2, "E9"));
        assertThat(TrainingRules.attendee(row(3, "attended", true), roster))
                .isEqualTo(new Problem("form.row.required", 3, new Label("training.field.employeeId")));
        assertThat(TrainingRules.course(row(4), "Approvals", List.of("Approvals")))
                .isNull();
        assertThat(TrainingRules.course(row(5), "Forklift", List.of("Approvals", "Basics")))
                .isEqualTo(new Problem("training.row.unknownCourse", 5, "Forklift", "Approvals, Basics"));
        assertThat(TrainingRules.nothingRecorded(row(6, "employeeId", "E1", "attended", false)))
                .isTrue();
        assertThat(TrainingRules.nothingRecorded(row(7, "employeeId", "E1", "score", "80")))
                .isFalse();
    }
}
