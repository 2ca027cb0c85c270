package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Findings;
import io.rollout.shared.Messages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CheckHypercareExit} in {@code operationsPhase}: applies {@link HypercareExitRule} to the
 * project's open incidents and those reported in the last seven days; writes {@code hypercareExitOk} and
 * {@code hypercareFindings} and records decision {@code hypercareExit}.
 */
@Component("hypercareExitCheck")
class HypercareExitCheck implements JavaDelegate {

    private final JdbcClient jdbc;
    private final OperationsPolicy policy;
    private final Clock clock;
    private final DecisionLog decisions;
    private final Messages messages;

    HypercareExitCheck(JdbcClient jdbc, OperationsPolicy policy, Clock clock, DecisionLog decisions, Messages messages) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        List<HypercareExitRule.OpenIncident> open = jdbc.sql("""
                select id, severity, title from incident where project_code = ? and status = 'open' order by id""")
            .param(projectCode)
            .query((rs, n) -> new HypercareExitRule.OpenIncident(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
        int lastWeek = jdbc.sql("select count(*) from incident where project_code = ? and opened_at >= ?")
            .params(projectCode, Timestamp.from(Instant.now(clock).minus(Duration.ofDays(7))))
            .query(Integer.class).single();
        HypercareExitRule.Exit exit = HypercareExitRule.decide(open, lastWeek, policy.maxIncidentsPerWeek());
        List<String> findings = exit.findings().stream().map(f -> messages.forRecord(f.code(), f.args())).toList();
        execution.setVariable("hypercareExitOk", exit.ok());
        execution.setVariable("hypercareFindings", Findings.asText(findings));
        decisions.record(new Decision(projectCode, "hypercareExit", "hypercare", exit.ok() ? "exit" : "continue",
            findings, "open=" + open.size() + ", reportedLastWeek=" + lastWeek + ", maxPerWeek="
            + policy.maxIncidentsPerWeek(), DecisionLog.SYSTEM, execution.getProcessInstanceId()));
    }
}
