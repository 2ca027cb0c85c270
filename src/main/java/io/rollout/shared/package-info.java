/**
 * Value types and helpers every module may use (messages, form input, JSON rows, problems); depends on no module of
 * ours.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared value types",
        allowedDependencies = {})
package io.rollout.shared;
