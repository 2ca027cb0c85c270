package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.modelling.ExpressionPolicy.BeanUse;
import io.rollout.modelling.ExpressionPolicy.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar of expressions in deployed models, parsed with the engine's JUEL parser: what passes, what not and why. */
class ExpressionPolicyTests {

    /** A delegate, two beans marked for models (with their offered methods) and one engine service. */
    static final ExpressionPolicy.Beans BEANS = new ExpressionPolicy.Beans() {
        final Map<String, BeanUse> uses = Map.of(
                "uatGate",
                BeanUse.DELEGATE,
                "names",
                BeanUse.FOR_MODELS,
                "cutoverPlan",
                BeanUse.FOR_MODELS,
                "identityService",
                BeanUse.OTHER,
                "systemEnvironment",
                BeanUse.OTHER);
        final Map<String, List<String>> methods =
                Map.of("names", List.of("department", "module"), "cutoverPlan", List.of("strategy", "departmentNames"));

        @Override
        public BeanUse use(String name) {
            return uses.getOrDefault(name, BeanUse.NONE);
        }

        @Override
        public boolean offers(String bean, String method) {
            return methods.getOrDefault(bean, List.of()).contains(method);
        }
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${uatGate}",
                "${names}",
                "${approverGroup}",
                "${projectCode}",
                "#{execution.processBusinessKey}",
                "${execution.getVariable('projectCode')}",
                "${task.eventName == 'create'}",
                "${execution.getId()}",
                "${names.department(department)}",
                "Cut over wave ${wave}: ${cutoverPlan.departmentNames(projectCode, wave)}",
                "${cutoverPlan.strategy(projectCode) != 'waves'}",
                "${!uatPassed}",
                "${newlyOverdue > 0}",
                "${iteration + 1}",
                "${a * 2 - b / 3 % 4 >= -c}",
                "${empty departments or x == null and not y}",
                "${approverGroup == 'steering-committee' ? 'Steering committee' : 'PMO'}",
                "${(a)}",
                "${0}",
                "${true}",
                "${authenticatedUserId}",
                "plain text",
                "R/PT1H",
                "\\${escaped}"
            })
    void allowed(String expression) {
        assertThat(ExpressionPolicy.check(expression, BEANS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        ${''.getClass().forName('java.lang.Runtime')}              | modelling.expression.value        | "".getClass()
        ${x.class}                                                 | modelling.expression.value        | x.class
        ${x.getClass()}                                            | modelling.expression.value        | x.getClass()
        ${x['class']}                                              | modelling.expression.bracket      | x[…]
        ${execution['processEngineServices']}                      | modelling.expression.bracket      | execution[…]
        ${execution.getProcessEngineServices()}                    | modelling.expression.engineGetter | execution.getProcessEngineServices()
        ${execution.processEngine}                                 | modelling.expression.engineGetter | execution.processEngine
        ${execution.setVariable('x', 1)}                           | modelling.expression.engineGetter | execution.setVariable()
        ${task.execution}                                          | modelling.expression.engineGetter | task.execution
        ${execution}                                               | modelling.expression.engineObject | execution
        ${externalTask.getId()}                                    | modelling.expression.engineObject | externalTask
        ${identityService.createMembership('guofei', 'camunda-admin')} | modelling.expression.bean    | identityService
        ${systemEnvironment}                                       | modelling.expression.bean         | systemEnvironment
        ${names.getClass()}                                        | modelling.expression.method       | names.getClass()
        ${names.toString()}                                        | modelling.expression.method       | names.toString()
        ${names.messages}                                          | modelling.expression.method       | names.messages
        ${uatGate.execute(execution)}                              | modelling.expression.method       | uatGate.execute()
        ${now()}                                                   | modelling.expression.function     | now()
        ${S(x)}                                                    | modelling.expression.function     | S()
        ${execution.getVariable('x').getClass()}                   | modelling.expression.chain        | ….getClass()
        ${names.department(x.class)}                               | modelling.expression.value        | x.class
        ${a ? b : identityService}                                 | modelling.expression.bean         | identityService
        ${unclosed                                                 | modelling.expression.unreadable   |
        #{a} ${b}                                                  | modelling.expression.unreadable   |
        """)
    void refused(String expression, String code, String subject) {
        List<Violation> violations = ExpressionPolicy.check(expression, BEANS);

        assertThat(violations).extracting(Violation::code).contains(code);
        if (subject != null) {
            assertThat(violations).extracting(Violation::subject).contains(subject);
        }
    }
}
