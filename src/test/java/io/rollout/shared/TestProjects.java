package io.rollout.shared;

import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates projects directly in the tables, for phase process tests that start a phase on its own. */
public final class TestProjects {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestProjects() {}

    /** A new unique project code, so tests sharing one database never collide. */
    public static String newCode() {
        return "T-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** Stores a project with the given scope and the default targets (UAT 95 %, training 80 %, pass mark 60). */
    public static Project create(
            ProjectRepository projects,
            String code,
            List<String> departments,
            List<String> modules,
            List<String> datasets) {
        return projects.create(new Project(
                code,
                "Test project " + code,
                "Test customer",
                "ERP",
                95,
                80,
                60,
                2,
                Project.ACTIVE,
                departments,
                modules,
                datasets,
                null,
                "test",
                Instant.now()));
    }
}
