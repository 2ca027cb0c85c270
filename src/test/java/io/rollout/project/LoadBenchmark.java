package io.rollout.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.RolloutApplication;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.operations.Incidents;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load benchmark (issue 11): the real application, started in this JVM on an H2 file database with the job executor
 * on, and two measurements, each against Rollout and against a bare Camunda process deployed in the same run.
 * <ol>
 *   <li>Concurrent users of the group {@code it-operations} work through the engine REST API with basic auth for a
 *   fixed time: query their group's open tasks, claim one, submit its form. Rollout's task is
 *   {@code UserTask_ResolveIncident} of {@code hypercareIncident} (its form, the SLA timer, the complete listener that
 *   stores the resolution and chains a decision into the project's log), opened through {@link Incidents}; the bare
 *   process has one user task for the same group, no form, listener or timer, and gets the same variables. A feeder
 *   keeps the same number of open tasks waiting on both sides.</li>
 *   <li>One project's whole happy path ({@link HappyPathWalk}) against a bare process with as many activities and
 *   user tasks, counted from the project's history, walked the same way (query, claim, submit).</li>
 * </ol>
 * Writes {@code bench/results/load-<time>.md}. Not part of the test suite:
 * {@code ./mvnw -B -q -Pbench-load test-compile exec:exec}.
 */
public final class LoadBenchmark {

    static final String BARE_TASK = "bareLoadTask";
    static final String BARE_LIFECYCLE = "bareLifecycle";
    static final String PASSWORD = "load-Secret-2026";
    static final String FORM = """
        {"variables":{"resolution":{"value":"Cable replaced, printer back online","type":"String"}}}""";
    static final ObjectMapper JSON = new ObjectMapper();
    static final int FEEDERS = 2;

    public static void main(String[] args) throws Exception {
        int users = intArg(args, 0, 50);
        int seconds = intArg(args, 1, 60);
        int warmUpSeconds = intArg(args, 2, 15);
        int backlog = intArg(args, 3, 500);
        int lifecycles = intArg(args, 4, 10);
        Path work = Path.of(args.length > 5 ? args[5] : "target/bench-load");
        Files.createDirectories(work);
        String loadAtStart = loadAverage();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + work.toAbsolutePath().resolve("db-" + System.nanoTime()) + ";DB_CLOSE_ON_EXIT=FALSE");
        properties.put("camunda.bpm.job-execution.enabled", "true");
        // the REST API and its authentication address the engine by the name default
        properties.put("camunda.bpm.generate-unique-process-engine-name", "false");
        properties.put("logging.level.root", "WARN");
        // a claim that loses the race is an expected outcome here, counted below, not a stack trace per request
        properties.put("logging.level.org.camunda.bpm.engine.rest.exception", "OFF");
        properties.put("logging.level.org.camunda.bpm.engine.context", "OFF");
        properties.put("logging.level.org.camunda.bpm.engine.cmd", "OFF");
        long startUp = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RolloutApplication.class)
                .profiles("test")
                // as arguments, not default properties: those would lose against the test profile's database and engine
                .run(properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new))) {
            double startUpSeconds = (System.nanoTime() - startUp) / 1e9;
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JobExecutor jobExecutor =
                    app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();

            // 2. lifecycle first: the walk executes its own jobs, as the process test does
            jobExecutor.shutdown();
            Lifecycle lifecycle = lifecycle(app, lifecycles);
            jobExecutor.start();

            // 1. load
            IdentityService identity = app.getBean(IdentityService.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            Incidents incidents = app.getBean(Incidents.class);
            ProjectRepository projects = app.getBean(ProjectRepository.class);
            deploy(
                    app,
                    BARE_TASK,
                    Bpmn.createExecutableProcess(BARE_TASK)
                            .name("Bare task")
                            .camundaHistoryTimeToLive(30)
                            .startEvent("StartEvent_Bare")
                            .userTask("UserTask_Bare")
                            .name("Bare task")
                            .camundaCandidateGroups(Roles.IT_OPERATIONS)
                            .endEvent("EndEvent_Bare")
                            .done());
            List<String> loadUsers = new ArrayList<>();
            for (int i = 1; i <= users; i++) {
                String id = "loadops%03d".formatted(i);
                TestUsers.ensure(identity, id, PASSWORD, Roles.IT_OPERATIONS);
                loadUsers.add(id);
            }
            // incidents spread over 50 projects: each resolution chains into its project's decision log
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String code = TestProjects.newCode();
                TestProjects.create(projects, code, List.of("procurement"), List.of("procurement"), List.of());
                codes.add(code);
            }
            Side rollout = new Side(
                    "Rollout",
                    "hypercareIncident",
                    (feeder, n) -> incidents.open(
                            codes.get((int) (n % (codes.size() / FEEDERS)) * FEEDERS + feeder),
                            "Label printer " + n + " offline",
                            "low",
                            "procurement",
                            "loadreporter",
                            null));
            Side bare = new Side(
                    "bare Camunda",
                    BARE_TASK,
                    (feeder, n) -> runtime.startProcessInstanceByKey(
                            BARE_TASK,
                            "BARE-" + feeder + "-" + n,
                            Map.of(
                                    "projectCode",
                                    codes.get(feeder),
                                    "incidentId",
                                    (int) n,
                                    "incidentTitle",
                                    "Label printer " + n + " offline",
                                    "severity",
                                    "low")));
            Run rolloutRun = rollout.run(port, loadUsers, warmUpSeconds, seconds, backlog);
            Run bareRun = bare.run(port, loadUsers, warmUpSeconds, seconds, backlog);

            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path report = Path.of("bench/results/load-" + stamp + ".md");
            Files.createDirectories(report.getParent());
            Files.writeString(
                    report,
                    report(
                            users,
                            seconds,
                            warmUpSeconds,
                            backlog,
                            lifecycles,
                            loadAtStart,
                            startUpSeconds,
                            jobExecutor,
                            rolloutRun,
                            bareRun,
                            lifecycle));
            System.out.println("report: " + report.toAbsolutePath());
            System.out.println(Files.readString(report));
        }
    }

    // --- 1. concurrent users through REST ------------------------------------------------------------

    interface Starter {
        void start(int feeder, long n);
    }

    record Side(String name, String processKey, Starter starter) {

        Run run(int port, List<String> users, int warmUpSeconds, int seconds, int backlog) throws InterruptedException {
            AtomicLong started = new AtomicLong();
            AtomicLong completed = new AtomicLong();
            Feeder feeder = new Feeder(this, started, completed, backlog);
            feeder.fill();
            feeder.start();
            try {
                work(port, users, warmUpSeconds, completed);
                String loadBefore = loadAverage();
                Run run = work(port, users, seconds, completed);
                return run.with(this, loadBefore, loadAverage(), feeder.started.get(), feeder.failures);
            } finally {
                feeder.stop();
            }
        }

        private Run work(int port, List<String> users, int seconds, AtomicLong completed) throws InterruptedException {
            String query = "/engine-rest/task?processDefinitionKey=" + processKey + "&candidateGroup="
                    + Roles.IT_OPERATIONS + "&sortBy=created&sortOrder=asc&maxResults=50";
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<User> workers = users.stream()
                    .map(u -> new User(Http.as(port, u, PASSWORD), u, query, end, completed))
                    .toList();
            Map<Long, Long> serverBefore = requestThreadCpu();
            long processBefore = processCpu();
            long start = System.nanoTime();
            List<Thread> threads =
                    workers.stream().map(w -> start(new Thread(w, w.userId))).toList();
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            Run run = new Run(elapsed);
            workers.forEach(run::add);
            run.serverCpuSeconds = cpuSeconds(serverBefore, requestThreadCpu());
            run.processCpuSeconds = (processCpu() - processBefore) / 1e9;
            return run;
        }
    }

    /** Keeps {@code backlog} open tasks waiting: starts a new instance for every completed one. */
    static final class Feeder {
        final Side side;
        final AtomicLong started;
        final AtomicLong completed;
        final int backlog;
        final List<Thread> threads = new ArrayList<>();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();
        volatile boolean running = true;

        Feeder(Side side, AtomicLong started, AtomicLong completed, int backlog) {
            this.side = side;
            this.started = started;
            this.completed = completed;
            this.backlog = backlog;
        }

        void fill() {
            for (int i = 0; i < backlog; i++) {
                side.starter.start(i % FEEDERS, started.incrementAndGet());
            }
        }

        void start() {
            for (int f = 0; f < FEEDERS; f++) {
                int feeder = f;
                threads.add(LoadBenchmark.start(new Thread(
                        () -> {
                            while (running) {
                                if (started.get() - completed.get() < backlog) {
                                    try {
                                        side.starter.start(feeder, started.incrementAndGet());
                                    } catch (RuntimeException e) {
                                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                                    }
                                } else {
                                    sleep(5);
                                }
                            }
                        },
                        "feeder-" + feeder)));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** One simulated user: query the group's tasks, claim one of them, submit its form; until the time is up. */
    static final class User implements Runnable {
        final Http http;
        final String userId;
        final String query;
        final long end;
        final AtomicLong completed;
        final Histogram queries = histogram();
        final Histogram claims = histogram();
        final Histogram completions = histogram();
        final Map<String, Integer> outcomes = new TreeMap<>();
        final Map<String, String> examples = new TreeMap<>();
        long emptyQueries;

        User(Http http, String userId, String query, long end, AtomicLong completed) {
            this.http = http;
            this.userId = userId;
            this.query = query;
            this.end = end;
            this.completed = completed;
        }

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                HttpResponse<String> tasks = timed(() -> http.get(query), queries::recordValue, "query");
                if (tasks == null || tasks.statusCode() != 200) {
                    continue;
                }
                JsonNode list = read(tasks.body());
                if (list.isEmpty()) {
                    emptyQueries++;
                    sleep(20);
                    continue;
                }
                // like people in front of one list: each picks one of the tasks shown, and some pick the same
                String taskId = list.get(ThreadLocalRandom.current().nextInt(list.size()))
                        .get("id")
                        .asText();
                HttpResponse<String> claim = timed(
                        () -> http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + userId + "\"}"),
                        claims::recordValue,
                        "claim");
                if (claim == null || claim.statusCode() != 204) {
                    continue;
                }
                HttpResponse<String> submit = timed(
                        () -> http.post("/engine-rest/task/" + taskId + "/submit-form", FORM),
                        completions::recordValue,
                        "submit-form");
                if (submit != null && submit.statusCode() == 204) {
                    completed.incrementAndGet();
                }
            }
        }

        private HttpResponse<String> timed(
                java.util.function.Supplier<HttpResponse<String>> call, LongConsumer micros, String what) {
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = call.get();
            } catch (RuntimeException e) {
                outcomes.merge(what + " " + e.getClass().getSimpleName(), 1, Integer::sum);
                return null;
            }
            long took = (System.nanoTime() - start) / 1000;
            String outcome = what + " " + response.statusCode();
            if (response.statusCode() >= 300) {
                outcome += " " + errorType(response.body());
                examples.putIfAbsent(
                        outcome,
                        response.body().length() > 300 ? response.body().substring(0, 300) : response.body());
            } else {
                // latencies of successful calls only; a refused claim is counted below by its reason
                micros.accept(Math.min(took, MAX_MICROS));
            }
            outcomes.merge(outcome, 1, Integer::sum);
            return response;
        }
    }

    static final long MAX_MICROS = 60_000_000L;

    static Histogram histogram() {
        return new Histogram(MAX_MICROS, 3);
    }

    /** The measured period of one side, all users together. */
    static final class Run {
        final double seconds;
        final Histogram queries = histogram();
        final Histogram claims = histogram();
        final Histogram completions = histogram();
        final Map<String, Integer> outcomes = new TreeMap<>();
        final Map<String, String> examples = new TreeMap<>();
        long emptyQueries;
        Side side;
        String loadBefore;
        String loadAfter;
        long instancesStarted;
        Map<String, Integer> feederFailures;
        double serverCpuSeconds;
        double processCpuSeconds;

        Run(double seconds) {
            this.seconds = seconds;
        }

        void add(User user) {
            queries.add(user.queries);
            claims.add(user.claims);
            completions.add(user.completions);
            user.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
            user.examples.forEach(examples::putIfAbsent);
            emptyQueries += user.emptyQueries;
        }

        Run with(Side side, String loadBefore, String loadAfter, long instancesStarted, Map<String, Integer> failures) {
            this.side = side;
            this.loadBefore = loadBefore;
            this.loadAfter = loadAfter;
            this.instancesStarted = instancesStarted;
            this.feederFailures = failures;
            return this;
        }

        double perSecond(Histogram h) {
            return h.getTotalCount() / seconds;
        }
    }

    // --- 2. one project's lifecycle --------------------------------------------------------------------

    record Lifecycle(
            List<Double> rolloutSeconds,
            List<Double> bareSeconds,
            List<Double> rolloutCpu,
            List<Double> bareCpu,
            int activities,
            int userTasks,
            int processInstances,
            Map<String, Long> byType,
            int bareActivities,
            String loadBefore,
            String loadAfter) {}

    static Lifecycle lifecycle(ConfigurableApplicationContext app, int walks) {
        String loadBefore = loadAverage();
        HappyPathWalk walk = new HappyPathWalk(app);
        HistoryService history = app.getBean(HistoryService.class);
        // the first walk of each warms up the JIT and the caches and is not counted; the first project's history
        // gives the size of the bare process
        HappyPathWalk.Walked walked = walk.walk();
        Set<String> instances = new LinkedHashSet<>();
        history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(walked.code())
                .list()
                .forEach(p -> instances.add(p.getId()));
        history.createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(walked.processInstanceId())
                .list()
                .forEach(p -> instances.add(p.getId()));
        List<HistoricActivityInstance> activities = activities(history, instances);
        Map<String, Long> byType = activities.stream()
                .collect(Collectors.groupingBy(
                        HistoricActivityInstance::getActivityType, TreeMap::new, Collectors.counting()));
        int userTasks = byType.getOrDefault("userTask", 0L).intValue();

        deploy(app, BARE_LIFECYCLE, bareLifecycle(activities.size(), userTasks));
        RuntimeService runtime = app.getBean(RuntimeService.class);
        TaskService tasks = app.getBean(TaskService.class);
        FormService forms = app.getBean(FormService.class);
        TestUsers.ensure(
                app.getBean(IdentityService.class),
                ImplementationProjectProcessTests.IT_OPERATIONS,
                "e2e-Secret-2026",
                Roles.IT_OPERATIONS);
        String bareInstance = walkBare(runtime, tasks, forms, "BARE-LIFECYCLE-0");
        int bareActivities = activities(history, Set.of(bareInstance)).size();
        if (bareActivities != activities.size()) {
            throw new IllegalStateException(
                    "bare process has " + bareActivities + " activities, the project " + activities.size());
        }
        // alternately, so that both see the same machine: its neighbours come and go
        List<Double> rollout = new ArrayList<>();
        List<Double> rolloutCpu = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> bareCpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= walks; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            walk.walk();
            rollout.add((System.nanoTime() - start) / 1e9);
            rolloutCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            String key = "BARE-LIFECYCLE-" + i;
            cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            walkBare(runtime, tasks, forms, key);
            bare.add((System.nanoTime() - start) / 1e9);
            bareCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        return new Lifecycle(
                rollout,
                bare,
                rolloutCpu,
                bareCpu,
                activities.size(),
                userTasks,
                instances.size(),
                byType,
                bareActivities,
                loadBefore,
                loadAverage());
    }

    static List<HistoricActivityInstance> activities(HistoryService history, Set<String> instances) {
        List<HistoricActivityInstance> all = new ArrayList<>();
        for (String instance : instances) {
            all.addAll(history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance)
                    .list());
        }
        return all;
    }

    /** Start, the user tasks in sequence with pass-through manual tasks spread between them, end. */
    static BpmnModelInstance bareLifecycle(int activities, int userTasks) {
        int passThrough = Math.max(0, activities - userTasks - 2);
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_LIFECYCLE)
                .name("Bare lifecycle")
                .camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Bare");
        for (int i = 0; i < userTasks; i++) {
            flow = flow.userTask("UserTask_Bare" + i)
                    .name("Bare task " + i)
                    .camundaCandidateGroups(Roles.IT_OPERATIONS);
            int after = passThrough / userTasks + (i < passThrough % userTasks ? 1 : 0);
            for (int j = 0; j < after; j++) {
                flow = flow.manualTask("ManualTask_Bare" + i + "_" + j);
            }
        }
        return flow.endEvent("EndEvent_Bare").done();
    }

    /** The bare process walked as the project is: find the open task, claim it, submit its form. */
    static String walkBare(RuntimeService runtime, TaskService tasks, FormService forms, String key) {
        String instance = runtime.startProcessInstanceByKey(BARE_LIFECYCLE, key).getId();
        while (true) {
            List<Task> open =
                    tasks.createTaskQuery().processInstanceBusinessKey(key).list();
            if (open.isEmpty()) {
                return instance;
            }
            Task task = open.get(0);
            tasks.claim(task.getId(), ImplementationProjectProcessTests.IT_OPERATIONS);
            forms.submitTaskForm(task.getId(), Map.of("done", "yes"));
        }
    }

    static void deploy(ConfigurableApplicationContext app, String key, BpmnModelInstance model) {
        app.getBean(RepositoryService.class)
                .createDeployment()
                .name("load benchmark " + key)
                .addModelInstance(key + ".bpmn", model)
                .deploy();
    }

    // --- report ----------------------------------------------------------------------------------------

    static String report(
            int users,
            int seconds,
            int warmUp,
            int backlog,
            int walks,
            String loadAtStart,
            double startUpSeconds,
            JobExecutor jobExecutor,
            Run rollout,
            Run bare,
            Lifecycle lifecycle)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Load: concurrent users through REST, and one project's lifecycle\n\n");
        md.append("Command: `./mvnw -B -q -Pbench-load test-compile exec:exec -Dbench.users=%d -Dbench.seconds=%d "
                        .formatted(users, seconds))
                .append("-Dbench.warmup=%d -Dbench.backlog=%d -Dbench.lifecycles=%d`\n\n"
                        .formatted(warmUp, backlog, walks));
        md.append("Machine: %s, %d cores (`availableProcessors`), %s %s, Java %s, heap max %d MB. Load average "
                        .formatted(
                                cpuModel(),
                                Runtime.getRuntime().availableProcessors(),
                                System.getProperty("os.name"),
                                System.getProperty("os.version"),
                                System.getProperty("java.version"),
                                Runtime.getRuntime().maxMemory() / (1024 * 1024)))
                .append(
                        "(1/5/15 min) before the start: %s. The machine is shared: the figures are those of this run on it.\n\n"
                                .formatted(loadAtStart));
        md.append("The application (profile `test` settings, H2 file database, job executor %s, Tomcat and Hikari "
                        .formatted(jobExecutor.isActive() ? "on" : "OFF"))
                .append("defaults: 200 threads, 10 connections) started in this JVM in %.0f s, on 127.0.0.1.\n\n"
                        .formatted(startUpSeconds));

        md.append("## 1. %d users querying, claiming and completing tasks through REST\n\n".formatted(users));
        md.append("""
            Each user is a Rollout user of the group `it-operations` with its own HTTP client and basic auth, in a
            closed loop without think time: `GET /engine-rest/task?processDefinitionKey=…&candidateGroup=it-operations\
            &sortBy=created&sortOrder=asc&maxResults=50`, pick one task of the list at random,
            `POST /engine-rest/task/{id}/claim`, `POST /engine-rest/task/{id}/submit-form` with a `resolution`. A claim that
            another user won is refused and the user queries again. %d s warm-up (not counted), then %d s measured per
            side, Rollout first, then bare, same application, same run. Two feeder threads keep %d tasks open on each
            side (one new instance per completed one), in the same JVM.

            - **Rollout**: `UserTask_ResolveIncident` of `hypercareIncident`, opened by `Incidents.open` (row in
              `incident`, process with the SLA timer), across 50 projects; completing it runs the form and the complete
              listener `incidentResolution` (stores the resolution, appends a hash-chained row to the project's
              `decision_log`).
            - **bare**: a process deployed in this run, start → one user task (candidate group `it-operations`, no
              form, no listener, no timer) → end, started with the same four variables.

            """.formatted(warmUp, seconds, backlog));
        md.append(
                "| side | measured | completions | completions/s | queries | queries/s | claims refused | empty lists | "
                        + "other errors | instances started | load avg before → after |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : List.of(rollout, bare)) {
            md.append("| %s | %.1f s | %d | **%.1f** | %d | **%.1f** | %d | %d | %d | %d | %s → %s |\n"
                    .formatted(
                            run.side.name(),
                            run.seconds,
                            run.completions.getTotalCount(),
                            run.perSecond(run.completions),
                            run.queries.getTotalCount(),
                            run.perSecond(run.queries),
                            refusedClaims(run),
                            run.emptyQueries,
                            otherErrors(run),
                            run.instancesStarted,
                            run.loadBefore,
                            run.loadAfter));
        }
        md.append("\nRatio Rollout / bare: completions/s %.2f, queries/s %.2f.\n\n"
                .formatted(
                        rollout.perSecond(rollout.completions) / bare.perSecond(bare.completions),
                        rollout.perSecond(rollout.queries) / bare.perSecond(bare.queries)));
        md.append("""
            The machine is shared, so the throughput above is what this process got of the 2 cores. The CPU time
            spent is less dependent on the neighbours: the Tomcat request threads (`http-nio-*`) run everything a
            request does — authentication, the engine command, Rollout's listener, the in-process H2 database —
            while the whole JVM also runs the 50 clients, the feeders (starting the instances) and the job executor.
            The load average during this part counts this JVM's own runnable threads too (clients and requests).

            | side | request threads CPU | per completed task | whole JVM CPU | per completed task |
            |---|---|---|---|---|
            """);
        for (Run run : List.of(rollout, bare)) {
            md.append("| %s | %.1f s | **%.1f ms** | %.1f s | %.1f ms |\n"
                    .formatted(
                            run.side.name(),
                            run.serverCpuSeconds,
                            1000 * run.serverCpuSeconds / run.completions.getTotalCount(),
                            run.processCpuSeconds,
                            1000 * run.processCpuSeconds / run.completions.getTotalCount()));
        }
        md.append("\nRatio Rollout / bare of the request threads' CPU per completed task: **%.2f**.\n\n"
                .formatted((rollout.serverCpuSeconds / rollout.completions.getTotalCount())
                        / (bare.serverCpuSeconds / bare.completions.getTotalCount())));
        md.append("Latency of successful calls, as the client sees it (HdrHistogram, µs precision):\n\n");
        md.append("| call | side | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        String[] calls = {"query", "claim", "submit-form"};
        for (String call : calls) {
            for (Run run : List.of(rollout, bare)) {
                Histogram h = histogramOf(run, call);
                md.append("| %s | %s | %d | %s | %s | %s | %s |\n"
                        .formatted(
                                call,
                                run.side.name(),
                                h.getTotalCount(),
                                ms(h.getValueAtPercentile(50)),
                                ms(h.getValueAtPercentile(95)),
                                ms(h.getValueAtPercentile(99)),
                                ms(h.getMaxValue())));
            }
            Histogram r = histogramOf(rollout, call);
            Histogram b = histogramOf(bare, call);
            md.append("| %s | **Rollout / bare** | | %.2f | %.2f | %.2f | |\n"
                    .formatted(call, ratio(r, b, 50), ratio(r, b, 95), ratio(r, b, 99)));
        }
        md.append("\nResponses (all calls of the measured period, by call, status and exception type):\n\n");
        md.append("| side | responses |\n|---|---|\n");
        for (Run run : List.of(rollout, bare)) {
            md.append("| %s | %s |\n"
                    .formatted(
                            run.side.name(),
                            run.outcomes.entrySet().stream()
                                            .map(e -> e.getKey() + ": " + e.getValue())
                                            .collect(Collectors.joining("; "))
                                    + (run.feederFailures.isEmpty() ? "" : "; feeder failures " + run.feederFailures)));
        }
        for (Run run : List.of(rollout, bare)) {
            run.examples.forEach((outcome, body) -> md.append("\n%s, first `%s`: `%s`\n"
                    .formatted(run.side.name(), outcome, body.replace('`', '\'').replace('\n', ' '))));
        }

        md.append("\n## 2. One project's happy path against a bare process of the same size\n\n");
        md.append("""
            A new project is walked from the start form to `EndEvent_ProjectFinished` with every gate passing at the
            first attempt (`HappyPathWalk`: the steps of `ImplementationProjectProcessTests` — the customer's ERP
            case with 2 departments, 2 modules and the customers dataset; requirement, test case and attendance
            imports; dry run and staging load, timers and the hypercare incident executed by the walk as in the
            test, so the job executor is paused for this part). One walk of each warms up, then %d of each are timed,
            a project and a bare one in turn. The first project's history, over its
            %d process instances (main process, phases, incident): **%d activities, %d of them user
            tasks** (%s). The bare process has the same: start, %d user tasks with pass-through manual tasks
            between them, end (%d activities in its history), walked the same way — find the open task, claim it,
            submit its form through the form service; in the same application. Load average before → after:
            %s → %s.

            """.formatted(
                        walks,
                        lifecycle.processInstances(),
                        lifecycle.activities(),
                        lifecycle.userTasks(),
                        lifecycle.byType().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")),
                        lifecycle.userTasks(),
                        lifecycle.bareActivities(),
                        lifecycle.loadBefore(),
                        lifecycle.loadAfter()));
        md.append("| process | walks | median | min | max | each | CPU of the walking thread, median |\n"
                + "|---|---|---|---|---|---|---|\n");
        md.append(lifecycleRow("Rollout project (happy path)", lifecycle.rolloutSeconds(), lifecycle.rolloutCpu()));
        md.append(lifecycleRow("bare, same number of activities", lifecycle.bareSeconds(), lifecycle.bareCpu()));
        md.append(
                        "\nRatio Rollout / bare (medians): **%.1f** in time, **%.1f** in CPU of the walking thread (everything "
                                .formatted(
                                        median(lifecycle.rolloutSeconds()) / median(lifecycle.bareSeconds()),
                                        median(lifecycle.rolloutCpu()) / median(lifecycle.bareCpu())))
                .append("runs on it: the engine, Rollout's delegates and listeners, H2).\n");
        return md.toString();
    }

    static Histogram histogramOf(Run run, String call) {
        return switch (call) {
            case "query" -> run.queries;
            case "claim" -> run.claims;
            default -> run.completions;
        };
    }

    static long refusedClaims(Run run) {
        return run.outcomes.entrySet().stream()
                .filter(e -> e.getKey().startsWith("claim ") && !e.getKey().equals("claim 204"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    static long otherErrors(Run run) {
        return run.outcomes.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("claim ")
                        && !e.getKey().endsWith(" 200")
                        && !e.getKey().endsWith(" 204"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    static double ratio(Histogram rollout, Histogram bare, double percentile) {
        return (double) rollout.getValueAtPercentile(percentile) / bare.getValueAtPercentile(percentile);
    }

    static String ms(long micros) {
        return "%.1f ms".formatted(micros / 1000.0);
    }

    static String lifecycleRow(String name, List<Double> seconds, List<Double> cpu) {
        return "| %s | %d | **%.2f s** | %.2f s | %.2f s | %s | %.2f s |\n"
                .formatted(
                        name,
                        seconds.size(),
                        median(seconds),
                        seconds.stream().mapToDouble(d -> d).min().orElse(0),
                        seconds.stream().mapToDouble(d -> d).max().orElse(0),
                        seconds.stream().map(s -> "%.2f".formatted(s)).collect(Collectors.joining(", ")),
                        median(cpu));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** CPU time so far of each Tomcat request thread, by thread id. */
    static Map<Long, Long> requestThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio")) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    static double cpuSeconds(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream()
                        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                        .sum()
                / 1e9;
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String errorType(String body) {
        try {
            JsonNode type = JSON.readTree(body).get("type");
            return type == null ? "" : type.asText();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException e) {
            return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static int intArg(String[] args, int index, int fallback) {
        return args.length > index && !args[index].isBlank() ? Integer.parseInt(args[index]) : fallback;
    }

    static Thread start(Thread thread) {
        thread.start();
        return thread;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LoadBenchmark() {}
}
