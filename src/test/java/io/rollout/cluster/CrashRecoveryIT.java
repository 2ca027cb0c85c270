package io.rollout.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node dies with SIGKILL in the middle of an asynchronous dry run of the data migration (the job locked by it and
 * its lock renewed while it runs, the result files half written) and is started again on the same database. Nothing committed is lost: the tasks, the
 * variables, the project, the dataset definitions, the extract and the decision log are as before; the dry run
 * resumes on the surviving node once the dead node's lock has expired and runs exactly once; the restarted node
 * serves the same state and the project goes on through it to the staging load.
 */
@ExtendWith(Cluster.Extension.class)
class CrashRecoveryIT {

    /** Large enough that the dry run outlasts the lock time of the nodes (5 s) on an idle 2-core machine. */
    static final int ROWS = 800_000;
    /** Every hundredth row has an invalid phone number: 1 % rejected, under the default threshold of 2 %. */
    static final int REJECTED = ROWS / 100;

    static final String PMO = "crpmo";
    static final String STEWARD = "crsteward";
    static final String FINANCE_OWNER = "crfinance";
    /** What the dry run itself writes on its execution: these may differ after it ran, everything else may not. */
    static final Set<String> DRY_RUN_OUTPUTS =
            Set.of("extractId", "round", "rejectRate", "dryRunClean", "dryRunFindings", "latestRunSummary");

