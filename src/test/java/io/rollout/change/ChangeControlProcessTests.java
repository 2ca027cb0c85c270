package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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

/**
 * The change-request event sub-process of {@code implementationProject} and the Tasklist process
 * {@code changeRequest}: raise, impact analysis, routing by the DMN table, approval or rejection, and the
 * re-baseline of the plan.
 */
@ProcessTest
class ChangeControlProcessTests {

    static final String CHANGE_REQUEST_PROCESS = "changeRequest";
    static final String SUBMITTED = "EndEvent_ChangeRequestSubmitted";
    static final String ANALYSE = "UserTask_AnalyseChangeImpact";
    static final String ROUTE = "BusinessRuleTask_RouteChangeRequest";
    static final String APPROVE = "UserTask_ApproveChange";
    static final String REBASELINE = "ServiceTask_RebaselineChange";
    static final String REBASELINED = "EndEvent_ChangeRebaselined";
    static final String REJECTED = "EndEvent_ChangeRejected";
    static final String CALL_REQUIREMENTS = "CallActivity_Requirements";

    static final String CONSULTANT = "chgconsultant";
    static final String PMO = "chgpmo";
    static final String STEERING = "chgsteering";
    static final String KEY_USER = "chgkeyuser";

    @Autowired
    ProcessEngine engine;

    @Autowired
    FormService forms;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecisionLog decisions;

    @Autowired
    ChangeRequests changeRequests;

    @Autowired
    ChangeRequestRepository changeRequestRepository;

    String code;
    ProcessInstance project;
    long goLive;
    long training;

