package io.rollout.shared;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job executor's lock on a job as the engine stores it ({@code ACT_RU_JOB}), for {@link JobLockKeeper}: moves a
 * lock's expiry forward while its owner still holds it.
 */
@Repository
class JobLocks {

    private final JdbcTemplate jdbc;

    JobLocks(DataSource dataSource) {
        // a plain JdbcTemplate, used on the keeper's timer thread: no transaction there, every renewal commits on its
        // own, outside the transaction of the job whose lock it renews
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Sets the lock expiry of job {@code jobId} to {@code until} if {@code owner} still holds its lock; the job's
     * revision is not touched, so the job's own transaction still commits.
     *
     * @param tablePrefix the engine's database table prefix (empty unless configured)
     * @return 1 when renewed, 0 when the job is gone or locked by someone else
     */
    int renew(String tablePrefix, String jobId, String owner, Instant until) {
        return jdbc.update(
                "update " + tablePrefix + "ACT_RU_JOB set LOCK_EXP_TIME_ = ? where ID_ = ? and LOCK_OWNER_ = ?",
                Timestamp.from(until),
                jobId,
                owner);
    }
}
