package io.rollout.planning;

import io.rollout.planning.SelectionRepository.RankingLine;
import io.rollout.project.ProjectScope;
import io.rollout.shared.ForModels;
import io.rollout.shared.Messages;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The parts of {@code planningPhase}'s task names that come from the project, so a name says for what the task
 * is: {@code Evaluate vendors of the ${planningTaskNames.system(projectCode)} system} ({@code UserTask_EvaluateVendors},
 * also {@code UserTask_SelectSystem}) and {@code Choose the ${planningTaskNames.system(projectCode)} vendor
 * (${planningTaskNames.ranking(projectCode)})} ({@code UserTask_ChooseVendor}). Public because the engine's
 * expression language calls it.
 */
@ForModels
@Component("planningTaskNames")
public class PlanningTaskNames {

    private final SelectionRepository selections;
    private final ProjectScope projects;
    private final Messages messages;

    PlanningTaskNames(SelectionRepository selections, ProjectScope projects, Messages messages) {
        this.selections = selections;
        this.projects = projects;
        this.messages = messages;
    }

    /** The project's system type, e.g. {@code ERP}. */
    public String system(String projectCode) {
        return projects.project(projectCode).systemType();
    }

    /** The outcome of the vendor evaluation in words, e.g. {@code Yonyou ranked first of 3}. */
    public String ranking(String projectCode) {
        List<RankingLine> ranking = selections.ranking(projectCode);
        return ranking.isEmpty()
                ? messages.forRecord("planning.task.notRanked")
                : messages.forRecord("planning.task.ranking", ranking.get(0).vendor(), ranking.size());
    }
}
