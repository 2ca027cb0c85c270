package io.rollout.modelling;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.modelling.MigrationPlanner.Prepared;
import io.rollout.modelling.ProcessMigrationRepository.Running;
import io.rollout.modelling.ProcessMigrations.InstanceCheck;
import io.rollout.modelling.ProcessMigrations.Instruction;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A migration in the decision log of each project whose instances it moves ({@value ProcessMigrations#DECISION}):
 * when it is asked for, with the plan and the instances, and when its batch has ended, with where each instance runs
 * now. Instances that belong to no project (business key = project code) are in {@code process_migration} only.
 */
@Component
class MigrationRecords {

    private final DecisionLog decisions;
    private final ProjectRepository projects;
    private final Messages messages;

    MigrationRecords(DecisionLog decisions, ProjectRepository projects, Messages messages) {
        this.decisions = decisions;
        this.projects = projects;
        this.messages = messages;
    }

    /** The plan in one line: how many activities keep their id, and every mapping that does not. */
    String describe(List<Instruction> instructions) {
        long same =
                instructions.stream().filter(i -> i.source().equals(i.target())).count();
        List<String> moved = instructions.stream()
                .filter(i -> !i.source().equals(i.target()))
                .map(i -> i.source() + " → " + i.target())
                .toList();
        return messages.forRecord(
                "modelling.migration.record.plan", same, moved.isEmpty() ? "-" : String.join(", ", moved));
    }

    /** The migration as asked for: its batch, its plan and, per project, the instances it moves. */
    void requested(List<InstanceCheck> instances, Prepared prepared, String batchId, String instructions, String by) {
        String asked = messages.forRecord("modelling.migration.record.requested", batchId, instructions);
        byProject(instances).forEach((project, checks) -> {
            List<String> lines = new ArrayList<>(List.of(asked));
            checks.forEach(
                    c -> lines.add(messages.forRecord("modelling.migration.record.instance", c.processInstanceId())));
            record(
                    project,
                    checks,
                    "requested",
                    prepared.source().getKey(),
                    prepared.source().getVersion(),
                    prepared.target().getVersion(),
                    lines,
                    by);
        });
    }

    /**
     * The outcome once the batch has ended: per project, each instance on the target version, still on the source
     * version (its batch job failed) or ended before it was migrated.
     */
    void closed(
            Running migration,
            String outcome,
            List<InstanceCheck> instances,
            Set<String> onTarget,
            Set<String> stillRunning) {
        byProject(instances).forEach((project, checks) -> {
            List<String> findings = new ArrayList<>();
            for (InstanceCheck c : checks) {
                String code = onTarget.contains(c.processInstanceId())
                        ? "modelling.migration.record.onTarget"
                        : stillRunning.contains(c.processInstanceId())
                                ? "modelling.migration.record.notMigrated"
                                : "modelling.migration.record.ended";
                findings.add(messages.forRecord(
                        code, c.processInstanceId(), migration.targetVersion(), migration.sourceVersion()));
            }
            record(
                    project,
                    checks,
                    outcome,
                    migration.processKey(),
                    migration.sourceVersion(),
                    migration.targetVersion(),
                    findings,
                    DecisionLog.SYSTEM);
        });
    }

    /** Instances by the project they belong to (business key = project code), projects in code order. */
    private Map<String, List<InstanceCheck>> byProject(List<InstanceCheck> instances) {
        Map<String, List<InstanceCheck>> byProject = new TreeMap<>();
        for (InstanceCheck c : instances) {
            if (c.businessKey() != null && projects.exists(c.businessKey())) {
                byProject
                        .computeIfAbsent(c.businessKey(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        return byProject;
    }

    private void record(
            String project,
            List<InstanceCheck> instances,
            String outcome,
            String key,
            int sourceVersion,
            int targetVersion,
            List<String> findings,
            String by) {
        decisions.record(new Decision(
                project,
                ProcessMigrations.DECISION,
                key + " v" + sourceVersion + " → v" + targetVersion,
                outcome,
                findings,
                null,
                by,
                instances.get(0).processInstanceId()));
    }
}
