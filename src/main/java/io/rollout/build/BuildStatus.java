package io.rollout.build;

import io.rollout.project.ProjectScope;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Read API of the build phase for go-live readiness ({@code BusinessRuleTask_AssessReadiness} in {@code goLive}):
 * which modules in the project's scope are not (yet) accepted by their business owners. The one definition of
 * "module accepted": its latest acceptance ({@code UserTask_AcceptModule}, table {@code module_acceptance}) is
 * positive and was given on its latest iteration. The decision log's {@code moduleAcceptance} entries are the
 * audit record of those acceptances, not a second source.
 */
@Component
@NamedInterface("readiness")
public class BuildStatus {

    private final BuildRepository builds;
    private final ProjectScope scope;

    BuildStatus(BuildRepository builds, ProjectScope scope) {
        this.builds = builds;
        this.scope = scope;
    }

    /** Modules of the project without a valid acceptance, in scope order; empty when all are accepted. */
    public List<String> modulesNotAccepted(String projectCode) {
        return scope.modules(projectCode).stream()
                .filter(module -> !accepted(projectCode, module))
                .toList();
    }

    private boolean accepted(String projectCode, String module) {
        int last = builds.lastIteration(projectCode, module);
        return builds.latestAcceptance(projectCode, module)
                .map(a -> a.accepted() && a.iteration() == last)
                .orElse(false);
    }
}
