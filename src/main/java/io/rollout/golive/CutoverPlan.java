package io.rollout.golive;

import io.rollout.identity.DepartmentOwners;
import io.rollout.shared.ForModels;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cutover plan as the model reads it in expressions ({@code cutoverPlan}): the waves of a gray release
 * ({@code SubProcess_Wave}'s collection), each wave's stabilisation period (its timer), the business owners who
 * review it, its on-call team, how long a critical incident may stay unhandled, the days of a dual run, and the
 * strategy the gateways route by. The strategy is read from the stored plan, not from a process variable, so no
 * other path than the plan and the go / no-go can change which cutover runs. Task names use the display names it
 * gives ("Cut over wave 1: Procurement, Warehouse").
 */
@ForModels
@Component("cutoverPlan")
public class CutoverPlan {

    private final CutoverPlanRepository repository;
    private final DepartmentOwners owners;
    private final Names names;
    private final Messages messages;
    private final String escalationAfter;

    CutoverPlan(
            CutoverPlanRepository repository,
            DepartmentOwners owners,
            Names names,
            Messages messages,
            @Value("${rollout.cutover.escalation-after:PT2H}") String escalationAfter) {
        this.repository = repository;
        this.owners = owners;
        this.names = names;
        this.messages = messages;
        this.escalationAfter = escalationAfter;
    }

    /** The wave numbers, in order. */
    public List<Integer> waves(String projectCode) {
        return repository.waves(projectCode).stream()
                .map(CutoverPlanRepository.Wave::no)
                .toList();
    }

    /** The stabilisation period of a wave as an ISO-8601 duration, e.g. {@code P7D}. */
    public String stabilisation(String projectCode, Object wave) {
        return "P" + wave(projectCode, wave).stabilisationDays() + "D";
    }

    /** The business owners of the wave's departments: they review it. */
    public List<String> reviewers(String projectCode, Object wave) {
        Set<String> reviewers = new LinkedHashSet<>();
        wave(projectCode, wave).departments().forEach(d -> reviewers.addAll(owners.of(d)));
        return List.copyOf(reviewers);
    }

    /** The wave's on-call team (emergency response). */
    public List<String> onCall(String projectCode, Object wave) {
        return wave(projectCode, wave).onCall();
    }

    /** The wave's departments, comma-separated, for task names. */
    public String departments(String projectCode, Object wave) {
        return String.join(", ", wave(projectCode, wave).departments());
    }

    /** The wave's departments by display name, comma-separated, for task names: "Procurement, Warehouse". */
    public String departmentNames(String projectCode, Object wave) {
        return String.join(
                ", ",
                wave(projectCode, wave).departments().stream()
                        .map(names::department)
                        .toList());
    }

    /** The planned strategy: {@code dual-run}, {@code waves} or {@code big-bang}; empty when nothing is planned. */
    public String strategy(String projectCode) {
        return repository
                .plan(projectCode)
                .map(CutoverPlanRepository.Plan::strategy)
                .orElse("");
    }

    /** The planned strategy in words, for task names: "dual run", "waves by department", "big bang". */
    public String strategyName(String projectCode) {
        String strategy = strategy(projectCode);
        return strategy.isEmpty() ? "" : messages.forRecord("golive.strategy." + strategy);
    }

    /** The day of the dual run that is reconciled next: 1 after a new plan, then one more per reconciled day. */
    public int nextDualRunDay(String projectCode) {
        return repository.dualRunDaysReconciled(projectCode) + 1;
    }

    /** How long a critical incident may wait for the on-call team before it escalates. */
    public String escalationAfter() {
        return escalationAfter;
    }

    /** The days of the dual run. */
    public int dualRunDays(String projectCode) {
        return repository
                .plan(projectCode)
                .map(CutoverPlanRepository.Plan::dualRunDays)
                .orElse(0);
    }

    private CutoverPlanRepository.Wave wave(String projectCode, Object wave) {
        int no = ((Number) wave).intValue();
        return repository.waves(projectCode).stream()
                .filter(w -> w.no() == no)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("project " + projectCode + " has no wave " + no));
    }
}
