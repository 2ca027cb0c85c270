package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class JobLocksTests {

    static final Instant LOCKED_UNTIL = Instant.parse("2026-05-20T08:00:05Z");
    static final Instant RENEWED_UNTIL = Instant.parse("2026-05-20T08:00:10Z");

    JdbcTemplate jdbc;
    JobLocks locks;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:job-locks-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table ACT_RU_JOB (ID_ varchar(64) primary key, REV_ int, LOCK_OWNER_ varchar(255), "
                + "LOCK_EXP_TIME_ timestamp)");
        jdbc.update("insert into ACT_RU_JOB values ('job-1', 3, 'node-a', ?)", Timestamp.from(LOCKED_UNTIL));
        locks = new JobLocks(dataSource);
    }

    @Test
    void renewingMovesTheOwnersLockForwardAndLeavesTheJobsRevision() {
        assertThat(locks.renew("", "job-1", "node-a", RENEWED_UNTIL)).isEqualTo(1);

        Map<String, Object> job = jdbc.queryForMap("select REV_, LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = 'job-1'");
        assertThat(((Timestamp) job.get("LOCK_EXP_TIME_")).toInstant()).isEqualTo(RENEWED_UNTIL);
        assertThat(job.get("REV_")).isEqualTo(3);
    }

    @Test
    void aLockTakenOverByAnotherNodeIsNotRenewed() {
        assertThat(locks.renew("", "job-1", "node-b", RENEWED_UNTIL)).isZero();

        assertThat(jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = 'job-1'", Timestamp.class)
                        .toInstant())
                .isEqualTo(LOCKED_UNTIL);
    }

    @Test
    void outsideTheJobExecutorTheStepJustRuns() {
        JobLocks unused = mock(JobLocks.class);
        JobLockKeeper keeper = new JobLockKeeper(unused, Clock.systemUTC());
        try {
            assertThat(keeper.whileRunning(() -> "done")).isEqualTo("done");
        } finally {
            keeper.stop();
        }
        verifyNoInteractions(unused);
    }
}
