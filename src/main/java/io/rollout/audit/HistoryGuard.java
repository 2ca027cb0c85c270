package io.rollout.audit;

import io.rollout.shared.Messages;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstancesBulkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine's history goes only one way: the nightly history cleanup, after the removal time that the model's
 * time to live gave it (README "History retention"). In the engine itself, so that every door is closed — the
 * engine REST API, the web apps' {@code /camunda/api/engine}, Cockpit, Java calls — and for every user, admins
 * included:
 * <ul>
 * <li>a deployment, or a process definition, whose instances are running or whose history or decision history
 * is still within its retention time is not deleted, with or without cascade; an unused one still is;</li>
 * <li>no history entry is deleted by hand (process, task and variable history, decision history, operation log
 * entries, batches), and no removal time is set by hand;</li>
 * <li>the time to live of a definition that has history is not shortened.</li>
 * </ul>
 * A deployment, definition or time to live refused answers 400 with the reason through REST; a history edit,
 * forbidden to everyone, 403.
 */
@Component
class HistoryGuard extends AbstractProcessEnginePlugin {

    /** Commands that delete history entries or move their removal time; none of them is run. */
    static final Set<Class<?>> HISTORY_EDITS = Set.of(
            DeleteHistoricProcessInstancesCmd.class,
            DeleteHistoricProcessInstancesBatchCmd.class,
            DeleteHistoricVariableInstanceCmd.class,
            DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
            DeleteHistoricTaskInstanceCmd.class,
            DeleteHistoricCaseInstanceCmd.class,
            DeleteHistoricCaseInstancesBulkCmd.class,
            DeleteHistoricDecisionInstancesBatchCmd.class,
            DeleteHistoricDecisionInstanceByInstanceIdCmd.class,
            DeleteHistoricDecisionInstancesBulkCmd.class,
            DeleteHistoricDecisionInstanceByDefinitionIdCmd.class,
            DeleteHistoricBatchCmd.class,
            DeleteUserOperationLogEntryCmd.class,
            SetRemovalTimeToHistoricProcessInstancesCmd.class,
            SetRemovalTimeToHistoricDecisionInstancesCmd.class,
            SetRemovalTimeToHistoricBatchesCmd.class);

    private final Messages messages;

