package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.browser.GovernanceSteps.NewRiskOrIssue;
import io.rollout.browser.GovernanceSteps.OverdueFollowUp;
import io.rollout.change.RunningProject;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Governance across the phases done in the real Tasklist: the weekly status report with the facts of the moment it
 * is written, the steering review, overdue milestones given to another owner, a risk raised and given to an owner
 * picked by name, a change request raised, analysed, routed and approved, and the end of a project — closed or
 * cancelled — leaving no report open. The engine's Java API starts the project and fires the reporting timers (the
 * job executor is off in tests); everything a person does happens in the browser, through {@link GovernanceSteps}.
 */
@WebTest
class GovernanceJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "gov-Secret-2026";
    static final String PMO = "govbrowserpmo";
    static final String STEERING = "govbrowsersteering";
    static final String KEY_USER = "govbrowserkeyuser";
    static final String CONSULTANT = "govbrowserconsultant";
    static final String DEVELOPER = "govlihua";
    static final String DEVELOPER_LABEL = "Hua Li (govlihua)";
    static final String AUDITOR = "govheyan";

    static final String WEEKLY_REPORT_DUE = "StartEvent_WeeklyReportDue";
    static final String WRITE_STATUS_REPORT = "UserTask_WriteStatusReport";
    static final String STEERING_REVIEW_DUE = "StartEvent_SteeringReviewDue";
    static final String HOLD_STEERING_REVIEW = "UserTask_HoldSteeringReview";
    static final String MILESTONE_CHECK_DUE = "StartEvent_MilestoneCheckDue";
    static final String FOLLOW_UP_OVERDUE = "UserTask_FollowUpOverdueMilestones";
    static final String ANALYSE = "UserTask_AnalyseChangeImpact";
    static final String APPROVE = "UserTask_ApproveChange";
    static final String ASSIGN_OWNER = "UserTask_AssignLogEntryOwner";
    static final String RESOLVE = "UserTask_ResolveLogEntry";
    static final String LOG_ENTRY_OVERDUE = "BoundaryEvent_LogEntryOverdue";
    static final String CHASE = "UserTask_ChaseOverdueLogEntry";
    static final String CALL_REQUIREMENTS = "CallActivity_Requirements";
    static final String CLOSE_PROJECT = "ServiceTask_CloseProject";

    /** A page the user reads in a few screens: the form's height in pixels, scrolled parts included. */
    static final long FEW_SCREENS = 3000;

    @LocalServerPort
    int port;

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
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    String code;
    ProcessInstance project;

    @BeforeEach
    void aRunningProject() {
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, STEERING, PASSWORD, Roles.STEERING_COMMITTEE);
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        person(DEVELOPER, "Hua", "Li", Roles.DEVELOPER);
        person(AUDITOR, "Yan", "He", Roles.AUDITOR);
        code = TestProjects.newCode();
        project = RunningProject.start(forms, repository, identity, code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWeeklyStatusReportShowsAndKeepsTheFactsOfWhenItIsWritten() {
        LocalDate today = LocalDate.now();
        for (int i = 1; i <= 8; i++) {
            RunningProject.milestone(jdbc, code, "Key users of wave " + i + " trained", today.plusDays(i), "training");
        }
        for (int i = 1; i <= 3; i++) {
            RunningProject.milestone(jdbc, code, "Interface " + i + " tested", today.minusDays(i), "build");
        }
        for (int i = 1; i <= 5; i++) {
            risk("Legacy data of plant " + i + " incomplete", 3, i);
        }
        fire(WEEKLY_REPORT_DUE);
        Task report = openTask(WRITE_STATUS_REPORT);
        // after the report task was created, the project moves on: an issue is raised
        assertThat(as(PMO).postForEntity(
                                "/api/projects/" + code + "/risks-and-issues",
                                Map.of(
                                        "kind",
                                        "issue",
                                        "title",
                                        "Warehouse key user on leave until June",
                                        "severity",
                                        "high"),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        Tasklist tasklist = GovernanceSteps.take(new Tasklist(chromium.driver(), port).login(PMO, PASSWORD), report);
        assertThat(tasklist.tableRows("Table_Issues"))
                .as("the open issues the PMO reads while writing")
                .extracting(row -> row.get(0) + " | " + row.get(1))
                .containsExactly("Warehouse key user on leave until June | high");
        assertThat(tasklist.tableRows("Table_DueSoon"))
                .hasSize(8)
                .first()
                .isEqualTo(List.of(
                        "Key users of wave 1 trained", today.plusDays(1).toString(), RunningProject.OWNER + " Test"));
        assertThat(tasklist.tableRows("Table_Overdue")).hasSize(3);
        assertThat(tasklist.tableRows("Table_Risks")).hasSize(5);
        assertThat(tasklist.formHeight()).as("the report's page, in pixels").isLessThan(FEW_SCREENS);
        assertThat(tasklist.formText())
                .as("the weekly texts of the form it shares with the steering review")
                .contains("Weekly status report of project " + code, "Status (RAG)", "Summary")
                .doesNotContain("Monthly steering review", "Overall status", "Review and decisions");
        GovernanceSteps.writeStatusReport(
                tasklist,
                report,
                "Amber: at risk",
                "Research on track; warehouse key user away until June",
                "Key users of wave 1 trained (" + today.plusDays(1) + ", " + RunningProject.OWNER + " Test)");

        List<Map<String, Object>> reports =
                as(PMO).getForObject("/api/projects/" + code + "/status-reports", List.class);
        assertThat(reports)
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("facts"))
                        .as("the facts stored with the report")
                        .contains("Warehouse key user on leave until June")
                        .doesNotContain("Key users of wave 1 trained"));
    }

    @Test
    void closingTheProjectEndsItsOpenReportsAndItsInstance() {
        RunningProject.milestone(jdbc, code, "Blueprint signed", LocalDate.now().minusDays(3), "requirements");
        fire(WEEKLY_REPORT_DUE);
        fire(STEERING_REVIEW_DUE);
        fire(MILESTONE_CHECK_DUE);
        Task report = openTask(WRITE_STATUS_REPORT);
        Task review = openTask(HOLD_STEERING_REVIEW);
        Task followUp = openTask(FOLLOW_UP_OVERDUE);
        Tasklist tasklist =
                new Tasklist(chromium.driver(), port).login(PMO, PASSWORD).filter(GovernanceSteps.OPEN_FOR_ME);
        assertThat(tasklist.lists(report.getId())).isTrue();
        assertThat(tasklist.lists(followUp.getId())).isTrue();

        // the last phase ends and the project closes (the phases in between are not what this test is about)
        runtime.createProcessInstanceModification(project.getId())
                .cancelAllForActivity(CALL_REQUIREMENTS)
                .startBeforeActivity(CLOSE_PROJECT)
                .execute();

        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CLOSED);
        assertThat(tasklist.reload().lists(report.getId()))
                .as("the weekly report of a closed project")
                .isFalse();
        assertThat(tasklist.lists(followUp.getId()))
                .as("the overdue follow-up of a closed project")
                .isFalse();
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count())
                .as("the steering review")
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(project.getId())
                        .count())
                .as("the closed project's instance")
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(project.getId())
                        .count())
                .as("reporting timers")
                .isZero();
    }

    @Test
    void theSteeringCommitteeCancelsTheProjectInTasklistAndNoReportStaysOpen() {
        fire(WEEKLY_REPORT_DUE);
        Task report = openTask(WRITE_STATUS_REPORT);

        GovernanceSteps.cancelProject(
                new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD),
                code.toLowerCase(),
                "The group sells the plant; the ERP rollout stops");

        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CANCELLED);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(project.getId())
                        .count())
                .isZero();
        Tasklist pmo =
                new Tasklist(chromium.driver(), port).login(PMO, PASSWORD).filter(GovernanceSteps.OPEN_FOR_ME);
        assertThat(pmo.lists(report.getId()))
                .as("the weekly report of a cancelled project")
                .isFalse();
    }

    @Test
    void theSteeringCommitteeHoldsItsReviewAndThePmoGivesAnOverdueMilestoneToAnotherOwner() {
        long blueprint = RunningProject.milestone(
                jdbc, code, "Blueprint signed", LocalDate.now().minusDays(3), "requirements");
        long interfaces = RunningProject.milestone(
                jdbc, code, "Interfaces specified", LocalDate.now().minusDays(1), "planning");
        fire(STEERING_REVIEW_DUE);
        fire(MILESTONE_CHECK_DUE);

        Tasklist steering = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        assertThat(GovernanceSteps.take(steering, openTask(HOLD_STEERING_REVIEW))
                        .formText())
                .as("the steering texts of the form it shares with the weekly report")
                .contains(
                        "Monthly steering review of project " + code,
                        "Overall status (RAG)",
                        "Review and decisions",
                        "Tick the milestones that are completed.")
                .doesNotContain("Weekly status report");
        GovernanceSteps.holdSteeringReview(
                steering,
                openTask(HOLD_STEERING_REVIEW),
                "Amber: at risk",
                "Blueprint late by three days; scope unchanged, no extra budget");
        assertThat(jdbc.sql("select kind || ' ' || rag from status_report where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("steering amber");

        Task followUp = openTask(FOLLOW_UP_OVERDUE);
        Tasklist tasklist = GovernanceSteps.take(new Tasklist(chromium.driver(), port).login(PMO, PASSWORD), followUp);
        assertThat(tasklist.options("Field_OverdueOwner", 0))
                .as("who may own a milestone")
                .contains(DEVELOPER_LABEL, RunningProject.OWNER + " Test (" + RunningProject.OWNER + ")")
                .noneMatch(option -> option.contains(AUDITOR));
        GovernanceSteps.followUpOverdueMilestones(
                tasklist,
                followUp,
                List.of(
                        new OverdueFollowUp("Blueprint signed", null, null, true),
                        new OverdueFollowUp("Interfaces specified", "Li", DEVELOPER_LABEL, false)));

        assertThat(milestone(blueprint)).isEqualTo(RunningProject.OWNER + " completed");
        assertThat(milestone(interfaces)).isEqualTo(DEVELOPER + " planned");
    }

    @Test
    void aRiskRaisedInTasklistIsGivenToAnOwnerPickedByNameWhoResolvesIt() {
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(KEY_USER, PASSWORD);
        GovernanceSteps.raiseRiskOrIssue(
                tasklist,
                new NewRiskOrIssue(
                        code.toLowerCase(),
                        true,
                        "Vendor consultant leaves mid-project",
                        "Only one consultant knows the costing set-up",
                        3,
                        5,
                        null,
                        null));

        Task assign = openTask(ASSIGN_OWNER);
        assertThat(assign.getName()).isEqualTo("Assign an owner to the risk: Vendor consultant leaves mid-project");
        tasklist = GovernanceSteps.take(new Tasklist(chromium.driver(), port).login(PMO, PASSWORD), assign);
        assertThat(tasklist.formText())
                .contains(
                        "Vendor consultant leaves mid-project",
                        "Risk: probability 3, impact 5",
                        "Raised by " + KEY_USER + " Test");
        assertThat(tasklist.options("Field_Owner", null))
                .as("who may own a risk")
                .contains(DEVELOPER_LABEL)
                .noneMatch(option -> option.contains(AUDITOR));
        LocalDate due = LocalDate.now().plusDays(14);
        GovernanceSteps.assignOwner(tasklist, assign, "Hua", DEVELOPER_LABEL, due);

        Task resolve = openTask(RESOLVE);
        assertThat(resolve.getName()).isEqualTo("Resolve risk: Vendor consultant leaves mid-project");
        // the owner lets the due date pass: the PMO chases, the owner's task stays
        fire(LOG_ENTRY_OVERDUE);
        Task chase = openTask(CHASE);
        assertThat(chase.getName()).isEqualTo("Chase overdue risk: Vendor consultant leaves mid-project");
        GovernanceSteps.chaseOverdueRiskOrIssue(tasklist, chase);

        GovernanceSteps.resolveRiskOrIssue(
                new Tasklist(chromium.driver(), port).login(DEVELOPER, PASSWORD),
                resolve,
                "Second consultant booked as backup; costing set-up documented");

        assertThat(jdbc.sql("select owner || ' ' || status || ' ' || mitigation from risk where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo(DEVELOPER + " closed Second consultant booked as backup; costing set-up documented");
        assertThat(jdbc.sql(
                                "select status || ' ' || resolved_by || ' ' || due_date from log_entry where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("resolved " + DEVELOPER + " " + due);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangeRequestRaisedInTasklistIsAnalysedRoutedAndApprovedInTasklist() {
        RunningProject.requirement(jdbc, code, "REQ-PUR-001");
        LocalDate goLiveDue = LocalDate.now().plusDays(60);
        long goLive = RunningProject.milestone(jdbc, code, "Go-live", goLiveDue, "go-live");

        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(KEY_USER, PASSWORD);
        GovernanceSteps.raiseChangeRequest(
                tasklist,
                code,
                "Supplier portal for order confirmations\n"
                        + "Suppliers confirm purchase orders and delivery dates themselves.",
                "Confirmations by phone get lost; buyers chase them every day",
                List.of("REQ-PUR-001"),
                List.of("Go-live"));

        Task analyse = openTask(ANALYSE);
        String id = analyse.getName().replaceAll(".*CR-(\\d+):.*", "$1");
        assertThat(analyse.getName())
                .isEqualTo("Analyse impact of change request CR-" + id + ": Supplier portal for order confirmations");
        tasklist = GovernanceSteps.take(new Tasklist(chromium.driver(), port).login(CONSULTANT, PASSWORD), analyse);
        assertThat(tasklist.tableRows("Table_AffectedRequirements"))
                .containsExactly(List.of("REQ-PUR-001", "Requirement REQ-PUR-001", "Procurement", "must"));
        assertThat(tasklist.tableRows("Table_AffectedMilestones"))
                .containsExactly(List.of("Go-live", goLiveDue.toString(), RunningProject.OWNER + " Test"));
        GovernanceSteps.analyseChangeImpact(
                tasklist,
                analyse,
                25,
                12,
                "80000",
                "Medium",
                "Portal module licence and two interfaces to the supplier master");

        Task approve = openTask(APPROVE);
        assertThat(approve.getName())
                .as("large: routed to the steering committee")
                .isEqualTo("Steering committee: approve change request CR-" + id
                        + ": Supplier portal for order confirmations");
        tasklist = GovernanceSteps.take(new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD), approve);
        assertThat(tasklist.tableRows("Table_Impact"))
                .containsExactly(List.of("25", "12", "80000.00", "medium", CONSULTANT + " Test"));
        GovernanceSteps.decideChange(tasklist, approve, true, "Worth it: suppliers confirm within a day");

        assertThat(RunningProject.dueDate(jdbc, goLive)).isEqualTo(goLiveDue.plusDays(12));
        List<Map<String, Object>> requests =
                as(KEY_USER).getForObject("/api/projects/" + code + "/change-requests", List.class);
        assertThat(requests)
                .singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r.get("changeRequest"))
                        .containsEntry("status", "rebaselined")
                        .containsEntry("approverGroup", Roles.STEERING_COMMITTEE)
                        .containsEntry("decidedBy", STEERING));
    }

    private void fire(String timerEvent) {
        List<Job> jobs = management
                .createJobQuery()
                .processInstanceId(project.getId())
                .activityId(timerEvent)
                .timers()
                .list();
        assertThat(jobs).as("timer %s", timerEvent).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    private Task openTask(String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(project.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private String milestone(long id) {
        return jdbc.sql("select owner || ' ' || status from milestone where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private void risk(String title, int probability, int impact) {
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, status)
                values (?, ?, ?, ?, ?, ?, 'open')""")
                .params(code, title, probability, impact, probability * impact, RunningProject.OWNER)
                .update();
    }

    private void person(String id, String first, String last, String group) {
        TestUsers.person(identity, id, first, last, PASSWORD, group);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }
}
