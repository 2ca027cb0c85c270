package io.rollout.project;

import static io.rollout.project.ImplementationProjectProcessTests.CUSTOMERS;
import static io.rollout.project.ImplementationProjectProcessTests.DATA_STEWARD;
import static io.rollout.project.ImplementationProjectProcessTests.DEFINE_DATASET;
import static io.rollout.project.ImplementationProjectProcessTests.EXECUTE_UAT_ROUND;
import static io.rollout.project.ImplementationProjectProcessTests.INVENTORY;
import static io.rollout.project.ImplementationProjectProcessTests.KEY_USER;
import static io.rollout.project.ImplementationProjectProcessTests.LOAD_STAGING;
import static io.rollout.project.ImplementationProjectProcessTests.PLAN_SESSIONS;
import static io.rollout.project.ImplementationProjectProcessTests.PLAN_TRAINING;
import static io.rollout.project.ImplementationProjectProcessTests.PREPARE_TEST_CASES;
import static io.rollout.project.ImplementationProjectProcessTests.PROCUREMENT;
import static io.rollout.project.ImplementationProjectProcessTests.PROCUREMENT_OWNER;
import static io.rollout.project.ImplementationProjectProcessTests.PROJECT_FINISHED;
import static io.rollout.project.ImplementationProjectProcessTests.RECORD_ATTENDANCE;
import static io.rollout.project.ImplementationProjectProcessTests.RUN_DRY_RUN;
import static io.rollout.project.ImplementationProjectProcessTests.SIGN_OFF_DATASET;
import static io.rollout.project.ImplementationProjectProcessTests.TRAINER;
import static io.rollout.project.ImplementationProjectProcessTests.UPLOAD_EXTRACT;
import static io.rollout.project.ImplementationProjectProcessTests.WAREHOUSE_OWNER;
import static io.rollout.project.ImplementationProjectProcessTests.curriculum;
import static io.rollout.project.ImplementationProjectProcessTests.customerFile;
import static io.rollout.project.ImplementationProjectProcessTests.rows;
import static io.rollout.project.ImplementationProjectProcessTests.trainingSession;

import io.rollout.shared.JsonRows;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * One implementation project on its happy path, from the start form to {@code EndEvent_ProjectFinished}: every gate
 * passes at the first attempt. Walked with the steps of {@link ImplementationProjectProcessTests} (find the project's
 * open task, claim it, submit its form through the form service; the customer's files of demo/erp-case), which
 * itself walks the project through a failing UAT round and a failing training check; here the dataset is uploaded
 * clean, all test cases pass in round 1 and everyone on the roster is trained. Jobs (dry run, staging load, timers)
 * are executed by the walk as in the test, so the job executor must not run while it walks.
 */
final class HappyPathWalk {

    private final ImplementationProjectProcessTests steps = new ImplementationProjectProcessTests();

    HappyPathWalk(ApplicationContext app) {
        app.getAutowireCapableBeanFactory().autowireBean(steps);
    }

    /** Walks a new project until it is closed and returns its process instance id and code. */
    Walked walk() {
        steps.setUp();
        try {
            String instance = steps.startProject().getId();
            steps.researchAndApproveRequirements();
            steps.keyUsersImportTestCases();
            steps.drawUpAndApprovePlan();
            migrateCleanCustomers();
            steps.buildAndAcceptModule(PROCUREMENT, PROCUREMENT_OWNER, "REQ-PUR-001", "REQ-PUR-004");
            steps.buildAndAcceptModule(INVENTORY, WAREHOUSE_OWNER, "REQ-INV-004", "REQ-INV-002");
            passUatInTheFirstRound();
            trainEveryoneOnTheRoster();
            steps.decideGoAndCutOverInWaves();
            steps.runHypercareHandOverAndReview();
            String end = steps.history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getEndActivityId();
            if (!PROJECT_FINISHED.equals(end)
                    || !Project.CLOSED.equals(
                            steps.projects.find(steps.code).orElseThrow().status())) {
                throw new IllegalStateException("project " + steps.code + " did not close: ended at " + end);
            }
            return new Walked(steps.code, instance);
        } finally {
            steps.resetLocale();
        }
    }

    record Walked(String code, String processInstanceId) {}

    private void migrateCleanCustomers() {
        steps.submit(steps.openTask(DEFINE_DATASET, "dataset", CUSTOMERS), DATA_STEWARD, steps.customerRules());
        steps.submit(
                steps.openTask(UPLOAD_EXTRACT, "dataset", CUSTOMERS),
                DATA_STEWARD,
                ImplementationProjectProcessTests.fixedCustomersExtract());
        steps.runJob(RUN_DRY_RUN);
        steps.submit(
                steps.openTask(SIGN_OFF_DATASET, "dataset", CUSTOMERS),
                PROCUREMENT_OWNER,
                Map.of("dataSignedOff", "yes"));
        steps.runJob(LOAD_STAGING);
    }

    private void passUatInTheFirstRound() {
        Task prepare = steps.openTask(PREPARE_TEST_CASES);
        steps.submit(
                prepare, KEY_USER, Map.of("testCases", steps.taskService.getVariable(prepare.getId(), "testCases")));
        steps.planUatRound();
        Task round = steps.openTask(EXECUTE_UAT_ROUND);
        steps.submit(round, KEY_USER, Map.of("results", steps.results(round, null)));
        expect("uatGate", "passed");
    }

    private void trainEveryoneOnTheRoster() {
        steps.submit(
                steps.openTask(PLAN_TRAINING),
                TRAINER,
                Map.of(
                        "trainees",
                        JsonRows.of(steps.roster()),
                        "curricula",
                        JsonRows.of(List.of(curriculum("采购业务实操", "采购部"), curriculum("仓储业务实操", "仓储部")))));
        steps.submit(
                steps.openTask(PLAN_SESSIONS),
                TRAINER,
                Map.of(
                        "sessions",
                        JsonRows.of(List.of(
                                trainingSession("采购业务实操", "practice", "2026-04-19"),
                                trainingSession("仓储业务实操", "practice", "2026-04-20")))));
        Task attendance = steps.openTask(RECORD_ATTENDANCE);
        steps.attendanceImport.importCsv(steps.code, customerFile("training-attendance.csv", steps::inScope), TRAINER);
        // the three operators the customer's sheet shows absent or below the pass mark took the warehouse session
        List<Map<String, Object>> rows = rows(steps.taskService.getVariable(attendance.getId(), "attendance"));
        Map<String, Integer> scores = Map.of("E0029", 72, "E0031", 81, "E0038", 68);
        for (Map<String, Object> row : rows) {
            Integer score = scores.get((String) row.get("employeeId"));
            if (score != null) {
                row.put("sessionDate", "2026-04-20");
                row.put("attended", true);
                row.put("score", score);
            }
        }
        steps.submit(attendance, TRAINER, Map.of("attendance", JsonRows.of(rows)));
        expect("trainingCompletionCheck", "passed");
    }

    private void expect(String gate, String outcome) {
        String actual =
                steps.decisions.latest(steps.code, gate).map(d -> d.outcome()).orElse("not run");
        if (!outcome.equals(actual)) {
            throw new IllegalStateException(gate + " of " + steps.code + " is " + actual + ", expected " + outcome);
        }
    }
}
