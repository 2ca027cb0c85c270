package io.rollout.shared;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the job executor's lock on the current job while a long step runs (the dry run and the staging load of a
 * large extract, {@code ServiceTask_RunDryRun} and {@code ServiceTask_LoadStaging} of {@code dataMigration}).
 *
 * <p>In a cluster every node's job executor takes jobs whose lock has expired: that is how the jobs of a node that
 * died are taken over, so the lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}) is kept short. A job
 * that runs longer than the lock time would then be taken again while it still runs — by another node or by its own
 * — and the first run would fail with an {@code OptimisticLockingException} when it ends; the next run the same,
 * without end (seen with a dry run of 400,000 rows and a 5 s lock). So while the step runs, its lock expiry is moved
 * forward every half lock time, in a statement of its own outside the job's transaction. The job's revision is not
 * touched, so the job's own transaction still commits; when the node dies, the renewals stop with it and the lock
 * expires one lock time later.
 */
@Component
public class JobLockKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(JobLockKeeper.class);

    private final JobLocks locks;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rollout-job-lock-keeper");
        thread.setDaemon(true);
        return thread;
    });

    JobLockKeeper(JobLocks locks, Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Runs the step, renewing the lock of the job that runs it; outside the job executor (a job executed through the
     * API, a test) the step just runs.
     */
    public <T> T whileRunning(Supplier<T> step) {
        JobExecutorContext context = Context.getJobExecutorContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        if (job == null || job.getLockOwner() == null || engine == null || engine.getJobExecutor() == null) {
            return step.get();
        }
        long lockTime = engine.getJobExecutor().getLockTimeInMillis();
        String tablePrefix = engine.getDatabaseTablePrefix();
        String id = job.getId();
        String owner = job.getLockOwner();
        ScheduledFuture<?> renewal = timer.scheduleAtFixedRate(
                () -> {
                    try {
                        locks.renew(tablePrefix, id, owner, Instant.ofEpochMilli(clock.millis() + lockTime));
                    } catch (RuntimeException e) {
                        LOG.warn("Could not renew the lock of job {}: {}", id, e.toString());
                    }
                },
                lockTime / 2,
                Math.max(1, lockTime / 2),
                TimeUnit.MILLISECONDS);
        try {
            return step.get();
        } finally {
            renewal.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
