package io.rollout.migration;

import io.rollout.project.ProjectScope;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Read API of data migration for go-live readiness: which datasets in the project's scope are not
 * signed off by their owners. A dataset counts as signed off when its latest sign-off is positive and
 * no newer dry run exists ({@code BusinessRuleTask_AssessReadiness} in {@code goLive}).
 */
@Component
@NamedInterface("readiness")
public class MigrationStatus {

    private final MigrationRepository migrations;
    private final ProjectScope scope;

    MigrationStatus(MigrationRepository migrations, ProjectScope scope) {
        this.migrations = migrations;
        this.scope = scope;
    }

    /** Datasets of the project without a valid sign-off, in scope order; empty when all are signed off. */
    public List<String> datasetsNotSignedOff(String projectCode) {
        return scope.datasets(projectCode).stream()
                .filter(dataset -> !signedOff(projectCode, dataset))
                .toList();
    }

    private boolean signedOff(String projectCode, String dataset) {
        int last = migrations.lastRound(projectCode, dataset);
        return migrations
                .latestSignOff(projectCode, dataset)
                .map(s -> s.signedOff() && s.round() == last)
                .orElse(false);
    }
}
