package io.rollout.uat;

import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The words a person reads for UAT codes in the forms' tables and read-only cells: a latest result with its round
 * ("Failed in round 1, fixed: retest"), a severity, a module by its display name. Written when a task is created, in
 * the language of stored texts (English, rendered per reader by {@code Translations}), like the gate's findings.
 */
@Component
class UatLabels {

    private final Messages messages;
    private final Names names;

    UatLabels(Messages messages, Names names) {
        this.messages = messages;
        this.names = names;
    }

    /** The latest result of a case, or "Not run yet"; {@code retest} when a fixed defect of the case awaits it. */
    String lastResult(UatRepository.LatestResult latest, boolean retest) {
        if (latest == null) {
            return messages.forRecord("uat.lastResult.none");
        }
        return messages.forRecord(
                retest ? "uat.lastResult.retest" : "uat.lastResult",
                messages.forRecord("uat.result." + latest.result()),
                latest.round());
    }

    String severity(String severity) {
        return severity == null ? "" : messages.forRecord("uat.severity." + severity);
    }

    String module(String module) {
        return names.module(module);
    }

    /**
     * A defect as the triage and fix forms list it in their read-only table {@code defectDetails}: defect, case,
     * module, severity, the round that raised it, the description (and how often a retest reopened it).
     */
    Map<String, Object> details(Defect d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defect", "#" + d.id());
        row.put("caseId", d.caseId());
        row.put("module", module(d.module()));
        row.put("severity", severity(d.severity()));
        row.put("round", d.round());
        row.put(
                "description",
                d.reopenCount() > 0
                        ? messages.forRecord("uat.defect.reopened", d.description(), d.reopenCount())
                        : d.description());
        return row;
    }
}
