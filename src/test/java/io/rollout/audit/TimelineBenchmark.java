package io.rollout.audit;

import io.rollout.RolloutApplication;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit timeline of one project among many finished ones (issue: under 100 ms among 10,000). Generates real
 * engine history — per project a finished incident process with its task, variables and decisions — in an H2 file
 * database, and measures {@link AuditTimeline#of} for random projects when the database holds 100 projects (the
 * baseline of the same run) and when it holds the full number. Writes {@code bench/results/timeline-<time>.md}.
 * Not part of the test suite: {@code ./mvnw -B -q -Pbench-timeline test-compile exec:exec}.
 */
public final class TimelineBenchmark {

    public static void main(String[] args) throws IOException {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench-timeline");
        Files.createDirectories(work);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RolloutApplication.class)
                .profiles("test")
                // as command-line arguments: default properties would lose to the test profile's in-memory database
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:"
                                + work.toAbsolutePath().resolve("db-" + System.nanoTime()) + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--logging.level.root=WARN")) {
            ProjectRepository projects = app.getBean(ProjectRepository.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            TaskService tasks = app.getBean(TaskService.class);
            AuditTimeline timeline = app.getBean(AuditTimeline.class);
            DecisionLog decisions = app.getBean(DecisionLog.class);
            List<String> codes = new ArrayList<>();
            long generationStart = System.nanoTime();
            Stats baseline = null;
            for (int i = 1; i <= total; i++) {
                String code = TestProjects.newCode();
                TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
                String instance = runtime.startProcessInstanceByKey(
                                "hypercareIncident",
                                code,
                                Map.of(
                                        "projectCode",
                                        code,
                                        "incidentId",
                                        1,
                                        "incidentTitle",
                                        "Printer offline",
                                        "severity",
                                        "low"))
                        .getId();
                tasks.complete(
                        tasks.createTaskQuery()
                                .processInstanceId(instance)
                                .singleResult()
                                .getId(),
                        Map.of("resolution", "Cable replaced"));
                decisions.record(new DecisionLog.Decision(
                        code, "uatGate", "round 1", "passed", List.of(), "10/10", DecisionLog.SYSTEM, null));
                codes.add(code);
                if (i == Math.min(100, total)) {
                    baseline = measure(timeline, codes);
                }
            }
            double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
            Stats full = measure(timeline, codes);
            int events = timeline.of(codes.get(0), new AuditTimeline.Filter(null, null, null, null, List.of()))
                    .size();
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path report = Path.of("bench/results/timeline-" + stamp + ".md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, """
                # Audit timeline of one project among many

                Command: `./mvnw -B -q -Pbench-timeline test-compile exec:exec` (H2 file database, %d projects, each
                with a finished `hypercareIncident` instance — task, variables, decisions — and %d timeline
                events; generated in %.0f s). Timeline of a random project, after 1,000 warm-up calls, 300 calls each:

                | database holds | p50 | p95 | p99 | max |
                |---|---|---|---|---|
                | 100 projects (baseline, same run) | %.2f ms | %.2f ms | %.2f ms | %.2f ms |
                | %d projects | %.2f ms | %.2f ms | %.2f ms | %.2f ms |

                Ratio p95 %d / 100 projects: %.2f. Target: under 100 ms.
                """.formatted(
                            total,
                            events,
                            generationSeconds,
                            baseline.p50,
                            baseline.p95,
                            baseline.p99,
                            baseline.max,
                            total,
                            full.p50,
                            full.p95,
                            full.p99,
                            full.max,
                            total,
                            full.p95 / baseline.p95));
            System.out.println("report: " + report.toAbsolutePath());
            System.out.println(Files.readString(report));
        }
    }

    record Stats(double p50, double p95, double p99, double max) {}

    private static Stats measure(AuditTimeline timeline, List<String> codes) {
        Random random = new Random(42);
        AuditTimeline.Filter all = new AuditTimeline.Filter(null, null, null, null, List.of());
        // the same warm-up before both measurements, so the JIT is not what the comparison shows
        for (int i = 0; i < 1000; i++) {
            timeline.of(codes.get(random.nextInt(codes.size())), all);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            long start = System.nanoTime();
            timeline.of(code, all);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Stats(millis.get(149), millis.get(284), millis.get(296), millis.get(299));
    }

    private TimelineBenchmark() {}
}
