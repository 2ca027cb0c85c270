package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.change.ChangeRequest.AffectedMilestone;
import io.rollout.shared.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The re-baseline records the specification version {@code UserTask_UpdateSpecification} baselined, or that a
 * change to requirements of a specification not baselined yet goes to the running requirements phase.
 */
class ChangeRebaselineTests {

    ChangeRequestRepository repository = mock(ChangeRequestRepository.class);
    DecisionLog decisions = mock(DecisionLog.class);
    Messages messages = mock(Messages.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    ChangeRebaseline delegate = new ChangeRebaseline(repository, decisions, messages);

    @BeforeEach
    void aChangeRequestApprovedByThePmo() {
        when(execution.getVariable("changeRequestId")).thenReturn(5L);
        when(messages.forRecord(eq("change.rebaseline.reason"), any(Object[].class)))
                .thenReturn("Change request 5: audit");
        when(messages.forRecord(anyString())).thenReturn("not re-baselined");
        when(messages.forRecord(eq("change.rebaseline.specification"), any(Object[].class)))
                .thenReturn("version 3");
        when(repository.plan("P-1")).thenReturn(List.of());
        when(repository.rebaseline(eq("P-1"), eq(5L), anyString(), anyList(), eq("pmouser")))
                .thenReturn(2);
    }

    @Test
    void theSpecificationVersionOfTheUpdateTaskIsRecorded() {
        when(repository.find(5L)).thenReturn(Optional.of(changeRequest(List.of("REQ-1"))));
        when(execution.getVariable(ChangeSpecification.VERSION)).thenReturn(3);

        delegate.execute(execution);

        verify(repository).markRebaselined(5L, 3);
        ArgumentCaptor<Decision> logged = ArgumentCaptor.forClass(Decision.class);
        verify(decisions).record(logged.capture());
        assertThat(logged.getValue().findings()).containsExactly("version 3");
        assertThat(logged.getValue().inputs()).contains("planBaseline=2", "specVersion=3");
    }

    @Test
    void aChangeToRequirementsBeforeTheBaselineIsLeftToTheRequirementsPhaseAndThatIsRecorded() {
        when(repository.find(5L)).thenReturn(Optional.of(changeRequest(List.of("REQ-1"))));

        delegate.execute(execution);

        verify(repository).markRebaselined(5L, null);
        ArgumentCaptor<Decision> logged = ArgumentCaptor.forClass(Decision.class);
        verify(decisions).record(logged.capture());
        assertThat(logged.getValue().findings()).containsExactly("not re-baselined");
    }

    @Test
    void aChangeToMilestonesOnlyLeavesTheSpecificationAlone() {
        when(repository.find(5L)).thenReturn(Optional.of(changeRequest(List.of())));

        delegate.execute(execution);

        verify(repository).markRebaselined(anyLong(), eq(null));
        ArgumentCaptor<Decision> logged = ArgumentCaptor.forClass(Decision.class);
        verify(decisions).record(logged.capture());
        assertThat(logged.getValue().findings()).isEmpty();
        verify(repository).rebaseline(eq("P-1"), eq(5L), anyString(), anyList(), eq("pmouser"));
    }

    static ChangeRequest changeRequest(List<String> requirements) {
        return new ChangeRequest(
                5,
                "P-1",
                "Add approval step",
                "audit",
                ChangeRequest.APPROVED,
                "keyuser",
                Instant.now(),
                requirements,
                List.of(new AffectedMilestone(9, "Go-live", LocalDate.of(2026, 6, 1))),
                2,
                7,
                BigDecimal.TEN,
                "low",
                null,
                "consultant",
                "pmo",
                null,
                "pmouser",
                Instant.now(),
                null,
                null);
    }
}
