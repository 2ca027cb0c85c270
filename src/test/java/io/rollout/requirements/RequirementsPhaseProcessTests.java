package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
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
import io.rollout.shared.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
class RequirementsPhaseProcessTests {

    static final String PROCESS = "requirementsPhase";
    static final String INTERVIEW = "UserTask_InterviewDepartment";
    static final String QUESTIONNAIRE = "UserTask_RunQuestionnaire";
    static final String MAP_PROCESSES = "UserTask_MapProcesses";
    static final List<String> RESEARCH_METHODS = List.of(INTERVIEW, QUESTIONNAIRE, MAP_PROCESSES);
    static final String CAPTURE = "UserTask_CaptureRequirements";
    static final String REVIEW = "UserTask_ReviewDepartmentRequirements";
    static final String CLARIFY = "UserTask_ClarifyRequirements";
    static final String MATCH = "UserTask_MatchSolutions";
    static final String CHECK_MATCH = "ServiceTask_CheckSolutionMatch";
    static final String VERIFY = "UserTask_VerifyEffects";
    static final String CHECK_EFFECTS = "ServiceTask_CheckEffectVerification";
    static final String APPROVE = "UserTask_ApproveSpecification";
    static final String FREEZE = "ServiceTask_FreezeSpecification";
    static final String SIGN_OFF = "ServiceTask_RequirementSignOff";
    static final String BASELINE = "ServiceTask_BaselineSpecification";
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
    void happyPathResearchesEachDepartmentRunsTheLoopOnceAndBaselinesVersionOne() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        assertThat(pi).isWaitingAt(CLARIFY);
        assertThat(task(pi, CLARIFY, null)).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::status)
                .containsOnly(Requirement.DRAFT);

        clarify(pi);
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::status)
                .containsOnly(Requirement.CLARIFIED);
        match(pi, Map.of());
        assertThat(pi).hasPassed(CHECK_MATCH).isWaitingAt(VERIFY);
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::reqId, Requirement::status)
                .containsExactly(
                        tuple("REQ-FIN-001", Requirement.MATCHED),
                        tuple("REQ-FIN-002", Requirement.CLARIFIED),
                        tuple("REQ-PUR-001", Requirement.MATCHED));
        Task verifyFinance = task(pi, VERIFY, "finance");
        assertThat(verifyFinance).hasCandidateUser(FINANCE_OWNER).hasName("Verify expected effects for Finance");
        assertThat(rows(tasks.getVariable(verifyFinance.getId(), EffectVerification.ROWS)))
                .extracting(m -> m.get("reqId"))
                .containsExactly("REQ-FIN-001", "REQ-FIN-002");
        verify(pi, "finance", FINANCE_OWNER, Map.of());
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());

        assertThat(pi).hasPassed(CHECK_EFFECTS, FREEZE).isWaitingAt(APPROVE);
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::status)
                .containsOnly(Requirement.VERIFIED);
        assertThat(runtime.getVariable(pi.getId(), "specVersion")).isEqualTo(1);
        assertThat(runtime.getVariable(pi.getId(), "requirements"))
                .as("rows live in the table only")
                .isNull();
        Task approval = task(pi, APPROVE, "finance");
        assertThat(approval).hasCandidateUser(FINANCE_OWNER).hasName("Approve specification v1 for Finance");
        assertThat(rows(tasks.getVariable(approval.getId(), "requirementTable")))
                .extracting(m -> m.get("reqId") + " " + m.get("priority") + " " + m.get("solution"))
                .containsExactly("REQ-FIN-001 Must Configuration", "REQ-FIN-002 Could ");
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", "Fine");

        assertThat(pi).hasPassed(SIGN_OFF, BASELINE, BASELINED).isEnded();
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::status)
                .containsOnly(Requirement.BASELINED);
        assertThat(requirements.latestVersion(code)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.baselined()).isTrue();
            assertThat(v.baselinedBy()).isEqualTo(DecisionLog.SYSTEM);
        });
        assertThat(requirements.snapshot(code, 1))
                .extracting(Requirement::reqId, Requirement::status)
                .containsExactly(
                        tuple("REQ-FIN-001", Requirement.BASELINED),
                        tuple("REQ-FIN-002", Requirement.BASELINED),
                        tuple("REQ-PUR-001", Requirement.BASELINED));
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::updatedBy)
                .containsOnly(CONSULTANT);
        assertThat(requirements.approvals(code))
                .extracting(
                        SpecificationApprovalRecord::department,
                        SpecificationApprovalRecord::approver,
                        SpecificationApprovalRecord::version)
                .containsExactlyInAnyOrder(
                        tuple("finance", FINANCE_OWNER, 1), tuple("procurement", PROCUREMENT_OWNER, 1));
        assertThat(jdbc.sql("""
                select interview_done and questionnaire_done and process_mapping_done from department_research
                where project_code = ? and department = ?""").params(code, "finance").query(Boolean.class).single())
                .isTrue();
        assertThat(decisions.forProject(code))
                .extracting(Decision::decision, Decision::outcome)
                .containsExactly(
                        tuple(RequirementReview.DECISION, "accepted"),
                        tuple(RequirementReview.DECISION, "accepted"),
                        tuple(SolutionMatching.DECISION, "matched"),
                        tuple(SolutionMatchCheck.DECISION, "passed"),
                        tuple(EffectVerification.DECISION, "verified"),
                        tuple(EffectVerification.DECISION, "verified"),
                        tuple(EffectVerificationCheck.DECISION, "passed"),
                        tuple(SpecificationApproval.DECISION, "approved"),
                        tuple(SpecificationApproval.DECISION, "approved"),
                        tuple(RequirementSignOff.DECISION, "passed"));
        Decision gate = decisions.latest(code, RequirementSignOff.DECISION).orElseThrow();
        assertThat(gate.subject()).isEqualTo("specification v1");
        assertThat(gate.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        assertThat(gate.findings()).isEmpty();
    }

    @Test
    void everyDepartmentGetsItsOwnBranchWithThreeResearchTasksThenCaptureAndItsOwnersReview() {
        ProcessInstance pi = start();
        Map<String, String> names = Map.of("finance", "Finance", "procurement", "Procurement");
        for (String department : List.of("finance", "procurement")) {
            assertThat(task(pi, INTERVIEW, department))
                    .hasCandidateGroup(Roles.CONSULTANT)
                    .hasName("Interview " + names.get(department));
            assertThat(task(pi, QUESTIONNAIRE, department))
                    .hasCandidateGroup(Roles.CONSULTANT)
                    .hasName("Run questionnaire in " + names.get(department));
            assertThat(task(pi, MAP_PROCESSES, department))
                    .hasCandidateGroup(Roles.CONSULTANT)
                    .hasName("Map processes of " + names.get(department));
            assertThat(tasks.getVariable(task(pi, INTERVIEW, department).getId(), "departmentName"))
                    .isEqualTo(names.get(department));
        }
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count())
                .isEqualTo(6);

        activity(
                pi,
                INTERVIEW,
                "finance",
                "2026-03-02",
                "王芳 (head of finance), 2 accountants",
                "Month-end takes 8 days");
        activity(pi, QUESTIONNAIRE, "finance", "2026-03-03", "14 staff", null);
        assertThat(pi).isWaitingAt(MAP_PROCESSES).isNotWaitingAt(CAPTURE);
        assertThat(tasks.getVariable(task(pi, MAP_PROCESSES, "finance").getId(), "participants"))
                .as("each session keeps its own answers")
                .isNull();
        activity(pi, MAP_PROCESSES, "finance", "2026-03-04", "王芳", "Expense claim flow mapped");

        Task capture = task(pi, CAPTURE, "finance");
        assertThat(capture).hasCandidateGroup(Roles.CONSULTANT).hasName("Capture requirements for Finance");
        // what the sessions found is shown and drafts the research summary
        assertThat(rows(tasks.getVariable(capture.getId(), "researchSessions")))
                .extracting(m -> m.get("method") + " " + m.get("heldOn") + " " + m.get("participants"))
                .containsExactly(
                        "Interview 2026-03-02 王芳 (head of finance), 2 accountants",
                        "Questionnaire 2026-03-03 14 staff",
                        "Process mapping 2026-03-04 王芳");
        assertThat(tasks.getVariable(capture.getId(), "researchNotes"))
                .isEqualTo(
                        "Interview on 2026-03-02 with 王芳 (head of finance), 2 accountants: Month-end takes 8 days\n\n"
                                + "Process mapping on 2026-03-04 with 王芳: Expense claim flow mapped");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(CAPTURE)
                        .count())
                .as("procurement is still being researched")
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select method, held_on, participants, notes, recorded_by from research_activity
                where project_code = ? and department = ? order by id""")
                        .params(code, "finance")
                        .query((rs, n) -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                String.valueOf(rs.getString(4)),
                                rs.getString(5)))
                        .list())
                .containsExactly(
                        List.of(
                                "interview",
                                "2026-03-02",
                                "王芳 (head of finance), 2 accountants",
                                "Month-end takes 8 days",
                                CONSULTANT),
                        List.of("questionnaire", "2026-03-03", "14 staff", "null", CONSULTANT),
                        List.of("process-mapping", "2026-03-04", "王芳", "Expense claim flow mapped", CONSULTANT));
        capture(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        Task review = task(pi, REVIEW, "finance");
        assertThat(review).hasCandidateUser(FINANCE_OWNER).hasName("Review requirements for Finance");
        assertThat(rows(tasks.getVariable(review.getId(), "requirementTable")))
                .extracting(
                        m -> m.get("reqId") + " " + m.get("priority") + " " + m.get("title") + " " + m.get("painPoint"))
                .containsExactly(
                        "REQ-FIN-001 Must Expense claims approved online Pain of Expense claims approved online");
    }

    @Test
    void aResearchSessionWithoutDateOrParticipantsIsRefusedAndStoresNothing() {
        ProcessInstance pi = start();
        Task interview = task(pi, INTERVIEW, "finance");
        assertThatThrownBy(() -> tasks.complete(interview.getId(), withVariables("heldOn", "2nd of March")))
                .rootCause()
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("The field \"heldOn\" must be a date (YYYY-MM-DD), not \"2nd of March\".\n"
                        + "The field \"participants\" is required.");
        assertThat(jdbc.sql("select count(*) from research_activity where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(pi).isWaitingAt(INTERVIEW);
    }

    @Test
    void reviewNotOkSendsTheDepartmentBackToCaptureWithTheComment() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "standard"));
        review(pi, "finance", "no", "Cost centre reporting is missing");

        Task again = task(pi, CAPTURE, "finance");
        assertThat(again).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(tasks.getVariable(again.getId(), "reviewComment")).isEqualTo("Cost centre reporting is missing");
        assertThat(tasks.getVariable(again.getId(), "researchNotes"))
                .as("the summary written before stays")
                .isEqualTo("Interviewed the head of finance");
        assertThat(rows(tasks.getVariable(again.getId(), "requirements")))
                .extracting(m -> m.get("reqId"))
                .containsExactly("REQ-FIN-001");
        assertThat(tasks.getVariable(task(pi, REVIEW, "procurement").getId(), "reviewComment"))
                .as("each department keeps its own review")
                .isNull();
        Decision returned = decisions.latest(code, RequirementReview.DECISION).orElseThrow();
        assertThat(returned.outcome()).isEqualTo("returned");
        assertThat(returned.subject()).isEqualTo("requirements finance");
        assertThat(returned.findings()).containsExactly("Cost centre reporting is missing");

        capture(
                pi,
                "finance",
                row("REQ-FIN-001", "Expense claims approved online", "must", "≤ 2 days", "configuration"),
                row(null, "Cost centre report", "should", null, "standard"));
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);
        assertThat(pi).isWaitingAt(CLARIFY);
        assertThat(requirements.findByDepartment(code, "finance"))
                .extracting(Requirement::reqId)
                .containsExactly("REQ-FIN-001", "REQ-FIN-002");
    }

    @Test
    void unmatchedMustHavesGoBackToClarificationWithTheList() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        clarify(pi);
        match(pi, Map.of("REQ-FIN-001", "not-covered", "REQ-PUR-001", ""));

        assertThat(pi).hasPassed(CHECK_MATCH).isWaitingAt(CLARIFY);
        Task clarify = task(pi, CLARIFY, null);
        assertThat(clarify).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(runtime.getVariable(pi.getId(), "solutionsMatched")).isEqualTo(false);
        assertThat(runtime.getVariable(pi.getId(), "matchFindings"))
                .isEqualTo(String.join(
                        "\n",
                        "Must-have requirement REQ-FIN-001 (finance) is not covered by the solution: find a solution or agree to"
                                + " lower its priority.",
                        "Must-have requirement REQ-PUR-001 (procurement) is not matched to a solution yet (standard, configuration"
                                + " or customisation)."));
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::reqId, Requirement::solutionMatch, Requirement::status)
                .containsExactly(
                        tuple("REQ-FIN-001", "not-covered", Requirement.CLARIFIED),
                        tuple("REQ-FIN-002", null, Requirement.CLARIFIED),
                        tuple("REQ-PUR-001", null, Requirement.CLARIFIED));
        Decision check = decisions.latest(code, SolutionMatchCheck.DECISION).orElseThrow();
        assertThat(check.outcome()).isEqualTo("failed");
        assertThat(check.findings()).hasSize(2);

        // the consultant lowers the priority of the uncovered one and the next match covers the other
        List<Map<String, Object>> rows = rows(tasks.getVariable(clarify.getId(), "requirements"));
        rows.get(0).put("priority", "should");
        complete(clarify, withVariables("requirements", JsonRows.of(rows)));
        assertThat(runtime.getVariable(pi.getId(), "matchFindings"))
                .as("answered findings are cleared")
                .isNull();
        match(pi, Map.of("REQ-PUR-001", "standard"));
        assertThat(pi).isWaitingAt(VERIFY);
    }

    @Test
    void anEffectNotVerifiedGoesBackToClarificationWithTheOwnersComment() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        clarify(pi);
        match(pi, Map.of());
        verify(pi, "finance", FINANCE_OWNER, Map.of("REQ-FIN-001", "Approval by mobile phone is not in the standard"));
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());

        assertThat(pi).hasPassed(CHECK_EFFECTS).isWaitingAt(CLARIFY);
        assertThat(pi).hasNotPassed(FREEZE);
        assertThat(task(pi, CLARIFY, null)).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(runtime.getVariable(pi.getId(), "effectFindings"))
                .isEqualTo(
                        "Requirement REQ-FIN-001 (finance):"
                                + " the department owner did not confirm the expected effect: Approval by mobile phone is not in the standard");
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::reqId, Requirement::status)
                .containsExactly(
                        tuple("REQ-FIN-001", Requirement.MATCHED),
                        tuple("REQ-FIN-002", Requirement.VERIFIED),
                        tuple("REQ-PUR-001", Requirement.VERIFIED));
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals(EffectVerification.DECISION))
                .extracting(Decision::subject, Decision::outcome, Decision::decidedBy)
                .containsExactly(
                        tuple("expected effects: finance", "not verified", FINANCE_OWNER),
                        tuple("expected effects: procurement", "verified", PROCUREMENT_OWNER));
        assertThat(decisions
                        .latest(code, EffectVerificationCheck.DECISION)
                        .orElseThrow()
                        .outcome())
                .isEqualTo("failed");

        clarify(pi);
        match(pi, Map.of("REQ-FIN-001", "customisation"));
        verify(pi, "finance", FINANCE_OWNER, Map.of());
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());
        assertThat(pi).isWaitingAt(APPROVE);
    }

    @Test
    void aVerificationWithoutAnswerOrCommentOrByAnotherOwnerIsRefusedAndStoresNothing() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        clarify(pi);
        match(pi, Map.of());
        Task task = task(pi, VERIFY, "finance");
        List<Map<String, Object>> rows = rows(tasks.getVariable(task.getId(), EffectVerification.ROWS));
        rows.get(0).put("verified", "no");
        tasks.setAssignee(task.getId(), PROCUREMENT_OWNER);
        assertThatThrownBy(
                        () -> tasks.complete(task.getId(), withVariables(EffectVerification.ROWS, JsonRows.of(rows))))
                .rootCause()
                .hasMessage("User " + PROCUREMENT_OWNER
                        + " is not a business owner of department finance and cannot verify its requirements.");
        tasks.setAssignee(task.getId(), FINANCE_OWNER);
        assertThatThrownBy(
                        () -> tasks.complete(task.getId(), withVariables(EffectVerification.ROWS, JsonRows.of(rows))))
                .rootCause()
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage(String.join(
                        "\n",
                        "Row 1: requirement REQ-FIN-001 is not verified: say in the comment what the solution lacks.",
                        "Row 2: say whether the solution delivers the expected effect of REQ-FIN-002 (yes or no)."));
        assertThat(jdbc.sql("select count(*) from effect_verification where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(decisions.latest(code, EffectVerification.DECISION)).isEmpty();
        assertThat(pi).isWaitingAt(VERIFY);
    }

    @Test
    void failedSignOffGoesBackToClarificationAndTheNextVersionNeedsNewApprovals() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        loopToApproval(pi);
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "no", "Approval limits are missing");

        assertThat(pi).hasPassed(SIGN_OFF).isWaitingAt(CLARIFY);
        assertThat(task(pi, CLARIFY, null)).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(runtime.getVariable(pi.getId(), "signOffPassed")).isEqualTo(false);
        assertThat(runtime.getVariable(pi.getId(), "signOffFindings"))
                .isEqualTo("Department procurement rejected" + " specification v1 (" + PROCUREMENT_OWNER
                        + "): Approval limits are missing");
        Decision failed = decisions.latest(code, RequirementSignOff.DECISION).orElseThrow();
        assertThat(failed.outcome()).isEqualTo("failed");
        assertThat(failed.subject()).isEqualTo("specification v1");
        assertThat(failed.findings()).containsExactly((String) runtime.getVariable(pi.getId(), "signOffFindings"));
        assertThat(failed.inputs())
                .contains(
                        "version 1",
                        "approvers of this version: finance=" + FINANCE_OWNER,
                        "procurement=" + PROCUREMENT_OWNER + " (rejected)");
        assertThat(failed.decidedAt()).isNotNull();
        assertThat(requirements.latestVersion(code))
                .hasValueSatisfying(v -> assertThat(v.baselined()).isFalse());

        Task clarify = task(pi, CLARIFY, null);
        List<Map<String, Object>> rows = rows(tasks.getVariable(clarify.getId(), "requirements"));
        rows.get(2).put("acceptanceCriterion", "90 % within 24 h, limits per buyer");
        complete(clarify, withVariables("requirements", JsonRows.of(rows)));
        match(pi, Map.of());
        verify(pi, "finance", FINANCE_OWNER, Map.of());
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());

        assertThat(pi).isWaitingAt(APPROVE);
        assertThat(runtime.getVariable(pi.getId(), "specVersion")).isEqualTo(2);
        assertThat(task(pi, APPROVE, "finance"))
                .as("finance approved v1 only: it approves v2 again")
                .hasName("Approve specification v2 for Finance");
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", null);

        assertThat(pi).hasPassed(BASELINED).isEnded();
        assertThat(requirements.approvals(code))
                .hasSize(4)
                .filteredOn(a -> a.version() == 2)
                .allMatch(SpecificationApprovalRecord::approved);
        assertThat(requirements.snapshot(code, 1))
                .extracting(Requirement::acceptanceCriterion)
                .as("version 1 keeps what was frozen")
                .contains("90 %")
                .doesNotContain("90 % within 24 h, limits per buyer");
        assertThat(requirements.snapshot(code, 2))
                .extracting(Requirement::acceptanceCriterion)
                .contains("90 % within 24 h, limits per buyer");
        Decision passed = decisions.latest(code, RequirementSignOff.DECISION).orElseThrow();
        assertThat(passed.subject()).isEqualTo("specification v2");
        assertThat(passed.inputs())
                .contains("version 2", "finance=" + FINANCE_OWNER, "procurement=" + PROCUREMENT_OWNER)
                .doesNotContain("(rejected)");
    }

    @Test
    void signOffFailsWhenRequirementsChangeAfterTheVersionWasFrozen() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        loopToApproval(pi);
        String csv = "reqId,department,title,priority,acceptanceCriterion,solutionMatch\n"
                + "REQ-FIN-001,finance,Expense claims approved online,must,≤ 1 day,configuration\n";
        assertThat(importer.importCsv(
                                code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "consultant1")
                        .imported())
                .isEqualTo(1);
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", null);

        assertThat(pi).isWaitingAt(CLARIFY);
        assertThat(runtime.getVariable(pi.getId(), "signOffFindings"))
                .isEqualTo(
                        "The requirements changed after specification v1 was frozen: the approvals do not cover the changes.");
        loopToApproval(pi);
        assertThat(runtime.getVariable(pi.getId(), "specVersion")).isEqualTo(2);
        approve(pi, "finance", FINANCE_OWNER, "yes", null);
        approve(pi, "procurement", PROCUREMENT_OWNER, "yes", null);
        assertThat(pi).isEnded();

        // baselined: the import and the API refuse changes, which go through a change request now
        RequirementImport.Result refused =
                importer.importCsv(code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "consultant1");
        assertThat(refused.errors())
                .containsExactly("Specification v2 of project " + code
                        + " is baselined: requirements change only through a change request.");
        assertThat(requirements.findByDepartment(code, "finance").get(0).acceptanceCriterion())
                .isEqualTo("≤ 1 day");
    }

    @Test
    void badCaptureSubmissionIsRefusedWithEveryProblemAndStoresNothing() {
        ProcessInstance pi = start();
        researchSessions(pi, "finance");
        Task finance = task(pi, CAPTURE, "finance");
        var bad = withVariables(
                "requirements",
                JsonRows.of(List.of(
                        row(null, "Expense claims approved online", "urgent", null, null),
                        row("REQ-PUR-001", null, "must", null, "standard"))));

        assertThatThrownBy(() -> tasks.complete(finance.getId(), bad))
                .rootCause()
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: the field \"priority\" must be one of must/should/could, not \"urgent\".")
                .hasMessageContaining("Row 2: the field \"title\" is required.");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> tasks.complete(
                        finance.getId(),
                        withVariables("requirements", JsonRows.of(List.of(row(null, "报销线上审批", "必须", null, null))))))
                .rootCause()
                .hasMessage("第 1 行：字段“priority”必须是 must/should/could 之一，而不是“必须”。");

        assertThat(requirements.findByProject(code)).isEmpty();
        assertThat(jdbc.sql("select count(*) from department_research where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(pi).isWaitingAt(CAPTURE);
        assertThat(tasks.createTaskQuery().taskId(finance.getId()).count()).isEqualTo(1);
    }

    @Test
    void captureRefusesIdsOfAnotherDepartment() {
        ProcessInstance pi = start();
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "standard"));
        researchSessions(pi, "finance");
        Task finance = task(pi, CAPTURE, "finance");
        assertThatThrownBy(() -> tasks.complete(
                        finance.getId(),
                        withVariables(
                                "requirements",
                                JsonRows.of(List.of(row("REQ-PUR-001", "Taken over", "must", null, null))))))
                .rootCause()
                .hasMessage("Row 1: requirement REQ-PUR-001 belongs to department procurement;"
                        + " change it in that department or in the clarification task.");
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::title)
                .containsExactly("Purchase requests approved online");
    }

    @Test
    void clarificationWithdrawsARequirementAndMatchingRefusesUnknownIds() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        Task clarify = task(pi, CLARIFY, null);
        List<Map<String, Object>> rows = rows(tasks.getVariable(clarify.getId(), "requirements"));
        rows.get(1).put("withdrawn", true);
        complete(clarify, withVariables("requirements", JsonRows.of(rows)));
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::status)
                .containsExactly(Requirement.CLARIFIED, Requirement.WITHDRAWN, Requirement.CLARIFIED);

        Task match = task(pi, MATCH, null);
        assertThat(match).hasCandidateGroup(Roles.CONSULTANT);
        List<Map<String, Object>> offered = rows(tasks.getVariable(match.getId(), "requirements"));
        assertThat(offered).extracting(m -> m.get("reqId")).containsExactly("REQ-FIN-001", "REQ-PUR-001");
        offered.get(0).put("reqId", "REQ-FIN-002");
        offered.get(1).put("solutionMatch", "maybe");
        assertThatThrownBy(() -> tasks.complete(match.getId(), withVariables("requirements", JsonRows.of(offered))))
                .rootCause()
                .hasMessage(String.join(
                        "\n",
                        "Row 1: there is no requirement \"REQ-FIN-002\" to match; add new requirements in the clarification task.",
                        "Row 2: the field \"solutionMatch\" must be one of standard/configuration/customisation/not-covered,"
                                + " not \"maybe\"."));
        assertThat(decisions.latest(code, SolutionMatching.DECISION)).isEmpty();
        match(pi, Map.of());
        assertThat(task(pi, VERIFY, "finance").getId())
                .satisfies(id -> assertThat(rows(tasks.getVariable(id, EffectVerification.ROWS)))
                        .extracting(m -> m.get("reqId"))
                        .containsExactly("REQ-FIN-001"));
    }

    @Test
    void compactFormsKeepTheFieldsTheyDoNotShowAndMatchingNotesHowTheSolutionMeetsTheRequirement() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        Task clarify = task(pi, CLARIFY, null);
        assertThat(rows(tasks.getVariable(clarify.getId(), "departmentOptions")))
                .extracting(m -> m.get("label") + "=" + m.get("value"))
                .containsExactly("Finance=finance", "Procurement=procurement");
        // form-js submits only the fields a form shows: Clarify has no solution, and here no pain point either
        List<Map<String, Object>> clarified = rows(tasks.getVariable(clarify.getId(), "requirements"));
        clarified.forEach(r -> {
            r.remove("solutionMatch");
            r.remove("painPoint");
        });
        clarified.get(0).put("acceptanceCriterion", "Average approval ≤ 1 day");
        complete(clarify, withVariables("requirements", JsonRows.of(clarified)));
        assertThat(requirements.findByProject(code))
                .extracting(
                        Requirement::reqId,
                        Requirement::solutionMatch,
                        Requirement::acceptanceCriterion,
                        Requirement::painPoint,
                        Requirement::status)
                .containsExactly(
                        tuple(
                                "REQ-FIN-001",
                                "configuration",
                                "Average approval ≤ 1 day",
                                "Pain of Expense claims approved online",
                                Requirement.CLARIFIED),
                        tuple("REQ-FIN-002", null, null, "Pain of Faster month-end close", Requirement.CLARIFIED),
                        tuple(
                                "REQ-PUR-001",
                                "configuration",
                                "90 %",
                                "Pain of Purchase requests approved online",
                                Requirement.CLARIFIED));

        Task match = task(pi, MATCH, null);
        assertThat(match).hasName("Match requirements to solutions");
        List<Map<String, Object>> offered = rows(tasks.getVariable(match.getId(), "requirements"));
        assertThat(offered)
                .as("must-haves first")
                .extracting(m -> m.get("reqId") + " " + m.get("priority"))
                .containsExactly("REQ-FIN-001 Must", "REQ-PUR-001 Must", "REQ-FIN-002 Could");
        offered.get(0).put("solutionNote", "Expense claim approval flow, two levels");
        offered.get(2).put("solutionMatch", "standard");
        complete(match, withVariables("requirements", JsonRows.of(offered)));
        assertThat(requirements.findByDepartment(code, "finance"))
                .extracting(Requirement::solutionMatch, Requirement::solutionNote)
                .containsExactly(
                        tuple("configuration", "Expense claim approval flow, two levels"), tuple("standard", null));

        Task verifyFinance = task(pi, VERIFY, "finance");
        assertThat(rows(tasks.getVariable(verifyFinance.getId(), "requirementTable")))
                .extracting(m -> m.get("reqId") + ": " + m.get("solution"))
                .containsExactly(
                        "REQ-FIN-001: Configuration: Expense claim approval flow, two levels",
                        "REQ-FIN-002: Standard function");
        verify(pi, "finance", FINANCE_OWNER, Map.of("REQ-FIN-002", "The standard close has no accrual check"));
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());
        clarify(pi);
        // a submission without the note (a REST client's, or an older form's) keeps the note
        Task again = task(pi, MATCH, null);
        List<Map<String, Object>> withoutNotes = rows(tasks.getVariable(again.getId(), "requirements"));
        assertThat(withoutNotes.get(0)).containsEntry("solutionNote", "Expense claim approval flow, two levels");
        withoutNotes.forEach(r -> r.remove("solutionNote"));
        complete(again, withVariables("requirements", JsonRows.of(withoutNotes)));
        assertThat(requirements.findByDepartment(code, "finance"))
                .extracting(Requirement::solutionNote)
                .containsExactly("Expense claim approval flow, two levels", null);
        verify(pi, "finance", FINANCE_OWNER, Map.of());
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());
        assertThat(rows(tasks.getVariable(task(pi, APPROVE, "finance").getId(), "requirementTable")))
                .extracting(m -> m.get("reqId") + ": " + m.get("solution"))
                .containsExactly(
                        "REQ-FIN-001: Configuration: Expense claim approval flow, two levels",
                        "REQ-FIN-002: Standard function");
        assertThat(requirements.snapshot(code, 1))
                .extracting(Requirement::solutionNote)
                .containsExactly("Expense claim approval flow, two levels", null, null);
    }

    @Test
    void approvalByAUserWhoIsNotAnOwnerOfTheDepartmentIsRefused() {
        ProcessInstance pi = start();
        researchAndReview(pi);
        loopToApproval(pi);
        Task approval = task(pi, APPROVE, "finance");
        tasks.claim(approval.getId(), PROCUREMENT_OWNER);

        assertThatThrownBy(() -> tasks.complete(approval.getId(), withVariables("specApproved", "yes")))
                .rootCause()
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("User " + PROCUREMENT_OWNER
                        + " is not a business owner of department finance and cannot approve its specification.");
        tasks.setAssignee(approval.getId(), FINANCE_OWNER);
        assertThatThrownBy(() -> tasks.complete(approval.getId(), withVariables("specApproved", "no")))
                .rootCause()
                .hasMessage(
                        "A comment is required when you do not approve specification v1 for finance: say what has to change.");
        assertThat(requirements.approvals(code)).isEmpty();
        assertThat(decisions.latest(code, SpecificationApproval.DECISION)).isEmpty();
    }

    @Test
    void reviewNeedsADecisionAndACommentWhenNotOk() {
        ProcessInstance pi = start();
        research(pi, "finance", row(null, "Expense claims approved online", "must", "≤ 2 days", "configuration"));
        Task review = task(pi, REVIEW, "finance");
        assertThatThrownBy(() -> tasks.complete(review.getId(), withVariables("departmentReviewOk", "no")))
                .rootCause()
                .hasMessageContaining("review comment");
        assertThatThrownBy(() -> tasks.complete(review.getId()))
                .rootCause()
                .hasMessage("Choose whether the requirements of finance are complete and correct (yes or no).");
        assertThat(decisions.latest(code, RequirementReview.DECISION)).isEmpty();
    }

    ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    Task task(ProcessInstance pi, String key, String department) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().stream()
                .filter(t -> department == null || department.equals(tasks.getVariable(t.getId(), "department")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task " + key + " for " + department));
    }

    /** Both departments researched (finance: a must and a could; procurement: a must) and accepted by their owners. */
    void researchAndReview(ProcessInstance pi) {
        research(
                pi,
                "finance",
                row(null, "Expense claims approved online", "must", "Average approval ≤ 2 days", "configuration"),
                row(null, "Faster month-end close", "could", null, null));
        research(pi, "procurement", row(null, "Purchase requests approved online", "must", "90 %", "configuration"));
        review(pi, "finance", "yes", null);
        review(pi, "procurement", "yes", null);
    }

    /** Clarify, match and verify with every answer positive, up to the approvals of the next version. */
    void loopToApproval(ProcessInstance pi) {
        clarify(pi);
        match(pi, Map.of());
        verify(pi, "finance", FINANCE_OWNER, Map.of());
        verify(pi, "procurement", PROCUREMENT_OWNER, Map.of());
        assertThat(pi).isWaitingAt(APPROVE);
    }

    void activity(ProcessInstance pi, String key, String department, String heldOn, String participants, String notes) {
        Task task = task(pi, key, department);
        tasks.claim(task.getId(), CONSULTANT);
        complete(task, withVariables("heldOn", heldOn, "participants", participants, "activityNotes", notes));
    }

    void researchSessions(ProcessInstance pi, String department) {
        activity(pi, INTERVIEW, department, "2026-03-02", "Head of " + department, "Interviewed");
        activity(pi, QUESTIONNAIRE, department, "2026-03-03", "Staff of " + department, null);
        activity(pi, MAP_PROCESSES, department, "2026-03-04", "Key users of " + department, null);
    }

    @SafeVarargs
    final void research(ProcessInstance pi, String department, Map<String, Object>... rows) {
        researchSessions(pi, department);
        capture(pi, department, rows);
    }

    @SafeVarargs
    final void capture(ProcessInstance pi, String department, Map<String, Object>... rows) {
        Task task = task(pi, CAPTURE, department);
        tasks.claim(task.getId(), CONSULTANT);
        complete(
                task,
                withVariables(
                        "researchNotes",
                        "Interviewed the head of " + department,
                        "requirements",
                        JsonRows.of(List.of(rows))));
    }

    void review(ProcessInstance pi, String department, String ok, String comment) {
        Task task = task(pi, REVIEW, department);
        complete(
                task,
                withVariables(
                        "departmentReviewOk",
                        ok,
                        "reviewComment",
                        comment,
                        "requirements",
                        tasks.getVariable(task.getId(), "requirements")));
    }

    /** Completes the clarification with the rows as the form shows them. */
    void clarify(ProcessInstance pi) {
        Task task = task(pi, CLARIFY, null);
        tasks.claim(task.getId(), CONSULTANT);
        complete(task, withVariables("requirements", tasks.getVariable(task.getId(), "requirements")));
    }

    /** Completes the matching with the rows as shown, the given solutions changed ("" clears one). */
    void match(ProcessInstance pi, Map<String, String> solutions) {
        Task task = task(pi, MATCH, null);
        tasks.claim(task.getId(), CONSULTANT);
        List<Map<String, Object>> rows = rows(tasks.getVariable(task.getId(), "requirements"));
        rows.forEach(r -> {
            String solution = solutions.get(r.get("reqId"));
            if (solution != null) {
                r.put("solutionMatch", solution.isEmpty() ? null : solution);
            }
        });
        complete(task, withVariables("requirements", JsonRows.of(rows)));
    }

    /** The owner verifies every requirement of the department except those given with the reason why not. */
    void verify(ProcessInstance pi, String department, String owner, Map<String, String> notVerified) {
        Task task = task(pi, VERIFY, department);
        tasks.claim(task.getId(), owner);
        List<Map<String, Object>> rows = rows(tasks.getVariable(task.getId(), EffectVerification.ROWS));
        rows.forEach(r -> {
            String reason = notVerified.get(r.get("reqId"));
            r.put("verified", reason == null ? "yes" : "no");
            r.put("verificationComment", reason);
        });
        complete(task, withVariables(EffectVerification.ROWS, JsonRows.of(rows)));
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

    static List<Map<String, Object>> rows(Object json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonRows.read(json).forEach(r -> rows.add(new LinkedHashMap<>(r.values())));
        return rows;
    }

    void owner(String userId, String department) {
        TestUsers.ensure(
                identity, userId, "owner-Secret-2026", Roles.BUSINESS_OWNER, Roles.departmentGroup(department));
    }
}
