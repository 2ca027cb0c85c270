package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentRulesTests {

    static final List<String> MODULES = List.of("finance", "inventory");

    @Test
    void anIncidentWithTitleAndKnownSeverityMayBeOpened() {
        assertThat(IncidentRules.checkReport(
                        new IncidentRules.Report("Invoices do not post", "high", "finance", "Since 9:00"), MODULES))
                .isEmpty();
        assertThat(IncidentRules.checkReport(new IncidentRules.Report("Login slow", "low", null, null), MODULES))
                .isEmpty();
    }

    @Test
    void reportNamesAMissingTitleAnUnknownSeverityAModuleOutOfScopeAndATooLongDescription() {
        assertThat(IncidentRules.checkReport(new IncidentRules.Report(" ", null, "hr", "x".repeat(2001)), MODULES))
                .containsExactly(
                        new Problem("form.field.required", "title"),
                        new Problem("form.field.choice", "severity", "critical, high, medium, low", ""),
                        new Problem("form.field.choice", "module", "finance, inventory", "hr"),
                        new Problem("operations.incident.descriptionTooLong", 2000));
        assertThat(IncidentRules.checkReport(new IncidentRules.Report("t", "urgent", null, null), MODULES))
                .containsExactly(new Problem("form.field.choice", "severity", "critical, high, medium, low", "urgent"));
    }

    @Test
    void aResolutionIsRequiredAndAtMostTwoThousandCharacters() {
        assertThat(IncidentRules.checkResolution(null)).contains(new Problem("form.field.required", "Resolution"));
        assertThat(IncidentRules.checkResolution("x".repeat(2001)))
                .contains(new Problem("operations.incident.resolutionTooLong", 2000));
        assertThat(IncidentRules.checkResolution("Restarted the posting job")).isEmpty();
    }
}
