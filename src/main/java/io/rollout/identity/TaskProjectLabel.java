package io.rollout.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Shows the project on every task card in Tasklist. The Tasklist filters (IdentitySetup) list the variable
 * {@code projectCode}; Tasklist reads it with the user's own rights, and users may read their tasks but not the
 * process instances behind them (other projects' data). So every user task of every model gets a task-local copy
 * of the project code when it is created — readable with the task, nothing more. A built-in listener, so a model
 * redesigned in Modeler cannot forget it.
 */
@Component
class TaskProjectLabel extends AbstractProcessEnginePlugin {

    static final String VARIABLE = "projectCode";

    private static final TaskListener COPY_PROJECT = (DelegateTask task) -> {
        Object code = task.getVariable(VARIABLE);
        if (code != null && !task.hasVariableLocal(VARIABLE)) {
            task.setVariableLocal(VARIABLE, code.toString());
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY_PROJECT);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