    @Test
    void aNodeKilledDuringADryRunLosesNothingAndTheDryRunResumesOnceOnTheOtherNode(Cluster cluster) throws Exception {
        cluster.ensureUser(PMO, "pmo");
        cluster.ensureUser(STEWARD, "data-steward");
        cluster.ensureUser(FINANCE_OWNER, "business-owner", "dept-finance");
        cluster.ensureUser("crwarehouse", "business-owner", "dept-warehouse");
        String code = Cluster.newCode("CR");
        String projectInstance = cluster.startProject(
                cluster.a, PMO, code, List.of("finance", "warehouse"), List.of("customers", "materials"));
        Rest steward = cluster.a.as(STEWARD, Cluster.PASSWORD);
        steward.put("/api/projects/" + code + "/datasets/customers", customersDefinition())
                .ok();
        steward.put("/api/projects/" + code + "/datasets/materials", ClusterIT.definition("materials"))
                .ok();
        cluster.moveToDataMigration(cluster.a, projectInstance);
        for (String dataset : List.of("customers", "materials")) {
            String task = (String) cluster.awaitTask(cluster.a, code, "UserTask_DefineDataset", dataset)
                    .get("id");
            steward.post("/engine-rest/task/" + task + "/complete", Map.of()).ok();
        }
        Map<String, Object> upload = cluster.awaitTask(cluster.b, code, "UserTask_UploadExtract", "customers");
        String migrationInstance = (String) upload.get("processInstanceId");

        long extractId = ((Number) cluster.b
                        .as(STEWARD, Cluster.PASSWORD)
                        .upload("/api/projects/" + code + "/datasets/customers/extracts", largeExtract(cluster))
                        .ok()
                        .map()
                        .get("extractId"))
                .longValue();
        State before = State.of(cluster, cluster.b, code, List.of(projectInstance, migrationInstance));

        // the node whose JVM is writing the dry run's result files right now
        Path work = cluster.storeDir.resolve(code).resolve("customers");
        AtomicReference<Node> running = new AtomicReference<>();
        await("a node running the dry run of " + code)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    for (Node node : cluster.nodes()) {
                        if (node.openFiles().stream()
                                .anyMatch(
                                        f -> f.startsWith(work) && f.toString().contains("/work-"))) {
                            running.set(node);
                            return true;
                        }
                    }
                    return false;
                });
        Node victim = running.get();
        Node survivor = Cluster.other(cluster, victim);
        // while it runs, the node keeps renewing the job's lock (half the lock time), so no other node starts it too
        Timestamp firstExpiry = lockExpiry(cluster, migrationInstance);
        assertThat(firstExpiry).as("dry run job locked while it runs").isNotNull();
        await("lock of the running dry run renewed")
                .atMost(Duration.ofMillis(Cluster.LOCK_TIME_MILLIS * 2L))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> lockExpiry(cluster, migrationInstance),
                        expiry -> expiry != null && expiry.after(firstExpiry));
        assertThat(victim.openFiles())
                .as("still running on %s", victim)
                .anyMatch(f -> f.startsWith(work) && f.toString().contains("/work-"));
        victim.kill();

        assertThat(extractStatus(cluster, extractId))
                .as("extract after the crash")
                .isEqualTo("pending");
        assertThat(survivor.as(PMO, Cluster.PASSWORD)
                        .get("/api/projects/" + code + "/datasets/customers/runs")
                        .ok()
                        .list())
                .as("rounds right after the crash: the killed run stored nothing")
                .isEmpty();

        // the survivor's job executor takes the job over once the dead node's lock has expired
        Map<String, Object> signOff = cluster.awaitTask(survivor, code, "UserTask_SignOffDataset", "customers");
        State after = State.of(cluster, survivor, code, List.of(projectInstance, migrationInstance));

        List<Map<String, Object>> runs = survivor.as(PMO, Cluster.PASSWORD)
                .get("/api/projects/" + code + "/datasets/customers/runs")
                .ok()
                .list();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0))
                .containsEntry("round", 1)
                .containsEntry("sourceRows", ROWS)
                .containsEntry("acceptedRows", ROWS - REJECTED)
                .containsEntry("rejectedRows", REJECTED);
        assertThat(extractStatus(cluster, extractId)).isEqualTo("processed");
        List<String> dryRunDecisions = after.decisions.stream()
                .filter(d -> d.startsWith("migrationDryRun "))
                .toList();
        assertThat(dryRunDecisions).containsExactly("migrationDryRun dataset customers round 1 passed system");
        List<Map<String, Object>> jobLog = cluster.admin(survivor)
                .get("/engine-rest/history/job-log?successLog=true" + "&processInstanceId=" + migrationInstance)
                .ok()
                .list();
        assertThat(jobLog)
                .extracting(j -> j.get("hostname"))
                .as("who ran the dry run")
                .containsExactly(survivor.name);

        // nothing committed before the crash is lost or changed
        assertThat(after.project).isEqualTo(before.project);
        assertThat(after.datasets).isEqualTo(before.datasets);
        assertThat(after.decisions).hasSize(before.decisions.size() + 1);
        assertThat(after.decisions.subList(0, before.decisions.size())).isEqualTo(before.decisions);
        assertThat(after.tasks)
                .containsAllEntriesOf(before.tasks)
                .containsKey((String) signOff.get("id"))
                .hasSize(before.tasks.size() + 1);
        assertThat(after.variablesBut(DRY_RUN_OUTPUTS)).containsAllEntriesOf(before.variablesBut(DRY_RUN_OUTPUTS));
        assertThat(chainIntact(survivor, code)).isTrue();

        // the killed node comes back on the same database and serves the same state
        victim.start();
        State restarted = State.of(cluster, victim, code, List.of(projectInstance, migrationInstance));
        assertThat(restarted.project).isEqualTo(after.project);
        assertThat(restarted.tasks).isEqualTo(after.tasks);
        assertThat(restarted.decisions).isEqualTo(after.decisions);
        assertThat(restarted.variables).isEqualTo(after.variables);

        victim.as(FINANCE_OWNER, Cluster.PASSWORD)
                .post(
                        "/engine-rest/task/" + signOff.get("id") + "/submit-form",
                        Map.of("variables", Map.of("dataSignedOff", Cluster.bool(true))))
                .ok();
        await("staging load of " + code)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ClusterIT.stagedRows(cluster, code, "customers"), rows -> !rows.isEmpty());
        assertThat(ClusterIT.stagedRows(cluster, code, "customers")).isEqualTo(Map.of(1, ROWS - REJECTED));
        Map<String, String> open = new TreeMap<>();
        cluster.tasks(victim, code).forEach(t -> open.put((String) t.get("id"), (String) t.get("name")));
        assertThat(open)
                .as("open tasks once customers is staged: those before the crash (materials still waits for"
                        + " its extract)")
                .isEqualTo(before.tasks);
        assertThat(chainIntact(victim, code)).isTrue();
        System.out.printf(
                "[crash] %s killed during the dry run of %,d rows; %s ran it again in %s ms (lock time %d ms);"
                        + " the restarted node served %d tasks, %d variables, %d decisions unchanged%n",
                victim.name,
                ROWS,
                survivor.name,
                runs.get(0).get("millis"),
                Cluster.LOCK_TIME_MILLIS,
                restarted.tasks.size(),
                restarted.variables.size(),
                restarted.decisions.size());
    }

    /** What a user and an auditor can see of a project, read through one node. */
    record State(
            Map<String, Object> project,
            List<Object> datasets,
            List<String> decisions,
            Map<String, String> tasks,
            Map<String, String> variables) {

        static State of(Cluster cluster, Node node, String code, List<String> instances) {
            Rest pmo = node.as(PMO, Cluster.PASSWORD);
            Map<String, Object> project =
                    new TreeMap<>(pmo.get("/api/projects/" + code).ok().map());
            // open tasks and the decision log are compared on their own below
            project.remove("phases");
            project.remove("decisions");
            List<String> decisions = pmo.get("/api/projects/" + code + "/decisions").ok().list().stream()
                    .map(d -> d.get("decision") + " " + d.get("subject") + " " + d.get("outcome") + " "
                            + d.get("decidedBy"))
                    .toList();
            Map<String, String> tasks = new TreeMap<>();
            cluster.tasks(node, code).forEach(t -> tasks.put((String) t.get("id"), (String) t.get("name")));
            Map<String, String> variables = new TreeMap<>();
            cluster.admin(node)
                    .get("/engine-rest/variable-instance?deserializeValues=false&processInstanceIdIn="
                            + String.join(",", instances))
                    .ok()
                    .list()
                    .forEach(v -> variables.put(
                            v.get("name") + "@" + v.get("executionId")
                                    + (v.get("taskId") == null ? "" : "/" + v.get("taskId")),
                            v.get("type") + ":" + v.get("value")));
            return new State(
                    project,
                    pmo.get("/api/projects/" + code + "/datasets").ok().json() instanceof List<?> l
                            ? new ArrayList<>(l)
                            : List.of(),
                    decisions,
                    tasks,
                    variables);
        }

        Map<String, String> variablesBut(Set<String> names) {
            Map<String, String> kept = new TreeMap<>(variables);
            kept.keySet().removeIf(key -> names.contains(key.substring(0, key.indexOf('@'))));
            return kept;
        }
    }

    /** The demo customers definition with 7-digit customer codes, so a large extract has unique valid codes. */
    static Map<String, Object> customersDefinition() {
        Map<String, Object> definition = ClusterIT.definition("customers");
        definition.remove("rejectThreshold");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) definition.get("rules");
        rules.stream().filter(r -> "code".equals(r.get("kind"))).forEach(r -> r.put("pattern", "C\\d{7}"));
        return definition;
    }

    static Path largeExtract(Cluster cluster) throws IOException {
        Path file = cluster.storeDir.resolveSibling("cluster-input").resolve("customers-large.csv");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("客户编码,客户名称,联系人,电话,城市,信用额度,建档日期\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write(String.format(
                        "C%07d,客户%d,王经理,%s,上海,%d,2024-03-15%n",
                        i, i, i % 100 == 0 ? "12345" : String.format("138%08d", i), i % 1000 * 100));
            }
        }
        return file;
    }

    /** The lock expiry of the dry run job, {@code null} when it is not locked (or done). */
    static Timestamp lockExpiry(Cluster cluster, String migrationInstance) throws SQLException {
        try (Connection c = cluster.database.getConnection();
                PreparedStatement s = c.prepareStatement("select lock_exp_time_ from act_ru_job"
                        + " where process_instance_id_ = ? and lock_owner_ is not null")) {
            s.setString(1, migrationInstance);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1) : null;
            }
        }
    }

    static String extractStatus(Cluster cluster, long extractId) throws SQLException {
        try (Connection c = cluster.database.getConnection();
                PreparedStatement s = c.prepareStatement("select status from migration_extract where id = ?")) {
            s.setLong(1, extractId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static boolean chainIntact(Node node, String code) {
        return Boolean.TRUE.equals(node.as(PMO, Cluster.PASSWORD)
                .get("/api/projects/" + code + "/audit/verification")
                .ok()
                .map()
                .get("intact"));
    }
}