    HistoryGuard(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(factory(DeploymentManager.class, GuardedDeployments::new));
        factories.add(factory(ProcessDefinitionManager.class, GuardedDefinitions::new));
        configuration.setCustomSessionFactories(factories);
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withRefusals(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withRefusals(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> withRefusals(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new Refusals());
        return all;
    }

    private static SessionFactory factory(Class<?> type, Supplier<Session> manager) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return manager.get();
            }
        };
    }

    /** Runs after the command context is open, so that a refusal can look at the database first. */
    private final class Refusals extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (HISTORY_EDITS.contains(command.getClass())) {
                // forbidden to everyone, admins included: 403 through REST (the history resources answer any other
                // engine exception as "not found")
                throw new AuthorizationException(messages.get(
                        "audit.guard.history",
                        command.getClass().getSimpleName().replaceFirst("Cmd$", "")));
            }
            if (command instanceof UpdateProcessDefinitionHistoryTimeToLiveCmd) {
                refuseShorterTimeToLive(command, "processDefinitionId", """
                    select d.HISTORY_TTL_, (select count(*) from ACT_HI_PROCINST h where h.PROC_DEF_ID_ = d.ID_)
                    from ACT_RE_PROCDEF d where d.ID_ = ?""");
            } else if (command instanceof UpdateDecisionDefinitionHistoryTimeToLiveCmd) {
                refuseShorterTimeToLive(command, "decisionDefinitionId", """
                    select d.HISTORY_TTL_, (select count(*) from ACT_HI_DECINST h where h.DEC_DEF_ID_ = d.ID_)
                    from ACT_RE_DECISION_DEF d where d.ID_ = ?""");
            }
            return next.execute(command);
        }

        // a definition nobody used may take any time to live; one with history keeps at least the one it has
        private void refuseShorterTimeToLive(Command<?> command, String idField, String sql) {
            String id = (String) field(command, idField);
            Integer wanted = (Integer) field(command, "historyTimeToLive");
            query(
                    sql,
                    rs -> {
                        if (rs.next()) {
                            Integer current = (Integer) rs.getObject(1, Integer.class);
                            long instances = rs.getLong(2);
                            boolean shorter = wanted != null && (current == null || wanted < current);
                            if (shorter && instances > 0) {
                                throw messages.reject(
                                        "audit.guard.timeToLive",
                                        id,
                                        current == null ? "-" : current,
                                        wanted,
                                        instances);
                            }
                        }
                        return null;
                    },
                    id);
        }
    }

    /** Deletes a deployment only when nothing of it is running or retained. */
    private final class GuardedDeployments extends DeploymentManager {

        @Override
        public void deleteDeployment(
                String deploymentId, boolean cascade, boolean skipCustomListeners, boolean skipIoMappings) {
            // UNION: a running instance is in the runtime and the history tables, and counts once
            long retained = retained("""
                select count(*) from (
                    select e.PROC_INST_ID_ as ID from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on e.PROC_DEF_ID_ = d.ID_
                    where d.DEPLOYMENT_ID_ = ? and e.ID_ = e.PROC_INST_ID_
                    union select h.ID_ from ACT_HI_PROCINST h join ACT_RE_PROCDEF d on h.PROC_DEF_ID_ = d.ID_
                    where d.DEPLOYMENT_ID_ = ? and (h.REMOVAL_TIME_ is null or h.REMOVAL_TIME_ > ?)
                    union select h.ID_ from ACT_HI_DECINST h join ACT_RE_DECISION_DEF d on h.DEC_DEF_ID_ = d.ID_
                    where d.DEPLOYMENT_ID_ = ? and (h.REMOVAL_TIME_ is null or h.REMOVAL_TIME_ > ?)) retained""", deploymentId, deploymentId, now(), deploymentId, now());
            if (retained > 0) {
                throw messages.reject("audit.guard.deployment", deploymentId, retained);
            }
            super.deleteDeployment(deploymentId, cascade, skipCustomListeners, skipIoMappings);
        }
    }

    /** Deletes a process definition only when none of its instances is running or retained. */
    private final class GuardedDefinitions extends ProcessDefinitionManager {

        @Override
        public void deleteProcessDefinition(
                ProcessDefinition processDefinition,
                String processDefinitionId,
                boolean cascadeToHistory,
                boolean cascadeToInstances,
                boolean skipCustomListeners,
                boolean skipIoMappings) {
            long retained = retained("""
                select count(*) from (
                    select e.PROC_INST_ID_ as ID from ACT_RU_EXECUTION e where e.PROC_DEF_ID_ = ? and e.ID_ = e.PROC_INST_ID_
                    union select h.ID_ from ACT_HI_PROCINST h
                    where h.PROC_DEF_ID_ = ? and (h.REMOVAL_TIME_ is null or h.REMOVAL_TIME_ > ?)) retained""", processDefinitionId, processDefinitionId, now());
            if (retained > 0) {
                throw messages.reject("audit.guard.definition", processDefinitionId, retained);
            }
            super.deleteProcessDefinition(
                    processDefinition,
                    processDefinitionId,
                    cascadeToHistory,
                    cascadeToInstances,
                    skipCustomListeners,
                    skipIoMappings);
        }
    }

    /** How many instances the statement counts. */
    private static long retained(String sql, Object... parameters) {
        return query(sql, rs -> rs.next() ? rs.getLong(1) : 0L, parameters);
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    // on the engine's own connection, inside the command's transaction
    private static <T> T query(String sql, Rows<T> rows, Object... parameters) {
        Connection connection =
                Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the history kept: " + e.getMessage(), e);
        }
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static Object field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
}
