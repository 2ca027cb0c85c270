package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.browser.BuildSteps.ConfigurationItem;
import io.rollout.browser.BuildSteps.IterationPlan;
import io.rollout.browser.DataMigrationSteps.Definition;
import io.rollout.browser.GoLiveSteps.Step;
import io.rollout.browser.GoLiveSteps.Wave;
import io.rollout.browser.GovernanceSteps.NewProject;
import io.rollout.browser.OperationsSteps.Baseline;
import io.rollout.browser.OperationsSteps.ModuleHandover;
import io.rollout.browser.PlanningSteps.Interface;
import io.rollout.browser.PlanningSteps.LegacySystem;
import io.rollout.browser.PlanningSteps.Migration;
import io.rollout.browser.PlanningSteps.Milestone;
import io.rollout.browser.PlanningSteps.Resource;
import io.rollout.browser.PlanningSteps.Risk;
import io.rollout.browser.RequirementsSteps.Captured;
import io.rollout.browser.RequirementsSteps.Solution;
import io.rollout.browser.TrainingSteps.Attendance;
import io.rollout.browser.TrainingSteps.Curriculum;
import io.rollout.browser.TrainingSteps.Session;
import io.rollout.browser.TrainingSteps.Trainee;
import io.rollout.browser.UatSteps.Result;
import io.rollout.browser.UatSteps.TestCase;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.Translations;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One implementation project walked from the "Start process" dialog to closed, every step of it in the real Tasklist
 * by the person whose task it is, none through REST. The PMO starts an ERP project for procurement and the warehouse
 * with one module and the customers dataset; the consultant researches and captures both departments' requirements,
 * their business owners review, verify and approve them; the PMO plans and captures the KPI baseline, the consultant
 * decides how to get the system and how to integrate it, the steering committee approves the plan. While the module is
 * built and accepted, the data steward defines and uploads the customers and the procurement owner signs them off; the
 * PMO writes the weekly status report. The key user writes and runs the test cases the PMO plans while the trainer
 * trains the roster; the steering committee holds its monthly review, decides go, IT operations rehearse and cut over
 * two waves that the owners review; IT operations hand the system over and the PMO holds the post-implementation
 * review, which closes the project: a weekly report that came due in hypercare ends with it. Every gate passes the
 * first time.
 *
 * <p>Everyone works in a Chinese browser and types the Chinese of the customer's case (demo/erp-case): Tasklist shows
 * them filters, tasks, processes and options in Rollout's Chinese, which the steps find by the English names Rollout
 * stores. On every task and start form they open a {@link LanguageScan} reads what they read; the walk fails when it
 * met an English word other than ids, codes and product names.
 *
 * <p>Besides Tasklist the test only finds tasks and asserts, and executes the jobs the job executor would run (the dry
 * run, the staging load) and the timers whose time would have come (two reporting timers, the stabilisation of each
 * wave, the end of hypercare, the review date).
 */
