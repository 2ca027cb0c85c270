package io.rollout.golive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the go-live readiness table ({@code bpmn/go-live-readiness.dmn}) decides on, as stored by the other
 * phases when {@code BusinessRuleTask_AssessReadiness} runs. Gate outcomes are {@code passed}, {@code failed}
 * or {@value #NOT_RUN}; the lists name what is missing, so a reason can say which dataset or defect it means.
 *
 * @param uatGate               latest {@code uatGate} outcome
 * @param trainingCheck         latest {@code trainingCompletionCheck} outcome
 * @param specificationSignOff  latest {@code requirementSignOff} outcome
 * @param modulesNotAccepted    modules in scope whose latest acceptance is not {@code accepted}
 * @param datasetsNotSignedOff  datasets in scope without a valid sign-off of their data owner
 * @param openHighRisks         open risks with a score of 15 or more, e.g. {@code Key user leaves (20)}
 * @param openCriticalDefects   critical defects not closed, e.g. {@code #12 TC-003}
 */
record ReadinessFacts(
        String uatGate,
        String trainingCheck,
        String specificationSignOff,
        List<String> modulesNotAccepted,
        List<String> datasetsNotSignedOff,
        List<String> openHighRisks,
        List<String> openCriticalDefects) {

    static final String NOT_RUN = "not-run";

    ReadinessFacts {
        uatGate = uatGate == null ? NOT_RUN : uatGate;
        trainingCheck = trainingCheck == null ? NOT_RUN : trainingCheck;
        specificationSignOff = specificationSignOff == null ? NOT_RUN : specificationSignOff;
        modulesNotAccepted = List.copyOf(modulesNotAccepted);
        datasetsNotSignedOff = List.copyOf(datasetsNotSignedOff);
        openHighRisks = List.copyOf(openHighRisks);
        openCriticalDefects = List.copyOf(openCriticalDefects);
    }

    /** The input variables of the table, named as its input expressions. */
    Map<String, Object> decisionVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("uatGate", uatGate);
        variables.put("trainingCheck", trainingCheck);
        variables.put("specificationSignOff", specificationSignOff);
        variables.put("modulesNotAccepted", modulesNotAccepted.size());
        variables.put("datasetsNotSignedOff", datasetsNotSignedOff.size());
        variables.put("openHighRisks", openHighRisks.size());
        variables.put("openCriticalDefects", openCriticalDefects.size());
        return variables;
    }

    /** The inputs as one line for the decision log. */
    String summary() {
        return decisionVariables().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** What a criterion of the table found, e.g. the datasets not signed off; empty when there is nothing to name. */
    String details(String criterion) {
        return switch (criterion) {
            case "uat" -> uatGate;
            case "training" -> trainingCheck;
            case "signOff" -> specificationSignOff;
            case "modules" -> String.join(", ", modulesNotAccepted);
            case "datasets" -> String.join(", ", datasetsNotSignedOff);
            case "risks" -> String.join(", ", openHighRisks);
            case "defects" -> String.join(", ", openCriticalDefects);
            default -> "";
        };
    }
}
