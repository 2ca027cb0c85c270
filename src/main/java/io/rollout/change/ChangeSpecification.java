package io.rollout.change;

import io.rollout.requirements.Specification;
import io.rollout.shared.ForModels;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The specification side of an approved change request in {@code implementationProject}.
 * <ul>
 * <li>{@code Gateway_SpecificationAffected}: {@code ${changeSpecification.affected(changeRequestId)}} — the change
 *     names requirements and the specification is baselined (before that, the requirements phase itself takes
 *     changes).</li>
 * <li>Task listener of {@code UserTask_UpdateSpecification} (consultant): on create prefills {@code requirements}
 *     (Json rows) with the affected requirements as stored; on complete applies the submitted rows (edited,
 *     added, or withdrawn with {@code withdrawn}) through {@link Specification#rebaseline}, which baselines them
 *     as the next version or refuses every bad row and stores nothing, and writes {@value #VERSION}.</li>
 * </ul>
 */
@Component("changeSpecification")
public class ChangeSpecification extends FormTaskListener {

    /** The specification version baselined for this change request (Integer, local to its event sub-process). */
    static final String VERSION = "rebaselinedSpecVersion";

    private final ChangeRequestRepository repository;
    private final ChangeForms forms;
    private final Specification specification;
    private final Messages messages;

    ChangeSpecification(
            ChangeRequestRepository repository, ChangeForms forms, Specification specification, Messages messages) {
        this.repository = repository;
        this.forms = forms;
        this.specification = specification;
        this.messages = messages;
    }

    /** Whether the approved change request must re-baseline the requirement specification. */
    @ForModels
    public boolean affected(Object changeRequestId) {
        ChangeRequest cr = find(((Number) changeRequestId).longValue());
        return !cr.requirements().isEmpty()
                && specification.baselinedVersion(cr.projectCode()).isPresent();
    }

    @Override
    protected void prefill(DelegateTask task) {
        ChangeRequest cr = forms.find(task);
        forms.show(task, cr);
        task.setVariableLocal("requirements", JsonRows.of(specification.formRows(cr.projectCode(), cr.requirements())));
    }

    @Override
    protected void complete(DelegateTask task) {
        ChangeRequest cr = forms.find(task);
        int version = specification.rebaselineFromForm(
                cr.projectCode(),
                messages.forRecord("change.rebaseline.reason", cr.id(), cr.reason()),
                TaskForms.currentUser(task),
                JsonRows.read(task.getVariable("requirements")));
        task.getExecution().setVariable(VERSION, version);
    }

    private ChangeRequest find(long id) {
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no change request " + id));
    }
}
