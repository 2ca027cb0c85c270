package io.rollout.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.change.RunningProject;
import io.rollout.governance.RisksAndIssues.NewEntry;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * The governance event sub-processes of {@code implementationProject}, driven with the engine clock: weekly status
 * report and monthly steering review, overdue milestones, the risk and issue log with its escalation, and the
 * cancellation of a project; plus the Tasklist process {@code raiseRiskOrIssue}.
 */
@ProcessTest
class GovernanceProcessTests {

    static final String WEEKLY_REPORT_DUE = "StartEvent_WeeklyReportDue";
    static final String WRITE_STATUS_REPORT = "UserTask_WriteStatusReport";
    static final String STATUS_REPORTED = "EndEvent_StatusReported";
    static final String STEERING_REVIEW_DUE = "StartEvent_SteeringReviewDue";
    static final String HOLD_STEERING_REVIEW = "UserTask_HoldSteeringReview";
    static final String STEERING_REVIEWED = "EndEvent_SteeringReviewed";
    static final String MILESTONE_CHECK_DUE = "StartEvent_MilestoneCheckDue";
    static final String FIND_OVERDUE = "ServiceTask_FindOverdueMilestones";
    static final String FOLLOW_UP_OVERDUE = "UserTask_FollowUpOverdueMilestones";
    static final String OVERDUE_FOLLOWED_UP = "EndEvent_OverdueFollowedUp";
    static final String NOTHING_OVERDUE = "EndEvent_NothingOverdue";
    static final String ASSIGN_OWNER = "UserTask_AssignLogEntryOwner";
    static final String RESOLVE = "UserTask_ResolveLogEntry";
    static final String LOG_ENTRY_OVERDUE = "BoundaryEvent_LogEntryOverdue";
    static final String CHASE = "UserTask_ChaseOverdueLogEntry";
    static final String RESOLVED = "EndEvent_LogEntryResolved";
    static final String CHASED = "EndEvent_LogEntryChased";
    static final String CLOSE_PROJECT = "ServiceTask_CloseProject";
    static final String PROJECT_CLOSED = "EndEvent_ProjectClosed";
    static final String PROJECT_FINISHED = "EndEvent_ProjectFinished";
    static final String CANCEL_PROJECT = "ServiceTask_CancelProject";
    static final String PROJECT_CANCELLED = "EndEvent_ProjectCancelled";
    static final String CANCEL_PROCESS = "cancelProject";
    static final String CANCELLATION_HANDED_OVER = "EndEvent_CancellationHandedOver";
    static final String CALL_REQUIREMENTS = "CallActivity_Requirements";
    static final String RAISE_PROCESS = "raiseRiskOrIssue";
    static final String RISK_OR_ISSUE_LOGGED = "EndEvent_RiskOrIssueLogged";

    static final String PMO = "govpmo";
    static final String STEERING = "govsteering";
    static final String KEY_USER = "govkeyuser";
    static final String DEVELOPER = "govdeveloper";

    // the engine clock starts on a Monday, so due dates and timers are easy to follow
    static final LocalDate MONDAY = LocalDate.of(2026, 5, 4);

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
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecisionLog decisions;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RisksAndIssues risksAndIssues;

    @Autowired
    LogEntryRepository logEntries;

    @Autowired
    StatusReportRepository reports;

    @Autowired
    ProjectCancellations cancellations;

    String code;
    ProcessInstance project;

