package io.rollout.migration;

import io.rollout.identity.RoleMembers;
import io.rollout.migration.DryRun.ColumnSum;
import io.rollout.migration.DryRun.ReasonCount;
import io.rollout.migration.DryRunRules.Evaluation;
import io.rollout.migration.MigrationRepository.Run;
import io.rollout.migration.MigrationRepository.SignOff;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The reconciliation of a dry run as the data steward ({@code dryRunFindings} on
 * {@code UserTask_DefineDataset} and {@code UserTask_UploadExtract}) and the data owner
 * ({@code latestRunSummary} on {@code UserTask_SignOffDataset}) read it: the file in a sentence, counts, the
 * gate's finding, sums before and after, the top reject reasons with their first row, and where to download the
 * rejected rows and duplicates (Markdown for the forms' text components); and the dataset's earlier rounds with
 * what became of them (rows of the sign-off form's table).
 */
@Component
class RunReport {

    private final MigrationRepository migrations;
    private final MigrationProperties properties;
    private final Names names;
    private final RoleMembers members;
    private final Messages messages;

    RunReport(
            MigrationRepository migrations,
            MigrationProperties properties,
            Names names,
            RoleMembers members,
            Messages messages) {
        this.migrations = migrations;
        this.properties = properties;
        this.names = names;
        this.members = members;
        this.messages = messages;
    }

    String of(String projectCode, String dataset, Run run, Evaluation evaluation) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.forRecord(
                "migration.summary.run",
                FormInput.md(names.dataset(dataset)),
                run.round(),
                FormInput.md(file(run)),
                FormInput.md(members.displayName(run.recordedBy())),
                Dates.time(run.recordedAt())));
        parts.add(messages.forRecord(
                "migration.summary.figures",
                String.valueOf(run.figures().source()),
                String.valueOf(run.figures().accepted()),
                String.valueOf(run.figures().rejected()),
                evaluation.rejectRate(),
                String.valueOf(run.duplicateRows()),
                String.valueOf(run.duplicateGroups())));
        parts.add(messages.forRecord(
                evaluation.finding().code(), evaluation.finding().args()));
        for (ColumnSum sum : migrations.sums(projectCode, dataset, run.round())) {
            parts.add(messages.forRecord(
                    "migration.summary.sum",
                    FormInput.md(sum.column()),
                    sum.source().toPlainString(),
                    sum.accepted().toPlainString(),
                    sum.rejected().toPlainString(),
                    String.valueOf(sum.notNumeric())));
        }
        List<ReasonCount> reasons = migrations.reasons(projectCode, dataset, run.round());
        if (!reasons.isEmpty()) {
            StringBuilder top = new StringBuilder(messages.forRecord("migration.summary.topReasons"));
            for (ReasonCount reason : reasons.subList(0, Math.min(reasons.size(), properties.topReasons()))) {
                top.append("\n- ")
                        .append(messages.forRecord(
                                "migration.summary.reason",
                                FormInput.md(reason.rule()),
                                String.valueOf(reason.rows()),
                                String.valueOf(reason.firstRow()),
                                FormInput.md(reason.example())));
            }
            parts.add(top.toString());
        }
        String base = "/api/projects/" + projectCode + "/datasets/" + dataset + "/runs/" + run.round() + "/";
        parts.add(messages.forRecord(
                "migration.summary.downloads",
                base + "rejected.xlsx",
                base + "rejected.csv",
                base + "duplicates.xlsx",
                base + "accepted.csv"));
        return String.join("\n\n", parts);
    }

    /** The file of a run in one sentence: "legacy-customers.csv: CSV, UTF-8, comma-separated, 62 rows". */
    String file(Run run) {
        return messages.forRecord(
                "migration.summary.file",
                run.sourceFile(),
                ExtractFormat.describe(run.format(), messages),
                String.valueOf(run.figures().source()));
    }

    /**
     * The dataset's rounds before the latest, oldest first, as rows of the sign-off form's table: round, file, rows,
     * rejected with the reject rate, the main reject reasons and what became of the round — sent back by the dry run (too
     * many rejects), or the owner's decision with the comment.
     */
    List<Map<String, Object>> earlierRounds(String projectCode, String dataset) {
        List<Run> runs = new ArrayList<>(migrations.runs(projectCode, dataset));
        if (runs.isEmpty()) {
            return List.of();
        }
        runs.remove(0);
        Collections.reverse(runs);
        Map<Integer, SignOff> signOffs = new HashMap<>();
        migrations.signOffs(projectCode, dataset).forEach(s -> signOffs.put(s.round(), s));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", run.round());
            row.put("file", run.sourceFile());
            row.put("rows", run.figures().source());
            row.put(
                    "rejected",
                    String.format(
                            Locale.ROOT, "%d (%.2f %%)", run.figures().rejected(), DryRunRules.rate(run.figures())));
            row.put(
                    "reasons",
                    migrations.reasons(projectCode, dataset, run.round()).stream()
                            .limit(3)
                            .map(r -> messages.forRecord(
                                    "migration.summary.reasonShort", r.rule(), String.valueOf(r.rows())))
                            .collect(Collectors.joining("; ")));
            SignOff signOff = signOffs.get(run.round());
            row.put(
                    "outcome",
                    signOff == null
                            ? messages.forRecord("migration.round.sentBack")
                            : signOff.signedOff()
                                    ? messages.forRecord(
                                            "migration.round.signedOff", members.displayName(signOff.signedBy()))
                                    : messages.forRecord(
                                            "migration.round.refused",
                                            members.displayName(signOff.signedBy()),
                                            signOff.comment()));
            rows.add(row);
        }
        return rows;
    }

    /** The gate's finding alone, as the decision log keeps it. */
    String finding(Evaluation evaluation) {
        return messages.forRecord(
                evaluation.finding().code(), evaluation.finding().args());
    }

    /** The findings of a refused extract: why, and that nothing was stored. */
    String refused(String dataset, String fileName, String reason) {
        return messages.forRecord(
                "migration.dryRun.refused", FormInput.md(fileName), FormInput.md(dataset), FormInput.md(reason));
    }
}
