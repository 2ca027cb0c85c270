package io.rollout.training;

import io.rollout.project.ProjectScope;
import org.springframework.stereotype.Component;

/**
 * Applies {@link TrainingCompletionRule} to what is stored today: the roster, the curricula with their pass marks
 * and the attendance, with the project's training target. Shared by the completion check, the account export and
 * the dashboard, so they can never count differently.
 */
@Component
class TrainingCoverage {

    private final TrainingRepository repository;
    private final CurriculumRepository curricula;
    private final ProjectScope projectScope;
    private final TrainingCompletionRule rule = new TrainingCompletionRule();

    TrainingCoverage(TrainingRepository repository, CurriculumRepository curricula, ProjectScope projectScope) {
        this.repository = repository;
        this.curricula = curricula;
        this.projectScope = projectScope;
    }

    TrainingCompletionRule.Input input(String projectCode) {
        return repository.checkInput(projectCode, projectScope.project(projectCode).trainingTarget(),
            curricula.curricula(projectCode).stream().map(CurriculumRepository.Curriculum::forRule).toList());
    }

    TrainingCompletionRule.Outcome of(String projectCode) {
        return rule.decide(input(projectCode));
    }
}
