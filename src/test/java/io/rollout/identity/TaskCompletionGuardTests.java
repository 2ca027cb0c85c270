package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.identity.TaskCompletionGuard.Action;
import io.rollout.identity.TaskCompletionGuard.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rule of {@link TaskCompletionGuard} without the engine: which requests it sees, and what they carry. */
class TaskCompletionGuardTests {

    final TaskCompletionGuard guard = new TaskCompletionGuard("/engine-rest", "/camunda");

    @Test
    void completionsOfATaskAreFoundUnderEveryPathThatReachesThem() {
        assertThat(guard.target("/engine-rest/task/t1/complete")).contains(Target.task("t1", Action.COMPLETE));
        assertThat(guard.target("/engine-rest/task/t1/submit-form")).contains(Target.task("t1", Action.COMPLETE));
        assertThat(guard.target("/engine-rest/task/t1/resolve")).contains(Target.task("t1", Action.COMPLETE));
        assertThat(guard.target("/engine-rest/engine/default/task/t1/complete"))
                .contains(Target.task("t1", Action.COMPLETE));
        assertThat(guard.target("/camunda/api/engine/engine/default/task/t1/submit-form"))
                .contains(Target.task("t1", Action.COMPLETE));
        assertThat(guard.target("/engine-rest//t%61sk/t1;x=y/./complete")).contains(Target.task("t1", Action.COMPLETE));
        assertThat(guard.target("/engine-rest/task/t1/bpmnError")).contains(Target.task("t1", Action.THROW));
        assertThat(guard.target("/engine-rest/task/t1/claim")).contains(Target.task("t1", Action.CLAIM));
    }

    @Test
    void startsAndRestartsOfAProcessAreFoundByIdKeyAndTenant() {
        assertThat(guard.target("/engine-rest/process-definition/d1/start"))
                .contains(new Target(Action.START, null, "d1", null, null));
        assertThat(guard.target("/engine-rest/process-definition/key/implementationProject/submit-form"))
                .contains(new Target(Action.START, null, null, "implementationProject", null));
        assertThat(guard.target("/engine-rest/process-definition/key/p/tenant-id/t/start"))
                .contains(new Target(Action.START, null, null, "p", "t"));
        assertThat(guard.target("/engine-rest/process-definition/d1/restart-async"))
                .contains(new Target(Action.RESTART, null, "d1", null, null));
    }

    @Test
    void otherPathsAreNotGuarded() {
        assertThat(guard.target("/engine-rest/task")).isEmpty();
        assertThat(guard.target("/engine-rest/task/t1/form-variables")).isEmpty();
        assertThat(guard.target("/engine-rest/process-definition/key/p/form-variables"))
                .isEmpty();
        assertThat(guard.target("/api/tasks/t1/complete")).isEmpty();
    }

    @Test
    void theVariablesOfABodyAreReadAfterJsonDecoding() throws IOException {
        assertThat(TaskCompletionGuard.body(bytes("{\"variables\":{\"\\u0064ataset\":{\"value\":\"x\"},"
                                + "\"a\":{\"value\":{\"nested\":1}}},\"withVariablesInReturn\":true}"))
                        .variables())
                .containsExactly("a", "dataset");
        assertThat(TaskCompletionGuard.body(bytes("")).variables()).isEmpty();
        assertThat(TaskCompletionGuard.body(bytes("{\"variables\":null}")).variables())
                .isEmpty();
    }

    @Test
    void aStartThatSkipsItsListenersOrStartsElsewhereIsSeen() throws IOException {
        assertThat(TaskCompletionGuard.body(bytes("{\"skipCustomListeners\":true}"))
                        .skips())
                .isTrue();
        assertThat(TaskCompletionGuard.body(bytes("{\"skipIoMappings\":true}")).skips())
                .isTrue();
        assertThat(TaskCompletionGuard.body(bytes("{\"startInstructions\":[{\"type\":\"startBeforeActivity\"}]}"))
                        .skips())
                .isTrue();
        assertThat(TaskCompletionGuard.body(bytes("{\"startInstructions\":[],\"skipCustomListeners\":false,"
                                + "\"businessKey\":\"P-1\"}"))
                        .skips())
                .isFalse();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> TaskCompletionGuard.body(bytes("{\"variables\":")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TaskCompletionGuard.body(bytes("[]"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TaskCompletionGuard.body(bytes("{\"variables\":[]}")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TaskCompletionGuard.body(bytes("{} {}"))).isInstanceOf(IOException.class);
    }

    @Test
    void theFieldsOfACamundaFormAreItsKeysAndListPaths() {
        String form = "{\"components\":[{\"type\":\"text\",\"text\":\"x\"},{\"type\":\"textfield\",\"key\":\"title\"},"
                + "{\"type\":\"textfield\",\"key\":\"address.city\"},"
                + "{\"type\":\"dynamiclist\",\"path\":\"rules\",\"components\":[{\"type\":\"textfield\",\"key\":\"kind\"}]},"
                + "{\"type\":\"group\",\"components\":[{\"type\":\"number\",\"key\":\"effort\"}]},"
                + "{\"type\":\"table\",\"columns\":[{\"key\":\"round\"}]}]}";

        assertThat(TaskCompletionGuard.formFields(form))
                .containsExactlyInAnyOrder("title", "address", "rules", "effort");
    }

    @Test
    void theFieldsOfAnEmbeddedFormAreItsCamVariablesAndCreatedVariables() {
        String form = "<form><input cam-variable-name=\"extractFile\" cam-variable-type=\"File\">"
                + "<script>camForm.variableManager.fetchVariable('dryRunFindings');"
                + "camForm.variableManager.createVariable({ name: 'note', type: 'String' });</script></form>";

        assertThat(TaskCompletionGuard.formFields(form)).containsExactlyInAnyOrder("extractFile", "note");
    }

    @Test
    void aClaimNamesItsUser() throws IOException {
        assertThat(TaskCompletionGuard.claimant(bytes("{\"userId\":\"zhaomin\"}")))
                .isEqualTo("zhaomin");
        assertThat(TaskCompletionGuard.claimant(bytes(""))).isNull();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
