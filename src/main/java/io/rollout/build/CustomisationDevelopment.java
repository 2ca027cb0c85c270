package io.rollout.build;

import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DevelopCustomisations} in {@code SubProcess_ModuleBuild} of
 * {@code buildPhase}.
 * <ul>
 * <li>create: prefills, task-locally, {@code developments}: one row per approved, not yet developed
 *     customisation of the module ({@code customisationId}, kind, description, effort, requirement; to fill:
 *     {@code developed}, {@code deliveryNote} and who developed it, {@code developedBy}, chosen from
 *     {@code developerOptions}, the members of the developers).</li>
 * <li>complete: refuses without a vendor baseline of the module; checks the rows with
 *     {@link CustomisationRules#development} (only approved customisations, developers only); refuses with every
 *     problem, or marks the developed ones with their delivery note and developer (the user who completes when
 *     none is chosen).</li>
 * </ul>
 */
@Component("customisationDevelopment")
class CustomisationDevelopment extends FormTaskListener {

    static final String ROWS = "developments";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final BuildOptions options;
    private final RoleMembers members;
    private final Messages messages;
    private final Clock clock;

    CustomisationDevelopment(
            BuildRepository builds,
            BuildProgress progress,
            BuildSummaries summaries,
            BuildOptions options,
            RoleMembers members,
            Messages messages,
            Clock clock) {
        this.builds = builds;
        this.progress = progress;
        this.summaries = summaries;
        this.options = options;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        List<StoredCustomisation> approved =
                progress.toDevelop(ProcessVariables.projectCode(task), ProcessVariables.module(task));
        task.setVariableLocal("developerOptions", JsonRows.of(options.developers()));
        TaskForms.prefill(
                task,
                ROWS,
                JsonRows.of(approved.stream()
                        .map(c -> BuildRows.of(
                                "customisationId",
                                c.id(),
                                "kind",
                                summaries.kind(c.kind()),
                                "description",
                                c.description(),
                                "effortDays",
                                c.effortDays(),
                                "requirementId",
                                c.requirementId(),
                                "developed",
                                false,
                                "deliveryNote",
                                null,
                                "developedBy",
                                null))
                        .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        List<StoredCustomisation> approved = progress.toDevelop(projectCode, module);
        progress.requireBaseline(projectCode, module);
        Set<Long> ids = approved.stream().map(StoredCustomisation::id).collect(Collectors.toSet());
        Checked<List<CustomisationRules.Development>> result = CustomisationRules.development(
                JsonRows.read(TaskForms.submitted(task, ROWS)), ids, id -> members.isIn(id, Roles.DEVELOPER));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        String user = TaskForms.currentUser(task);
        result.value().forEach(d -> builds.recordDevelopment(d, user, Instant.now(clock)));
    }
}
