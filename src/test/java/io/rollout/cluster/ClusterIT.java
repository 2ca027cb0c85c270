package io.rollout.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rollout.cluster.Rest.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one PostgreSQL under concurrent load through REST. Several projects run their data migration phase
 * (datasets customers and materials, the customer's sample files) for two rounds each: the data steward's definition
 * and upload, the asynchronous dry run (on whichever job executor gets it), the business owner's sign-off (refused in
 * round 1, given in round 2), the asynchronous staging load. Every human step is sent twice at the same moment, once
 * to each node, as two people (or a double click behind a load balancer) would. Afterwards every gate decision and
 * sign-off is in the decision log exactly once per round, no dry run ran twice, every completed task is in the
 * history with its effect, the hash chain of each project is intact, and the second attempt of each pair got a
 * clear answer: 409 from Rollout's API, and from the engine REST API what {@link #ENGINE_REST_LOSER} documents.
 */
@ExtendWith(Cluster.Extension.class)
class ClusterIT {

    static final int PROJECTS = 4;
    static final List<String> DATASETS = List.of("customers", "materials");
    static final Map<String, String> FILES =
            Map.of("customers", "legacy-customers.csv", "materials", "legacy-materials.xlsx");
    static final Map<String, Integer> SOURCE_ROWS = Map.of("customers", 62, "materials", 41);
    static final Map<String, Integer> ACCEPTED_ROWS = Map.of("customers", 55, "materials", 37);
    static final Map<String, String> OWNERS = Map.of("customers", "clfinance", "materials", "clwarehouse");
    static final String PMO = "clpmo";
    static final String STEWARD = "clsteward";
    static final String DEFINE = "UserTask_DefineDataset";
    static final String UPLOAD = "UserTask_UploadExtract";
    static final String SIGN_OFF = "UserTask_SignOffDataset";

    /**
     * What the engine REST API answers the second of two completions of one task, as observed on PostgreSQL: mostly
     * 409 with the engine's optimistic locking failure (shared/ServerErrorConflicts: "Someone else changed this at the
     * same moment ..."), or 500 "Cannot find task" when the first had already committed, rarely 500 with a
     * {@code NullPointerException} of the engine that read the execution half before and half after the first
     * commit; 403 when the second checked its authorization after the first had removed the task's candidate
     * authorizations; 400 when the second read the task's prefilled form values after the first had completed it (a
     * form check then names the missing values). Never a second success, and nothing of the second is stored.
     */
    static final List<Integer> ENGINE_REST_LOSER = List.of(400, 403, 409, 500);

    static final List<String> ENGINE_REST_500 =
            List.of("Cannot find task with id", "\"type\":\"NullPointerException\"");

    /** One concurrent pair: the same request to node A and node B. */
    record Pair(String code, String dataset, String taskId, Response first, Response second) {

        List<Response> both() {
            return List.of(first, second);
        }

        Response winner() {
            return both().stream()
                    .filter(r -> r.status() / 100 == 2)
                    .findFirst()
                    .orElseThrow();
        }

        Response loser() {
            return both().stream().filter(r -> r != winner()).findFirst().orElseThrow();
        }
    }

    @Test
    void twoNodesDecideEveryGateOnceLoseNoCompletionAndAnswerTheLoserOfAConflictClearly(Cluster cluster)
            throws Exception {
        cluster.ensureUser(PMO, "pmo");
        cluster.ensureUser(STEWARD, "data-steward");
        cluster.ensureUser("clfinance", "business-owner", "dept-finance");
        cluster.ensureUser("clwarehouse", "business-owner", "dept-warehouse");

        List<String> codes = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            Node node = cluster.nodes().get(p % 2);
            String code = Cluster.newCode("CL");
            String id = cluster.startProject(node, PMO, code, List.of("finance", "warehouse"), DATASETS);
            for (String dataset : DATASETS) {
                node.as(STEWARD, Cluster.PASSWORD)
                        .put("/api/projects/" + code + "/datasets/" + dataset, definition(dataset))
                        .ok();
            }
            cluster.moveToDataMigration(node, id);
            codes.add(code);
        }

