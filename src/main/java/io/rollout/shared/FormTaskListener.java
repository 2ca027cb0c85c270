package io.rollout.shared;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A user task's listener in its two halves: {@link #prefill} when the task is created (what the form shows:
 * options, rows, the facts the system already knows) and {@link #complete} when it is completed (read the
 * submitted values, check them with the feature's {@code *Rules}, store them). The model registers the same bean
 * for {@code create} and {@code complete}; other events are ignored.
 *
 * <p>A refusal in {@link #complete} throws {@link RejectedInput} (or a {@code ProcessEngineException}), which
 * rolls the completion back: the task stays open and the form shows the reason.
 */
public abstract class FormTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> prefill(task);
            case EVENTNAME_COMPLETE -> complete(task);
            default -> {
                // assignment, update, timeout and delete change nothing a form shows or submits
            }
        }
    }

    /** Sets what the form shows when the task is created. Nothing by default. */
    protected void prefill(DelegateTask task) {}

    /** Reads, checks and stores what the person submitted. Nothing by default. */
    protected void complete(DelegateTask task) {}
}
