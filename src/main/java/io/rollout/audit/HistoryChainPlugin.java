package io.rollout.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Hands every history event to {@link HistoryChain} besides the engine's own database handler, and chains every run
 * of the engine's history cleanup before it removes history whose removal time has passed, so that the tamper check
 * tells history removed by retention from history deleted by hand.
 */
@Component
class HistoryChainPlugin extends AbstractProcessEnginePlugin {

    private final HistoryChain chain;

    HistoryChainPlugin(HistoryChain chain) {
        this.chain = chain;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(chain);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // jobs find their handler in this map when they run
        configuration.getJobHandlers().put(HistoryCleanupJobHandler.TYPE, new ChainedHistoryCleanup(chain));
    }

    /** The engine's history cleanup, each run chained with the engine's time it ran at. */
    static final class ChainedHistoryCleanup extends HistoryCleanupJobHandler {

        private final HistoryChain chain;

        ChainedHistoryCleanup(HistoryChain chain) {
            this.chain = chain;
        }

        @Override
        public void execute(
                HistoryCleanupJobHandlerConfiguration configuration,
                ExecutionEntity execution,
                CommandContext commandContext,
                String tenantId) {
            chain.cleanupRuns();
            super.execute(configuration, execution, commandContext, tenantId);
        }
    }
}
