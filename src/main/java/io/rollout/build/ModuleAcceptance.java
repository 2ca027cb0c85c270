package io.rollout.build;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Customisation;
import io.rollout.build.BuildRules.Result;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_AcceptModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}.
 * <ul>
 * <li>create: sets the task-local {@code iterationSummary} (Markdown: goal, configuration items,
 *     customisations of the current iteration) that the acceptModule form shows.</li>
 * <li>complete: requires {@code moduleAccepted} (yes/no) and an {@code acceptanceComment} when not
 *     accepted; stores {@code module_acceptance}, ends the iteration, records the decision
 *     {@code moduleAcceptance} and writes {@code moduleAccepted} back as a Boolean for
 *     {@code Gateway_ModuleAccepted}.</li>
 * </ul>
 */
@Component("moduleAcceptance")
class ModuleAcceptance implements TaskListener {

    static final String DECISION = "moduleAcceptance";

    private final BuildRepository builds;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    ModuleAcceptance(BuildRepository builds, DecisionLog decisions, Messages messages, Clock clock) {
        this.builds = builds;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String module = (String) task.getVariable("module");
        int iteration = builds.lastIteration(projectCode, module);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("iterationSummary", summary(projectCode, module, iteration));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String comment = FormInput.text(task.getVariable("acceptanceComment"));
            Result<Boolean> result = BuildRules.acceptance(FormInput.yesNo(task.getVariable("moduleAccepted")), comment);
            if (!result.valid()) {
                throw Problem.reject(messages, result.problems());
            }
            boolean accepted = result.value();
            String user = TaskForms.currentUser(task);
            builds.recordAcceptance(projectCode, module, iteration, accepted, comment, user, Instant.now(clock));
            decisions.record(new Decision(projectCode, DECISION, "module " + module + " iteration " + iteration,
                accepted ? "accepted" : "rejected", comment == null ? List.of() : List.of(comment),
                "configurationItems=" + builds.configurationItems(projectCode, module, iteration).size()
                    + ", customisations=" + builds.customisations(projectCode, module, iteration).size(),
                user, task.getProcessInstanceId()));
            task.setVariable("moduleAccepted", accepted);
        }
    }

    private String summary(String projectCode, String module, int iteration) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.forRecord("build.summary.iteration", FormInput.md(module), iteration,
            FormInput.md(builds.goal(projectCode, module, iteration).orElse("-"))));
        List<ConfigurationItem> items = builds.configurationItems(projectCode, module, iteration);
        lines.add(messages.forRecord("build.summary.configurationItems", items.size()));
        for (ConfigurationItem item : items) {
            lines.add(messages.forRecord("build.summary.configurationItem", item.type(), FormInput.md(item.description()),
                item.requirementId() == null ? "-" : FormInput.md(item.requirementId())));
        }
        List<Customisation> customisations = builds.customisations(projectCode, module, iteration);
        lines.add(customisations.isEmpty() ? messages.forRecord("build.summary.noCustomisations")
            : messages.forRecord("build.summary.customisations", customisations.size(),
                customisations.stream().mapToInt(Customisation::effortDays).sum()));
        for (Customisation c : customisations) {
            lines.add(messages.forRecord("build.summary.customisation", c.kind(), FormInput.md(c.description()),
                FormInput.md(c.justification()), c.effortDays(),
                c.requirementId() == null ? "-" : FormInput.md(c.requirementId())));
        }
        return String.join("\n\n", lines);
    }
}
