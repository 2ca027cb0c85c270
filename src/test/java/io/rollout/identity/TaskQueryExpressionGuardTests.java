package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.TaskQueryExpressionGuard.Reason;
import io.rollout.identity.TaskQueryExpressionGuard.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskQueryExpressionGuardTests {

    private final TaskQueryExpressionGuard guard = new TaskQueryExpressionGuard("/engine-rest", "/camunda");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${currentUser()}",
                "${ currentUser() }",
                "${currentUserGroups()}",
                "${ currentUserGroups() }",
                "${now()}",
                "${ now() }",
                "${dateTime()}",
                "${ dateTime() }",
                "${dateTime().plusDays(2).toDate()}",
                "${ dateTime().plusWeeks(2) }",
                "${dateTime().minusHours(-3)}",
                "${dateTime().withTimeAtStartOfDay().plusMonths(1).toDate()}",
                "demo",
                "",
                "$ {x}",
                "a $ b { c }"
            })
    void allowsWhatTasklistWritesAndPlainText(String value) {
        assertThat(TaskQueryExpressionGuard.isAllowed(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${cveCanary.fire()}",
                "#{cveCanary.fire()}",
                "#{currentUser()}",
                "${currentUser()} ",
                " ${currentUser()}",
                "x${currentUser()}",
                "${currentUser()}${cveCanary.fire()}",
                "${currentUser() }${cveCanary.fire()}",
                "${currentUser(); cveCanary.fire()}",
                "${currentUser().getClass()}",
                "${now().getClass().forName('java.lang.Runtime')}",
                "${dateTime().getClass()}",
                "${dateTime().plusDays(cveCanary.fire())}",
                "${dateTime().plusDays(2).toDate().getClass()}",
                "${dateTime().toDate().toDate()}",
                "${execution}",
                "${''.getClass()}",
                "${\ncveCanary.fire()\n}",
                "${dateTime().plusDays(1234567)}",
                "${dateTime().plusDays(1).plusDays(1).plusDays(1).plusDays(1).plusDays(1).plusDays(1).plusDays(1)}",
                "kermit, ${",
                "${dateTime().plusDays( 2 )}",
                "${currentUser()"
            })
    void refusesEveryOtherExpression(String value) {
        assertThat(TaskQueryExpressionGuard.isAllowed(value)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/engine-rest/task",
                "/engine-rest/task/",
                "/engine-rest/task/count",
                "/engine-rest//task",
                "/engine-rest/./task",
                "/engine-rest/x/../task",
                "/engine-rest/%74ask",
                "/engine-rest/task;jsessionid=1",
                "/engine-rest/task/count;a=b/",
                "/engine-rest/engine/default/task",
                "/engine-rest/engine/other/task/count",
                "/engine-rest/filter/create",
                "/engine-rest/filter/abc",
                "/engine-rest/filter/abc/list",
                "/engine-rest/filter/abc/count",
                "/engine-rest/filter/abc/singleResult",
                "/engine-rest/filter",
                "/engine-rest/engine/default/filter/abc/list",
                "/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/task/count",
                "/camunda/api/engine/engine/default/filter/abc/list",
                "/camunda/api/engine/engine/default/filter/create",
                "/camunda//api/engine/engine/default/%66ilter/abc/list",
                "/camunda/api/engine/task"
            })
    void guardsEveryPathThatHandsATaskQueryToTheEngine(String path) {
        assertThat(guard.guards(path)).as(path).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/engine-rest/task/123/complete",
                "/engine-rest/task/123/variables/x",
                "/engine-rest/deployment/create",
                "/engine-rest/process-definition/key/x/start",
                "/engine-rest/engine",
                "/engine-rest/history/task",
                "/api/projects",
                "/camunda/api/admin/auth/user/default/login/tasklist",
                "/camunda/api/cockpit/plugin/base/default/process-instance",
                "/camunda/app/tasklist/",
                "/engine-rest/../api/task",
                "/other/engine-rest/task"
            })
    void letsOtherPathsThrough(String path) {
        assertThat(guard.guards(path)).as(path).isFalse();
    }

    @Test
    void followsAConfiguredApplicationPath() {
        TaskQueryExpressionGuard custom = new TaskQueryExpressionGuard("/rest/", "/bpm");
        assertThat(custom.guards("/rest/task")).isTrue();
        assertThat(custom.guards("/bpm/api/engine/engine/default/task")).isTrue();
        assertThat(custom.guards("/camunda/api/engine/engine/default/task")).isFalse();
    }

    @Test
    void refusesAnExpressionInAnyQueryParameterNamingIt() {
        assertThat(TaskQueryExpressionGuard.checkQueryString("assignee=demo&assigneeExpression=%24%7Bx%7D"))
                .contains(new Refusal(Reason.EXPRESSION, "assigneeExpression"));
        assertThat(TaskQueryExpressionGuard.checkQueryString("dueBeforeExpression=%24%7Bnow()%7D&maxResults=5"))
                .isEmpty();
        assertThat(TaskQueryExpressionGuard.checkQueryString("a=1&%23%7Bx%7D=1"))
                .contains(new Refusal(Reason.EXPRESSION, "#{x}"));
        assertThat(TaskQueryExpressionGuard.checkQueryString("a=%zz")).contains(new Refusal(Reason.MALFORMED, "a"));
        assertThat(TaskQueryExpressionGuard.checkQueryString(null)).isEmpty();
    }

    @Test
    void refusesAnExpressionAtAnyDepthOfTheBodyNamingItsPath() {
        assertThat(json("{\"orQueries\":[{\"assignee\":\"demo\"},{\"assigneeExpression\":\"${cveCanary.fire()}\"}]}"))
                .contains(new Refusal(Reason.EXPRESSION, "orQueries[1].assigneeExpression"));
        assertThat(json("{\"query\":{\"orQueries\":[{\"candidateUserExpression\":\"#{x}\"}]}}"))
                .contains(new Refusal(Reason.EXPRESSION, "query.orQueries[0].candidateUserExpression"));
        assertThat(
                        json(
                                "{\"processVariables\":[{\"name\":\"a\",\"value\":\"x\"},{\"name\":\"b\",\"value\":[\"${x}\"]}]}"))
                .contains(new Refusal(Reason.EXPRESSION, "processVariables[1].value[0]"));
        assertThat(json("[\"${x}\"]")).contains(new Refusal(Reason.EXPRESSION, "[0]"));
        assertThat(json("\"${x}\"")).contains(new Refusal(Reason.EXPRESSION, "(body)"));
    }

    @Test
    void decodesUnicodeEscapesBeforeChecking() {
        assertThat(json("{\"assigneeExpression\":\"\\u0024{cveCanary.fire()}\"}"))
                .contains(new Refusal(Reason.EXPRESSION, "assigneeExpression"));
        assertThat(json("{\"assigneeExpression\":\"\\u0023\\u007bcveCanary.fire()}\"}"))
                .contains(new Refusal(Reason.EXPRESSION, "assigneeExpression"));
        assertThat(json("{\"a\\u0024{x}\":1}")).contains(new Refusal(Reason.EXPRESSION, "a${x}"));
    }

    @Test
    void checksEveryDuplicateOfAKey() {
        assertThat(json("{\"assigneeExpression\":\"${cveCanary.fire()}\",\"assigneeExpression\":\"${now()}\"}"))
                .contains(new Refusal(Reason.EXPRESSION, "assigneeExpression"));
    }

    @Test
    void letsAllowedExpressionsAndPlainQueriesThrough() {
        assertThat(
                        json(
                                "{\"assigneeExpression\":\"${currentUser()}\",\"orQueries\":[{\"candidateGroupsExpression\":"
                                        + "\"${ currentUserGroups() }\",\"dueBeforeExpression\":\"${dateTime().plusDays(2).toDate()}\"}],"
                                        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"maxResults\":15,\"active\":true}"))
                .isEmpty();
        assertThat(json("")).isEmpty();
        assertThat(json("  ")).isEmpty();
    }

    @Test
    void refusesMalformedJson() {
        assertThat(json("{\"assigneeExpression\":")).contains(new Refusal(Reason.MALFORMED, "(body)"));
        assertThat(json("{'assigneeExpression':'x'}")).contains(new Refusal(Reason.MALFORMED, "(body)"));
        assertThat(json("assignee=demo")).contains(new Refusal(Reason.MALFORMED, "(body)"));
        assertThat(json("{} {\"a\":\"${x}\"}")).contains(new Refusal(Reason.EXPRESSION, "a"));
    }

    private static Optional<Refusal> json(String body) {
        return TaskQueryExpressionGuard.checkJson(body.getBytes(StandardCharsets.UTF_8));
    }
}