        List<Pair> engineRestPairs = new ArrayList<>();
        List<Pair> apiPairs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * PROJECTS * DATASETS.size());
        try {
            for (int round = 1; round <= 2; round++) {
                int r = round;
                boolean signOff = round == 2;
                engineRestPairs.addAll(twice(
                        pool,
                        cluster,
                        codes,
                        DEFINE,
                        (node, task) -> node.as(STEWARD, Cluster.PASSWORD)
                                .post("/engine-rest/task/" + task.id + "/complete", Map.of())));
                apiPairs.addAll(twice(
                        pool,
                        cluster,
                        codes,
                        null,
                        (node, task) -> node.as(STEWARD, Cluster.PASSWORD)
                                .upload(
                                        "/api/projects/" + task.code + "/datasets/" + task.dataset + "/extracts",
                                        FILES.get(task.dataset),
                                        sample(FILES.get(task.dataset)))));
                // the dry runs run on the job executors of both nodes; the sign-off tasks appear when they are done
                engineRestPairs.addAll(twice(
                        pool,
                        cluster,
                        codes,
                        SIGN_OFF,
                        (node, task) -> node.as(OWNERS.get(task.dataset), Cluster.PASSWORD)
                                .post(
                                        "/engine-rest/task/" + task.id + "/submit-form",
                                        Map.of(
                                                "variables",
                                                signOff
                                                        ? Map.of("dataSignedOff", Cluster.bool(true))
                                                        : Map.of(
                                                                "dataSignedOff",
                                                                Cluster.bool(false),
                                                                "signOffComment",
                                                                Cluster.string(
                                                                        "Round " + r + ": fix the phone numbers"))))));
            }
        } finally {
            pool.shutdownNow();
        }

        Rest admin = cluster.admin(cluster.a);
        for (String code : codes) {
            await("data migration of " + code + " finished (staging loads done)")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> admin.get(
                                            "/engine-rest/history/process-instance/count?processDefinitionKey=dataMigration"
                                                    + "&processInstanceBusinessKey=" + code + "&finished=true")
                                    .ok()
                                    .map()
                                    .get("count"),
                            count -> ((Number) count).intValue() == 1);
        }

        List<Object> instances = new ArrayList<>();
        for (String code : codes) {
            admin.get("/engine-rest/history/process-instance?processDefinitionKey=dataMigration"
                            + "&processInstanceBusinessKey=" + code)
                    .ok()
                    .list()
                    .forEach(i -> instances.add(i.get("id")));
        }
        List<Map<String, Object>> jobsDone = admin
                .get("/engine-rest/history/job-log?successLog=true"
                        + "&processDefinitionKey=dataMigration&maxResults=1000")
                .ok()
                .list()
                .stream()
                .filter(j -> instances.contains(j.get("processInstanceId")))
                .toList();
        Map<String, Long> jobsPerNode = jobsDone.stream()
                .collect(Collectors.groupingBy(
                        j -> String.valueOf(j.get("hostname")), TreeMap::new, Collectors.counting()));
        System.out.printf(
                "[cluster] %d projects x %d datasets x 2 rounds; second engine-rest completions: %s;"
                        + " second /api uploads: %s; successful jobs per node: %s; failed job attempts: %s%n",
                PROJECTS,
                DATASETS.size(),
                refusals(engineRestPairs),
                refusals(apiPairs),
                jobsPerNode,
                admin.get("/engine-rest/history/job-log/count?failureLog=true&processDefinitionKey=dataMigration")
                        .ok()
                        .map()
                        .get("count"));

        // the second request of every pair got a clear refusal, never a second success
        for (Pair pair : apiPairs) {
            assertThat(pair.both())
                    .as("upload %s/%s", pair.code, pair.dataset)
                    .filteredOn(r -> r.status() == 202)
                    .hasSize(1);
            assertThat(pair.loser().status())
                    .as("second upload %s", pair.loser())
                    .isEqualTo(409);
            assertThat(pair.loser().body())
                    .containsAnyOf("is not waiting for an extract", "Someone else changed this at the same moment");
        }
        for (Pair pair : engineRestPairs) {
            assertThat(pair.both())
                    .as("completion of task %s", pair.taskId)
                    .filteredOn(r -> r.status() == 204)
                    .hasSize(1);
            assertThat(ENGINE_REST_LOSER)
                    .as("second completion %s", pair.loser())
                    .contains(pair.loser().status());
            if (pair.loser().status() == 500) {
                assertThat(pair.loser().body())
                        .as("second completion")
                        .containsAnyOf(ENGINE_REST_500.toArray(String[]::new));
            }
            if (pair.loser().status() == 409) {
                assertThat(pair.loser().body())
                        .as("second completion")
                        .contains("OptimisticLockingException", "Someone else changed this at the same moment");
            }
        }

        for (String code : codes) {
            Node node = cluster.nodes().get(Math.abs(code.hashCode()) % 2);
            Rest pmo = node.as(PMO, Cluster.PASSWORD);
            List<Map<String, Object>> decisions =
                    pmo.get("/api/projects/" + code + "/decisions").ok().list();
            Map<String, List<String>> outcomes = new TreeMap<>();
            decisions.stream()
                    .filter(d -> List.of("migrationDryRun", "dataSignOff").contains(d.get("decision")))
                    .forEach(d -> outcomes.computeIfAbsent(
                                    d.get("decision") + " " + d.get("subject"), k -> new ArrayList<>())
                            .add((String) d.get("outcome")));
            Map<String, List<String>> expected = new TreeMap<>();
            for (String dataset : DATASETS) {
                for (int round = 1; round <= 2; round++) {
                    expected.put("migrationDryRun dataset " + dataset + " round " + round, List.of("passed"));
                    expected.put(
                            "dataSignOff dataset " + dataset + " round " + round,
                            List.of(round == 1 ? "refused" : "signed-off"));
                }
            }
            assertThat(outcomes)
                    .as("gate decisions and sign-offs of %s, once per round", code)
                    .isEqualTo(expected);

            for (String dataset : DATASETS) {
                List<Map<String, Object>> runs = pmo.get("/api/projects/" + code + "/datasets/" + dataset + "/runs")
                        .ok()
                        .list();
                assertThat(runs)
                        .as("dry runs of %s/%s", code, dataset)
                        .extracting(r -> r.get("round"))
                        .containsExactlyInAnyOrder(1, 2);
                assertThat(runs).allSatisfy(r -> assertThat(r.get("sourceRows")).isEqualTo(SOURCE_ROWS.get(dataset)));
                assertThat(stagedRows(cluster, code, dataset))
                        .as("staged rows of %s/%s", code, dataset)
                        .isEqualTo(Map.of(2, ACCEPTED_ROWS.get(dataset)));
            }

            Map<String, Long> completed = admin
                    .get("/engine-rest/history/task?processInstanceBusinessKey=" + code + "&finished=true")
                    .ok()
                    .list()
                    .stream()
                    .collect(Collectors.groupingBy(
                            t -> (String) t.get("taskDefinitionKey"), TreeMap::new, Collectors.counting()));
            assertThat(completed)
                    .as("completed tasks of %s", code)
                    .isEqualTo(Map.of(DEFINE, 4L, UPLOAD, 4L, SIGN_OFF, 4L));

            Map<String, Object> chain = pmo.get("/api/projects/" + code + "/audit/verification")
                    .ok()
                    .map();
            assertThat(chain)
                    .as("decision log chain of %s", code)
                    .containsEntry("intact", true)
                    .containsEntry("records", decisions.size());
        }

        assertThat(admin.get("/engine-rest/incident/count").ok().map()).containsEntry("count", 0);
        assertThat(admin.get("/engine-rest/job/count?withException=true").ok().map())
                .containsEntry("count", 0);
        // per dataset and project two dry runs and one staging load, each run to its end exactly once
        assertThat(jobsDone)
                .extracting(j -> j.get("jobId"))
                .doesNotHaveDuplicates()
                .hasSize(PROJECTS * DATASETS.size() * 3);
        // which node runs a job is up to the job executors (usually the one whose request created it, woken by it);
        // the distribution is reported above, and CrashRecoveryIT sees one job run on each node in turn
        assertThat(jobsPerNode.keySet())
                .as("nodes that ran the asynchronous steps")
                .isSubsetOf("node-a", "node-b")
                .isNotEmpty();
    }

    /** How the second requests of the pairs were answered: status and the engine's exception type, counted. */
    static Map<String, Long> refusals(List<Pair> pairs) {
        return pairs.stream()
                .flatMap(p -> p.both().stream().filter(r -> r.status() / 100 != 2))
                .collect(Collectors.groupingBy(r -> r.status() + " " + kind(r), TreeMap::new, Collectors.counting()));
    }

    private static String kind(Response r) {
        try {
            Map<String, Object> body = r.map();
            if (!body.containsKey("type")) {
                return String.valueOf(body.getOrDefault("errors", body)).replaceAll("project [A-Z0-9-]+", "project P");
            }
            String message = String.valueOf(body.get("message")).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID");
            return body.get("type") + ": " + (message.length() > 160 ? message.substring(0, 160) : message);
        } catch (RuntimeException e) {
            return r.body().length() > 80 ? r.body().substring(0, 80) : r.body();
        }
    }

    /** A task of one dataset of one project (or, for uploads, the dataset alone). */
    record Target(String code, String dataset, String id) {}

    interface Call {
        Response send(Node node, Target target);
    }

    /**
     * For each project and dataset: waits for the open task (when a task definition key is given), then sends the
     * call twice at the same moment, once to each node, all pairs at once.
     */
    private static List<Pair> twice(
            ExecutorService pool, Cluster cluster, List<String> codes, String taskDefinitionKey, Call call)
            throws Exception {
        List<Target> targets = new ArrayList<>();
        for (String code : codes) {
            for (String dataset : DATASETS) {
                String id = taskDefinitionKey == null
                        ? null
                        : (String) cluster.awaitTask(cluster.a, code, taskDefinitionKey, dataset)
                                .get("id");
                targets.add(new Target(code, dataset, id));
            }
        }
        if (taskDefinitionKey == null) {
            // an upload needs the open upload task the define step created
            for (Target t : targets) {
                cluster.awaitTask(cluster.b, t.code, UPLOAD, t.dataset);
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>[]> futures = new ArrayList<>();
        for (Target target : targets) {
            @SuppressWarnings("unchecked")
            Future<Response>[] pair = new Future[] {
                pool.submit(() -> {
                    go.await();
                    return call.send(cluster.a, target);
                }),
                pool.submit(() -> {
                    go.await();
                    return call.send(cluster.b, target);
                })
            };
            futures.add(pair);
        }
        go.countDown();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            pairs.add(new Pair(t.code, t.dataset, t.id, futures.get(i)[0].get(), futures.get(i)[1].get()));
        }
        return pairs;
    }

    /** The demo project's definition with a reject threshold of 15 %, so the customer's files pass the dry run. */
    static Map<String, Object> definition(String dataset) {
        try (InputStream in = ClusterIT.class.getResourceAsStream("/demo/erp-case/datasets/" + dataset + ".json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> definition = Rest.JSON.readValue(in, Map.class);
            definition.put("rejectThreshold", 15);
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample(String name) {
        try (InputStream in = ClusterIT.class.getResourceAsStream("/demo/erp-case/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows in the staging table per round, read from the database. */
    static Map<Integer, Integer> stagedRows(Cluster cluster, String code, String dataset) throws SQLException {
        try (Connection c = cluster.database.getConnection();
                PreparedStatement s = c.prepareStatement("select round, count(*) from migration_staging"
                        + " where project_code = ? and dataset = ? group by round")) {
            s.setString(1, code);
            s.setString(2, dataset);
            Map<Integer, Integer> rows = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getInt(1), rs.getInt(2));
                }
            }
            return rows;
        }
    }
}
