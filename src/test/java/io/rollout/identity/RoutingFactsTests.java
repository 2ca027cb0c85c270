package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The routing facts of Rollout's models (issue 19, finding 3): every variable that decides who works on a task
 * (candidate users and groups, assignees), which way a gateway goes (conditions, the decision tables' inputs),
 * which branches run (multi-instance collections) or what a gate checks (the inputs the gate delegates read). The
 * engine refuses variable writes to business roles (TASK_WORK, not UPDATE, on their tasks) and
 * {@link TaskCompletionGuard} lets a completion carry only its form's fields, so the only way a user sets a routing
 * fact is a form field whose task listener validates it. This list names those forms; a model that reads a new
 * variable, or a form that gets a field named like a routing fact, fails here until someone has checked it and
 * written it down.
 */
class RoutingFactsTests {

    /** Routing fact → the forms that may set it (each validated by its task's complete or start listener). */
    static final Map<String, Set<String>> ROUTING_FACTS = new TreeMap<>(Map.ofEntries(
            // who works on a task
            Map.entry("approvalBoard", Set.of()),
            Map.entry("approverGroup", Set.of()),
            Map.entry("datasetDepartment", Set.of()),
            // the define form's department goes through DatasetDefinitionForm into the dataset table and
            // datasetDepartment;
            // in requirementsPhase department is the multi-instance element of the project's departments
            Map.entry("department", Set.of("define-dataset.form")),
            Map.entry("developer", Set.of()),
            Map.entry("logEntryOwner", Set.of()),
            Map.entry("moduleDepartment", Set.of("plan-iteration.form")),
            Map.entry("tester", Set.of()),
            Map.entry("wave", Set.of()),
            // what every gate and most expressions read; set by start forms of processes that start a project's work
            Map.entry(
                    "projectCode",
                    Set.of(
                            "cancel-project.form",
                            "give-feedback.form",
                            "raise-change-request.form",
                            "raise-risk-or-issue.form",
                            "start-project.form")),
            Map.entry("programmeCode", Set.of("start-programme.form")),
            Map.entry("changeRequestId", Set.of()),
            Map.entry("module", Set.of("give-feedback.form")),
            Map.entry("uatRound", Set.of()),
            // gateway conditions: human decisions (their task's form) or gate outcomes (set by delegates only)
            Map.entry("changeApproved", Set.of()),
            Map.entry("customisationsPlanned", Set.of("plan-iteration.form")),
            Map.entry("dataSignedOff", Set.of("sign-off-data.form")),
            Map.entry("departmentReviewOk", Set.of("review-department-requirements.form")),
            Map.entry("dryRunClean", Set.of()),
            Map.entry("dualRunOk", Set.of()),
            Map.entry("effectsVerified", Set.of()),
            Map.entry("goLiveDecision", Set.of("decide-go-live.form")),
            Map.entry("hypercareExitOk", Set.of()),
            Map.entry("incidentContinue", Set.of()),
            Map.entry("moduleAccepted", Set.of("accept-module.form")),
            Map.entry("moreDays", Set.of()),
            Map.entry("newlyOverdue", Set.of()),
            Map.entry("ownerAssigned", Set.of()),
            Map.entry("planApproved", Set.of("review-plan.form")),
            Map.entry("runbookOk", Set.of()),
            Map.entry("signOffPassed", Set.of()),
            Map.entry("solutionsMatched", Set.of()),
            Map.entry("systemApproach", Set.of()),
            Map.entry("trainingPassed", Set.of()),
            Map.entry("uatPassed", Set.of()),
            Map.entry("waveOk", Set.of()),
            // inputs of the decision tables
            Map.entry("cost", Set.of("analyse-change-impact.form")),
            Map.entry("effortDays", Set.of("analyse-change-impact.form")),
            Map.entry("riskLevel", Set.of("analyse-change-impact.form")),
            Map.entry("scheduleDelayDays", Set.of("analyse-change-impact.form")),
            Map.entry("departmentCount", Set.of()),
            Map.entry("departmentList", Set.of()),
            Map.entry("highRiskCount", Set.of()),
            Map.entry("moduleCount", Set.of()),
            Map.entry("systemType", Set.of("start-project.form")),
            Map.entry("datasetsNotSignedOff", Set.of()),
            Map.entry("modulesNotAccepted", Set.of()),
            Map.entry("openCriticalDefects", Set.of()),
            Map.entry("openHighRisks", Set.of()),
            Map.entry("specificationSignOff", Set.of()),
            Map.entry("trainingCheck", Set.of()),
            Map.entry("uatGate", Set.of()),
            // what the gate delegates read besides projectCode (RequirementSignOff, MigrationDryRun, UatGate)
            Map.entry("specVersion", Set.of()),
            Map.entry("dataset", Set.of()),
            Map.entry("extractId", Set.of())));

    private static final Pattern ROUTING_ATTRIBUTE =
            Pattern.compile("camunda:(?:candidateUsers|candidateGroups|assignee|collection)=\"([^\"]*)\"");
    private static final Pattern CONDITION = Pattern.compile("<bpmn:conditionExpression[^>]*>([^<]*)<");
    private static final Pattern DMN_INPUT = Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\w)(\\s*[.(])?");
    private static final Set<String> KEYWORDS = Set.of(
            "true",
            "false",
            "null",
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "instanceof",
            "execution",
            "task");

    @Test
    void everyVariableThatRoutesAModelIsAListedRoutingFact() {
        Set<String> read = new TreeSet<>();
        for (Path model : files("bpmn", ".bpmn")) {
            String xml = read(model);
            expressions(ROUTING_ATTRIBUTE, xml).forEach(e -> read.addAll(variables(e)));
            expressions(CONDITION, xml).forEach(e -> read.addAll(variables(e)));
        }
        for (Path table : files("bpmn", ".dmn")) {
            Matcher m = DMN_INPUT.matcher(read(table));
            while (m.find()) {
                read.addAll(variables(unescape(m.group(1))));
            }
        }

        assertThat(read).isNotEmpty();
        assertThat(ROUTING_FACTS.keySet())
                .as("add the new routing fact to ROUTING_FACTS, with the forms that set it")
                .containsAll(read);
    }

    @Test
    void onlyTheListedFormsHaveAFieldNamedLikeARoutingFact() {
        Map<String, Set<String>> owners = new TreeMap<>();
        for (Path form : files("forms", ".form")) {
            for (String field : TaskCompletionGuard.formFields(read(form))) {
                if (ROUTING_FACTS.containsKey(field)) {
                    owners.computeIfAbsent(field, k -> new TreeSet<>())
                            .add(form.getFileName().toString());
                }
            }
        }
        for (Path form : files("forms/embedded", ".html")) {
            for (String field : TaskCompletionGuard.formFields(read(form))) {
                if (ROUTING_FACTS.containsKey(field)) {
                    owners.computeIfAbsent(field, k -> new TreeSet<>())
                            .add(form.getFileName().toString());
                }
            }
        }

        Map<String, Set<String>> expected = new TreeMap<>();
        ROUTING_FACTS.forEach((fact, forms) -> {
            if (!forms.isEmpty()) {
                expected.put(fact, new TreeSet<>(forms));
            }
        });
        assertThat(owners)
                .as("a form field sets a routing fact: validate it in the task's listener, then list it")
                .isEqualTo(expected);
    }

    static List<String> expressions(Pattern attribute, String xml) {
        List<String> found = new java.util.ArrayList<>();
        Matcher m = attribute.matcher(xml);
        while (m.find()) {
            Matcher e = EXPRESSION.matcher(unescape(m.group(1)));
            while (e.find()) {
                found.add(e.group(1));
            }
        }
        return found;
    }

    /** Identifiers of an expression that are variables: not a bean ({@code bean.method}), a function or a keyword. */
    static Set<String> variables(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(expression.replaceAll("'[^']*'|\"[^\"]*\"", ""));
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String unescape(String xml) {
        return xml.replace("&gt;", ">")
                .replace("&lt;", "<")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    static List<Path> files(String dir, String suffix) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
