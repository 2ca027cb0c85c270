package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import org.springframework.beans.factory.ObjectProvider;

/**
 * The specification half of a re-baseline goes through {@link SpecificationRebaseline} when a bean implements it,
 * only for changes that affect requirements.
 */
class ChangeRebaselineTests {

    ChangeRequestRepository repository = mock(ChangeRequestRepository.class);
    @SuppressWarnings("unchecked")
    ObjectProvider<SpecificationRebaseline> provider = mock(ObjectProvider.class);
    SpecificationRebaseline specification = mock(SpecificationRebaseline.class);
    DecisionLog decisions = mock(DecisionLog.class);
    Messages messages = mock(Messages.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    ChangeRebaseline delegate = new ChangeRebaseline(repository, provider, decisions, messages);

    @BeforeEach
    void aChangeRequestApprovedByThePmo() {
        when(execution.getVariable("changeRequestId")).thenReturn(5L);
        when(messages.forRecord(eq("change.rebaseline.reason"), any(Object[].class))).thenReturn("Change request 5: audit");
        when(messages.forRecord(anyString())).thenReturn("not re-baselined");
        when(messages.forRecord(eq("change.rebaseline.specification"), any(Object[].class))).thenReturn("version 3");
        when(repository.plan("P-1")).thenReturn(List.of());
        when(repository.rebaseline(eq("P-1"), eq(5L), anyString(), anyList(), eq("pmouser"))).thenReturn(2);
    }

    @Test
    void aChangeToRequirementsCreatesTheNextSpecificationVersion() {
        when(repository.find(5L)).thenReturn(Optional.of(changeRequest(List.of("REQ-1"))));
        when(provider.getIfAvailable()).thenReturn(specification);
        when(specification.rebaseline("P-1", "Change request 5: audit", "pmouser")).thenReturn(3);

        delegate.execute(execution);

        verify(repository).markRebaselined(5L, 3);
        ArgumentCaptor<Decision> logged = ArgumentCaptor.forClass(Decision.class);
        verify(decisions).record(logged.capture());
        assertThat(logged.getValue().findings()).containsExactly("version 3");
        assertThat(logged.getValue().inputs()).contains("planBaseline=2", "specVersion=3");
    }

    @Test
    void withoutASpecificationServiceOnlyThePlanIsRebaselinedAndThatIsRecorded() {
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
        when(provider.getIfAvailable()).thenReturn(specification);

        delegate.execute(execution);

        verify(specification, never()).rebaseline(anyString(), anyString(), anyString());
        verify(repository).markRebaselined(anyLong(), eq(null));
        verify(repository).rebaseline(eq("P-1"), eq(5L), anyString(), anyList(), eq("pmouser"));
    }

    static ChangeRequest changeRequest(List<String> requirements) {
        return new ChangeRequest(5, "P-1", "Add approval step", "audit", ChangeRequest.APPROVED, "keyuser",
            Instant.now(), requirements, List.of(new AffectedMilestone(9, "Go-live", LocalDate.of(2026, 6, 1))), 2, 7,
            BigDecimal.TEN, "low", null, "consultant", "pmo", null, "pmouser", Instant.now(), null, null);
    }
}
