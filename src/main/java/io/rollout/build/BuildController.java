package io.rollout.build;

import io.rollout.build.BuildRepository.Acceptance;
import io.rollout.build.BuildRepository.Iteration;
import io.rollout.build.BuildRepository.StoredBaseline;
import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Demo;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.project.ProjectRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projects/{code}/build} for every Rollout role: per module in scope its owning department,
 * vendor baseline, iterations (plan, scope, demo, acceptance), configuration items, customisations with
 * their status, and the upgrade risk. 200, 403, 404.
 */
@RestController
class BuildController {

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final ProjectRepository projects;
    private final ProjectAccess access;

    BuildController(BuildRepository builds, BuildProgress progress, ProjectRepository projects, ProjectAccess access) {
        this.builds = builds;
        this.progress = progress;
        this.projects = projects;
        this.access = access;
    }

    @GetMapping("/api/projects/{code}/build")
    List<ModuleBuild> build(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return projects.modules(code).stream()
                .map(module -> module(code, module))
                .toList();
    }

    private ModuleBuild module(String code, String module) {
        List<Acceptance> acceptances = builds.acceptances(code, module);
        List<IterationView> iterations = builds.iterations(code, module).stream()
                .map(i -> IterationView.of(
                        i,
                        acceptances.stream()
                                .filter(a -> a.iteration() == i.iteration())
                                .reduce((first, second) -> second)
                                .orElse(null)))
                .toList();
        List<ItemView> items = builds.configurationItems(code, module).stream()
                .map(s -> ItemView.of(s.iteration(), s.item()))
                .toList();
        return new ModuleBuild(
                module,
                progress.department(code, module),
                builds.baseline(code, module).orElse(null),
                iterations,
                items,
                builds.customisations(code, module),
                progress.upgradeRisk(code, module));
    }

    record ModuleBuild(
            String module,
            String department,
            StoredBaseline baseline,
            List<IterationView> iterations,
            List<ItemView> configurationItems,
            List<StoredCustomisation> customisations,
            UpgradeRisk upgradeRisk) {}

    record IterationView(
            int iteration,
            String goal,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            Boolean customisationsPlanned,
            String plannedBy,
            Instant startedAt,
            Instant endedAt,
            List<String> scope,
            Demo demo,
            Acceptance acceptance) {

        static IterationView of(Iteration i, Acceptance acceptance) {
            return new IterationView(
                    i.iteration(),
                    i.goal(),
                    i.plannedStart(),
                    i.plannedEnd(),
                    i.customisationsPlanned(),
                    i.plannedBy(),
                    i.startedAt(),
                    i.endedAt(),
                    i.scope(),
                    i.demo(),
                    acceptance);
        }
    }

    record ItemView(
            int iteration,
            String type,
            String requirementId,
            String sourceField,
            String targetField,
            String role,
            String function,
            String documentType,
            String steps,
            String description) {

        static ItemView of(int iteration, ConfigurationItem item) {
            return new ItemView(
                    iteration,
                    item.type(),
                    item.requirementId(),
                    item.sourceField(),
                    item.targetField(),
                    item.role(),
                    item.function(),
                    item.documentType(),
                    item.steps(),
                    item.description());
        }
    }
}
