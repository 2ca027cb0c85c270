package io.rollout.project;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Targets a new project gets unless its start form says otherwise ({@code rollout.defaults.*}).
 *
 * @param uatPassTarget             percent of test cases that must pass
 * @param trainingTarget            percent of planned users per role who must be trained and pass
 * @param trainingPassMark          assessment score that passes
 * @param migrationRejectThreshold  highest reject rate, in percent, of a migration dry run before sign-off
 */
@ConfigurationProperties("rollout.defaults")
public record ProjectDefaults(
        int uatPassTarget, int trainingTarget, int trainingPassMark, int migrationRejectThreshold) {}
