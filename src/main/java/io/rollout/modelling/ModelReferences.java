package io.rollout.modelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * What a BPMN model refers to outside itself — delegate beans and classes, forms, candidate groups, decisions and
 * called processes — checked against what exists ({@link Known}), so that a model naming something missing is
 * refused when it is deployed instead of failing in a customer's running project. Each finding names the element
 * by id and name. Expressions that are computed at run time (a candidate group {@code ${approverGroup}}, a
 * {@code calledElement="${phase}"}) cannot be checked here and are left alone.
 */
final class ModelReferences {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** Names every expression may start with without being a bean: the engine's own context objects and functions. */
    static final Set<String> ENGINE_NAMES = Set.of(
            "execution",
            "task",
            "externalTask",
            "caseExecution",
            "variables",
            "authenticatedUserId",
            "currentUser",
            "currentUserGroups",
            "dateTime",
            "now",
            "true",
            "false",
            "null",
            "empty",
            "not");

    private static final Pattern LEADING_IDENTIFIER = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    /** What exists where the model is deployed; implementations also look into the deployment itself. */
    public interface Known {
        boolean bean(String name);

        boolean javaClass(String className);

        /** A Camunda Form with this id, for {@code binding} {@code latest}, {@code deployment} or {@code version}. */
        boolean form(String id, String binding);

        /** A resource of this deployment, for {@code camunda-forms:deployment:} and {@code embedded:deployment:}. */
        boolean deploymentResource(String name);

        /** A file the application serves, for {@code embedded:/path} forms. */
        boolean servedFile(String path);

        boolean group(String groupId);

        boolean decision(String key, String binding);

        boolean process(String key, String binding);
    }

    /** One reference that points nowhere. */
    public record Finding(String elementId, String element, Kind kind, String reference) {}

    /** What kind of reference is missing; each has its own message. */
    public enum Kind {
        BEAN,
        JAVA_CLASS,
        FORM,
        GROUP,
        DECISION,
        PROCESS
    }

    private ModelReferences() {}

    public static List<Finding> check(BpmnModelInstance model, Known known) {
        List<Finding> findings = new ArrayList<>();
        visit(model.getDocument().getRootElement(), known, findings);
        return findings;
    }

    private static void visit(DomElement e, Known known, List<Finding> findings) {
        if (implementsSomething(e)) {
            checkDelegate(e, "delegateExpression", known, findings);
            checkDelegate(e, "expression", known, findings);
            String className = e.getAttribute(CAMUNDA, "class");
            if (className != null && !className.isBlank() && !known.javaClass(className.trim())) {
                findings.add(finding(e, Kind.JAVA_CLASS, className.trim()));
            }
        }
        String formRef = e.getAttribute(CAMUNDA, "formRef");
        if (fixed(formRef)) {
            String binding = e.getAttribute(CAMUNDA, "formRefBinding");
            if (!known.form(formRef.trim(), binding == null ? "latest" : binding)) {
                findings.add(finding(e, Kind.FORM, formRef.trim()));
            }
        }
        checkFormKey(e, known, findings);
        String groups = e.getAttribute(CAMUNDA, "candidateGroups");
        if (groups != null) {
            for (String group : groups.split(",")) {
                if (fixed(group) && !known.group(group.trim())) {
                    findings.add(finding(e, Kind.GROUP, group.trim()));
                }
            }
        }
        String decisionRef = e.getAttribute(CAMUNDA, "decisionRef");
        if (fixed(decisionRef)) {
            String binding = e.getAttribute(CAMUNDA, "decisionRefBinding");
            if (!known.decision(decisionRef.trim(), binding == null ? "latest" : binding)) {
                findings.add(finding(e, Kind.DECISION, decisionRef.trim()));
            }
        }
        if (BPMN.equals(e.getNamespaceURI()) && "callActivity".equals(e.getLocalName())) {
            String called = e.getAttribute("calledElement");
            String binding = e.getAttribute(CAMUNDA, "calledElementBinding");
            if (fixed(called) && !known.process(called.trim(), binding == null ? "latest" : binding)) {
                findings.add(finding(e, Kind.PROCESS, called.trim()));
            }
        }
        for (DomElement child : e.getChildElements()) {
            visit(child, known, findings);
        }
    }

    /**
     * BPMN elements (tasks, message events) and listeners name their implementation; on other Camunda extension
     * elements an {@code expression} attribute is a value or condition over variables (a field injection, an
     * error definition), not a bean.
     */
    private static boolean implementsSomething(DomElement e) {
        return BPMN.equals(e.getNamespaceURI())
                || CAMUNDA.equals(e.getNamespaceURI())
                        && ("taskListener".equals(e.getLocalName()) || "executionListener".equals(e.getLocalName()));
    }

    private static void checkDelegate(DomElement e, String attribute, Known known, List<Finding> findings) {
        String expression = e.getAttribute(CAMUNDA, attribute);
        if (expression == null) {
            return;
        }
        Matcher m = LEADING_IDENTIFIER.matcher(expression);
        if (m.find() && !ENGINE_NAMES.contains(m.group(1)) && !known.bean(m.group(1))) {
            findings.add(finding(e, Kind.BEAN, m.group(1)));
        }
    }

    private static void checkFormKey(DomElement e, Known known, List<Finding> findings) {
        String formKey = e.getAttribute(CAMUNDA, "formKey");
        if (!fixed(formKey)) {
            return;
        }
        String key = formKey.trim();
        for (String prefix : List.of("camunda-forms:deployment:", "embedded:deployment:")) {
            if (key.startsWith(prefix) && !known.deploymentResource(key.substring(prefix.length()))) {
                findings.add(finding(e, Kind.FORM, key));
            }
        }
        if (key.startsWith("embedded:/") && !known.servedFile(key.substring("embedded:".length()))) {
            findings.add(finding(e, Kind.FORM, key));
        }
    }

    private static boolean fixed(String value) {
        return value != null && !value.isBlank() && !value.contains("${") && !value.contains("#{");
    }

    /** The element the reference belongs to: a listener or extension belongs to the flow element around it. */
    private static Finding finding(DomElement e, Kind kind, String reference) {
        DomElement owner = e;
        while (owner != null && !(BPMN.equals(owner.getNamespaceURI()) && owner.getAttribute("id") != null)) {
            owner = owner.getParentElement();
        }
        if (owner == null) {
            return new Finding("", e.getLocalName(), kind, reference);
        }
        String id = owner.getAttribute("id");
        String name = owner.getAttribute("name");
        return new Finding(
                id,
                name == null || name.isBlank() ? id : id + " \"" + name.replaceAll("\\s+", " ") + "\"",
                kind,
                reference);
    }
}
