package io.rollout.migration;

import io.rollout.migration.DryRun.ColumnSum;
import io.rollout.migration.DryRun.ReasonCount;
import io.rollout.migration.DryRunRules.Evaluation;
import io.rollout.migration.MigrationRepository.Run;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The reconciliation of a dry run as the data steward ({@code dryRunFindings} on
 * {@code UserTask_DefineDataset} and {@code UserTask_UploadExtract}) and the data owner
 * ({@code latestRunSummary} on {@code UserTask_SignOffDataset}) read it: counts, the gate's finding,
 * sums before and after, the top reject reasons with their first row, and where to download the
 * rejected rows and duplicates. Markdown for the forms' text components.
 */
@Component
class RunReport {

    private final MigrationRepository migrations;
    private final MigrationProperties properties;
    private final Messages messages;

    RunReport(MigrationRepository migrations, MigrationProperties properties, Messages messages) {
        this.migrations = migrations;
        this.properties = properties;
        this.messages = messages;
    }

    String of(String projectCode, String dataset, Run run, Evaluation evaluation) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.forRecord("migration.summary.run", FormInput.md(dataset), run.round(),
            FormInput.md(run.sourceFile()), FormInput.md(run.recordedBy()), FormInput.md(run.format())));
        parts.add(messages.forRecord("migration.summary.figures", String.valueOf(run.figures().source()),
            String.valueOf(run.figures().accepted()), String.valueOf(run.figures().rejected()), evaluation.rejectRate(),
            String.valueOf(run.duplicateRows()), String.valueOf(run.duplicateGroups())));
        parts.add(messages.forRecord(evaluation.finding().code(), evaluation.finding().args()));
        for (ColumnSum sum : migrations.sums(projectCode, dataset, run.round())) {
            parts.add(messages.forRecord("migration.summary.sum", FormInput.md(sum.column()), sum.source().toPlainString(),
                sum.accepted().toPlainString(), sum.rejected().toPlainString(), String.valueOf(sum.notNumeric())));
        }
        List<ReasonCount> reasons = migrations.reasons(projectCode, dataset, run.round());
        if (!reasons.isEmpty()) {
            StringBuilder top = new StringBuilder(messages.forRecord("migration.summary.topReasons"));
            for (ReasonCount reason : reasons.subList(0, Math.min(reasons.size(), properties.topReasons()))) {
                top.append("\n- ").append(messages.forRecord("migration.summary.reason", FormInput.md(reason.rule()),
                    String.valueOf(reason.rows()), String.valueOf(reason.firstRow()), FormInput.md(reason.example())));
            }
            parts.add(top.toString());
        }
        String base = "/api/projects/" + projectCode + "/datasets/" + dataset + "/runs/" + run.round() + "/";
        parts.add(messages.forRecord("migration.summary.downloads", base + "rejected.xlsx", base + "rejected.csv",
            base + "duplicates.xlsx", base + "accepted.csv"));
        return String.join("\n\n", parts);
    }

    /** The gate's finding alone, as the decision log keeps it. */
    String finding(Evaluation evaluation) {
        return messages.forRecord(evaluation.finding().code(), evaluation.finding().args());
    }

    /** The findings of a refused extract: why, and that nothing was stored. */
    String refused(String dataset, String fileName, String reason) {
        return messages.forRecord("migration.dryRun.refused", FormInput.md(fileName), FormInput.md(dataset),
            FormInput.md(reason));
    }
}
