package io.rollout.build;

import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.build.UpgradeRisk.CountedCustomisation;
import io.rollout.identity.Roles;
import io.rollout.shared.ForModels;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where a module's build stands, for the expressions of {@code SubProcess_ModuleBuild} in {@code buildPhase}
 * and for the listeners: {@code Gateway_BaselineRecorded}
 * ({@code ${buildProgress.baselineRecorded(projectCode, module)}}), the approval boards of
 * {@code UserTask_ApproveCustomisations} ({@code ${buildProgress.approvalBoards(projectCode, module)}}),
 * {@code Gateway_AnyCustomisationApproved} ({@code ${buildProgress.anyApproved(projectCode, module)}}),
 * the name of an approval board in the task name ({@code ${buildProgress.boardName(approvalBoard)}}), the module's
 * owning department and its upgrade risk. Public because the engine's expression language calls it.
 */
@ForModels
@Component("buildProgress")
public class BuildProgress {

    private final BuildRepository builds;
    private final BuildProperties properties;
    private final Names names;
    private final Messages messages;

    BuildProgress(BuildRepository builds, BuildProperties properties, Names names, Messages messages) {
        this.builds = builds;
        this.properties = properties;
        this.names = names;
        this.messages = messages;
    }

    /** The department that owns the module: the project's choice, else the configured default. */
    String department(String projectCode, String module) {
        return builds.owningDepartment(projectCode, module).orElseGet(() -> properties.departmentOf(module));
    }

    public boolean baselineRecorded(String projectCode, String module) {
        return builds.baseline(projectCode, module).isPresent();
    }

    /** Refuses a customisation step of a module without a recorded vendor baseline. */
    void requireBaseline(String projectCode, String module) {
        if (!baselineRecorded(projectCode, module)) {
            throw messages.reject("build.baseline.missing", names.module(module));
        }
    }

    /** The groups that must decide on the current iteration's proposals: PMO and/or steering committee. */
    public List<String> approvalBoards(String projectCode, String module) {
        List<String> boards = pending(projectCode, module).stream()
                .map(StoredCustomisation::approvalBoard)
                .distinct()
                .toList();
        return List.of(Roles.PMO, Roles.STEERING_COMMITTEE).stream()
                .filter(boards::contains)
                .toList();
    }

    /** Proposals of the module's current iteration still waiting for a decision. */
    List<StoredCustomisation> pending(String projectCode, String module) {
        int iteration = builds.lastIteration(projectCode, module);
        return builds.customisations(projectCode, module).stream()
                .filter(c -> c.iteration() == iteration && CustomisationRules.PROPOSED.equals(c.status()))
                .toList();
    }

    /** Approved customisations of the module not yet developed. */
    List<StoredCustomisation> toDevelop(String projectCode, String module) {
        return builds.customisations(projectCode, module).stream()
                .filter(c -> CustomisationRules.APPROVED.equals(c.status()))
                .toList();
    }

    public boolean anyApproved(String projectCode, String module) {
        return !toDevelop(projectCode, module).isEmpty();
    }

    /**
     * The name of an approval board as task names show it ("PMO", "Steering committee"), in the language of stored
     * texts: {@code UserTask_ApproveCustomisations} is named "PMO: approve customisations for Procurement".
     */
    public String boardName(String board) {
        return messages.forRecord("build.board." + board);
    }

    UpgradeRisk upgradeRisk(String projectCode, String module) {
        return UpgradeRisk.of(
                builds.departmentRequirements(projectCode, department(projectCode, module)),
                builds.customisations(projectCode, module).stream()
                        .map(c -> new CountedCustomisation(c.requirementId(), c.status(), c.effortDays()))
                        .toList());
    }
}
