package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
class RequirementsPhaseProcessTests {

    static final String PROCESS = "requirementsPhase";
    static final String RESEARCH = "UserTask_ResearchDepartment";
    static final String REVIEW = "UserTask_ReviewDepartmentRequirements";
    static final String APPROVE = "UserTask_ApproveSpecification";
    static final String CLARIFY = "UserTask_ClarifyRequirements";
    static final String FREEZE = "ServiceTask_FreezeSpecification";
    static final String SIGN_OFF = "ServiceTask_RequirementSignOff";
    static final String BASELINED = "EndEvent_SpecificationBaselined";

    static final String FINANCE_OWNER = "reqownerfinance";
    static final String PROCUREMENT_OWNER = "reqownerprocurement";
    static final String CONSULTANT = "reqconsultant1";

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
    RequirementRepository requirements;
    @Autowired
    RequirementImport importer;
    @Autowired
    DecisionLog decisions;
    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        owner(FINANCE_OWNER, "finance");
        owner(PROCUREMENT_OWNER, "procurement");
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance", "procurement"), List.of("finance"), List.of());
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void happyPathBaselinesVersionOneWhenEveryOwnerApproves() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(RESEARCH);
        Task finance = task(pi, RESEARCH, "finance");
        assertThat(finance).hasCandidateGroup(Roles.CONSULTANT).hasName("Research requirements: finance");

