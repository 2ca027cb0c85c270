package io.rollout.uat;

import io.rollout.shared.ForModels;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Who works in parallel in {@code userAcceptanceTest}, read from the tables when the multi-instance starts, so no
 * list of people is kept in a process variable: the key users of a round
 * ({@code camunda:collection="${uatAssignments.testers(projectCode, uatRound)}"} on {@code UserTask_ExecuteUatRound})
 * and the developers with open defects assigned to them ({@code ${uatAssignments.developers(projectCode)}} on
 * {@code UserTask_FixDefects}); and the round that the next plan makes, which the names of
 * {@code UserTask_PrepareTestCases} and {@code UserTask_PlanUatRound} show ({@code ${uatAssignments.nextRound(projectCode)}}).
 */
@ForModels
@Component("uatAssignments")
public class UatAssignments {

    private final UatRepository repository;

    UatAssignments(UatRepository repository) {
        this.repository = repository;
    }

    /** The key users who test cases of the round, one execution task each, sorted. */
    public List<String> testers(String projectCode, int round) {
        return List.copyOf(
                new TreeSet<>(repository.roundTesters(projectCode, round).values()));
    }

    /** The developers open defects are assigned to, one fix task each, sorted. */
    public List<String> developers(String projectCode) {
        return List.copyOf(new TreeSet<>(repository.defects(projectCode, Defect.OPEN).stream()
                .map(Defect::assignee)
                .filter(a -> a != null)
                .toList()));
    }

    /** The number of the round the next plan makes: one more than the last planned round, 1 before any. */
    public int nextRound(String projectCode) {
        return repository.lastPlannedRound(projectCode) + 1;
    }
}