    @BeforeEach
    void runningProjectWithRequirementsAndMilestones() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        RunningProject.user(identity, CONSULTANT, Roles.CONSULTANT);
        RunningProject.user(identity, PMO, Roles.PMO);
        RunningProject.user(identity, STEERING, Roles.STEERING_COMMITTEE);
        RunningProject.user(identity, KEY_USER, Roles.KEY_USER);
        code = TestProjects.newCode();
        project = RunningProject.start(forms, repository, identity, code);
        RunningProject.requirement(jdbc, code, "REQ-PUR-001");
        RunningProject.requirement(jdbc, code, "REQ-PUR-002");
        training = RunningProject.milestone(jdbc, code, "Key users trained", LocalDate.of(2026, 5, 15), "training");
        goLive = RunningProject.milestone(jdbc, code, "Go-live", LocalDate.of(2026, 6, 1), "go-live");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aSmallChangeRaisedInTasklistIsApprovedByThePmoAndMovesTheAffectedMilestone() {
        ProcessInstance raised =
                raiseInTasklist("Add the supplier rating to the purchase order", "REQ-PUR-001", "Go-live");
        assertThat(raised).hasPassed(SUBMITTED).isEnded();
        assertThat(raised.getBusinessKey()).isEqualTo(code);
        long id = onlyChangeRequest().id();

        Task analyse = openTask(ANALYSE);
        assertThat(analyse)
                .hasCandidateGroup(Roles.CONSULTANT)
                .hasCandidateGroup(Roles.PMO)
                .hasName("Analyse impact of change request CR-" + id
                        + ": Add the supplier rating to the purchase order");
        assertThat(JsonRows.read(tasks.getVariable(analyse.getId(), "affectedRequirementRows")))
                .extracting(r -> r.text("requirement") + " | " + r.text("title") + " | " + r.text("department"))
                .containsExactly("REQ-PUR-001 | Requirement REQ-PUR-001 | Procurement");
        assertThat(JsonRows.read(tasks.getVariable(analyse.getId(), "affectedMilestoneRows")))
                .extracting(r -> r.text("milestone") + " | " + r.text("due") + " | " + r.text("owner"))
                .containsExactly("Go-live | 2026-06-01 | govowner Test");
        submit(analyse, CONSULTANT, impact(3, 5, 8000, "low"));

        Task approve = openTask(APPROVE);
        assertThat(approve)
                .hasCandidateGroup(Roles.PMO)
                .hasName("PMO: approve change request CR-" + id + ": Add the supplier rating to the purchase order");
        assertThat(JsonRows.read(tasks.getVariable(approve.getId(), "impactRows")))
                .extracting(r -> r.text("effort") + " | " + r.text("delay") + " | " + r.text("cost") + " | "
                        + r.text("risk") + " | " + r.text("analysedBy"))
                .containsExactly("3 | 5 | 8000.00 | low | " + CONSULTANT + " Test");
        submit(approve, PMO, Map.of("changeDecision", "approve", "decisionReason", "Small and worth it"));

        assertThat(project)
                .hasPassed(ANALYSE, ROUTE, APPROVE, REBASELINE, REBASELINED)
                .isWaitingAt(CALL_REQUIREMENTS);
        assertThat(RunningProject.dueDate(jdbc, goLive)).isEqualTo(LocalDate.of(2026, 6, 6));
        assertThat(RunningProject.dueDate(jdbc, training)).isEqualTo(LocalDate.of(2026, 5, 15));
        ChangeRequest cr = onlyChangeRequest();
        assertThat(cr.status()).isEqualTo(ChangeRequest.REBASELINED);
        assertThat(cr.approverGroup()).isEqualTo(Roles.PMO);
        assertThat(cr.planBaseline()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select mb.milestone_name, mb.due_date_before, mb.due_date_after from milestone_baseline mb
                join plan_baseline pb on pb.id = mb.baseline_id
                where pb.project_code = ? and pb.version = 1 and pb.change_request_id = ? order by mb.milestone_name""")
                        .params(code, id)
                        .query((rs, n) -> List.of(
                                rs.getString(1),
                                rs.getDate(2).toString(),
                                rs.getDate(3).toString()))
                        .list())
                .containsExactly(
                        List.of("Go-live", "2026-06-01", "2026-06-06"),
                        List.of("Key users trained", "2026-05-15", "2026-05-15"));
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.subject() != null && d.subject().equals("change request " + id))
                .extracting(Decision::decision, Decision::outcome, Decision::decidedBy)
                .containsExactly(
                        tuple("changeRequest", "raised", KEY_USER),
                        tuple("changeImpact", "analysed", CONSULTANT),
                        tuple("changeRouting", "pmo", DecisionLog.SYSTEM),
                        tuple("changeApproval", "approved", PMO),
                        tuple("changeRebaseline", "rebaselined", DecisionLog.SYSTEM));
        assertThat(decisions.latest(code, "changeRebaseline"))
                .get()
                .extracting(Decision::findings)
                .asList()
                .contains("Milestone \"Go-live\" moved from 2026-06-01 to 2026-06-06.");
        assertThat(runtime.getVariables(project.getId()))
                .doesNotContainKeys("changeRequestId", "approverGroup", "effortDays", "changeApproved");
    }

    @Test
    void aHighRiskChangeGoesToTheSteeringCommitteeWhichRejectsItWithItsReason() {
        long id = changeRequests.raise(
                code,
                "Replace the warehouse scanners",
                "Vendor discontinued the model",
                List.of(),
                List.of(String.valueOf(goLive)),
                KEY_USER);
        submit(openTask(ANALYSE), PMO, impact(2, 0, 1000, "high"));

        Task approve = openTask(APPROVE);
        assertThat(approve)
                .hasCandidateGroup(Roles.STEERING_COMMITTEE)
                .hasName("Steering committee: approve change request CR-" + id + ": Replace the warehouse scanners");
        submit(
                approve,
                STEERING,
                Map.of("changeDecision", "reject", "decisionReason", "Keep the old scanners until go-live"));

        assertThat(project).hasPassed(REJECTED).hasNotPassed(REBASELINE);
        ChangeRequest cr = changeRequestRepository.find(id).orElseThrow();
        assertThat(cr.status()).isEqualTo(ChangeRequest.REJECTED);
        assertThat(cr.decisionReason()).isEqualTo("Keep the old scanners until go-live");
        assertThat(cr.decidedBy()).isEqualTo(STEERING);
        assertThat(RunningProject.dueDate(jdbc, goLive)).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(decisions.latest(code, "changeApproval"))
                .get()
                .extracting(Decision::outcome, Decision::findings)
                .containsExactly("rejected", List.of("Keep the old scanners until go-live"));
    }

    @Test
    void aLongDelayIsLargeEvenAtLowRiskAndAnApprovedChangeOnlyMovesWhatItAffects() {
        changeRequests.raise(
                code,
                "Second approval step for purchase orders",
                "Audit finding",
                List.of("REQ-PUR-002"),
                List.of("Key users trained"),
                KEY_USER);
        submit(openTask(ANALYSE), CONSULTANT, impact(4, 14, 0, "low"));
        Task approve = openTask(APPROVE);
        assertThat(approve).hasCandidateGroup(Roles.STEERING_COMMITTEE);
        submit(approve, STEERING, Map.of("changeDecision", "approve"));

        assertThat(RunningProject.dueDate(jdbc, training)).isEqualTo(LocalDate.of(2026, 5, 29));
        assertThat(RunningProject.dueDate(jdbc, goLive)).isEqualTo(LocalDate.of(2026, 6, 1));
        // this project's specification is not baselined yet: the running requirements phase takes the change
        assertThat(onlyChangeRequest().specVersion()).isNull();
        assertThat(decisions.latest(code, "changeRebaseline"))
                .get()
                .extracting(Decision::findings)
                .asList()
                .contains(
                        "The specification is not baselined yet: the running requirements phase takes the change into "
                                + "its next version.");
    }

    @Test
    void twoChangeRequestsRunSideBySideWithTheirOwnIds() {
        long first = changeRequests.raise(code, "First", "Reason one", List.of("REQ-PUR-001"), List.of(), KEY_USER);
        long second = changeRequests.raise(code, "Second", "Reason two", List.of("REQ-PUR-002"), List.of(), KEY_USER);

        List<Task> analyses = tasks.createTaskQuery()
                .processInstanceId(project.getId())
                .taskDefinitionKey(ANALYSE)
                .list();
        assertThat(analyses)
                .extracting(t -> tasks.getVariable(t.getId(), "changeRequestId"))
                .containsExactlyInAnyOrder(first, second);
        Task secondTask = analyses.stream()
                .filter(t -> tasks.getVariable(t.getId(), "changeRequestId").equals(second))
                .findFirst()
                .orElseThrow();
        submit(secondTask, CONSULTANT, impact(30, 0, 0, "medium"));

        Task approve = openTask(APPROVE);
        assertThat(tasks.getVariable(approve.getId(), "changeRequestId")).isEqualTo(second);
        assertThat(approve).hasCandidateGroup(Roles.STEERING_COMMITTEE);
        assertThat(changeRequestRepository.find(first).orElseThrow().status()).isEqualTo(ChangeRequest.RAISED);
    }

    @Test
    void aBadImpactAnalysisOrARejectionWithoutReasonIsRefusedAndStoresNothing() {
        long id = changeRequests.raise(code, "Change", "Reason", List.of("REQ-PUR-001"), List.of(), KEY_USER);
        Task analyse = openTask(ANALYSE);
        tasks.claim(analyse.getId(), CONSULTANT);
        Map<String, Object> bad = impact(-1, 2, 100, "extreme");
        assertThatThrownBy(() -> forms.submitTaskForm(analyse.getId(), bad))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(
                        "\"Extra effort (person-days)\" must be a whole number of days from 0, not \"-1\"")
                .hasMessageContaining("\"Risk level\" must be one of low, medium, high, not \"extreme\"");
        assertThat(changeRequestRepository.find(id).orElseThrow().status()).isEqualTo(ChangeRequest.RAISED);
        assertThat(decisions.latest(code, "changeImpact")).isEmpty();

        forms.submitTaskForm(analyse.getId(), impact(1, 0, 100, "low"));
        Task approve = openTask(APPROVE);
        tasks.claim(approve.getId(), PMO);
        assertThatThrownBy(() -> forms.submitTaskForm(approve.getId(), Map.of("changeDecision", "reject")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Say in \"Reason\" why the change request is rejected.");
        assertThat(changeRequestRepository.find(id).orElseThrow().status()).isEqualTo(ChangeRequest.ANALYSED);
        assertThat(openTask(APPROVE).getId()).isEqualTo(approve.getId());
    }

    @Test
    void aChangeRequestNamingUnknownRequirementsAndMilestonesIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> raiseInTasklist("", "REQ-NOPE-9", "Moon landing"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The field \"What should change\" is required.")
                .hasMessageContaining("Requirement REQ-NOPE-9 does not exist in this project.")
                .hasMessageContaining("Milestone \"Moon landing\" is not a milestone of this project");
        assertThat(changeRequestRepository.forProject(code)).isEmpty();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(project.getId())
                        .taskDefinitionKey(ANALYSE)
                        .count())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(CHANGE_REQUEST_PROCESS)
                        .processInstanceBusinessKey(code)
                        .count())
                .isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------

    ProcessInstance raiseInTasklist(String description, String requirements, String milestones) {
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(CHANGE_REQUEST_PROCESS)
                .latestVersion()
                .singleResult()
                .getId();
        // as Tasklist starts it: a key user, with the authorizations of that role
        identity.setAuthentication(KEY_USER, List.of(Roles.KEY_USER));
        try {
            Map<String, Object> form = new HashMap<>();
            form.put("projectCode", code.toLowerCase());
            form.put("description", description);
            form.put("changeReason", "The buyers asked for it in the review");
            form.put("affectedRequirements", requirements);
            form.put("affectedMilestones", milestones);
            return forms.submitStartForm(definition, form);
        } finally {
            identity.clearAuthentication();
        }
    }

    static Map<String, Object> impact(long effort, long delay, double cost, String risk) {
        Map<String, Object> form = new HashMap<>();
        form.put("effortDays", effort);
        form.put("scheduleDelayDays", delay);
        form.put("cost", cost);
        form.put("riskLevel", risk);
        form.put("impactNotes", "Checked with the vendor");
        return form;
    }

    ChangeRequest onlyChangeRequest() {
        List<ChangeRequest> all = changeRequestRepository.forProject(code);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    Task openTask(String key) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceId(project.getId())
                .taskDefinitionKey(key)
                .list();
        assertThat(open).as("open %s", key).hasSize(1);
        return open.get(0);
    }

    void submit(Task task, String user, Map<String, Object> form) {
        tasks.claim(task.getId(), user);
        forms.submitTaskForm(task.getId(), form);
    }
}
