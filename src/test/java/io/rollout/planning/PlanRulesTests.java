package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.planning.PlanRules.Result;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PlanRulesTests {

    private static final Predicate<String> USERS = Set.of("zhangwei", "liuyang", "wangfang", "lina")::contains;

    private static FormRow row(int number, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    private static FormRow milestone(int number, String name, String owner, String due, String phase) {
        return row(number, "name", name, "owner", owner, "dueDate", due, "phase", phase);
    }

    private static FormRow risk(int number, String title, Object p, Object i, String owner) {
        return row(number, "title", title, "probability", p, "impact", i, "owner", owner, "mitigation", "plan B");
    }

    private static FormRow resource(int number, String role, String person, Object allocation, String from, String to) {
        return row(number, "role", role, "person", person, "allocation", allocation, "from", from, "to", to);
    }

    private static final List<FormRow> RESOURCES = List.of(
            resource(1, "Finance consultant", "wangfang", 100, "2026-02-01", "2026-09-30"),
            resource(2, "Key user finance", "liuyang", 50, "2026-03-01", "2026-08-31"));

    private static final List<FormRow> GOOD_MILESTONES = List.of(
            milestone(1, "Specification signed", "zhangwei", "2026-03-01", "requirements"),
            milestone(2, "Go-live", "zhangwei", "2026-09-01", "go-live"),
            milestone(3, "Hypercare ends", "liuyang", "2026-10-15", "operations"));

    private static List<String> codes(Result result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void acceptsACompletePlanAndScoresRisks() {
        Result result = PlanRules.check(
                GOOD_MILESTONES,
                List.of(risk(1, "Key users busy", 4, 5, "liuyang"), risk(2, "Interface delay", "2", "3", "zhangwei")),
                RESOURCES,
                USERS);

        assertThat(result.valid()).isTrue();
        assertThat(result.plan().milestones()).hasSize(3);
        assertThat(result.plan().risks()).extracting(PlanRules.Risk::score).containsExactly(20, 6);
        assertThat(result.plan().risks()).extracting(PlanRules.Risk::high).containsExactly(true, false);
        assertThat(result.plan().resources())
                .extracting(PlanRules.Resource::person)
                .containsExactly("wangfang", "liuyang");
    }

    @Test
    void operationsMilestonesMayComeAfterGoLiveAndBlankRowsAreIgnored() {
        List<FormRow> rows = new ArrayList<>(GOOD_MILESTONES);
        rows.add(row(4, "name", "", "owner", null));
        assertThat(PlanRules.check(rows, List.of(), RESOURCES, USERS).valid()).isTrue();
    }

    @Test
    void refusesAPlanWithoutMilestones() {
        Result result = PlanRules.check(List.of(row(1, "name", " ")), List.of(), RESOURCES, USERS);
        assertThat(codes(result)).containsExactly("planning.milestones.none");
        assertThat(result.plan()).isNull();
    }

    @Test
    void refusesMissingFieldsUnknownOwnerBadDateAndPhaseWithRowNumbers() {
        Result result = PlanRules.check(
                List.of(
                        milestone(1, null, "nobody", "1st of May", "testing"),
                        milestone(2, "Go-live", "zhangwei", "2026-09-01", "go-live")),
                List.of(),
                RESOURCES,
                USERS);

        assertThat(result.problems())
                .extracting(Problem::code)
                .containsExactly(
                        "planning.milestone.required",
                        "planning.milestone.owner",
                        "planning.milestone.date",
                        "planning.milestone.phase");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.args()[0]).isEqualTo(1));
        assertThat(result.problems().get(1).args()[1]).isEqualTo("nobody");
    }

    @Test
    void refusesGoLiveBeforeTheWorkLeadingUpToIt() {
        Result result = PlanRules.check(
                List.of(
                        milestone(1, "UAT passed", "zhangwei", "2026-09-10", "uat"),
                        milestone(2, "Training done", "zhangwei", "2026-09-20", "training"),
                        milestone(3, "Go-live", "zhangwei", "2026-09-01", "go-live")),
                List.of(),
                RESOURCES,
                USERS);

        assertThat(codes(result)).containsExactly("planning.milestones.goLiveTooEarly");
        assertThat(result.problems().get(0).args())
                .containsExactly(3, "Go-live", "2026-09-01", "Training done", "2026-09-20", "training");
    }

    @Test
    void refusesAPlanWithoutGoLiveMilestone() {
        Result result = PlanRules.check(GOOD_MILESTONES.subList(0, 1), List.of(), RESOURCES, USERS);
        assertThat(codes(result)).containsExactly("planning.milestones.goLiveMissing");
    }

    @Test
    void refusesRiskScoresOutsideOneToFiveAndUnknownOwners() {
        Result result = PlanRules.check(
                GOOD_MILESTONES,
                List.of(risk(1, "Budget", 6, "2.5", "ghost"), risk(2, null, 0, "x", "zhangwei")),
                RESOURCES,
                USERS);

        assertThat(codes(result))
                .containsExactly(
                        "planning.risk.score",
                        "planning.risk.score",
                        "planning.risk.owner",
                        "planning.risk.required",
                        "planning.risk.score",
                        "planning.risk.score");
        assertThat(result.problems().get(0).args()[0]).isEqualTo(1);
        assertThat(result.problems().get(3).args()[0]).isEqualTo(2);
    }

    @Test
    void refusesAPlanWithoutResources() {
        Result result = PlanRules.check(GOOD_MILESTONES, List.of(), List.of(row(1, "role", "")), USERS);
        assertThat(codes(result)).containsExactly("planning.resources.none");
    }

    @Test
    void refusesResourceRowsWithMissingFieldsBadAllocationAndPeriod() {
        Result result = PlanRules.check(
                GOOD_MILESTONES,
                List.of(),
                List.of(
                        resource(1, null, "wangfang", 120, "2026-02-01", "2026-01-01"),
                        resource(2, "Developer", "lina", "half", "soon", "2026-05-01")),
                USERS);

        assertThat(codes(result))
                .containsExactly(
                        "planning.row.required",
                        "planning.row.number",
                        "planning.resource.period",
                        "planning.row.number",
                        "planning.row.date");
        assertThat(result.problems().get(0).args())
                .containsExactly(new Label("planning.list.resources"), 1, new Label("planning.field.role"));
        assertThat(result.problems().get(1).args())
                .containsExactly(
                        new Label("planning.list.resources"), 1, new Label("planning.field.allocation"), 1, 100, "120");
        assertThat(result.problems().get(2).args()).containsExactly(1, "2026-02-01", "2026-01-01");
        assertThat(result.problems().get(4).args()[1]).isEqualTo(2);
    }

    @Test
    void refusesAPersonPlannedForMoreThanFullTime() {
        Result result = PlanRules.check(
                GOOD_MILESTONES,
                List.of(),
                List.of(
                        resource(1, "Finance consultant", "wangfang", 60, "2026-02-01", "2026-06-30"),
                        resource(2, "Sales consultant", "wangfang", 50, "2026-06-01", "2026-09-30"),
                        resource(3, "Developer", "lina", 100, "2026-02-01", "2026-09-30")),
                USERS);

        assertThat(codes(result)).containsExactly("planning.resource.overAllocated");
        assertThat(result.problems().get(0).args()).containsExactly("wangfang", 110, "2026-06-01", "1, 2");
    }

    @Test
    void onePersonMayFillTwoRolesOneAfterTheOther() {
        assertThat(PlanRules.check(
                                GOOD_MILESTONES,
                                List.of(),
                                List.of(
                                        resource(1, "Finance consultant", "wangfang", 100, "2026-02-01", "2026-05-31"),
                                        resource(2, "Sales consultant", "wangfang", 100, "2026-06-01", "2026-09-30")),
                                USERS)
                        .valid())
                .isTrue();
    }

    @Test
    void refusesAResourcePersonWhoDoesNotWorkOnProjects() {
        Result result = PlanRules.check(
                GOOD_MILESTONES,
                List.of(),
                List.of(resource(1, "Auditor", "heyan", 10, "2026-02-01", "2026-09-30")),
                USERS);

        assertThat(codes(result)).containsExactly("planning.resource.person");
        assertThat(result.problems().get(0).args()).containsExactly(1, "heyan");
    }

    @Test
    void sendingThePlanBackNeedsAComment() {
        assertThat(PlanRules.review(false, null)).containsExactly(new Problem("planning.review.commentRequired"));
        assertThat(PlanRules.review(false, "Add a data migration milestone")).isEmpty();
        assertThat(PlanRules.review(true, null)).isEmpty();
    }

    @Test
    void theReviewNeedsADecision() {
        assertThat(PlanRules.review(null, "looks fine"))
                .containsExactly(new Problem("form.field.required", new Label("planning.field.planApproved")));
    }
}
