package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.audit.ChainVerification;
import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.Translations;
import io.rollout.shared.WebTest;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner's redesign as it happens: version 2 of the planning phase is deployed from Modeler (the REST
 * deployment endpoint) with a new task; a project already planning keeps version 1, a new one takes version 2;
 * the owner looks at the generated plan, dry-runs it, migrates the project as a batch, and the project continues
 * on version 2 into the new task — with the migration in the project's decision log.
 */
@WebTest
class ProcessMigrationWebTests {

    static final String OWNER = "migowner";
    static final String PMO = "migpmo";
    static final String PLAN_OWNER = "migplanowner";
    static final String PASSWORD = "migration-Secret-2026";
    static final String DEPLOYMENT = "process-migration-test";
    static final String PROCESS = "planningPhase";
    static final String DRAW_UP_PLAN = "UserTask_DrawUpPlan";
    static final String NEW_TASK = "UserTask_AgreeCommunicationPlan";
    static final String RENAMED_DRAW_UP_PLAN = "UserTask_DrawUpProjectPlan";

    @LocalServerPort
    int port;

    @Autowired
    Translations translations;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog decisions;

    @Autowired
    ChainVerification verification;

    final ObjectMapper json = new ObjectMapper();
    String code;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.PROCESS_OWNER);
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, PLAN_OWNER, PASSWORD, Roles.PMO);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse"),
                List.of("inventory", "procurement"),
                List.of("customers"));
    }

    /**
     * A redesign that projects run on cannot be deleted (audit.HistoryGuard): the process owner takes it back as a
     * process owner would, by deploying the repository's model again as the latest version, so that later tests
     * start the planning phase of the repository. A redesign nobody started is deleted.
     */
    @AfterEach
    void cleanUp() throws Exception {
        boolean inUse = false;
        for (Deployment d :
                repository.createDeploymentQuery().deploymentName(DEPLOYMENT).list()) {
            try {
                repository.deleteDeployment(d.getId(), true);
            } catch (BadUserRequestException used) {
                inUse = true;
            }
        }
        if (inUse) {
            try (InputStream model = new FileInputStream("bpmn/planning-phase.bpmn")) {
                repository
                        .createDeployment()
                        .name(DEPLOYMENT + "-taken-back")
                        .addInputStream("planning-phase.bpmn", model)
                        .deploy();
            }
        }
    }

    // --- version 2 as a process owner would draw it in Modeler ----------------------------------------------------

    static BpmnModelInstance planningModel() {
        return Bpmn.readModelFromFile(new File("bpmn/planning-phase.bpmn"));
    }

    /** Version 2: after the plan is drawn up, the PMO agrees the communication plan before the work splits. */
    static String withCommunicationPlan() {
        BpmnModelInstance model = planningModel();
        SequenceFlow out = model.getModelElementById("Flow_ToPlanningWorkSplit");
        FlowNode split = out.getTarget();
        Process process = (Process) out.getParentElement();
        UserTask agree = model.newInstance(UserTask.class);
        agree.setId(NEW_TASK);
        agree.setName("Agree communication plan");
        agree.setCamundaCandidateGroups(Roles.PMO);
        process.addChildElement(agree);
        out.setTarget(agree);
        SequenceFlow next = model.newInstance(SequenceFlow.class);
        next.setId("Flow_ToPlanningWorkSplitAfterCommunicationPlan");
        process.addChildElement(next);
        next.setSource(agree);
        next.setTarget(split);
        return Bpmn.convertToString(model);
    }

    /** A version in which the first task got a new id: instances waiting in it cannot migrate by id. */
    static String withRenamedFirstTask() {
        return Bpmn.convertToString(planningModel()).replace(DRAW_UP_PLAN, RENAMED_DRAW_UP_PLAN);
    }

    int deployFromModeler(String bpmn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", DEPLOYMENT);
        fields.put("deployment-source", "Camunda Modeler");
        HttpResponse<String> response = Http.as(port, OWNER, PASSWORD)
                .postFiles("/engine-rest/deployment/create", fields, Map.of("planning-phase.bpmn", bpmn));
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS)
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    ProcessInstance startPlanning() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    int versionOf(ProcessInstance instance) {
        String definitionId = runtime.createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    // the page's texts and the plan's activity names in Chinese; ids, versions and the mapping are the same
    void aChineseOwnerReadsThePageAndThePlanInChinese(int v1, int v2, JsonNode english) throws Exception {
        Http chinese = Http.as(port, OWNER, PASSWORD).header("Accept-Language", "zh-CN,zh;q=0.9");
        JsonNode page = json.readTree(chinese.get("/api/pages/migration/texts").body());
        assertThat(page.path("language").asText()).isEqualTo("zh-CN");
        assertThat(page.path("texts").path("migration.heading").asText()).isEqualTo("流程迁移");
        assertThat(page.path("texts").path("migration.plan.column.target").asText())
                .isEqualTo("映射到");
        String html = chinese.get("/process-migration/").body();
        assertThat(html).contains("<html lang=\"zh-CN\">", "<h1>流程迁移</h1>", "<h2>试运行</h2>", "migration.js");
        assertThat(html).doesNotContain("data-text=", "Dry run");

        HttpResponse<String> response =
                chinese.post("/api/process-migrations/plan", json.writeValueAsString(request(v1, v2, null, null)));
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        JsonNode plan = json.readTree(response.body());
        assertThat(plan.path("instructions").findValuesAsText("source"))
                .isEqualTo(english.path("instructions").findValuesAsText("source"));
        JsonNode drawUp = plan.path("instructions").get(0);
        assertThat(drawUp.path("source").asText()).isEqualTo(DRAW_UP_PLAN);
        assertThat(drawUp.path("sourceName").asText())
                .isEqualTo(translations.text(
                        english.path("instructions").get(0).path("sourceName").asText(), Translations.CHINESE))
                .containsPattern("\\p{IsHan}");
        assertThat(plan.path("targetActivities").findValuesAsText("name"))
                .anySatisfy(name -> assertThat(name).containsPattern("\\p{IsHan}"));
    }

    HttpResponse<String> asOwner(String path, Object body) throws Exception {
        return Http.as(port, OWNER, PASSWORD).post(path, json.writeValueAsString(body));
    }

    static Map<String, Object> request(int source, int target, List<String> instances, List<Map<String, String>> maps) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("processDefinitionKey", PROCESS);
        request.put("sourceVersion", source);
        request.put("targetVersion", target);
        request.put("processInstanceIds", instances);
        request.put("mappings", maps);
        return request;
    }

    /** Runs the batch's jobs as the job executor would: seed job, migration jobs, monitor job. */
    void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        // a HashSet: jobs without a job definition (null) must simply not match
        Set<String> definitions = new HashSet<>(List.of(
                batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId()));
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = management.createJobQuery().list().stream()
                    .filter(j -> definitions.contains(j.getJobDefinitionId()))
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    void completeDrawUpPlan(ProcessInstance instance) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(DRAW_UP_PLAN)
                .singleResult();
        List<Map<String, Object>> milestones = List.of(
                Map.of(
                        "name",
                        "Specification baselined",
                        "owner",
                        PLAN_OWNER,
                        "dueDate",
                        "2026-03-01",
                        "phase",
                        "requirements"),
                Map.of("name", "UAT passed", "owner", PLAN_OWNER, "dueDate", "2026-08-15", "phase", "uat"),
                Map.of("name", "Go-live", "owner", PLAN_OWNER, "dueDate", "2026-09-01", "phase", "go-live"));
        List<Map<String, Object>> risks = List.of(Map.of(
                "title",
                "Legacy interface undocumented",
                "probability",
                2,
                "impact",
                3,
                "owner",
                PLAN_OWNER,
                "mitigation",
                "Interview the vendor"));
        List<Map<String, Object>> resources = List.of(Map.of(
                "role",
                "Lead consultant",
                "person",
                PLAN_OWNER,
                "allocation",
                100,
                "from",
                "2026-02-01",
                "to",
                "2026-09-30"));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("milestones", JsonRows.of(milestones));
        form.put("risks", JsonRows.of(risks));
        form.put("resources", JsonRows.of(resources));
        tasks.complete(task.getId(), form);
    }

    List<String> openTasks(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    // --- the journeys ---------------------------------------------------------------------------------------------

    @Test
    void aRunningProjectKeepsItsVersionUntilMigratedThenContinuesIntoTheNewTask() throws Exception {
        ProcessInstance running = startPlanning();
        int v1 = versionOf(running);

        int v2 = deployFromModeler(withCommunicationPlan());

        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(versionOf(running)).as("running projects keep their version").isEqualTo(v1);
        ProcessInstance newer = runtime.startProcessInstanceByKey(PROCESS, TestProjects.newCode(), Map.of());
        assertThat(versionOf(newer)).as("new projects take the latest").isEqualTo(v2);
        runtime.deleteProcessInstance(newer.getId(), "test");

        JsonNode definitions = json.readTree(Http.as(port, OWNER, PASSWORD)
                .get("/api/process-migrations/definitions")
                .body());
        List<Integer> versions = new ArrayList<>();
        definitions.path(PROCESS).forEach(v -> versions.add(v.path("version").asInt()));
        assertThat(versions).contains(v1, v2);

        HttpResponse<String> planResponse = asOwner("/api/process-migrations/plan", request(v1, v2, null, null));
        assertThat(planResponse.statusCode()).as(Http.describe(planResponse)).isEqualTo(200);
        JsonNode plan = json.readTree(planResponse.body());
        List<String> mapped = new ArrayList<>();
        plan.path("instructions").forEach(i -> {
            if (i.path("generated").asBoolean()
                    && i.path("source").asText().equals(i.path("target").asText())) {
                mapped.add(i.path("source").asText());
            }
        });
        assertThat(mapped).contains(DRAW_UP_PLAN, "UserTask_ConfirmScope", "UserTask_ReviewPlan");
        assertThat(mapped).contains("UserTask_DecideHighRisk#multiInstanceBody");
        assertThat(plan.path("instructions").get(0).path("source").asText()).isEqualTo(DRAW_UP_PLAN);
        assertThat(plan.path("instructions").get(0).path("waiting").asLong()).isEqualTo(1);
        // every activity an instance can wait in keeps its id: nothing is left to map (gateways, events need none)
        assertThat(plan.path("unmapped")).isEmpty();
        assertThat(plan.path("added").findValuesAsText("id")).contains(NEW_TASK);
        aChineseOwnerReadsThePageAndThePlanInChinese(v1, v2, plan);

        HttpResponse<String> dryResponse =
                asOwner("/api/process-migrations/dry-run", request(v1, v2, List.of(running.getId()), null));
        JsonNode dryRun = json.readTree(dryResponse.body());
        assertThat(dryRun.path("migratable").asInt()).as(dryResponse.body()).isEqualTo(1);
        assertThat(dryRun.path("failing").asInt()).isZero();
        assertThat(dryRun.path("instances").get(0).path("businessKey").asText()).isEqualTo(code);
        assertThat(versionOf(running)).as("a dry run changes nothing").isEqualTo(v1);

        HttpResponse<String> started =
                asOwner("/api/process-migrations", request(v1, v2, List.of(running.getId()), null));
        assertThat(started.statusCode()).as(Http.describe(started)).isEqualTo(202);
        JsonNode migration = json.readTree(started.body());
        assertThat(migration.path("status").asText()).isEqualTo("running");
        assertThat(migration.path("requestedBy").asText()).isEqualTo(OWNER);
        assertThat(migration.path("instances").asInt()).isEqualTo(1);
        assertThat(migration.path("instructions").asText()).contains("activities keep their id");
        JsonNode inChinese = json.readTree(Http.as(port, OWNER, PASSWORD)
                .header("Accept-Language", "zh-CN")
                .get("/api/process-migrations/" + migration.path("id").asLong())
                .body());
        assertThat(inChinese.path("instructions").asText()).contains("个活动保持原 ID；映射：");
        Decision requested = decisions.latest(code, ProcessMigrations.DECISION).orElseThrow();
        assertThat(requested.outcome()).isEqualTo("requested");
        assertThat(requested.decidedBy()).isEqualTo(OWNER);
        assertThat(requested.subject()).isEqualTo(PROCESS + " v" + v1 + " → v" + v2);
        assertThat(requested.findings()).contains("Instance " + running.getId());

        runBatch(migration.path("batchId").asText());
        JsonNode done = json.readTree(Http.as(port, OWNER, PASSWORD)
                .get("/api/process-migrations/" + migration.path("id").asLong())
                .body());

        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("migrated").asInt()).isEqualTo(1);
        assertThat(versionOf(running)).isEqualTo(v2);
        Decision completed = decisions.latest(code, ProcessMigrations.DECISION).orElseThrow();
        assertThat(completed.outcome()).isEqualTo("completed");
        assertThat(completed.findings())
                .containsExactly("Instance " + running.getId() + " now runs on version " + v2 + ".");

        completeDrawUpPlan(running);
        assertThat(openTasks(running)).containsExactly(NEW_TASK);
        Task agree = tasks.createTaskQuery().processInstanceId(running.getId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(agree.getId())).anyMatch(l -> Roles.PMO.equals(l.getGroupId()));
        tasks.complete(agree.getId());
        assertThat(openTasks(running))
                .contains("UserTask_ConfirmScope", "UserTask_SelectSystem", "UserTask_DefineIntegration");
        // the migration rewrote the project's history through the engine: the tamper check still holds
        ChainVerification.Result check = verification.verify(code);
        assertThat(check.historyProblems()).isEmpty();
        assertThat(check.intact()).isTrue();
    }

    @Test
    void anInstanceWaitingInATaskThatLostItsIdIsReportedAndNothingIsMigratedUntilTheTaskIsMapped() throws Exception {
        ProcessInstance running = startPlanning();
        int v1 = versionOf(running);
        int v2 = deployFromModeler(withRenamedFirstTask());

        JsonNode plan = json.readTree(asOwner("/api/process-migrations/plan", request(v1, v2, null, null))
                .body());
        JsonNode unmapped = plan.path("unmapped").get(0);
        assertThat(unmapped.path("id").asText()).isEqualTo(DRAW_UP_PLAN);
        assertThat(unmapped.path("waiting").asLong()).isPositive();

        JsonNode dryRun = json.readTree(
                asOwner("/api/process-migrations/dry-run", request(v1, v2, List.of(running.getId()), null))
                        .body());
        assertThat(dryRun.path("failing").asInt()).isEqualTo(1);
        assertThat(dryRun.path("instances").get(0).path("failures").get(0).asText())
                .startsWith(DRAW_UP_PLAN + " \"Draw up project plan\": ");

        HttpResponse<String> refused =
                asOwner("/api/process-migrations", request(v1, v2, List.of(running.getId()), null));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).path("errors").get(0).asText())
                .contains("Nothing was migrated: 1 instance(s) would fail", running.getId(), code, DRAW_UP_PLAN);
        assertThat(versionOf(running)).isEqualTo(v1);
        assertThat(decisions.latest(code, ProcessMigrations.DECISION)).isEmpty();

        List<Map<String, String>> mapping = List.of(Map.of("source", DRAW_UP_PLAN, "target", RENAMED_DRAW_UP_PLAN));
        JsonNode mappedRun = json.readTree(
                asOwner("/api/process-migrations/dry-run", request(v1, v2, List.of(running.getId()), mapping))
                        .body());
        assertThat(mappedRun.path("migratable").asInt()).isEqualTo(1);
        JsonNode own = json.readTree(asOwner("/api/process-migrations/plan", request(v1, v2, null, mapping))
                .body());
        assertThat(own.path("instructions").findValuesAsText("target")).contains(RENAMED_DRAW_UP_PLAN);
    }

    @Test
    void onlyProcessOwnersMigrateAndBadRequestsAreNamed() throws Exception {
        HttpResponse<String> pmo = Http.as(port, PMO, PASSWORD)
                .post("/api/process-migrations", json.writeValueAsString(request(1, 2, null, null)));
        assertThat(pmo.statusCode()).isEqualTo(403);
        assertThat(Http.as(port, PMO, PASSWORD)
                        .get("/api/process-migrations/definitions")
                        .statusCode())
                .isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/process-migrations").statusCode())
                .isEqualTo(401);

        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("processDefinitionKey", "planingPhase");
        HttpResponse<String> bad = asOwner("/api/process-migrations/plan", unknown);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("No model \\\"planingPhase\\\" is deployed.");

        HttpResponse<String> page = Http.as(port, OWNER, PASSWORD).get("/process-migration/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Process migration</h1>", "Dry run", "migration.js");

        HttpResponse<String> sameVersion = asOwner("/api/process-migrations/plan", request(1, 1, null, null));
        assertThat(sameVersion.statusCode()).isEqualTo(400);
        assertThat(sameVersion.body()).contains("Source and target are both version 1 of planningPhase");
    }
}
