package io.rollout.modelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed model would run: every expression, script and Java class in it, found wherever the engine reads
 * them — every attribute and every text of the BPMN file, not a list of known places, so a new place (a task name, a
 * timer, a field injection, a called element, a due date, a multi-instance collection) cannot be missed. Each
 * expression must fit {@link ExpressionPolicy}; scripts (script tasks, script listeners, conditions and mappings with
 * a {@code language} or {@code scriptFormat}, external script resources) are refused in every format unless
 * {@code rollout.modelling.allow-scripts} is on; a {@code camunda:class} must be a delegate or listener class of
 * Rollout. In DMN tables, expressions must be FEEL: another {@code expressionLanguage} (JUEL, JavaScript, Groovy) is
 * a script. Text the engine never evaluates (documentation, text annotations) is not checked.
 */
final class ModelCode {

    static final String BPMN = ModelReferences.BPMN;
    static final String CAMUNDA = ModelReferences.CAMUNDA;
    /** The engine still reads Camunda's extensions under their old Activiti namespace: the same rules apply. */
    static final Set<String> EXTENSIONS = Set.of(CAMUNDA, "http://activiti.org/bpmn");

    /** Parts of an element that may carry an id of their own but that a process owner knows by their element. */
    private static final Pattern PARTS = Pattern.compile(
            ".*EventDefinition|.*LoopCharacteristics|conditionExpression|condition|completionCondition|loopCardinality"
                    + "|timeDate|timeDuration|timeCycle");

    /** Attributes that name a Java class the engine instantiates. */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");

    /** What the running application has: its beans, its delegate classes, and whether scripts are on. */
    public interface Code extends ExpressionPolicy.Beans {
        /** A class of Rollout that the engine may instantiate: a delegate or listener. */
        boolean delegateClass(String className);

        boolean scriptsAllowed();
    }

    /** What a finding is about; each has its own message. */
    public enum Kind {
        EXPRESSION,
        SCRIPT,
        JAVA_CLASS
    }

    /**
     * One thing the model may not run: the element it belongs to (id and label, as {@link ModelReferences} names
     * them), where in it ({@code camunda:expression}, {@code camunda:executionListener camunda:expression},
     * {@code bpmn:conditionExpression}), what ({@code subject}: the expression, the script format, the class) and,
     * for an expression, why.
     */
    public record Finding(
            String elementId,
            String element,
            String where,
            Kind kind,
            String subject,
            List<ExpressionPolicy.Violation> reasons) {}

    private ModelCode() {}

    /** Everything in a BPMN document that is outside the policy, in document order. */
    public static List<Finding> checkProcess(Document bpmn, Code code) {
        List<Finding> findings = new ArrayList<>();
        visit(bpmn.getDocumentElement(), code, findings);
        return findings;
    }

