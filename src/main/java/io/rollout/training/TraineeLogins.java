package io.rollout.training;

import org.springframework.stereotype.Component;

/**
 * Links a person of the training roster (table {@code trainee}, training's) to their Rollout login, so the hand-over
 * to internal IT can tell who of the trained may administer a module. The demo project links its IT trainees so.
 */
@Component
public class TraineeLogins {

    private final TrainingRepository repository;

    TraineeLogins(TrainingRepository repository) {
        this.repository = repository;
    }

    /** Gives the roster person with this employee id the login; nothing happens for an unknown person. */
    public void link(String projectCode, String employeeId, String login) {
        repository.setLogin(projectCode, employeeId, login);
    }
}
