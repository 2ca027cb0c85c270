package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CVE-2026-109432: crafted task queries sent by an authenticated user through every door that hands
 * a task query to the engine are refused with 400 before the engine sees them, so the canary bean is
 * never called; the expressions Tasklist's filters use still work.
 */
@WebTest
class TaskQueryExpressionGuardWebTests {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-Secret-2026";
    static final String PMO_USER = "guardpmo";
    static final String KEY_USER = "guardkeyuser";
    static final String PASSWORD = "guard-Secret-2026";
    static final String CANARY = "${cveCanary.fire()}";
    static final String REFUSED = "Expressions other than ${currentUser()}, ${currentUserGroups()}, ${now()}";

    @LocalServerPort
    int port;

    @Autowired
    CveCanary canary;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    final ObjectMapper json = new ObjectMapper();
    final List<String> createdTasks = new ArrayList<>();
    final List<String> createdFilters = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, PMO_USER, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER);
        canary.reset();
    }

    @AfterEach
    void cleanUp() {
        createdTasks.forEach(id -> taskService.deleteTask(id, true));
        createdFilters.forEach(filterService::deleteFilter);
        assertThat(canary.fired()).as("the injected expression was evaluated").isZero();
    }

    @Test
    void orQueriesExpressionInATaskQueryBodyIsRefused() {
        HttpResponse<String> response =
                pmo().post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}");

        assertRefused(response, "orQueries[0].assigneeExpression");
    }

    @Test
    void expressionInATaskCountBodyIsRefused() {
        assertRefused(
                pmo().post("/engine-rest/task/count", "{\"candidateUserExpression\":\"" + CANARY + "\"}"),
                "candidateUserExpression");
    }

    @Test
    void expressionInAQueryParameterIsRefused() {
        assertRefused(pmo().get("/engine-rest/task?assigneeExpression=" + Http.enc(CANARY)), "assigneeExpression");
        assertRefused(pmo().get("/engine-rest/task/count?dueDateExpression=" + Http.enc(CANARY)), "dueDateExpression");
    }

    @Test
    void unicodeEscapedExpressionIsRefused() {
        assertRefused(
                pmo().post(
                                "/engine-rest/task",
                                "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{cveCanary.fire()}\"}]}"),
                "orQueries[0].assigneeExpression");
    }

    @Test
    void deferredExpressionSyntaxIsRefused() {
        assertRefused(
                pmo().post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"#{cveCanary.fire()}\"}]}"),
                "orQueries[0].assigneeExpression");
    }

    @Test
    void expressionInAnyOtherStringIsRefused() {
        assertRefused(
                pmo().post(
                                "/engine-rest/task",
                                "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":\"" + CANARY
                                        + "\"}]}"),
                "processVariables[0].value");
    }

    @Test
    void namedEngineAndDisguisedPathsAreGuarded() {
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}";
        assertRefused(pmo().post("/engine-rest/engine/default/task", body), "orQueries[0].assigneeExpression");
        assertRefused(pmo().post("/engine-rest/%74ask/", body), "orQueries[0].assigneeExpression");
        // an address with // or ; is refused by the security layer's firewall before any filter or the engine reads it
        HttpResponse<String> disguised = pmo().post("/engine-rest//task;x=y", body);
        assertThat(disguised.statusCode()).as(Http.describe(disguised)).isEqualTo(400);
        assertThat(read(disguised).path("errors").get(0).asText()).contains("not in plain form");
        assertThat(canary.fired()).as("the injected expression was evaluated").isZero();
    }

    @Test
    void malformedJsonOnAGuardedPathIsRefused() {
        HttpResponse<String> response = pmo().post("/engine-rest/task", "{\"assigneeExpression\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response).path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(read(response).path("message").asText()).contains("not well-formed");
    }

    @Test
    void refusalIsInChineseWhenAskedFor() {
        HttpResponse<String> response = pmo().send(
                        "POST",
                        "/engine-rest/task",
                        "application/json",
                        "{\"assigneeExpression\":\"" + CANARY + "\"}\n");
        assertRefused(response, "assigneeExpression");
        HttpResponse<String> chinese = Http.as(port, PMO_USER, PASSWORD)
                .sendLocalized("zh-CN", "/engine-rest/task", "{\"assigneeExpression\":\"" + CANARY + "\"}");
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(read(chinese).path("message").asText())
                .contains("assigneeExpression")
                .contains("其他表达式一律拒绝");
    }

    @Test
    void filterCreateWithAnExpressionIsRefusedAndNothingStored() {
        HttpResponse<String> response = admin().post(
                        "/engine-rest/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"guard-evil\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\""
                                + CANARY + "\"}]}}");

        assertRefused(response, "query.orQueries[0].assigneeExpression");
        assertThat(filterService.createFilterQuery().filterName("guard-evil").count())
                .isZero();
    }

    @Test
    void filterUpdateWithAnExpressionIsRefusedAndTheStoredQueryKept() {
        Filter filter = filterService
                .newTaskFilter("guard-update")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filterService.saveFilter(filter);
        createdFilters.add(filter.getId());

        HttpResponse<String> response = admin().put(
                        "/engine-rest/filter/" + filter.getId(),
                        "{\"resourceType\":\"Task\",\"name\":\"guard-update\",\"query\":{\"candidateGroupsExpression\":\""
                                + CANARY + "\"}}");

        assertRefused(response, "query.candidateGroupsExpression");
        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl)
                                filterService.getFilter(filter.getId()).getQuery())
                        .getExpressions())
                .containsOnly(org.assertj.core.api.Assertions.entry("taskAssignee", "${currentUser()}"));
    }

    @Test
    void extendingQueryOfAFilterIsRefused() {
        String myTasks = myTasksFilterId();
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}";

        assertRefused(pmo().post("/engine-rest/filter/" + myTasks + "/list", body), "orQueries[0].assigneeExpression");
        assertRefused(pmo().post("/engine-rest/filter/" + myTasks + "/count", body), "orQueries[0].assigneeExpression");
        assertRefused(
                pmo().post(
                                "/engine-rest/filter/" + myTasks + "/singleResult",
                                "{\"assigneeExpression\":\"" + CANARY + "\"}"),
                "assigneeExpression");
    }

    @Test
    void guardHoldsWhateverTheEngineFlagsSay() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        boolean adhoc = configuration.isEnableExpressionsInAdhocQueries();
        configuration.setEnableExpressionsInAdhocQueries(true);
        try {
            assertRefused(
                    pmo().post("/engine-rest/task", "{\"assigneeExpression\":\"" + CANARY + "\"}"),
                    "assigneeExpression");
        } finally {
            configuration.setEnableExpressionsInAdhocQueries(adhoc);
        }
    }

    @Test
    void webappEngineApiIsGuardedForALoggedInTasklistUser() {
        Http session = Http.webappSession(port, PMO_USER, PASSWORD);

        // the session is real: a harmless query answers 200
        HttpResponse<String> harmless = session.post("/camunda/api/engine/engine/default/task/count", "{}");
        assertThat(harmless.statusCode())
                .as("harmless query in the webapp session: " + Http.describe(harmless))
                .isEqualTo(200);
        assertRefused(
                session.post(
                        "/camunda/api/engine/engine/default/task",
                        "{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}"),
                "orQueries[0].assigneeExpression");
        assertRefused(
                session.get("/camunda/api/engine/engine/default/task?assigneeExpression=" + Http.enc(CANARY)),
                "assigneeExpression");
        assertRefused(
                session.post(
                        "/camunda/api/engine/engine/default/filter/" + myTasksFilterId() + "/list",
                        "{\"assigneeExpression\":\"" + CANARY + "\"}"),
                "assigneeExpression");
    }

    // --- what Tasklist needs keeps working ---------------------------------------------------------

    @Test
    void myTasksFilterWithCurrentUserListsTheUsersTasks() throws Exception {
        Task mine = task("guard: mine", KEY_USER, null);
        Task other = task("guard: someone else's", PMO_USER, null);

        HttpResponse<String> list = keyUser().post("/engine-rest/filter/" + myTasksFilterId() + "/list", "{}");

        assertThat(list.statusCode()).as(Http.describe(list)).isEqualTo(200);
        assertThat(ids(list)).contains(mine.getId()).doesNotContain(other.getId());
        HttpResponse<String> viaGet = keyUser().get("/engine-rest/filter/" + myTasksFilterId() + "/list");
        assertThat(ids(viaGet)).contains(mine.getId());
    }

    @Test
    void groupFilterWithCurrentUserGroupsCanBeCreatedAndListsTheGroupsTasks() throws Exception {
        Task keyUserTask = task("guard: for key users", null, Roles.KEY_USER);
        Task trainerTask = task("guard: for trainers", null, Roles.TRAINER);

        HttpResponse<String> created = admin().post(
                        "/engine-rest/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"guard-my-groups\",\"query\":{\"candidateGroupsExpression\":"
                                + "\"${ currentUserGroups() }\"}}");
        assertThat(created.statusCode()).as(Http.describe(created)).isEqualTo(200);
        String filterId = read(created).path("id").asText();
        createdFilters.add(filterId);
        grantRead(Roles.KEY_USER, filterId);

        HttpResponse<String> list = keyUser()
                .post(
                        "/engine-rest/filter/" + filterId + "/list",
                        "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");

        assertThat(list.statusCode()).as(Http.describe(list)).isEqualTo(200);
        assertThat(ids(list)).contains(keyUserTask.getId()).doesNotContain(trainerTask.getId());
    }

    @Test
    void allowedExpressionsPassTheGuardAndTheEngineDecidesOnAdhocOnes() throws Exception {
        // top level of an adhoc query: the guard lets it through, the engine refuses it itself
        // (enableExpressionsInAdhocQueries=false) with its own exception type
        HttpResponse<String> topLevel = pmo().post("/engine-rest/task", "{\"dueBeforeExpression\":\"${now()}\"}");
        assertThat(topLevel.statusCode()).isEqualTo(400);
        assertThat(read(topLevel).path("type").asText()).isNotEqualTo("InvalidRequestException");
        assertThat(read(topLevel).path("message").asText()).contains("Expressions are forbidden in adhoc queries");

        // in an or-query the engine does not apply its adhoc check (the hole): allowed ones run
        HttpResponse<String> orQuery = pmo().post(
                        "/engine-rest/task",
                        "{\"orQueries\":[{\"dueBeforeExpression\":\"${ now() }\",\"assigneeExpression\":\"${currentUser()}\"}]}");
        assertThat(orQuery.statusCode()).as(Http.describe(orQuery)).isEqualTo(200);
        HttpResponse<String> param = pmo().get("/engine-rest/task?dueBeforeExpression=" + Http.enc("${now()}"));
        assertThat(param.statusCode()).isEqualTo(400);
        assertThat(read(param).path("message").asText()).contains("Expressions are forbidden in adhoc queries");
    }

    @Test
    void engineAloneEvaluatesOrQueryExpressionsDespiteItsAdhocFlag() {
        // documents why the guard exists: the engine flag checks only the top level of the query
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).isEnableExpressionsInAdhocQueries())
                .isFalse();
        taskService
                .createTaskQuery()
                .or()
                .taskAssigneeExpression(CANARY)
                .endOr()
                .list();
        assertThat(canary.fired()).isEqualTo(1);
        canary.reset();
    }

    // --- helpers -------------------------------------------------------------------------------------

    private void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(400);
        JsonNode body = read(response);
        assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(body.path("message").asText()).contains(" " + field + " ").contains(REFUSED);
        assertThat(canary.fired()).as("the injected expression was evaluated").isZero();
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + Http.describe(response), e);
        }
    }

    private List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        read(response).forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private String myTasksFilterId() {
        return filterService
                .createFilterQuery()
                .filterName(IdentitySetup.FILTER_MY_TASKS)
                .singleResult()
                .getId();
    }

    private Task task(String name, String assignee, String candidateGroup) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        taskService.saveTask(task);
        if (candidateGroup != null) {
            taskService.addCandidateGroup(task.getId(), candidateGroup);
        }
        createdTasks.add(task.getId());
        return task;
    }

    private void grantRead(String group, String filterId) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(Resources.FILTER);
        auth.setResourceId(filterId);
        auth.addPermission(Permissions.READ);
        authorizations.saveAuthorization(auth);
    }

    private Http pmo() {
        return Http.as(port, PMO_USER, PASSWORD);
    }

    private Http keyUser() {
        return Http.as(port, KEY_USER, PASSWORD);
    }

    private Http admin() {
        return Http.as(port, ADMIN, ADMIN_PASSWORD);
    }
}
