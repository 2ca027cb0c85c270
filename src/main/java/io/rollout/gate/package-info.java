/**
 * The gate kernel: a gate's pure rule over a typed input, its findings written through one capped formatter and its
 * decision recorded in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gate kernel", allowedDependencies = {"audit", "shared"})
package io.rollout.gate;
