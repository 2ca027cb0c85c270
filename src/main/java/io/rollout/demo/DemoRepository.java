package io.rollout.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one change of the demo data that no feature offers as a call: giving trainees of the customer's roster the
 * logins the demo users have. The attendance import takes no logins (the customer's sheets have none), and the roster
 * task that does is a person's work in Tasklist, not a start-up step.
 */
@Repository
class DemoRepository {

    private final JdbcClient jdbc;

    DemoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links trainee {@code employeeId} of the project's roster to the Camunda login {@code userId}. */
    void linkTraineeLogin(String projectCode, String employeeId, String userId) {
        jdbc.sql("update trainee set user_id = ? where project_code = ? and employee_id = ?")
            .params(userId, projectCode, employeeId).update();
    }
}