    @BeforeEach
    void runningProject() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        RunningProject.user(identity, PMO, Roles.PMO);
        RunningProject.user(identity, STEERING, Roles.STEERING_COMMITTEE);
        RunningProject.user(identity, KEY_USER, Roles.KEY_USER);
        RunningProject.user(identity, DEVELOPER, Roles.DEVELOPER);
        clock(MONDAY, 9);
        code = TestProjects.newCode();
        project = RunningProject.start(forms, repository, identity, code);
    }

    @AfterEach
    void resetClockAndLocale() {
        ClockUtil.reset();
        LocaleContextHolder.resetLocaleContext();
    }

    // --- weekly status report and steering review ----------------------------------------------------------

    @Test
    void aWeekLaterThePmoWritesTheStatusReportWithTheFactsPrefilledAndItIsKept() {
        long dueSoon =
                RunningProject.milestone(jdbc, code, "Specification baselined", MONDAY.plusDays(10), "requirements");
        RunningProject.milestone(jdbc, code, "Go-live", MONDAY.plusDays(60), "go-live");
        risksAndIssues.raise(
                code, issue("Key user on leave", "high", RunningProject.OWNER, MONDAY.plusDays(20)), KEY_USER);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(project.getId())
                        .taskDefinitionKey(WRITE_STATUS_REPORT)
                        .count())
                .as("no report before the week is over")
                .isZero();

        clock(MONDAY.plusDays(7), 10);
        fire(WEEKLY_REPORT_DUE);

        Task report = openTask(WRITE_STATUS_REPORT);
        assertThat(report).hasCandidateGroup(Roles.PMO).hasName("Write weekly status report (week 20)");
        assertThat((String) tasks.getVariable(report.getId(), "reportPhase"))
                .isEqualTo("**Current phase:** Requirements research and sign-off (0 of 8 phases done)");
        assertThat(tasks.getVariable(report.getId(), "reportAsOf")).isEqualTo("2026-05-11 10:00");
        assertThat(JsonRows.read(tasks.getVariable(report.getId(), "dueSoonRows")))
                .extracting(r -> r.text("milestone") + " | " + r.text("due") + " | " + r.text("owner"))
                .containsExactly("Specification baselined | 2026-05-14 | govowner Test");
        assertThat(JsonRows.read(tasks.getVariable(report.getId(), "issueRows")))
                .extracting(r ->
                        r.text("issue") + " | " + r.text("severity") + " | " + r.text("owner") + " | " + r.text("due"))
                .containsExactly("Key user on leave | high | govowner Test | 2026-05-24");
        assertThat(JsonRows.read(tasks.getVariable(report.getId(), "milestoneOptions")))
                .extracting(r -> r.text("label") + " = " + r.text("value"))
                .containsExactly(
                        "Specification baselined (2026-05-14, govowner Test) = " + dueSoon,
                        "Go-live (2026-07-03, govowner Test) = " + (dueSoon + 1));
        submit(
                report,
                PMO,
                Map.of(
                        "rag",
                        "amber",
                        "summary",
                        "Research on track; one key user away",
                        "milestonesReached",
                        JsonRows.ofStrings(List.of(String.valueOf(dueSoon)))));

        assertThat(project).hasPassed(STATUS_REPORTED).isWaitingAt(CALL_REQUIREMENTS);
        assertThat(reports.forProject(code)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(StatusReport.WEEKLY);
            assertThat(r.rag()).isEqualTo("amber");
            assertThat(r.writtenBy()).isEqualTo(PMO);
            assertThat(r.facts())
                    .as("the project as it is when the report is written: the milestone reached")
                    .contains(
                            "**Current phase:** Requirements research and sign-off (0 of 8 phases done)",
                            "Facts as of 2026-05-11 10:00.",
                            "Key user on leave (high, owner govowner Test, due 2026-05-24)")
                    .doesNotContain("Specification baselined", "Go-live");
        });
        assertThat(jdbc.sql("select status from milestone where id = ?")
                        .param(dueSoon)
                        .query(String.class)
                        .single())
                .isEqualTo("completed");
        assertThat(decisions.latest(code, "statusReport"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("amber");
        assertThat(decisions.latest(code, "milestoneCompleted"))
                .get()
                .extracting(Decision::subject)
                .isEqualTo("Specification baselined");
        assertThat(timer(WEEKLY_REPORT_DUE).getDuedate())
                .as("the next report is due a week later")
                .isAfter(date(MONDAY.plusDays(13)));
    }

    @Test
    void aReportWrittenDaysAfterItsTaskWasCreatedKeepsTheFactsOfWhenItIsWritten() {
        clock(MONDAY.plusDays(7), 10);
        fire(WEEKLY_REPORT_DUE);
        Task report = openTask(WRITE_STATUS_REPORT);
        assertThat(JsonRows.read(tasks.getVariable(report.getId(), "issueRows")))
                .isEmpty();

        clock(MONDAY.plusDays(9), 15);
        risksAndIssues.raise(code, issue("Test server down", "critical", DEVELOPER, MONDAY.plusDays(10)), DEVELOPER);
        submit(report, PMO, Map.of("rag", "red", "summary", "Testing blocked"));

        assertThat(reports.forProject(code))
                .singleElement()
                .extracting(StatusReport::facts)
                .asString()
                .contains(
                        "Facts as of 2026-05-13 15:00.",
                        "Test server down (critical, owner govdeveloper Test, due 2026-05-14)");
    }

    @Test
    void closingTheProjectEndsItsOpenReportsFollowUpsAndReportingTimers() {
        RunningProject.milestone(jdbc, code, "Specification baselined", MONDAY.plusDays(2), "requirements");
        long issue = risksAndIssues.raise(
                code, issue("Key user on leave", "high", RunningProject.OWNER, MONDAY.plusDays(60)), KEY_USER);
        clock(MONDAY.plusMonths(1), 10);
        fire(WEEKLY_REPORT_DUE);
        fire(STEERING_REVIEW_DUE);
        fire(MILESTONE_CHECK_DUE);
        List<String> reportTasks = List.of(
                openTask(WRITE_STATUS_REPORT).getId(),
                openTask(HOLD_STEERING_REVIEW).getId(),
                openTask(FOLLOW_UP_OVERDUE).getId());

        runtime.createProcessInstanceModification(project.getId())
                .cancelAllForActivity(CALL_REQUIREMENTS)
                .startBeforeActivity(CLOSE_PROJECT)
                .execute();

        assertThat(project).hasPassed(CLOSE_PROJECT, PROJECT_CLOSED);
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CLOSED);
        assertThat(tasks.createTaskQuery()
                        .taskIdIn(reportTasks.toArray(String[]::new))
                        .count())
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(project.getId())
                        .activityId(WEEKLY_REPORT_DUE)
                        .count())
                .as("no report falls due after the close")
                .isZero();
        assertThat(reports.forProject(code)).isEmpty();
        // the owner of an open issue still resolves it; then the project's instance ends
        Task resolve = openTask(RESOLVE);
        submit(resolve, RunningProject.OWNER, Map.of("resolution", "Back from leave"));
        assertThat(logEntries.find(issue).orElseThrow().status()).isEqualTo(LogEntry.RESOLVED);
        assertThat(project).hasPassed(PROJECT_FINISHED).isEnded();
    }

    @Test
    void aStatusReportWithoutRagOrSummaryIsRefusedAndStoresNothing() {
        clock(MONDAY.plusDays(7), 10);
        fire(WEEKLY_REPORT_DUE);
        Task report = openTask(WRITE_STATUS_REPORT);
        tasks.claim(report.getId(), PMO);

        Map<String, Object> bad = new HashMap<>();
        bad.put("rag", "purple");
        bad.put("milestonesReached", JsonRows.ofStrings(List.of("999999")));
        assertThatThrownBy(() -> forms.submitTaskForm(report.getId(), bad))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The field \"Status (RAG)\" must be one of green, amber, red, not \"purple\".")
                .hasMessageContaining("The field \"Summary\" is required.")
                .hasMessageContaining("Milestone 999999 is not one of the open milestones offered.");
        assertThat(reports.forProject(code)).isEmpty();
    }

    @Test
    void aMonthLaterTheSteeringCommitteeHoldsItsReview() {
        clock(MONDAY.plusMonths(1), 10);
        fire(STEERING_REVIEW_DUE);

        Task review = openTask(HOLD_STEERING_REVIEW);
        assertThat(review).hasCandidateGroup(Roles.STEERING_COMMITTEE);
        submit(review, STEERING, Map.of("rag", "green", "summary", "Scope confirmed; no change to the budget"));

        assertThat(project).hasPassed(STEERING_REVIEWED);
        assertThat(reports.forProject(code))
                .extracting(StatusReport::kind, StatusReport::rag)
                .containsExactly(tuple(StatusReport.STEERING, "green"));
        assertThat(decisions.latest(code, "steeringReview"))
                .get()
                .extracting(Decision::decidedBy)
                .isEqualTo(STEERING);
    }

    // --- overdue milestones ----------------------------------------------------------------------------------

    @Test
    void aMilestonePastItsDueDateEscalatesToThePmoOnce() {
        long spec = RunningProject.milestone(jdbc, code, "Specification baselined", MONDAY.plusDays(2), "requirements");
        RunningProject.milestone(jdbc, code, "Plan approved", MONDAY.plusDays(20), "planning");

        clock(MONDAY.plusDays(1), 9);
        fire(MILESTONE_CHECK_DUE);
        assertThat(project).hasPassed(FIND_OVERDUE, NOTHING_OVERDUE);

        clock(MONDAY.plusDays(3), 9);
        fire(MILESTONE_CHECK_DUE);
        Task followUp = openTask(FOLLOW_UP_OVERDUE);
        assertThat(followUp).hasCandidateGroup(Roles.PMO).hasName("Follow up milestones overdue on 2026-05-07");
        assertThat(JsonRows.read(tasks.getVariable(followUp.getId(), "overdueMilestones")))
                .extracting(r ->
                        r.text("milestone") + " | " + r.text("due") + " | " + r.text("days") + " | " + r.text("owner"))
                .containsExactly("Specification baselined | 2026-05-06 | 1 | " + RunningProject.OWNER);

        // the next day's check finds nothing new: the milestone escalated already
        clock(MONDAY.plusDays(4), 9);
        fire(MILESTONE_CHECK_DUE);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(project.getId())
                        .taskDefinitionKey(FOLLOW_UP_OVERDUE)
                        .count())
                .isEqualTo(1);
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals("milestoneOverdue"))
                .extracting(Decision::subject, Decision::outcome)
                .containsExactly(tuple("Specification baselined", "escalated"));
        assertThat(decisions.latest(code, "milestoneOverdue"))
                .get()
                .extracting(Decision::findings)
                .isEqualTo(List.of("Specification baselined: due 2026-05-06, owner govowner Test, 1 days overdue"));

        submit(
                followUp,
                PMO,
                Map.of(
                        "overdueMilestones",
                        JsonRows.of(List.of(overdueRow("Specification baselined", RunningProject.OWNER, true)))));
        assertThat(project).hasPassed(OVERDUE_FOLLOWED_UP);
        assertThat(jdbc.sql("select status from milestone where id = ?")
                        .param(spec)
                        .query(String.class)
                        .single())
                .isEqualTo("completed");
    }

    @Test
    void thePmoGivesAnOverdueMilestoneToAnotherOwnerWhoWorksOnProjects() {
        long spec = RunningProject.milestone(jdbc, code, "Specification baselined", MONDAY.plusDays(2), "requirements");
        RunningProject.user(identity, "govauditor", Roles.AUDITOR);
        clock(MONDAY.plusDays(3), 9);
        fire(MILESTONE_CHECK_DUE);
        Task followUp = openTask(FOLLOW_UP_OVERDUE);
        assertThat(JsonRows.read(tasks.getVariable(followUp.getId(), "ownerOptions")))
                .extracting(r -> r.text("value"))
                .contains(PMO, DEVELOPER, RunningProject.OWNER)
                .doesNotContain("govauditor");
        tasks.claim(followUp.getId(), PMO);

        assertThatThrownBy(() -> forms.submitTaskForm(
                        followUp.getId(),
                        Map.of(
                                "overdueMilestones",
                                JsonRows.of(List.of(overdueRow("Specification baselined", "govauditor", false))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1 (Specification baselined): govauditor cannot own a milestone");
        assertThatThrownBy(() -> forms.submitTaskForm(
                        followUp.getId(),
                        Map.of(
                                "overdueMilestones",
                                JsonRows.of(List.of(overdueRow("Plan approved", DEVELOPER, false))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The overdue milestones changed while this task was open");
        forms.submitTaskForm(
                followUp.getId(),
                Map.of(
                        "overdueMilestones",
                        JsonRows.of(List.of(overdueRow("Specification baselined", DEVELOPER, false)))));

        assertThat(jdbc.sql("select owner || ' ' || status from milestone where id = ?")
                        .param(spec)
                        .query(String.class)
                        .single())
                .isEqualTo(DEVELOPER + " planned");
        assertThat(decisions.latest(code, "milestoneOwnerChanged"))
                .get()
                .extracting(Decision::subject, Decision::outcome, Decision::findings, Decision::decidedBy)
                .containsExactly(
                        "Specification baselined",
                        DEVELOPER,
                        List.of("Owner changed from govowner Test to govdeveloper Test."),
                        PMO);
    }

    static Map<String, Object> overdueRow(String milestone, String owner, boolean reached) {
        Map<String, Object> row = new HashMap<>();
        row.put("milestone", milestone);
        row.put("owner", owner);
        row.put("reached", reached);
        return row;
    }

    // --- risks and issues -------------------------------------------------------------------------------------

    @Test
    void anIssueNotResolvedByItsDueDateEscalatesToThePmoAndTheOwnerStillResolvesIt() {
        long id = risksAndIssues.raise(
                code,
                issue("Interface to the old WMS times out", "high", RunningProject.OWNER, MONDAY.plusDays(3)),
                DEVELOPER);

        Task resolve = openTask(RESOLVE);
        assertThat(resolve)
                .hasCandidateUser(RunningProject.OWNER)
                .hasName("Resolve issue: Interface to the old WMS times out");
        assertThat(timer(LOG_ENTRY_OVERDUE).getDuedate()).isEqualTo(date(MONDAY.plusDays(4)));

        clock(MONDAY.plusDays(4), 0);
        fire(LOG_ENTRY_OVERDUE);

        Task chase = openTask(CHASE);
        assertThat(chase)
                .hasCandidateGroup(Roles.PMO)
                .hasName("Chase overdue issue: Interface to the old WMS times out");
        assertThat((String) tasks.getVariable(chase.getId(), "logEntrySummary"))
                .contains("Owner govowner Test, due 2026-05-07");
        assertThat(logEntries.find(id).orElseThrow().status()).isEqualTo(LogEntry.ESCALATED);
        assertThat(openTask(RESOLVE).getId()).as("the owner's task stays").isEqualTo(resolve.getId());
        submit(chase, PMO, Map.of());

        submit(resolve, RunningProject.OWNER, Map.of("resolution", "Timeout raised to 60 s, batch size halved"));
        assertThat(project).hasPassed(CHASED, RESOLVED);
        LogEntry entry = logEntries.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(LogEntry.RESOLVED);
        assertThat(entry.resolvedBy()).isEqualTo(RunningProject.OWNER);
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.subject() != null && d.subject().equals("issue " + id))
                .extracting(Decision::outcome)
                .containsExactly("raised", "escalated", "resolved");
    }

    @Test
    void aRiskRaisedInTasklistGoesToTheRegisterThePmoAssignsItAndItsOwnerClosesIt() {
        ProcessInstance raised = raiseInTasklist(Map.of(
                "projectCode",
                code,
                "kind",
                "risk",
                "title",
                "Vendor consultant leaves mid-project",
                "probability",
                3L,
                "impact",
                5L));
        assertThat(raised).hasPassed(RISK_OR_ISSUE_LOGGED).isEnded();
        assertThat(raised.getBusinessKey()).isEqualTo(code);
        LogEntry entry = logEntries.forProject(code).get(0);
        assertThat(jdbc.sql("select title, score, owner, status from risk where id = ?")
                        .param(entry.riskId())
                        .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                        .single())
                .isEqualTo(List.of("Vendor consultant leaves mid-project", 15, KEY_USER, "open"));

        Task assign = openTask(ASSIGN_OWNER);
        assertThat(assign)
                .hasCandidateGroup(Roles.PMO)
                .hasName("Assign an owner to the risk: Vendor consultant leaves mid-project");
        RunningProject.user(identity, "govauditor", Roles.AUDITOR);
        assertThat(JsonRows.read(tasks.getVariable(assign.getId(), "ownerOptions")))
                .extracting(r -> r.text("label") + " = " + r.text("value"))
                .contains("govdeveloper Test (govdeveloper) = " + DEVELOPER)
                .noneMatch(o -> o.contains("govauditor"));
        tasks.claim(assign.getId(), PMO);
        assertThatThrownBy(
                        () -> forms.submitTaskForm(assign.getId(), Map.of("owner", "ghost", "dueDate", "2026-01-01")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The owner \"ghost\" is not a user of Rollout")
                .hasMessageContaining("The due date 2026-01-01 is in the past (today is 2026-05-04).");
        assertThatThrownBy(() ->
                        forms.submitTaskForm(assign.getId(), Map.of("owner", "govauditor", "dueDate", "2026-05-20")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("govauditor cannot be the owner: owners work on projects");
        forms.submitTaskForm(assign.getId(), Map.of("owner", DEVELOPER, "dueDate", "2026-05-20"));

        Task resolve = openTask(RESOLVE);
        assertThat(resolve).hasCandidateUser(DEVELOPER);
        assertThat(timer(LOG_ENTRY_OVERDUE).getDuedate()).isEqualTo(date(LocalDate.of(2026, 5, 21)));
        submit(resolve, DEVELOPER, Map.of("resolution", "Second consultant booked as backup"));

        assertThat(project).hasPassed(ASSIGN_OWNER, RESOLVED).hasNotPassed(CHASE);
        assertThat(jdbc.sql("select owner, status, mitigation from risk where id = ?")
                        .param(entry.riskId())
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .single())
                .isEqualTo(List.of(DEVELOPER, "closed", "Second consultant booked as backup"));
        assertThat(runtime.getVariables(project.getId())).doesNotContainKeys("logEntryId", "owner", "resolution");
    }

    @Test
    void whoRaisesAnIssueInTasklistMayOwnItThemselves() {
        raiseInTasklist(Map.of(
                "projectCode",
                code,
                "kind",
                "issue",
                "title",
                "Label printer driver missing",
                "severity",
                "medium",
                "ownership",
                "me",
                "dueDate",
                "2026-05-08"));

        assertThat(openTask(RESOLVE)).hasCandidateUser(KEY_USER).hasName("Resolve issue: Label printer driver missing");
        assertThat(project).hasNotPassed(ASSIGN_OWNER);
        assertThat(logEntries.forProject(code))
                .singleElement()
                .extracting(LogEntry::owner, LogEntry::dueDate)
                .containsExactly(KEY_USER, LocalDate.of(2026, 5, 8));
    }

    @Test
    void aRiskOrIssueWithBadValuesIsRefusedWithEveryReasonAndStoresNothing() {
        assertThatThrownBy(() -> raiseInTasklist(
                        Map.of("projectCode", code, "kind", "risk", "probability", 9L, "owner", "ghost")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The field \"Title\" is required.")
                .hasMessageContaining("The field \"Probability\" must be a whole number from 1 to 5, not \"9\".")
                .hasMessageContaining("The field \"Impact\" is required.")
                .hasMessageContaining("The owner \"ghost\" is not a user of Rollout")
                .hasMessageContaining("The field \"Due date\" is required.");
        assertThat(logEntries.forProject(code)).isEmpty();
        assertThat(jdbc.sql("select count(*) from risk where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    // --- cancellation ------------------------------------------------------------------------------------------

    @Test
    void cancellingTheProjectEndsEveryPhaseAndOpenTaskAndRecordsWhy() {
        risksAndIssues.raise(code, issue("Budget frozen", "critical", null, null), PMO);
        assertThat(runtime.createProcessInstanceQuery()
                        .superProcessInstanceId(project.getId())
                        .count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count())
                .isGreaterThan(1);

        cancellations.cancel(code, "The group sells the plant; the ERP rollout stops", STEERING);

        assertThat(project).hasPassed(CANCEL_PROJECT, PROJECT_CANCELLED).isEnded();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .count())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .superProcessInstanceId(project.getId())
                        .count())
                .isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count())
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(project.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("requirementsPhase")
                        .singleResult()
                        .getState())
                .isEqualTo("INTERNALLY_TERMINATED");
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CANCELLED);
        assertThat(decisions.latest(code, "projectCancellation"))
                .get()
                .extracting(Decision::outcome, Decision::findings, Decision::decidedBy)
                .containsExactly("cancelled", List.of("The group sells the plant; the ERP rollout stops"), STEERING);

        assertThatThrownBy(() -> cancellations.cancel(code, "again", STEERING))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("is cancelled");
    }

    @Test
    void theSteeringCommitteeCancelsAProjectFromTasklist() {
        ProcessInstance cancellation = startInTasklist(
                CANCEL_PROCESS,
                STEERING,
                Roles.STEERING_COMMITTEE,
                Map.of("projectCode", code.toLowerCase(), "cancellationReason", "Budget moved to the new plant"));

        assertThat(cancellation).hasPassed(CANCELLATION_HANDED_OVER).isEnded();
        assertThat(cancellation.getBusinessKey()).isEqualTo(code);
        assertThat(project).hasPassed(CANCEL_PROJECT, PROJECT_CANCELLED).isEnded();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count())
                .isZero();
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CANCELLED);
        assertThat(decisions.latest(code, "projectCancellation"))
                .get()
                .extracting(Decision::findings, Decision::decidedBy)
                .containsExactly(List.of("Budget moved to the new plant"), STEERING);
    }

    @Test
    void onlyTheSteeringCommitteeCancelsAProjectAndARefusalChangesNothing() {
        assertThatThrownBy(() -> startInTasklist(
                        CANCEL_PROCESS,
                        PMO,
                        Roles.PMO,
                        Map.of("projectCode", code, "cancellationReason", "We are late")))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining(
                        "'" + PMO + "' does not have 'CREATE_INSTANCE' permission on resource 'cancelProject'");
        assertThatThrownBy(() -> startInTasklist(
                        CANCEL_PROCESS,
                        STEERING,
                        Roles.STEERING_COMMITTEE,
                        Map.of("projectCode", code, "cancellationReason", " ")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Say why the project is cancelled.");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(project.getId())
                        .count())
                .isOne();
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.ACTIVE);
        assertThat(decisions.latest(code, "projectCancellation")).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(CANCEL_PROCESS)
                        .count())
                .isZero();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    static NewEntry issue(String title, String severity, String owner, LocalDate due) {
        return new NewEntry("issue", title, null, null, null, severity, owner, due == null ? null : due.toString());
    }

    ProcessInstance startInTasklist(String processKey, String user, String role, Map<String, Object> form) {
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult()
                .getId();
        identity.setAuthentication(user, List.of(role));
        try {
            return forms.submitStartForm(definition, form);
        } finally {
            identity.clearAuthentication();
        }
    }

    ProcessInstance raiseInTasklist(Map<String, Object> form) {
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(RAISE_PROCESS)
                .latestVersion()
                .singleResult()
                .getId();
        identity.setAuthentication(KEY_USER, List.of(Roles.KEY_USER));
        try {
            return forms.submitStartForm(definition, form);
        } finally {
            identity.clearAuthentication();
        }
    }

    static void clock(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(
                Date.from(day.atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }

    static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    Job timer(String activityId) {
        List<Job> jobs = management
                .createJobQuery()
                .processInstanceId(project.getId())
                .activityId(activityId)
                .timers()
                .list();
        assertThat(jobs).as("timer of %s", activityId).hasSize(1);
        return jobs.get(0);
    }

    /** Executes the timer as the job executor would once the engine clock has passed its due date. */
    void fire(String activityId) {
        Job job = timer(activityId);
        assertThat(job.getDuedate()).as("due by now").isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        management.executeJob(job.getId());
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