    /** A DMN table's expressions in another language than FEEL. */
    public static List<Finding> checkDecisions(Document dmn, Code code) {
        List<Finding> findings = new ArrayList<>();
        if (code.scriptsAllowed()) {
            return findings;
        }
        NodeList all = dmn.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String language = e.getAttribute("expressionLanguage");
            if (!language.isBlank() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                // named by its decision, as the DMN editor shows it, and by its own id within it
                Element decision = e;
                while (decision != null && !"decision".equals(decision.getLocalName())) {
                    decision = decision.getParentNode() instanceof Element parent ? parent : null;
                }
                String id = decision == null ? e.getAttribute("id") : decision.getAttribute("id");
                String where = e.getTagName()
                        + (decision == e || e.getAttribute("id").isBlank() ? "" : " " + e.getAttribute("id"))
                        + " expressionLanguage";
                findings.add(new Finding(id, label(decision, e), where, Kind.SCRIPT, language, List.of()));
            }
        }
        return findings;
    }

    private static void visit(Element e, Code code, List<Finding> findings) {
        String ns = e.getNamespaceURI();
        String local = e.getLocalName();
        if (BPMN.equals(ns) && ("documentation".equals(local) || "textAnnotation".equals(local))) {
            return;
        }
        boolean script = script(e, code, findings);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (extension(a.getNamespaceURI())
                    && CLASS_ATTRIBUTES.contains(a.getLocalName())
                    && !a.getValue().isBlank()
                    && !code.delegateClass(a.getValue().trim())) {
                findings.add(
                        finding(e, a.getName(), Kind.JAVA_CLASS, a.getValue().trim(), List.of()));
            }
            expression(e, a.getName(), a.getValue(), code, findings);
        }
        if (script) {
            // the body of a script is code in its own language, not an expression; refused above unless scripts are on
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element element) {
                visit(element, code, findings);
            }
        }
        expression(e, null, text.toString(), code, findings);
    }

    /**
     * Script tasks, {@code camunda:script} (listeners, input/output mappings) and anything with a
     * {@code language} or {@code scriptFormat} (conditions): refused unless scripts are on.
     */
    private static boolean script(Element e, Code code, List<Finding> findings) {
        String format = null;
        if (BPMN.equals(e.getNamespaceURI()) && "scriptTask".equals(e.getLocalName())) {
            format = e.getAttribute("scriptFormat");
        } else if (extension(e.getNamespaceURI()) && "script".equals(e.getLocalName())) {
            format = e.getAttribute("scriptFormat");
        } else if (e.hasAttribute("language")) {
            format = e.getAttribute("language");
        } else if (e.hasAttribute("scriptFormat")) {
            format = e.getAttribute("scriptFormat");
        } else {
            for (String extensions : EXTENSIONS) {
                if (e.hasAttributeNS(extensions, "resource")) {
                    format = e.getAttributeNS(extensions, "resource");
                }
            }
        }
        if (format == null) {
            return false;
        }
        if (!code.scriptsAllowed()) {
            findings.add(finding(e, null, Kind.SCRIPT, format.isBlank() ? "?" : format, List.of()));
        }
        return true;
    }

    /** Whether a namespace is Camunda's extension namespace, old or new; attributes without a namespace are not. */
    private static boolean extension(String namespace) {
        return namespace != null && EXTENSIONS.contains(namespace);
    }

    private static void expression(Element e, String attribute, String value, Code code, List<Finding> findings) {
        if (!ExpressionPolicy.hasExpression(value)) {
            return;
        }
        List<ExpressionPolicy.Violation> violations = ExpressionPolicy.check(value.trim(), code);
        if (!violations.isEmpty()) {
            findings.add(finding(e, attribute, Kind.EXPRESSION, value.trim(), violations));
        }
    }

    /** The finding on the flow element that carries it; a listener or mapping is named inside it. */
    private static Finding finding(
            Element e, String attribute, Kind kind, String subject, List<ExpressionPolicy.Violation> reasons) {
        Element owner = e;
        while (owner != null
                && !(BPMN.equals(owner.getNamespaceURI())
                        && owner.hasAttribute("id")
                        && !PARTS.matcher(owner.getLocalName()).matches())) {
            owner = owner.getParentNode() instanceof Element parent ? parent : null;
        }
        String where;
        if (owner == e) {
            where = attribute == null ? e.getTagName() : attribute;
        } else {
            String name = e.hasAttribute("name")
                    ? " \"" + e.getAttribute("name") + "\""
                    : e.hasAttribute("event") ? " \"" + e.getAttribute("event") + "\"" : "";
            where = e.getTagName() + name + (attribute == null ? "" : " " + attribute);
        }
        return new Finding(
                owner == null ? "" : owner.getAttribute("id"), label(owner, e), where, kind, subject, reasons);
    }

    private static String label(Element owner, Element e) {
        if (owner == null) {
            return e.getTagName();
        }
        String id = owner.getAttribute("id");
        String name = owner.getAttribute("name");
        return name.isBlank() ? id : id + " \"" + name.replaceAll("\\s+", " ") + "\"";
    }
}
