package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The attack of issue 19, finding 3, end to end over HTTP: the data steward rewrote {@code datasetDepartment} on
 * the upload task, so the sign-off went to another department's business owner, who signed it off, and the
 * decision log recorded it as valid. Now the rewrite is refused, the sign-off goes to the owners of the department
 * the dataset's definition names, and a sign-off by anyone else is refused and not logged.
 */
@WebTest
class SignOffRoutingWebTests {

    static final String PASSWORD = "routing-Secret-2026";
    static final String STEWARD = "routingsteward";
    static final String FINANCE_OWNER = "routingfinance";
    static final String WAREHOUSE_OWNER = "routingwarehouse";
    static final String WAREHOUSE = "{\"value\":\"warehouse\",\"type\":\"String\"}";
    static final String SIGN_OFF = "{\"variables\":{\"dataSignedOff\":{\"value\":\"yes\",\"type\":\"String\"},"
            + "\"signOffComment\":{\"value\":\"looks fine\",\"type\":\"String\"}}}";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    DecisionLog decisions;

    String code;
    ProcessInstance pi;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, STEWARD, PASSWORD, Roles.DATA_STEWARD);
        TestUsers.ensure(identity, FINANCE_OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("finance"));
        TestUsers.ensure(identity, WAREHOUSE_OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("warehouse"));
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance", "warehouse"), List.of("finance"), List.of("customers"));
        pi = runtime.startProcessInstanceByKey("dataMigration", code, Map.of("projectCode", code));
        // the customers dataset belongs to finance (demo/erp-case/datasets/customers.json)
        tasks.complete(
                task("UserTask_DefineDataset").getId(), DataMigrationProcessTests.definitionForm("customers", 15));
    }

    @Test
    void theDataStewardCannotSendTheSignOffToAnotherDepartment() {
        Task upload = task("UserTask_UploadExtract");
        Http steward = Http.as(port, STEWARD, PASSWORD);

        HttpResponse<String> rewrite =
                steward.put("/engine-rest/task/" + upload.getId() + "/variables/datasetDepartment", WAREHOUSE);
        HttpResponse<String> modify = steward.post(
                "/engine-rest/task/" + upload.getId() + "/variables",
                "{\"modifications\":{\"datasetDepartment\":" + WAREHOUSE + "}}");
        HttpResponse<String> submitted = steward.post(
                "/engine-rest/task/" + upload.getId() + "/submit-form",
                "{\"variables\":{\"datasetDepartment\":" + WAREHOUSE + "}}");
        HttpResponse<String> completed = steward.post(
                "/engine-rest/task/" + upload.getId() + "/complete",
                "{\"variables\":{\"datasetDepartment\":" + WAREHOUSE + "}}");

        assertThat(rewrite.statusCode()).as(Http.describe(rewrite)).isEqualTo(403);
        assertThat(rewrite.body()).contains(STEWARD).contains("UPDATE_VARIABLE");
        assertThat(modify.statusCode()).as(Http.describe(modify)).isEqualTo(403);
        assertThat(submitted.statusCode()).as(Http.describe(submitted)).isEqualTo(400);
        assertThat(submitted.body()).contains("datasetDepartment is not a field of the form of this task");
        assertThat(completed.statusCode()).as(Http.describe(completed)).isEqualTo(400);
        assertThat(runtime.getVariable(upload.getExecutionId(), "datasetDepartment"))
                .isEqualTo("finance");
        assertThat(tasks.createTaskQuery().taskId(upload.getId()).count())
                .as("the upload task is still open")
                .isOne();

        // the front door: the extract through Rollout's API, then the dry run
        assertThat(uploadCustomers().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getId());

        Task signOff = task("UserTask_SignOffDataset");
        assertThat(tasks.getIdentityLinksForTask(signOff.getId()))
                .extracting(IdentityLink::getUserId)
                .contains(FINANCE_OWNER)
                .doesNotContain(WAREHOUSE_OWNER);
        HttpResponse<String> other = Http.as(port, WAREHOUSE_OWNER, PASSWORD)
                .post("/engine-rest/task/" + signOff.getId() + "/submit-form", SIGN_OFF);
        assertThat(other.statusCode()).as(Http.describe(other)).isEqualTo(403);
        assertThat(decisions.forProject(code)).noneMatch(d -> d.decision().equals(DatasetSignOff.DECISION));
    }

    @Test
    void aSignOffCountsOnlyFromAnOwnerOfTheDepartmentTheDefinitionNames() {
        uploadCustomers();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getId());
        Task signOff = task("UserTask_SignOffDataset");

        // the engine lets a claim name any user: the finance owner tries to hand the sign-off to the warehouse owner
        HttpResponse<String> handed = Http.as(port, FINANCE_OWNER, PASSWORD)
                .post("/engine-rest/task/" + signOff.getId() + "/claim", "{\"userId\":\"" + WAREHOUSE_OWNER + "\"}");
        assertThat(handed.statusCode()).as(Http.describe(handed)).isEqualTo(403);
        assertThat(handed.body()).contains("not for " + WAREHOUSE_OWNER);
        assertThat(tasks.createTaskQuery()
                        .taskId(signOff.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        // an administrator may assign it to anyone; the sign-off still counts only from an owner of finance
        tasks.setAssignee(signOff.getId(), WAREHOUSE_OWNER);
        HttpResponse<String> signed = Http.as(port, WAREHOUSE_OWNER, PASSWORD)
                .post("/engine-rest/task/" + signOff.getId() + "/submit-form", SIGN_OFF);

        assertThat(signed.statusCode()).as(Http.describe(signed)).isEqualTo(400);
        assertThat(signed.body()).contains("finance");
        assertThat(tasks.createTaskQuery().taskId(signOff.getId()).count()).isOne();
        assertThat(decisions.forProject(code)).noneMatch(d -> d.decision().equals(DatasetSignOff.DECISION));

        // the owner of the dataset's department signs it off
        tasks.setAssignee(signOff.getId(), null);
        HttpResponse<String> owner = Http.as(port, FINANCE_OWNER, PASSWORD)
                .post("/engine-rest/task/" + signOff.getId() + "/submit-form", SIGN_OFF);
        assertThat(owner.statusCode()).as(Http.describe(owner)).isEqualTo(204);
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals(DatasetSignOff.DECISION))
                .singleElement()
                .satisfies(d -> assertThat(d.decidedBy()).isEqualTo(FINANCE_OWNER));
    }

    Task task(String key) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    org.springframework.http.ResponseEntity<Map> uploadCustomers() {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(Extracts.bytes(Extracts.CUSTOMERS)) {
            @Override
            public String getFilename() {
                return Extracts.CUSTOMERS;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(STEWARD, PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/datasets/customers/extracts",
                        new HttpEntity<>(body, headers),
                        Map.class);
    }
}
