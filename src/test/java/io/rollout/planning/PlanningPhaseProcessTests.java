package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class PlanningPhaseProcessTests {

    static final String PROCESS = "planningPhase";
    static final String DRAW_UP_PLAN = "UserTask_DrawUpPlan";
    static final String REVIEW_PLAN = "UserTask_ReviewPlan";
    static final String PLAN_APPROVED = "EndEvent_PlanApproved";
    static final String OWNER = "planowner";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ProjectRepository projects;
    @Autowired
    DecisionLog decisions;
    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        if (identity.createUserQuery().userId(OWNER).count() == 0) {
            identity.saveUser(identity.newUser(OWNER));
        }
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    static Map<String, Object> milestone(String name, String due, String phase) {
        return Map.of("name", name, "owner", OWNER, "dueDate", due, "phase", phase);
    }

    static Map<String, Object> planForm(List<Map<String, Object>> milestones) {
        return withVariables("milestones", JsonRows.of(milestones),
            "risks", JsonRows.of(List.of(
                Map.of("title", "Key users not released from daily work", "probability", 4, "impact", 5, "owner", OWNER,
                    "mitigation", "Backfill agreed with department heads"),
                Map.of("title", "Legacy interface undocumented", "probability", 2, "impact", 3, "owner", OWNER,
                    "mitigation", "Reverse-engineer early"))),
            "scopeApproach", "pilot", "resourcePlan", "2 consultants, 1 developer, 4 key users");
    }

    static final List<Map<String, Object>> MILESTONES = List.of(
        milestone("Specification baselined", "2026-03-01", "requirements"),
        milestone("UAT passed", "2026-08-15", "uat"),
        milestone("Go-live procurement", "2026-09-01", "go-live"));

    int milestoneRows() {
        return jdbc.sql("select count(*) from milestone where project_code = ?").param(code).query(Integer.class).single();
    }

    @Test
    void approvedPlanEndsThePhaseAndIsStored() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(DRAW_UP_PLAN);
        assertThat(task(pi)).hasCandidateGroup(Roles.PMO);
        assertThat(formOf(task(pi))).contains("\"id\": \"planProject\"");

        complete(task(pi), planForm(MILESTONES));

        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        Task review = task(pi);
        assertThat(review).hasCandidateGroup(Roles.STEERING_COMMITTEE);
        assertThat(formOf(review)).contains("\"id\": \"reviewPlan\"");
        String summary = (String) tasks.getVariableLocal(review.getId(), "planSummary");
        assertThat(summary).contains("HIGH RISK, score 20", "Go-live procurement", "**Scope approach:** pilot");

        complete(review, withVariables("planApproved", "yes"));

        assertThat(pi).hasPassed(PLAN_APPROVED).isEnded();
        assertThat(milestoneRows()).isEqualTo(3);
        assertThat(jdbc.sql("select score from risk where project_code = ? order by score desc").param(code)
            .query(Integer.class).list()).containsExactly(20, 6);
        assertThat(decisions.latest(code, PlanReview.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("approved");
            assertThat(d.inputs()).contains("milestones=3", "highRisks=1", "scope=pilot");
        });
    }

    @Test
    void rejectedPlanGoesBackToThePmoWithTheCommentAndThePlanPrefilled() {
        ProcessInstance pi = start();
        complete(task(pi), planForm(MILESTONES));

        complete(task(pi), withVariables("planApproved", "no", "steeringComment", "Add a data migration milestone"));

        assertThat(pi).isWaitingAt(DRAW_UP_PLAN);
        Task drawUp = task(pi);
        assertThat(drawUp).hasCandidateGroup(Roles.PMO);
        assertThat(tasks.getVariable(drawUp.getId(), "steeringComment")).isEqualTo("Add a data migration milestone");
        assertThat(JsonRows.read(tasks.getVariable(drawUp.getId(), "milestones"))).hasSize(3);
        assertThat(decisions.latest(code, PlanReview.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("rejected");
            assertThat(d.findings()).containsExactly("Add a data migration milestone");
        });

        List<Map<String, Object>> revised = new java.util.ArrayList<>(MILESTONES);
        revised.add(milestone("Customers migrated", "2026-08-20", "data-migration"));
        complete(drawUp, planForm(revised));
        complete(task(pi), withVariables("planApproved", "yes"));

        assertThat(pi).hasPassed(PLAN_APPROVED).isEnded();
        assertThat(milestoneRows()).isEqualTo(4);
        assertThat(decisions.forProject(code)).extracting(DecisionLog.Decision::outcome)
            .containsExactly("rejected", "approved");
    }

    @Test
    void badPlanIsRefusedWithEveryReasonAndStoresNothing() {
        ProcessInstance pi = start();
        Map<String, Object> bad = planForm(List.of(
            Map.of("name", "Training done", "owner", "ghost", "dueDate", "2026-10-01", "phase", "training"),
            milestone("Go-live", "2026-09-01", "go-live")));
        bad.put("risks", JsonRows.of(List.of(Map.of("title", "Budget", "probability", 7, "impact", 3, "owner", OWNER))));

        assertThatThrownBy(() -> complete(task(pi), bad))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Milestones, row 1: the owner \"ghost\" is not a user")
            .hasMessageContaining("Risks, row 1: the probability must be a whole number from 1 to 5, not \"7\"");

        assertThat(pi).isWaitingAt(DRAW_UP_PLAN);
        assertThat(milestoneRows()).isZero();

        Map<String, Object> early = planForm(List.of(milestone("Training done", "2026-10-01", "training"),
            milestone("Go-live", "2026-09-01", "go-live")));
        assertThatThrownBy(() -> complete(task(pi), early))
            .hasMessageContaining("Milestones, row 2: the go-live milestone \"Go-live\" (2026-09-01) is before");
        assertThat(milestoneRows()).isZero();
    }

    @Test
    void sendingThePlanBackNeedsAComment() {
        ProcessInstance pi = start();
        complete(task(pi), planForm(MILESTONES));

        assertThatThrownBy(() -> complete(task(pi), withVariables("planApproved", "no")))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Steering committee comment");
        assertThatThrownBy(() -> complete(task(pi), withVariables("planApproved", "later")))
            .hasMessageContaining("Approve the plan");

        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        assertThat(decisions.latest(code, PlanReview.DECISION)).isEmpty();
    }

    String formOf(Task task) {
        try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
