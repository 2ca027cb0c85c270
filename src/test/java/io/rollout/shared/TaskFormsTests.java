package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class TaskFormsTests {

    final DelegateTask task = mock(DelegateTask.class);
    final DelegateExecution execution = mock(DelegateExecution.class);

    TaskFormsTests() {
        when(task.getExecution()).thenReturn(execution);
    }

    @Test
    void prefillSetsTheTaskLocalValueAndDropsTheProcessCopy() {
        TaskForms.prefill(task, "rows", "[]");
        verify(execution).removeVariable("rows");
        verify(task).setVariableLocal("rows", "[]");
    }

    @Test
    void aValueFromTheCompleteCallWinsAndIsRemovedFromTheProcess() {
        when(execution.hasVariable("rows")).thenReturn(true);
        when(execution.getVariable("rows")).thenReturn("submitted");
        when(task.getVariableLocal("rows")).thenReturn("prefilled");
        assertThat(TaskForms.submitted(task, "rows")).isEqualTo("submitted");
        verify(execution).removeVariable("rows");
    }

    @Test
    void withoutAProcessValueTheTaskLocalValueIsSubmitted() {
        when(task.getVariableLocal("rows")).thenReturn("edited in Tasklist");
        assertThat(TaskForms.submitted(task, "rows")).isEqualTo("edited in Tasklist");
        verify(execution, never()).removeVariable("rows");
    }

    @Test
    void theCompletingUserIsTheAuthenticatedOneElseTheAssigneeElseUnknown() {
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        IdentityService identity = mock(IdentityService.class);
        when(task.getProcessEngineServices()).thenReturn(services);
        when(services.getIdentityService()).thenReturn(identity);

        assertThat(TaskForms.currentUser(task)).isEqualTo("unknown");
        when(task.getAssignee()).thenReturn("keyuser1");
        assertThat(TaskForms.currentUser(task)).isEqualTo("keyuser1");
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("pmo1", null));
        assertThat(TaskForms.currentUser(task)).isEqualTo("pmo1");
    }

    @Test
    void textReadsTheTaskVariableTrimmed() {
        when(task.getVariable("report")).thenReturn("  done ");
        assertThat(TaskForms.text(task, "report")).isEqualTo("done");
        assertThat(TaskForms.text(task, "missing")).isNull();
    }
}