@WebTest
class ProjectLifecycleJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium(Translations.CHINESE);

    static final String PASSWORD = "walk-Secret-2026";
    static final String PMO = "walkpmo";
    static final String CONSULTANT = "walkconsultant";
    static final String STEERING = "walksteering";
    static final String STEWARD = "walksteward";
    static final String KEY_USER = "walkkeyuser";
    static final String TRAINER = "walktrainer";
    static final String IT_OPERATIONS = "walkitops";
    static final String PROCUREMENT_OWNER = "walkownerpur";
    static final String WAREHOUSE_OWNER = "walkownerwh";
    static final Set<String> CAST = Set.of(
            PMO, CONSULTANT, STEERING, STEWARD, KEY_USER, TRAINER, IT_OPERATIONS, PROCUREMENT_OWNER, WAREHOUSE_OWNER);
    static final String PROCUREMENT = "procurement";
    static final String WAREHOUSE = "warehouse";
    /** The cast's display names, Chinese as the customer's people write them (one field, family name first). */
    static final Map<String, String> NAMES = Map.of(
            PMO, "周明",
            CONSULTANT, "吴强",
            STEERING, "郑国华",
            STEWARD, "冯丽",
            KEY_USER, "何静",
            TRAINER, "高磊",
            IT_OPERATIONS, "林涛",
            PROCUREMENT_OWNER, "王芳",
            WAREHOUSE_OWNER, "陈静");
    /**
     * The English a Chinese user may meet: product names and codes Chinese texts keep (glossary and language brief),
     * the cast's user ids, the dataset id and the file the walk uploads; requirement and test-case ids and web
     * addresses are ids anyway ({@link LanguageScan}).
     */
    static final Set<String> ALLOWED_ENGLISH = Set.of(
            "ERP",
            "KPI",
            "RAG",
            "UAT",
            "CSV",
            "PDF",
            "XLSX",
            "PMO",
            "ID",
            "SAP",
            "REST",
            "BPMN",
            "DMN",
            "FEEL",
            "IT",
            "SLA",
            "Excel",
            "Camunda",
            "Rollout",
            "http",
            "https",
            // the engine's name, which Tasklist's header shows when the JVM holds several engines (the test suite)
            "default");

    /**
     * Texts a Chinese user still meets partly in English (issue 21 is open for them): summaries composed of message
     * fragments Translations cannot read back (the build iteration's plan, the confirmed scope), the integration
     * table's codes, go-live table cells made from templates without a word of their own ("3 days", "… by 林涛"),
     * and the review's "-6.5 points ✓" (a mark appended to a message). Any other English word fails the walk.
     */
    static final List<Pattern> KNOWN_GAPS = List.of(
            Pattern.compile("Planned \\d{4}-\\d{2}-\\d{2} to"),
            Pattern.compile("Scope confirmed:"),
            Pattern.compile("in table cell \"[a-z]+, [a-z]+, [a-z]+\""),
            Pattern.compile("in table cell \"\\d+ days?\""),
            Pattern.compile("in table cell \"[\\d-]+ [\\d:]+ by "),
            // the review's cell "-6.5 points ✓": a message with a mark appended to it
            Pattern.compile("in table cell \"-?[\\d.]+ points [✓✗]\""));

    /** Two requirements per department, from the customer's requirements.csv. */
    static final List<Captured> PROCUREMENT_REQUIREMENTS = List.of(
            new Captured(
                    "REQ-PUR-001",
                    "采购申请线上审批",
                    "纸质采购申请流转慢，平均审批3天",
                    "审批周期缩短到1天内",
                    null,
                    "Must",
                    "采购申请提交后24小时内完成三级审批的比例≥90%"),
            new Captured("REQ-PUR-003", "采购订单与合同关联", "订单无法追溯到合同", "订单可追溯合同条款", null, "Should", "每张采购订单都关联合同编号"));

    static final List<Captured> WAREHOUSE_REQUIREMENTS = List.of(
            new Captured("REQ-INV-001", "实时库存查询", "库存数据每周人工盘点一次", "库存实时可见", null, "Must", "库存查询结果与实物差异率≤0.5%"),
            new Captured("REQ-INV-003", "库存周转分析", "库存周转慢，积压严重", "周转天数下降", null, "Should", "系统提供按物料类别的周转天数报表"));

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog decisions;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    String code;
    Tasklist tasklist;
    LanguageScan scan;
    int completions;
    long started;

    @BeforeEach
    void theProjectsPeople() {
        user(PMO, Roles.PMO);
        user(CONSULTANT, Roles.CONSULTANT);
        user(STEERING, Roles.STEERING_COMMITTEE);
        user(STEWARD, Roles.DATA_STEWARD);
        user(KEY_USER, Roles.KEY_USER, Roles.departmentGroup(PROCUREMENT));
        user(TRAINER, Roles.TRAINER);
        user(IT_OPERATIONS, Roles.IT_OPERATIONS);
        user(PROCUREMENT_OWNER, Roles.BUSINESS_OWNER, Roles.departmentGroup(PROCUREMENT));
        user(WAREHOUSE_OWNER, Roles.BUSINESS_OWNER, Roles.departmentGroup(WAREHOUSE));
        code = TestProjects.newCode();
    }

    @Test
    void aProjectIsWalkedFromTheStartProcessDialogToClosedInTasklist() throws IOException {
        started = System.nanoTime();
        // group ids name who may do something in a few instructions (培训师为 trainer 组的用户)
        scan = LanguageScan.forChineseReader(
                Stream.of(ALLOWED_ENGLISH, CAST, Set.copyOf(Roles.ALL), Set.of(code, "customers"))
                        .flatMap(Set::stream)
                        .toList());
        tasklist = new Tasklist(chromium.driver(), port, chromium.language())
                .onOpen(scan::scan)
                .awaitFirstLoad(Duration.ofMinutes(2));

        startTheProject();
        researchAndSignOffRequirements();
        planTheProject();
        // build and data migration run side by side: the steward loads a dry run while the module is built
        assertThat(openTasks())
                .contains("Plan iteration 1 of Procurement", "Define Customers data and its cleansing rules");
        defineAndUploadTheCustomers();
        buildTheModule();
        writeTheWeeklyStatusReport();
        signOffTheCustomers();
        // UAT and training run side by side too
        assertThat(openTasks())
                .containsExactlyInAnyOrder(
                        "Prepare UAT test cases for round 1", "Plan the training roster and curricula");
        runUserAcceptanceTests();
        trainTheRoster();
        holdTheSteeringReview();
        goLiveInTwoWaves();
        // a week of hypercare later the next report is due; the project closes before the PMO writes it
        runJob("implementationProject", "StartEvent_WeeklyReportDue");
        Task lastReport = task("UserTask_WriteStatusReport");
        handOverAndReview();

        // what the PMO checks at the end: the project closed, nothing left open, every gate passed the first time
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .count())
                .as("running instances of the project")
                .isZero();
        HistoricProcessInstance project = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("implementationProject")
                .processInstanceBusinessKey(code)
                .singleResult();
        assertThat(project.getEndActivityId()).isEqualTo("EndEvent_ProjectFinished");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(project.getId())
                        .count())
                .as("reporting timers")
                .isZero();
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CLOSED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count())
                .as("open tasks")
                .isZero();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(lastReport.getId())
                        .singleResult()
                        .getDeleteReason())
                .as("the report due when the project closed")
                .isNotEqualTo("completed");
        assertThat(tasklist.login(PMO, PASSWORD)
                        .filter(GovernanceSteps.OPEN_FOR_ME)
                        .lists(lastReport.getId()))
                .as("the PMO's list shows the report of a closed project")
                .isFalse();

        List<Decision> log = decisions.forProject(code);
        log.forEach(d -> System.out.printf(
                "walk %s: decision %s %s -> %s by %s%n", code, d.decision(), d.subject(), d.outcome(), d.decidedBy()));
        List<String> gates = List.of(
                "solutionMatchCheck",
                "effectVerificationCheck",
                "requirementSignOff",
                "steeringPlanReview",
                "migrationDryRun",
                "moduleAcceptance",
                "dataSignOff",
                "uatGate",
                "trainingCompletionCheck",
                "goLiveReadiness",
                "goLiveDecision",
                "cutoverRehearsal",
                "cutover",
                "waveReview",
                "hypercareExit");
        assertThat(log)
                .filteredOn(d -> gates.contains(d.decision()))
                .extracting(Decision::decision, Decision::subject, Decision::outcome)
                .containsExactly(
                        tuple("solutionMatchCheck", "must-have requirements", "passed"),
                        tuple("effectVerificationCheck", "expected effects", "passed"),
                        tuple("requirementSignOff", "specification v1", "passed"),
                        tuple("steeringPlanReview", "project plan", "approved"),
                        tuple("migrationDryRun", "dataset customers round 1", "passed"),
                        tuple("moduleAcceptance", "module procurement iteration 1", "accepted"),
                        tuple("dataSignOff", "dataset customers round 1", "signed-off"),
                        tuple("uatGate", "round 1", "passed"),
                        tuple("trainingCompletionCheck", "training completion", "passed"),
                        tuple("goLiveReadiness", "go-live", "go"),
                        tuple("goLiveDecision", "waves", "go"),
                        tuple("cutoverRehearsal", "waves", "succeeded"),
                        tuple("cutover", "wave 1", "succeeded"),
                        tuple("waveReview", "wave 1", "positive"),
                        tuple("cutover", "wave 2", "succeeded"),
                        tuple("waveReview", "wave 2", "positive"),
                        tuple("hypercareExit", "hypercare", "exit"));

        // every task of the project was completed by someone of its cast, each one by this walk in Tasklist
        List<HistoricTaskInstance> done =
                history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).finished().list().stream()
                        .filter(t -> !t.getId().equals(lastReport.getId()))
                        .toList();
        assertThat(done)
                .allSatisfy(t -> assertThat(t.getDeleteReason()).as(t.getName()).isEqualTo("completed"));
        assertThat(done).extracting(HistoricTaskInstance::getAssignee).allMatch(CAST::contains);
        assertThat(done).hasSize(completions);
        System.out.printf(
                "walk %s: %d task completions in Tasklist (and the start form) in %d s%n",
                code, completions, (System.nanoTime() - started) / 1_000_000_000L);
        // a Chinese user met no English on any task they opened (listed by task and element when they did)
        scan.assertNoneFoundBut(KNOWN_GAPS);
    }

    // --- start ---------------------------------------------------------------------------------------------------

    private void startTheProject() {
        tasklist.login(PMO, PASSWORD);
        GovernanceSteps.startProject(
                tasklist,
                new NewProject(
                        code,
                        "ERP一期：采购与库存管理",
                        "华东精密制造有限公司",
                        "ERP",
                        List.of("Procurement (采购部)", "Warehouse (仓储部)"),
                        List.of("Procurement"),
                        List.of("Customers")));
        Project project = projects.find(code).orElseThrow();
        assertThat(project.departments()).containsExactly(PROCUREMENT, WAREHOUSE);
        assertThat(project.modules()).containsExactly(PROCUREMENT);
        assertThat(project.datasets()).containsExactly("customers");
        log("started from the Start process dialog");
    }

    // --- requirements ----------------------------------------------------------------------------------------------

    private void researchAndSignOffRequirements() {
        tasklist.login(CONSULTANT, PASSWORD);
        research(PROCUREMENT, "王芳（采购部经理）、采购员2名", "纸质采购申请平均要等3天才能审批完", PROCUREMENT_REQUIREMENTS);
        research(WAREHOUSE, "陈静（仓储部经理）、库管员3名", "库存每周人工盘点一次", WAREHOUSE_REQUIREMENTS);

        tasklist.login(PROCUREMENT_OWNER, PASSWORD);
        RequirementsSteps.reviewRequirements(
                tasklist, task("UserTask_ReviewDepartmentRequirements", "department", PROCUREMENT), true, null);
        done("review requirements, Procurement");
        tasklist.login(WAREHOUSE_OWNER, PASSWORD);
        RequirementsSteps.reviewRequirements(
                tasklist, task("UserTask_ReviewDepartmentRequirements", "department", WAREHOUSE), true, null);
        done("review requirements, Warehouse");

        tasklist.login(CONSULTANT, PASSWORD);
        RequirementsSteps.clarifyRequirements(tasklist, task("UserTask_ClarifyRequirements"), Map.of());
        done("clarify requirements");
        RequirementsSteps.matchSolutions(
                tasklist,
                task("UserTask_MatchSolutions"),
                Map.of(
                        "REQ-PUR-001", new Solution("Configuration", "在采购模块中配置三级审批流"),
                        "REQ-PUR-003", new Solution("Configuration", "采购订单必填合同编号"),
                        "REQ-INV-001", new Solution("Standard function", "标准系统的库存总览"),
                        "REQ-INV-003", new Solution("Standard function", "标准系统的库存周转报表")));
        done("match solutions");

        for (String department : List.of(PROCUREMENT, WAREHOUSE)) {
            tasklist.login(owner(department), PASSWORD);
            RequirementsSteps.verifyEffects(
                    tasklist, task("UserTask_VerifyEffects", "department", department), Map.of());
            done("verify effects, " + department);
        }
        for (String department : List.of(PROCUREMENT, WAREHOUSE)) {
            tasklist.login(owner(department), PASSWORD);
            RequirementsSteps.approveSpecification(
                    tasklist, task("UserTask_ApproveSpecification", "department", department), true, "部门会议已确认");
            done("approve specification, " + department);
        }
        assertThat(decisions.latest(code, "requirementSignOff"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("passed");
    }

    private void research(String department, String participants, String notes, List<Captured> requirements) {
        LocalDate day = LocalDate.of(2026, 11, 2);
        for (String session :
                List.of("UserTask_InterviewDepartment", "UserTask_RunQuestionnaire", "UserTask_MapProcesses")) {
            RequirementsSteps.recordResearchSession(
                    tasklist, task(session, "department", department), day, participants, notes);
            done(session + ", " + department);
            day = day.plusDays(2);
        }
        RequirementsSteps.captureRequirements(
                tasklist, task("UserTask_CaptureRequirements", "department", department), requirements);
        done("capture requirements, " + department);
    }

    // --- planning --------------------------------------------------------------------------------------------------

    private void planTheProject() {
        PlanningSteps planning = new PlanningSteps(tasks, code);
        tasklist.login(PMO, PASSWORD);
        planning.drawUpPlan(
                tasklist,
                List.of(
                        new Milestone("需求规格说明书基线确立", label(PMO), LocalDate.of(2027, 1, 15), "Requirements"),
                        new Milestone("采购模块配置完成", label(CONSULTANT), LocalDate.of(2027, 3, 31), "Build"),
                        new Milestone("客户数据迁移完成", label(STEWARD), LocalDate.of(2027, 4, 15), "Data migration"),
                        new Milestone("用户验收测试通过", label(KEY_USER), LocalDate.of(2027, 5, 14), "UAT"),
                        new Milestone("采购与仓储上线", label(PMO), LocalDate.of(2027, 6, 1), "Go-live")),
                List.of(
                        new Resource("项目经理", label(PMO), 50, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 9, 30)),
                        new Resource(
                                "首席顾问", label(CONSULTANT), 100, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30))),
                List.of(new Risk("关键用户无法脱离日常工作", 3, 4, label(PROCUREMENT_OWNER), "已与各部门负责人商定顶岗安排")));
        done("draw up the plan");
        OperationsSteps.captureKpiBaseline(
                tasklist,
                code,
                task("UserTask_CaptureKpiBaseline").getId(),
                new Baseline("420", "6.5", "2.8", "16", "85", LocalDate.of(2027, 6, 1), "150", "500000"));
        done("capture the KPI baseline");
        planning.confirmScope(tasklist);
        done("confirm the scope");

        tasklist.login(CONSULTANT, PASSWORD);
        planning.selectSystem(tasklist, "Customise", "标准ERP覆盖采购与库存，审批流需要配置");
        done("select the system");
        planning.defineIntegration(
                tasklist,
                List.of(new LegacySystem("旧销售系统", "Procurement")),
                List.of(new Interface("银行网关", "File", "Outbound", "Daily")),
                List.of(new Migration("customers", "旧销售系统")));
        done("define the integration strategy");

        tasklist.login(STEERING, PASSWORD);
        planning.approvePlan(tasklist);
        done("approve the plan");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("planningPhase")
                        .count())
                .as("planning ended")
                .isZero();
    }

    // --- build
    // ---------------------------------------------------------------------------------------------------------

    private void buildTheModule() {
        tasklist.login(CONSULTANT, PASSWORD).filter("Consultants");
        BuildSteps.planIteration(
                tasklist,
                task("UserTask_PlanIteration"),
                new IterationPlan(
                        "采购申请审批与订单关联合同",
                        List.of("REQ-PUR-001", "REQ-PUR-003"),
                        LocalDate.of(2027, 2, 1),
                        LocalDate.of(2027, 3, 26),
                        false));
        done("plan iteration 1");
        BuildSteps.configure(
                tasklist.reload(),
                task("UserTask_ConfigureModule"),
                List.of(
                        new ConfigurationItem("Approval flow", "REQ-PUR-001", "采购申请", "部门负责人 > 采购总监", null),
                        new ConfigurationItem("Other", "REQ-PUR-003", "采购订单必填合同编号", null, null)));
        done("configure the module");
        BuildSteps.demo(
                tasklist.reload(),
                task("UserTask_DemoModule"),
                "采购申请审批及关联合同的采购订单",
                List.of(name(KEY_USER), name(PROCUREMENT_OWNER)),
                null,
                "符合预期");
        done("demo the module");

        tasklist.login(PROCUREMENT_OWNER, PASSWORD).filter("Open tasks for me");
        BuildSteps.acceptModule(tasklist, task("UserTask_AcceptModule"), true, null);
        done("accept the module");
    }

    // --- data migration
    // ------------------------------------------------------------------------------------------------

    private void defineAndUploadTheCustomers() throws IOException {
        tasklist.login(STEWARD, PASSWORD).filter("Data stewards");
        DataMigrationSteps.define(
                tasklist,
                task("UserTask_DefineDataset"),
                new Definition(
                        DataMigrationSteps.CUSTOMERS.columns(),
                        DataMigrationSteps.CUSTOMERS.keyColumns(),
                        DataMigrationSteps.CUSTOMERS.reconcileColumns(),
                        2,
                        "Procurement",
                        DataMigrationSteps.CUSTOMERS.rules()));
        done("define the customers dataset");
        DataMigrationSteps.uploadExtract(tasklist.reload(), task("UserTask_UploadExtract"), correctedCustomers());
        done("upload the extract");
        runJob("dataMigration", "ServiceTask_RunDryRun");
    }

    /**
     * The customer's legacy-customers.csv after sales corrected it for the migration: the rows with a malformed code,
     * phone, name or credit limit fixed at the source and left out of this extract, the two duplicates merged.
     */
    private Path correctedCustomers() throws IOException {
        List<String> lines;
        try (InputStream in = new ClassPathResource("demo/erp-case/legacy-customers.csv").getInputStream()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        List<String> faulty = List.of("c-9,", "C00012,", "C00013,", "C00014,", "C00017,");
        Path file = files.resolve("legacy-customers-corrected.csv");
        Files.write(
                file,
                lines.subList(0, lines.size() - 2).stream()
                        .filter(row -> faulty.stream().noneMatch(row::startsWith))
                        .toList(),
                StandardCharsets.UTF_8);
        return file;
    }

    private void signOffTheCustomers() {
        Task signOff = task("UserTask_SignOffDataset");
        assertThat((String) tasks.getVariableLocal(signOff.getId(), "latestRunSummary"))
                .contains("Source 55 rows = accepted 55 + rejected 0");
        tasklist.login(PROCUREMENT_OWNER, PASSWORD).filter("Open tasks for me");
        DataMigrationSteps.signOff(tasklist, signOff, true, null);
        done("sign off the customers");
        runJob("dataMigration", "ServiceTask_LoadStaging");
        assertThat(jdbc.sql("select count(*) from migration_staging where project_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .as("customers in staging")
                .isEqualTo(55L);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("dataMigration")
                        .count())
                .as("data migration ended")
                .isZero();
    }

    // --- governance while the phases run ------------------------------------------------------------------------

    /** A week into the build the weekly report is due: the PMO writes it and ticks the baselined specification. */
    private void writeTheWeeklyStatusReport() {
        runJob("implementationProject", "StartEvent_WeeklyReportDue");
        tasklist.login(PMO, PASSWORD);
        GovernanceSteps.writeStatusReport(
                tasklist,
                task("UserTask_WriteStatusReport"),
                "Green: on track",
                "两个部门均已审批需求规格说明书 v1；采购模块已配置，客户数据模拟迁移通过",
                "需求规格说明书基线确立 (2027-01-15, " + name(PMO) + ")");
        done("write the weekly status report");
    }

    /** A month on the steering committee reviews the project and ticks the milestones reached. */
    private void holdTheSteeringReview() {
        runJob("implementationProject", "StartEvent_SteeringReviewDue");
        tasklist.login(STEERING, PASSWORD);
        GovernanceSteps.holdSteeringReview(
                tasklist,
                task("UserTask_HoldSteeringReview"),
                "Green: on track",
                "用户验收测试首轮通过，学员全部考核通过：计划6月上线",
                "采购模块配置完成 (2027-03-31, " + name(CONSULTANT) + ")",
                "客户数据迁移完成 (2027-04-15, " + name(STEWARD) + ")",
                "用户验收测试通过 (2027-05-14, " + name(KEY_USER) + ")");
        done("hold the monthly steering review");
    }

    // --- UAT -------------------------------------------------------------------------------------------------------

    private void runUserAcceptanceTests() {
        List<TestCase> cases = List.of(
                new TestCase(
                        "TC-001",
                        "验证：采购申请线上审批",
                        "REQ-PUR-001",
                        "procurement",
                        "High",
                        "按采购申请线上审批业务流程操作",
                        "采购申请提交后24小时内完成三级审批的比例≥90%"),
                new TestCase(
                        "TC-003",
                        "验证：采购订单与合同关联",
                        "REQ-PUR-003",
                        "procurement",
                        "Medium",
                        "按采购订单与合同关联业务流程操作",
                        "每张采购订单都关联合同编号"),
                new TestCase(
                        "TC-005",
                        "验证：实时库存查询",
                        "REQ-INV-001",
                        "inventory",
                        "High",
                        "按实时库存查询业务流程操作",
                        "库存查询结果与实物差异率≤0.5%"),
                new TestCase(
                        "TC-007",
                        "验证：库存周转分析",
                        "REQ-INV-003",
                        "inventory",
                        "Medium",
                        "按库存周转分析业务流程操作",
                        "系统提供按物料类别的周转天数报表"));
        tasklist.login(KEY_USER, PASSWORD);
        UatSteps.prepareTestCases(tasklist, task("UserTask_PrepareTestCases"), cases);
        done("prepare the test cases");

        tasklist.login(PMO, PASSWORD);
        Map<String, String> testers = new LinkedHashMap<>();
        cases.forEach(c -> testers.put(c.caseId(), label(KEY_USER)));
        UatSteps.planRound(tasklist, task("UserTask_PlanUatRound"), testers);
        done("plan UAT round 1");

        tasklist.login(KEY_USER, PASSWORD);
        UatSteps.executeRound(
                tasklist,
                task("UserTask_ExecuteUatRound"),
                cases.stream().map(c -> Result.pass(c.caseId())).toList());
        done("execute UAT round 1");
        assertThat(decisions.latest(code, "uatGate"))
                .get()
                .extracting(Decision::outcome, Decision::subject)
                .containsExactly("passed", "round 1");
    }

    // --- training
    // ------------------------------------------------------------------------------------------------------

    private void trainTheRoster() {
        // two operators of each department from the customer's attendance sheet, and the administrator of IT
        List<Trainee> roster = List.of(
                new Trainee("E0001", "杨芳", "采购部", "操作员", null, false),
                new Trainee("E0006", "王磊", "采购部", "操作员", null, false),
                new Trainee("E0029", "赵敏", "仓储部", "操作员", null, false),
                new Trainee("E0031", "孙伟", "仓储部", "操作员", null, false),
                new Trainee("E0050", "徐浩", "信息部", "系统管理员", label(IT_OPERATIONS), false));
        tasklist.login(TRAINER, PASSWORD);
        TrainingSteps.planRosterAndCurricula(
                tasklist,
                task("UserTask_PlanTraining"),
                roster,
                List.of(
                        new Curriculum("采购业务实操", "操作员", "采购部", 60, "采购申请、订单、收货的上机实操"),
                        new Curriculum("仓储业务实操", "操作员", "仓储部", 60, "入库、出库、盘点的上机实操"),
                        new Curriculum("ERP系统管理", "系统管理员", null, 60, "用户、角色、备份与厂商补丁")));
        done("plan the roster and curricula");
        TrainingSteps.planSessions(
                tasklist,
                task("UserTask_PlanSessions"),
                List.of(
                        session("采购业务实操", "采购申请、订单、收货上机", 5),
                        session("仓储业务实操", "入库、出库、盘点上机", 6),
                        session("ERP系统管理", "新系统的日常管理", 7)));
        done("plan the sessions");
        TrainingSteps.recordAttendance(
                tasklist,
                task("UserTask_RecordAttendance"),
                List.of(
                        new Attendance("E0001", true, 96),
                        new Attendance("E0006", true, 88),
                        new Attendance("E0029", true, 72),
                        new Attendance("E0031", true, 81),
                        new Attendance("E0050", true, 90)));
        done("record attendance");
        assertThat(decisions.latest(code, "trainingCompletionCheck"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("passed");
    }

    private Session session(String curriculum, String topic, int day) {
        return new Session(
                curriculum,
                "Practice",
                topic,
                label(TRAINER),
                LocalDate.of(2027, 5, day),
                curriculum + "操作手册 v1.0",
                null);
    }

    // --- go-live
    // -------------------------------------------------------------------------------------------------------

    private void goLiveInTwoWaves() {
        String it = label(IT_OPERATIONS);
        tasklist.login(PMO, PASSWORD);
        GoLiveSteps.planWaves(
                tasklist,
                task("UserTask_PlanCutover"),
                "采购部用户最少，先行上线；采购稳定后仓储部跟进",
                List.of(
                        new Wave(List.of("Procurement"), 3, List.of(it)),
                        new Wave(List.of("Warehouse"), 3, List.of(it))),
                List.of(
                        new Step(1, "冻结旧系统的主数据变更", label(STEWARD), 30, ""),
                        new Step(2, "导入未结采购订单和客户", it, 90, "1"),
                        new Step(3, "将本批次用户切换到新系统", it, 30, "2")));
        done("plan the cutover");

        tasklist.login(STEERING, PASSWORD);
        GoLiveSteps.decideGo(
                tasklist, task("UserTask_DecideGoLive"), "Waves by department", null, null, "各项上线准备标准均已满足，采购部先行");
        done("decide go");

        tasklist.login(IT_OPERATIONS, PASSWORD);
        GoLiveSteps.runRunbookAllDone(tasklist, task("UserTask_RehearseCutover"), 3, 40, "在预发布副本上演练：全部步骤完成");
        done("rehearse the cutover");
        for (String department : List.of(PROCUREMENT, WAREHOUSE)) {
            tasklist.login(IT_OPERATIONS, PASSWORD);
            GoLiveSteps.runRunbookAllDone(
                    tasklist,
                    task("UserTask_ExecuteWaveCutover"),
                    3,
                    35,
                    (PROCUREMENT.equals(department) ? "采购部" : "仓储部") + "自06:00起使用新系统");
            done("cut over the wave of " + department);
            runJob("goLive", "TimerEvent_Stabilisation");
            tasklist.login(owner(department), PASSWORD);
            GoLiveSteps.reviewWave(tasklist, task("UserTask_ReviewWave"), true, "新系统运行平稳");
            done("review the wave of " + department);
        }
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(code)
                        .processDefinitionKey("goLive")
                        .count())
                .as("go-live ended")
                .isZero();
    }

    // --- operations
    // ----------------------------------------------------------------------------------------------------

    private void handOverAndReview() {
        runJob("operationsPhase", "TimerEvent_MinimumHypercare");
        tasklist.login(IT_OPERATIONS, PASSWORD);
        OperationsSteps.handOver(
                tasklist,
                code,
                task("UserTask_HandOver").getId(),
                List.of(new ModuleHandover(
                        "Procurement",
                        PROCUREMENT_OWNER,
                        label(PROCUREMENT_OWNER),
                        List.of(label(IT_OPERATIONS)),
                        "https://wiki.example.com/erp/procurement")),
                "https://wiki.example.com/erp");
        done("hand over to internal IT");

        runJob("operationsPhase", "TimerEvent_ReviewDue");
        tasklist.login(PMO, PASSWORD);
        OperationsSteps.reviewPostImplementation(
                tasklist,
                code,
                task("UserTask_ReviewPostImplementation").getId(),
                "320",
                "4.2",
                "87",
                "采购审批一天内完成；库存实时可见");
        done("post-implementation review");
    }

    // --- the walk's helpers ----------------------------------------------------------------------------------------

    /** The project's one open task of this kind. */
    private Task task(String activity) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .taskDefinitionKey(activity)
                .list();
        assertThat(open)
                .as("open %s of %s; open: %s", activity, code, openTasks())
                .hasSize(1);
        return open.get(0);
    }

    /** The project's open task of this kind for one department (or module, dataset). */
    private Task task(String activity, String variable, String value) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(activity).list().stream()
                .filter(t -> value.equals(tasks.getVariable(t.getId(), variable)))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no open " + activity + " for " + value + "; open: " + openTasks()));
    }

    private List<String> openTasks() {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).list().stream()
                .map(Task::getName)
                .toList();
    }

    /** Executes the one job at this activity of the project's instance of the process, as the job executor would. */
    private void runJob(String process, String activity) {
        List<String> instances = runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .processDefinitionKey(process)
                .list()
                .stream()
                .map(ProcessInstance::getId)
                .toList();
        assertThat(instances).as("running %s of %s", process, code).hasSize(1);
        List<Job> jobs = management
                .createJobQuery()
                .processInstanceId(instances.get(0))
                .activityId(activity)
                .list();
        assertThat(jobs).as("jobs at %s", activity).hasSize(1);
        management.executeJob(jobs.get(0).getId());
        log("job " + activity + " executed");
    }

    private void done(String what) {
        completions++;
        log("#" + completions + " " + what);
    }

    private void log(String what) {
        System.out.printf("walk %s %4d s: %s%n", code, (System.nanoTime() - started) / 1_000_000_000L, what);
    }

    private static String owner(String department) {
        return PROCUREMENT.equals(department) ? PROCUREMENT_OWNER : WAREHOUSE_OWNER;
    }

    /** The name pickers show a person of the cast by: their Chinese name. */
    private static String name(String user) {
        return NAMES.get(user);
    }

    /** The label pickers offer a person of the cast by: "周明 (walkpmo)". */
    private static String label(String user) {
        return name(user) + " (" + user + ")";
    }

    private void user(String id, String... groups) {
        // the whole name in the first name with an empty last name, as the demo's Chinese people
        TestUsers.person(identity, id, NAMES.get(id), "", PASSWORD, groups);
    }
}
