package io.rollout.training;

import io.rollout.project.ProjectScope;
import org.springframework.stereotype.Component;

/**
 * Applies {@link TrainingCompletionRule} to what is stored today: the roster, the curricula with their pass marks
 * and the attendance, with the project's training target. Shared by the completion check, the account export and
 * the dashboard, so they can never count differently: the check loads {@link #input} and applies {@link #RULE}.
 */
@Component
class TrainingCoverage {

    /** The rule, stateless: one instance for the check and every reader of the coverage. */
    static final TrainingCompletionRule RULE = new TrainingCompletionRule();

    private final TrainingRepository repository;
    private final CurriculumRepository curricula;
    private final ProjectScope projectScope;

    TrainingCoverage(TrainingRepository repository, CurriculumRepository curricula, ProjectScope projectScope) {
        this.repository = repository;
        this.curricula = curricula;
        this.projectScope = projectScope;
    }

    /** What the completion check decides on: the roster, curricula, attendance and the project's target. */
    TrainingCompletionRule.Input input(String projectCode) {
        return repository.checkInput(
                projectCode,
                projectScope.project(projectCode).trainingTarget(),
                curricula.curricula(projectCode).stream()
                        .map(CurriculumRepository.Curriculum::forRule)
                        .toList());
    }

    /** The coverage of every role and the status of every trainee as the completion check would decide now. */
    TrainingCompletionRule.Outcome of(String projectCode) {
        return RULE.decide(input(projectCode));
    }
}
