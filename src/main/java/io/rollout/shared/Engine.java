package io.rollout.shared;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that Rollout has already allowed by its own role checks (message correlation, user look-ups)
 * without the engine's authorization checks, inside the current command when there is one.
 */
@Component
public class Engine {

    private final ProcessEngineConfigurationImpl configuration;

    Engine(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    public <T> T asSystem(Callable<T> call) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call));
    }

    public boolean userExists(String userId) {
        return asSystem(() -> configuration
                        .getIdentityService()
                        .createUserQuery()
                        .userId(userId)
                        .count()
                > 0);
    }
}
