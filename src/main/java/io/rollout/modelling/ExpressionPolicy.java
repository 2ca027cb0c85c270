package io.rollout.modelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression ({@code ${…}} or {@code #{…}}) in a deployed model may be. An expression runs with the engine's
 * rights and, in a timer or an asynchronous job, as no user at all, so anything beyond reading the process's own
 * data and calling what Rollout offers to models would let whoever deploys a model run code. The expression is
 * parsed with the engine's own JUEL parser (the same features the engine enables: method calls, varargs) and its
 * tree is walked; only these nodes are allowed:
 * <ul>
 *   <li>literals (strings, numbers, {@code true}, {@code false}, {@code null}) and the text around expressions;</li>
 *   <li>operators: comparisons, arithmetic, {@code and}/{@code or}/{@code not}, {@code empty}, {@code a ? b : c},
 *       parentheses;</li>
 *   <li>a process variable by its name ({@code ${approverGroup}}): any identifier that is no bean of the application;
 *       its value is used as it is — no property, method or {@code [ ]} on it ({@code x.class}, {@code x['class']},
 *       {@code x.getClass()} are refused);</li>
 *   <li>a Rollout bean: on its own only a delegate or listener of {@code io.rollout} ({@code ${uatGate}}) or a bean
 *       marked {@link io.rollout.shared.ForModels}; a method call only {@code ${bean.method(args)}} of a marked bean
 *       and a public method the bean's class declares (not inherited, not {@code Object}'s); every other bean
 *       (the engine's services, data sources, the environment) is refused even by name;</li>
 *   <li>{@code execution} and {@code task}, only with the getters in {@link #ENGINE_GETTERS}, called or as a
 *       property ({@code #{execution.processBusinessKey}}), never on their own nor in a chain.</li>
 * </ul>
 * Everything else is refused: functions ({@code now()}, {@code S(…)}), chains ({@code a.b().c}), brackets, other
 * engine objects ({@code externalTask}, {@code caseExecution}). The EL of Camunda 7 has no lambdas, assignments or
 * static class references; an expression its parser cannot read is refused too. Arguments of an allowed call are
 * checked by the same rules.
 */
final class ExpressionPolicy {

    /**
     * The getters of {@code execution} and {@code task} a model may use: ids, names, the business key, the event and
     * reading variables. Nothing that reaches the engine ({@code getProcessEngineServices}, {@code getProcessEngine}),
     * other executions ({@code getParent}, {@code getProcessInstance}) or writes.
     */
    public static final Set<String> ENGINE_GETTERS = Set.of(
            "getVariable",
            "getVariableLocal",
            "hasVariable",
            "hasVariableLocal",
            "getProcessBusinessKey",
            "getBusinessKey",
            "getId",
            "getProcessInstanceId",
            "getProcessDefinitionId",
            "getActivityInstanceId",
            "getCurrentActivityId",
            "getCurrentActivityName",
            "getEventName",
            "getTenantId",
            "getName",
            "getAssignee",
            "getOwner",
            "getTaskDefinitionKey",
            "getExecutionId",
            "getDueDate",
            "getFollowUpDate",
            "getPriority",
            "getDescription",
            "getCreateTime");

    /** The engine's own objects an expression could name; only the first two are offered, with their getters. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");

    /** How a name is used by the application; decides what an expression may do with it. */
    public enum BeanUse {
        /** No bean: a process variable. */
        NONE,
        /** A delegate or listener of Rollout: may be named on its own. */
        DELEGATE,
        /** A bean marked for models: may be named, and its offered methods called. */
        FOR_MODELS,
        /** Any other bean: refused. */
        OTHER
    }

    /** The beans an expression could reach: supplied by the running application. */
    public interface Beans {
        BeanUse use(String name);

        /** Whether the bean offers this public method to models. */
        boolean offers(String bean, String method);
    }

    /** Why an expression is refused: a message code of {@code messages/modelling} and what it names. */
    public record Violation(String code, String subject) {}

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private ExpressionPolicy() {}

    /** Whether the text carries an expression the engine would evaluate. */
    public static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Every reason the text (an attribute's value, a condition's body) is refused; empty when it is allowed. */
    public static List<Violation> check(String text, Beans beans) {
        List<Violation> violations = new ArrayList<>();
        Node root;
        try {
            root = (Node) PARSER.build(text).getRoot();
        } catch (TreeBuilderException e) {
            violations.add(new Violation("modelling.expression.unreadable", e.getMessage()));
            return violations;
        }
        visit(root, beans, violations);
        return violations;
    }

    private static void visit(Node node, Beans beans, List<Violation> violations) {
        if (node instanceof AstLiteral || node instanceof AstText) {
            return;
        }
        if (node instanceof AstEval
                || node instanceof AstComposite
                || node instanceof AstNested
                || node instanceof AstChoice
                || node instanceof AstBinary
                || node instanceof AstUnary
                || node instanceof AstParameters) {
            children(node, beans, violations);
        } else if (node instanceof AstIdentifier identifier) {
            name(identifier.getName(), beans, violations);
        } else if (node instanceof AstMethod method) {
            member(method.getChild(0), true, beans, violations);
            visit(method.getChild(1), beans, violations);
        } else if (node instanceof AstDot) {
            member(node, false, beans, violations);
        } else if (node instanceof AstBracket) {
            violations.add(new Violation("modelling.expression.bracket", node.getChild(0) + "[…]"));
        } else if (node instanceof AstFunction function) {
            violations.add(new Violation("modelling.expression.function", function.getName() + "()"));
        } else {
            violations.add(new Violation("modelling.expression.unreadable", String.valueOf(node)));
        }
    }

    private static void children(Node node, Beans beans, List<Violation> violations) {
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), beans, violations);
        }
    }

    /** A name on its own: a variable, a delegate or marked bean — not the engine's objects nor any other bean. */
    private static void name(String name, Beans beans, List<Violation> violations) {
        if (ENGINE_OBJECTS.contains(name)) {
            violations.add(new Violation("modelling.expression.engineObject", name));
            return;
        }
        if (beans.use(name) == BeanUse.OTHER) {
            violations.add(new Violation("modelling.expression.bean", name));
        }
    }

    /** {@code prefix.member} or {@code prefix.member(…)}: the prefix must be a name, the member offered by it. */
    private static void member(Node property, boolean call, Beans beans, List<Violation> violations) {
        if (!(property instanceof AstDot dot)) {
            // a bracket as the callee: x['getClass']()
            visit(property, beans, violations);
            return;
        }
        String member = memberName(dot);
        Node prefix = dot.getChild(0);
        String shown = prefix + "." + member + (call ? "()" : "");
        if (!(prefix instanceof AstIdentifier identifier)) {
            if (prefix instanceof AstLiteral || prefix instanceof AstNested) {
                violations.add(new Violation("modelling.expression.value", shown));
            } else {
                visit(prefix, beans, violations);
                violations.add(new Violation("modelling.expression.chain", "…." + member + (call ? "()" : "")));
            }
            return;
        }
        String name = identifier.getName();
        shown = name + "." + member + (call ? "()" : "");
        if ("execution".equals(name) || "task".equals(name)) {
            String getter = call ? member : "get" + Character.toUpperCase(member.charAt(0)) + member.substring(1);
            if (!ENGINE_GETTERS.contains(getter)) {
                violations.add(new Violation("modelling.expression.engineGetter", shown));
            }
            return;
        }
        if (ENGINE_OBJECTS.contains(name)) {
            violations.add(new Violation("modelling.expression.engineObject", name));
            return;
        }
        switch (beans.use(name)) {
            case NONE -> violations.add(new Violation("modelling.expression.value", shown));
            case FOR_MODELS -> {
                if (!call || !beans.offers(name, member)) {
                    violations.add(new Violation("modelling.expression.method", shown));
                }
            }
            case DELEGATE -> violations.add(new Violation("modelling.expression.method", shown));
            case OTHER -> violations.add(new Violation("modelling.expression.bean", name));
        }
    }

    /** The parser keeps a dot's member in a protected field; its text form is {@code ". member"}. */
    private static String memberName(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }
}
