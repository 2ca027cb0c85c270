package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.shared.WebTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine itself resolves only the beans models may use, whatever the deployment guard saw: a model that reached
 * the database some other way (deployed before the guard, written by hand) evaluates its expressions with the same
 * engine, and reaches no data source and none of the engine's services.
 */
@WebTest
class ModelBeansWebTests {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    ApplicationContext context;

    Object evaluate(String expression) {
        return engine.getCommandExecutorTxRequired()
                .execute(command -> engine.getExpressionManager()
                        .createExpression(expression)
                        .getValue(StartProcessVariableScope.getSharedInstance()));
    }

    @Test
    void anExpressionReachesTheBeansOfferedToModels() {
        assertThat(evaluate("${names.department('finance')}")).isEqualTo("Finance");
        assertThat(evaluate("${uatGate}")).isSameAs(context.getBean("uatGate"));
    }

    @Test
    void anExpressionReachesNoOtherBeanOfTheApplication() {
        assertThat(context.containsBean("dataSource")).isTrue();
        assertThat(context.containsBean("identityService")).isTrue();
        for (String other : new String[] {
            "${dataSource}", "${identityService}", "${runtimeService}", "${systemEnvironment}", "${modelBeans}"
        }) {
            assertThatThrownBy(() -> evaluate(other))
                    .as(other)
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Unknown property used in expression");
        }
    }
}
