package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HypercareRulesTests {

    final HypercareRules rules = new HypercareRules();
    static final List<String> MODULES = List.of("finance", "inventory");

    static FormRow row(int number, Object id, String title, String severity, String module, String status, String resolution) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        values.put("title", title);
        values.put("severity", severity);
        values.put("module", module);
        values.put("reporter", "zhangwei");
        values.put("status", status);
        values.put("resolution", resolution);
        return new FormRow(number, values);
    }

    static HypercareRules.Incident incident(int id, String severity, String status) {
        return new HypercareRules.Incident(id, "Incident " + id, severity, null, "zhangwei", status, null);
    }

    @Test
    void readsNewAndExistingIncidents() {
        var result = rules.read(List.of(row(1, 3, "Slow report", "medium", "finance", "resolved", "Index added"),
            row(2, null, "Label printer", "low", null, null, null)), MODULES);

        assertThat(result.problems()).isEmpty();
        assertThat(result.incidents()).containsExactly(
            new HypercareRules.Incident(3, "Slow report", "medium", "finance", "zhangwei", "resolved", "Index added"),
            new HypercareRules.Incident(null, "Label printer", "low", null, "zhangwei", "open", null));
    }

    @Test
    void badRowsAreRefusedNamingRowAndField() {
        var result = rules.read(List.of(row(1, "x", null, "urgent", "crm", "closed", null),
            row(2, null, "Posting", "high", "finance", "resolved", null)), MODULES);

        assertThat(result.incidents()).isEmpty();
        assertThat(result.problems()).extracting(Problem::code).containsExactly("form.row.number", "form.row.required",
            "form.row.choice", "form.row.choice", "form.row.choice", "operations.incident.resolutionRequired");
    }

    @Test
    void exitWhenRequestedAndOnlyLowIncidentsAreOpen() {
        var exit = rules.exit(true, List.of(incident(1, "critical", "resolved"), incident(2, "low", "open")));

        assertThat(exit.ok()).isTrue();
        assertThat(exit.findings()).isEmpty();
    }

    @Test
    void noExitWhileACriticalOrHighIncidentIsOpen() {
        var exit = rules.exit(true, List.of(incident(1, "critical", "open"), incident(2, "high", "open"),
            incident(3, "medium", "open")));

        assertThat(exit.ok()).isFalse();
        assertThat(exit.findings()).extracting(p -> p.args()[0]).containsExactly(1, 2);
    }

    @Test
    void noExitWhenNotRequested() {
        var exit = rules.exit(false, List.of());

        assertThat(exit.ok()).isFalse();
        assertThat(exit.findings()).extracting(Problem::code).containsExactly("operations.hypercare.exitNotRequested");
    }
}
