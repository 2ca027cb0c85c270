/**
 * The decision log with its hash chain, the chained engine history and the audit timeline.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit trail",
        allowedDependencies = {"identity", "shared"})
@io.rollout.shared.OwnsTables({"decision_log", "history_chain", "history_chain_head"})
package io.rollout.audit;