        research(pi, "finance", row(null, "Expense claims approved online", "must", "Average approval ≤ 2 days", "configuration"),
            row(null, "Faster month-end close", "could", null, null));
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 % within 24 h", "configuration"));
        assertThat(task(pi, REVIEW, "finance")).hasCandidateUser(FINANCE_OWNER).hasName("Review requirements: finance");
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);

        assertThat(pi).hasPassed(FREEZE).isWaitingAt(APPROVE);
        assertThat(runtime.getVariable(pi.getId(), "specVersion")).isEqualTo(1);
        assertThat(runtime.getVariable(pi.getId(), "requirements")).as("rows live in the table only").isNull();
        Task approval = task(pi, APPROVE, "finance");
        assertThat(approval).hasCandidateUser(FINANCE_OWNER).hasName("Approve specification v1: finance");
        assertThat(rows(tasks.getVariable(approval.getId(), "mustRequirements"))).extracting(m -> m.get("reqId"))
            .containsExactly("REQ-FIN-001");
        assertThat(rows(tasks.getVariable(approval.getId(), "couldRequirements"))).extracting(m -> m.get("reqId"))
            .containsExactly("REQ-FIN-002");
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", "Fine");

        assertThat(pi).hasPassed(SIGN_OFF, BASELINED).isEnded();
        assertThat(requirements.findByProject(code)).extracting(Requirement::reqId, Requirement::department)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("REQ-FIN-001", "finance"),
                org.assertj.core.groups.Tuple.tuple("REQ-FIN-002", "finance"),
                org.assertj.core.groups.Tuple.tuple("REQ-PUR-001", "procurement"));
        assertThat(requirements.findByProject(code)).extracting(Requirement::updatedBy).containsOnly(CONSULTANT);
        assertThat(requirements.latestVersion(code)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(requirements.approvals(code)).extracting(SpecificationApprovalRecord::department,
                SpecificationApprovalRecord::approver, SpecificationApprovalRecord::version)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("finance", FINANCE_OWNER, 1),
                org.assertj.core.groups.Tuple.tuple("procurement", PROCUREMENT_OWNER, 1));
        assertThat(jdbc.sql("select interview_done from department_research where project_code = ? and department = ?")
            .params(code, "finance").query(Boolean.class).single()).isTrue();
        assertThat(decisions.forProject(code)).extracting(Decision::decision, Decision::outcome).containsExactly(
            org.assertj.core.groups.Tuple.tuple(RequirementReview.DECISION, "accepted"),
            org.assertj.core.groups.Tuple.tuple(RequirementReview.DECISION, "accepted"),
            org.assertj.core.groups.Tuple.tuple(SpecificationApproval.DECISION, "approved"),
            org.assertj.core.groups.Tuple.tuple(SpecificationApproval.DECISION, "approved"),
            org.assertj.core.groups.Tuple.tuple(RequirementSignOff.DECISION, "passed"));
        Decision gate = decisions.latest(code, RequirementSignOff.DECISION).orElseThrow();
        assertThat(gate.subject()).isEqualTo("specification v1");
        assertThat(gate.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        assertThat(gate.findings()).isEmpty();
    }

    @Test
    void reviewNotOkSendsTheDepartmentBackToResearchWithTheComment() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "standard"));
        review(pi, "finance", "no", "Cost centre reporting is missing");

        Task again = task(pi, RESEARCH, "finance");
        assertThat(again).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(tasks.getVariable(again.getId(), "reviewComment")).isEqualTo("Cost centre reporting is missing");
        assertThat(rows(tasks.getVariable(again.getId(), "requirements"))).extracting(m -> m.get("reqId"))
            .containsExactly("REQ-FIN-001");
        assertThat(tasks.getVariable(task(pi, REVIEW, "procurement").getId(), "reviewComment"))
            .as("each department keeps its own review").isNull();
        Decision returned = decisions.latest(code, RequirementReview.DECISION).orElseThrow();
        assertThat(returned.outcome()).isEqualTo("returned");
        assertThat(returned.subject()).isEqualTo("requirements finance");
        assertThat(returned.findings()).containsExactly("Cost centre reporting is missing");

        research(pi, "finance", row("REQ-FIN-001", "Expense claims approved online", "must", "≤ 2 days", "configuration"),
            row(null, "Cost centre report", "should", null, "standard"));
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);
        assertThat(pi).isWaitingAt(APPROVE);
        assertThat(requirements.findByDepartment(code, "finance")).extracting(Requirement::reqId)
            .containsExactly("REQ-FIN-001", "REQ-FIN-002");
    }

    @Test
    void failedSignOffGoesToClarificationAndTheNextVersionNeedsNewApprovals() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", null, "configuration"));
        research(pi, "procurement");
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "no", "We have no requirement yet");

        assertThat(pi).hasPassed(SIGN_OFF).isWaitingAt(CLARIFY);
        Task clarify = task(pi, CLARIFY, null);
        assertThat(clarify).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(runtime.getVariable(pi.getId(), "signOffPassed")).isEqualTo(false);
        assertThat((String) runtime.getVariable(pi.getId(), "signOffFindings")).isEqualTo(String.join("\n",
            "Must-have requirement REQ-FIN-001 (finance) has no acceptance criterion.",
            "Department procurement has no requirement.",
            "Department procurement rejected specification v1 (" + PROCUREMENT_OWNER + "): We have no requirement yet"));
        Decision failed = decisions.latest(code, RequirementSignOff.DECISION).orElseThrow();
        assertThat(failed.outcome()).isEqualTo("failed");
        assertThat(failed.subject()).isEqualTo("specification v1");
        assertThat(failed.findings()).hasSize(3);
        assertThat(rows(tasks.getVariable(clarify.getId(), "requirements"))).extracting(m -> m.get("reqId"))
            .containsExactly("REQ-FIN-001");

        complete(clarify, withVariables("requirements", JsonRows.of(List.of(
            with(row("REQ-FIN-001", "Expense claims approved online", "must", "Average approval ≤ 2 days", "configuration"),
                "department", "finance"),
            with(row(null, "Purchase requests approved online", "must", "90 % within 24 h", "standard"),
                "department", "procurement")))));

        assertThat(pi).isWaitingAt(APPROVE);
        assertThat(runtime.getVariable(pi.getId(), "specVersion")).isEqualTo(2);
        assertThat(task(pi, APPROVE, "procurement")).hasName("Approve specification v2: procurement");
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", null);

        assertThat(pi).hasPassed(BASELINED).isEnded();
        assertThat(requirements.findByDepartment(code, "procurement")).extracting(Requirement::reqId)
            .containsExactly("REQ-PUR-001");
        assertThat(requirements.approvals(code)).hasSize(4)
            .filteredOn(a -> a.version() == 2).allMatch(SpecificationApprovalRecord::approved);
        assertThat(decisions.latest(code, RequirementSignOff.DECISION).orElseThrow().subject())
            .isEqualTo("specification v2");
    }

    @Test
    void signOffFailsWhenRequirementsChangeAfterTheVersionWasFrozen() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "standard"));
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);
        String csv = "reqId,department,title,priority,acceptanceCriterion,solutionMatch\n"
            + "REQ-FIN-001,finance,Expense claims approved online,must,≤ 1 day,configuration\n";
        assertThat(importer.importCsv(code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "consultant1")
            .imported()).isEqualTo(1);
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", null);

        assertThat(pi).isWaitingAt(CLARIFY);
        assertThat(runtime.getVariable(pi.getId(), "signOffFindings")).isEqualTo(
            "The requirements changed after specification v1 was frozen: the approvals do not cover the changes.");
        complete(task(pi, CLARIFY, null));
        assertThat(runtime.getVariable(pi.getId(), "specVersion")).isEqualTo(2);
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", null);
        assertThat(pi).isEnded();
    }

    @Test
    void badResearchSubmissionIsRefusedWithEveryProblemAndStoresNothing() {
        ProcessInstance pi = start();
        Task finance = task(pi, RESEARCH, "finance");
        var bad = withVariables("interviewDone", true, "requirements", JsonRows.of(List.of(
            row(null, "Expense claims approved online", "urgent", null, null),
            row("REQ-PUR-001", null, "must", null, "standard"))));

        assertThatThrownBy(() -> tasks.complete(finance.getId(), bad))
            .rootCause().isInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: the field \"priority\" must be one of must/should/could, not \"urgent\".")
            .hasMessageContaining("Row 2: the field \"title\" is required.");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> tasks.complete(finance.getId(), withVariables("requirements", JsonRows.of(List.of()))))
            .rootCause().hasMessage("完成 finance 的调研前，请至少勾选一种调研方式（访谈、问卷或流程梳理）。");

        assertThat(requirements.findByProject(code)).isEmpty();
        assertThat(jdbc.sql("select count(*) from department_research where project_code = ?").param(code)
            .query(Integer.class).single()).isZero();
        assertThat(pi).isWaitingAt(RESEARCH);
        assertThat(tasks.createTaskQuery().taskId(finance.getId()).count()).isEqualTo(1);
    }

    @Test
    void researchRefusesIdsOfAnotherDepartment() {
        ProcessInstance pi = start();
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "standard"));
        Task finance = task(pi, RESEARCH, "finance");
        assertThatThrownBy(() -> tasks.complete(finance.getId(), withVariables("questionnaireDone", true,
            "requirements", JsonRows.of(List.of(row("REQ-PUR-001", "Taken over", "must", null, null))))))
            .rootCause().hasMessage("Row 1: requirement REQ-PUR-001 belongs to department procurement;"
                + " change it in that department or in the clarification task.");
        assertThat(requirements.findByProject(code)).extracting(Requirement::title)
            .containsExactly("Purchase requests approved online");
    }

    @Test
    void approvalByAUserWhoIsNotAnOwnerOfTheDepartmentIsRefused() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "standard"));
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);
        Task approval = task(pi, APPROVE, "finance");
        tasks.claim(approval.getId(), PROCUREMENT_OWNER);

        assertThatThrownBy(() -> tasks.complete(approval.getId(), withVariables("specApproved", "yes")))
            .rootCause().isInstanceOf(BadUserRequestException.class)
            .hasMessage("User " + PROCUREMENT_OWNER
                + " is not a business owner of department finance and cannot approve its specification.");
        tasks.setAssignee(approval.getId(), FINANCE_OWNER);
        assertThatThrownBy(() -> tasks.complete(approval.getId(), withVariables("specApproved", "no")))
            .rootCause().hasMessage("A comment is required when you do not approve specification v1 for finance: say what has to change.");
        assertThat(requirements.approvals(code)).isEmpty();
        assertThat(decisions.latest(code, SpecificationApproval.DECISION)).isEmpty();
    }

    @Test
    void reviewNeedsADecisionAndACommentWhenNotOk() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        Task review = task(pi, REVIEW, "finance");
        assertThatThrownBy(() -> tasks.complete(review.getId(), withVariables("departmentReviewOk", "no")))
            .rootCause().hasMessageContaining("review comment");
        assertThatThrownBy(() -> tasks.complete(review.getId()))
            .rootCause().hasMessage("Choose whether the requirements of finance are complete and correct (yes or no).");
        assertThat(decisions.latest(code, RequirementReview.DECISION)).isEmpty();
    }

    ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    Task task(ProcessInstance pi, String key, String department) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().stream()
            .filter(t -> department == null || department.equals(tasks.getVariable(t.getId(), "department")))
            .findFirst().orElseThrow(() -> new AssertionError("no task " + key + " for " + department));
    }

    @SafeVarargs
    final void research(ProcessInstance pi, String department, Map<String, Object>... rows) {
        Task task = task(pi, RESEARCH, department);
        tasks.claim(task.getId(), CONSULTANT);
        complete(task, withVariables("interviewDone", true, "processMappingDone", true,
            "researchNotes", "Interviewed the head of " + department, "requirements", JsonRows.of(List.of(rows))));
    }

    void review(ProcessInstance pi, String department, String ok, String comment) {
        Task task = task(pi, REVIEW, department);
        complete(task, withVariables("departmentReviewOk", ok, "reviewComment", comment,
            "requirements", tasks.getVariable(task.getId(), "requirements")));
    }

    void approve(ProcessInstance pi, String department, String owner, String approved, String comment) {
        Task task = task(pi, APPROVE, department);
        tasks.claim(task.getId(), owner);
        complete(task, withVariables("specApproved", approved, "approvalComment", comment));
    }

    static Map<String, Object> row(String reqId, String title, String priority, String criterion, String match) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reqId", reqId);
        row.put("title", title);
        row.put("painPoint", "Pain of " + title);
        row.put("goal", null);
        row.put("priority", priority);
        row.put("acceptanceCriterion", criterion);
        row.put("solutionMatch", match);
        return row;
    }

    static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
        row.put(key, value);
        return row;
    }

    static List<Map<String, Object>> rows(Object json) {
        return JsonRows.read(json).stream().map(r -> r.values()).toList();
    }

    void owner(String userId, String department) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("Owner");
            user.setLastName(department);
            user.setPassword("owner-Secret-2026");
            identity.saveUser(user);
            identity.createMembership(userId, Roles.BUSINESS_OWNER);
            identity.createMembership(userId, Roles.departmentGroup(department));
        }
    }
}
