package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.operations.Incidents;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tamper check covers what the auditor's timeline shows of the engine history: a project's process instances,
 * tasks, variable updates and task operations are chained as the engine writes them, and a row deleted or changed
 * in the engine's history tables behind the engine's back is reported by the verification endpoint, naming it.
 */
@WebTest
class HistoryChainWebTests {

    static final String AUDITOR = "histauditor";
    static final String PASSWORD = "history-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    Incidents incidents;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    String code;
    String instance;

    /** A project whose hypercare incident was claimed and resolved by the IT operations lead. */
    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, AUDITOR, PASSWORD, Roles.AUDITOR);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        incidents.open(code, "Printer offline", "low", "finance", "sunli", null);
        instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
        String task = tasks.createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        identity.setAuthentication("admin", List.of(Roles.ADMIN));
        try {
            tasks.claim(task, "admin");
            tasks.complete(task, Map.of("resolution", "Cable replaced"));
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aCleanProjectIsIntactWithItsEngineHistoryChained() {
        Map<String, Object> result = verify();

        assertThat(result).containsEntry("intact", true).containsEntry("historyProblems", List.of());
        assertThat((Integer) result.get("historyEntries")).isGreaterThanOrEqualTo(5);
        assertThat((String) result.get("historyHeadHash")).hasSize(64);
        assertThat(jdbc.sql("select distinct entity_type from history_chain where chain_key = ?")
                        .param(code)
                        .query(String.class)
                        .list())
                .contains("process", "task", "variable", "operation");
    }

    @Test
    void aVariableUpdateDeletedInTheDatabaseIsNamed() {
        assertThat(jdbc.sql("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = 'resolution'")
                        .param(instance)
                        .update())
                .isOne();

        Map<String, Object> result = verify();

        assertThat(result).containsEntry("intact", false);
        assertThat((String) result.get("problem"))
                .startsWith("The engine history lost the variable update " + "\"resolution\" of process instance "
                        + instance)
                .endsWith("deleted outside the engine history cleanup.");
    }

    @Test
    void aTaskReassignedInTheDatabaseIsNamed() {
        String name = history.createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getName();
        jdbc.sql("update ACT_HI_TASKINST set ASSIGNEE_ = 'intruder' where PROC_INST_ID_ = ?")
                .param(instance)
                .update();

        Map<String, Object> result = verify();

        assertThat(result).containsEntry("intact", false);
        assertThat((List<?>) result.get("historyProblems"))
                .singleElement()
                .asString()
                .startsWith("The task \"" + name + "\" of process instance " + instance)
                .endsWith("was changed in the engine history after the engine wrote it.");
    }

    @Test
    void whoCompletedATaskDeletedFromTheOperationLogIsNamed() {
        assertThat(jdbc.sql("delete from ACT_HI_OP_LOG where PROC_INST_ID_ = ? and OPERATION_TYPE_ = 'Complete'")
                        .param(instance)
                        .update())
                .isOne();

        assertThat((List<?>) verify().get("historyProblems"))
                .singleElement()
                .asString()
                .startsWith("The engine history lost the task operation \"Complete\" of process instance " + instance);
    }

    @Test
    void aProcessInstanceDeletedWithAllItsHistoryIsNamedAndSoIsAChainRowRemoved() {
        for (String table :
                List.of("ACT_HI_DETAIL", "ACT_HI_VARINST", "ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_OP_LOG")) {
            jdbc.sql("delete from " + table + " where PROC_INST_ID_ = ?")
                    .param(instance)
                    .update();
        }
        jdbc.sql("delete from ACT_HI_PROCINST where ID_ = ?").param(instance).update();

        assertThat((List<?>) verify().get("historyProblems"))
                .anySatisfy(p -> assertThat(p)
                        .asString()
                        .startsWith(
                                "The engine history lost the process instance \"hypercareIncident\" of process instance "
                                        + instance));

        jdbc.sql("delete from history_chain where chain_key = ? and chain_seq = 1")
                .param(code)
                .update();
        assertThat((List<?>) verify().get("historyProblems"))
                .first()
                .asString()
                .isEqualTo(
                        "Engine history chain: The chain expects record 1 next but finds record 2: a record was removed "
                                + "or inserted.");
    }

    @Test
    void aCleanupRunAddedByHandDoesNotPassADeletionOffAsRetention() {
        jdbc.sql("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = 'resolution'")
                .param(instance)
                .update();
        long forged = jdbc.sql("select coalesce(max(chain_seq), 0) + 1 from history_chain where chain_key = '#cleanup'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                insert into history_chain (chain_key, chain_seq, entity_type, entity_id, removal_time, digest,
                                           recorded_at, prev_hash, record_hash)
                values ('#cleanup', ?, 'cleanup', 'forged', timestamp '2999-01-01 00:00:00', 'x', current_timestamp,
                        'x', 'x')""").param(forged).update();
        try {
            assertThat((List<?>) verify().get("historyProblems"))
                    .anySatisfy(p -> assertThat(p).asString().startsWith("The chain of history cleanup runs is broken"))
                    .anySatisfy(p -> assertThat(p)
                            .asString()
                            .startsWith("The engine history lost the variable update " + "\"resolution\""));
        } finally {
            jdbc.sql("delete from history_chain where chain_key = '#cleanup' and entity_id = 'forged'")
                    .update();
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> verify() {
        ResponseEntity<Map> response = rest.withBasicAuth(AUDITOR, PASSWORD)
                .getForEntity("/api/projects/" + code + "/audit/verification", Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }
}
