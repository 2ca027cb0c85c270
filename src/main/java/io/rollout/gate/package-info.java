/**
 * The gate kernel: one shape for every automatic gate and check of Rollout's processes.
 *
 * <p>A gate is a service task that decides whether the process may pass, on data stored by its phase. Every gate
 * has the same parts:
 * <ul>
 *   <li>an <b>input record</b> in the owning feature, with everything the rule decides on (e.g.
 *       {@code UatGateRule.Input});</li>
 *   <li>a <b>rule</b>, a {@link io.rollout.gate.GateRule}: a plain class from input to
 *       {@link io.rollout.gate.GateOutcome} (passed, and {@link io.rollout.gate.Finding}s as message codes with
 *       arguments), with no Spring, engine or database;</li>
 *   <li>a <b>rule test</b>, plain JUnit 5 and AssertJ, one case per way to fail;</li>
 *   <li><b>one bean</b>, a {@link io.rollout.gate.GateDelegate} named by the decision
 *       ({@code @Component("uatGate")}), bound in the model with {@code camunda:delegateExpression="${uatGate}"}. It
 *       loads the input through the feature's read API (a repository or read service, never SQL of its own) and
 *       names the subject and inputs of the decision; the base does the rest: it reads {@code projectCode}, writes
 *       {@code <gate>Passed} and {@code <gate>Findings} (capped by {@link io.rollout.shared.Findings} to fit the
 *       engine's 4,000-character variable column), records the decision in the decision log and counts the outcome
 *       in the metric {@value io.rollout.gate.GateRecorder#OUTCOMES}.</li>
 * </ul>
 * Adding a gate is exactly these four things; the gateway after the service task reads {@code ${<gate>Passed}},
 * the next task's form shows {@code <gate>Findings}, and the message codes go into
 * {@code messages/<area>.properties} and {@code messages/<area>_zh_CN.properties}.
 *
 * <p>The gates on this kernel: {@code requirementSignOff}, {@code solutionMatchCheck} and
 * {@code effectVerificationCheck} (requirements), {@code uatGate}, {@code trainingCompletionCheck},
 * {@code hypercareExitCheck} (operations) and {@code overdueMilestoneCheck} (governance). A check that differs
 * overrides one of the base's hooks rather than growing its own shape: the requirements gates write plain lines
 * ({@code findingsText}), the hypercare exit names its outcomes {@code exit}/{@code continue}
 * ({@code outcomeName}), the overdue-milestone check escalates ({@code act}), writes {@code newlyOverdue}
 * ({@code write}) and records one decision per milestone ({@code decisions}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Gate kernel",
        allowedDependencies = {"audit", "shared"})
package io.rollout.gate;
