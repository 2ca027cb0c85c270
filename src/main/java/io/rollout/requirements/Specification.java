package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import io.rollout.requirements.RequirementRepository.FrozenVersion;
import io.rollout.shared.FormRow;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's versioned specification (《需求规格说明书》): freezing version n+1 with the hash and a snapshot of
 * the requirements ({@code ServiceTask_FreezeSpecification}), baselining it when the sign-off passed
 * ({@code ServiceTask_BaselineSpecification}), and re-baselining a baselined specification after an approved
 * change request ({@link #rebaseline}). Once a version is baselined, requirements change only through
 * {@link #rebaseline}: the import and the forms are refused ({@link #baselinedVersion}).
 */
@Service
public class Specification {

    static final String REBASELINE = "specificationRebaseline";

    private final RequirementRepository requirements;
    private final ProjectScope scope;
    private final DecisionLog decisions;
    private final Messages messages;

    Specification(RequirementRepository requirements, ProjectScope scope, DecisionLog decisions, Messages messages) {
        this.requirements = requirements;
        this.scope = scope;
        this.decisions = decisions;
        this.messages = messages;
    }

    /** Freezes the requirements as they are now as the next version and returns its number. */
    int freeze(String projectCode, String frozenBy, String reason) {
        int version = requirements
                .latestVersion(projectCode)
                .map(v -> v.version() + 1)
                .orElse(1);
        List<Requirement> rows = requirements.findByProject(projectCode);
        requirements.insertVersion(projectCode, version, SpecificationHash.of(rows), frozenBy, reason, rows);
        return version;
    }

    /** Marks the version baselined and every requirement that is not withdrawn as {@code baselined}. */
    void baseline(String projectCode, int version, String by) {
        requirements.markBaselined(projectCode, version, by);
        requirements.setStatus(
                projectCode,
                requirements.findByProject(projectCode).stream()
                        .filter(r -> !r.isWithdrawn())
                        .map(Requirement::reqId)
                        .toList(),
                Requirement.BASELINED);
    }

    /** The number of the baselined version when the latest version is baselined: then changes are refused. */
    public Optional<Integer> baselinedVersion(String projectCode) {
        return requirements
                .latestVersion(projectCode)
                .filter(FrozenVersion::baselined)
                .map(FrozenVersion::version);
    }

    /**
     * Applies the requirement changes of an approved change request to a baselined specification and baselines
     * them as version n+1, frozen and baselined by {@code user} with the {@code reason}; recorded in the decision
     * log as {@code specificationRebaseline}. A change with the id of a stored requirement replaces it, a new id
     * adds one, a change with status {@code withdrawn} withdraws it; the others are stored as {@code baselined}.
     * Approvals of older versions do not carry over: the change request's approval is the approval of n+1.
     *
     * @param changes the changed requirements (may be empty, e.g. to record a re-baseline of wording agreed
     *                outside Rollout)
     * @return the new version number
     * @throws IllegalStateException                             when no version is baselined yet (the
     *                                                           requirements phase is still running)
     * @throws org.camunda.bpm.engine.BadUserRequestException    when the reason is missing or a change is
     *                                                           invalid (every problem, nothing stored)
     */
    @Transactional
    public int rebaseline(String projectCode, String reason, String user, List<Requirement> changes) {
        FrozenVersion current = requirements
                .latestVersion(projectCode)
                .filter(FrozenVersion::baselined)
                .orElseThrow(() -> new IllegalStateException("the specification of " + projectCode
                        + " has no baselined version: it changes in the requirements phase, not by re-baselining"));
        List<Problem> problems = rebaselineProblems(projectCode, reason, changes);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        for (Requirement r : changes) {
            requirements.upsert(
                    projectCode,
                    r.with(
                            RequirementFields.reqId(r.reqId()),
                            r.isWithdrawn() ? Requirement.WITHDRAWN : Requirement.BASELINED),
                    user);
        }
        int version = freeze(projectCode, user, reason.trim());
        baseline(projectCode, version, user);
        decisions.record(new Decision(
                projectCode,
                REBASELINE,
                "specification v" + version,
                "baselined",
                List.of(reason.trim()),
                "from v" + current.version() + "; changed "
                        + String.join(
                                ",",
                                changes.stream()
                                        .map(r -> RequirementFields.reqId(r.reqId()))
                                        .toList()) + "; hash "
                        + requirements
                                .version(projectCode, version)
                                .orElseThrow()
                                .contentHash(),
                user,
                null));
        return version;
    }

    // every problem of a re-baselining request: the reason, and each changed row (fields, duplicate ids, scope)
    private List<Problem> rebaselineProblems(String projectCode, String reason, List<Requirement> changes) {
        List<Problem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("form.field.required", "reason"));
        }
        List<String> inScope = scope.departments(projectCode);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Requirement r = changes.get(i);
            int row = i + 1;
            problems.addAll(RequirementFields.check(row, r, key -> key));
            if (r.reqId() == null) {
                problems.add(Problem.of("form.row.required", row, "reqId"));
            } else if (!seen.add(r.reqId())) {
                problems.add(Problem.of("requirements.row.duplicateId", row, r.reqId(), "-"));
            }
            if (r.department() == null || !inScope.contains(r.department())) {
                problems.add(Problem.of(
                        "requirements.row.departmentNotInScope",
                        row,
                        r.department(),
                        projectCode,
                        String.join(", ", inScope)));
            }
        }
        return problems;
    }

    /** The stored requirements of the project with the given ids, in id order (unknown ids are left out). */
    public List<Requirement> requirements(String projectCode, Collection<String> reqIds) {
        return requirements.findByProject(projectCode).stream()
                .filter(r -> reqIds.contains(r.reqId()))
                .sorted(Comparator.comparing(Requirement::reqId))
                .toList();
    }

    /** Those requirements as rows of a requirement list form (the fields of the Clarify form, plus withdrawn). */
    public List<Map<String, Object>> formRows(String projectCode, Collection<String> reqIds) {
        return requirements(projectCode, reqIds).stream()
                .map(RequirementCapture::row)
                .toList();
    }

    /**
     * {@link #rebaseline} with the rows a requirement list form submitted, read as the Clarify form reads them
     * (a ticked {@code withdrawn} withdraws the requirement, a field the form does not show keeps its stored value);
     * blank rows are ignored.
     */
    public int rebaselineFromForm(String projectCode, String reason, String user, List<FormRow> rows) {
        Map<String, Requirement> stored = new HashMap<>();
        requirements.findByProject(projectCode).forEach(r -> stored.put(r.reqId(), r));
        return rebaseline(
                projectCode,
                reason,
                user,
                rows.stream()
                        .filter(row -> !row.isBlank())
                        .map(row -> {
                            String id = RequirementFields.reqId(row.text("reqId"));
                            return RequirementCapture.clarified(row, id == null ? null : stored.get(id));
                        })
                        .toList());
    }

    /** Every frozen version with its approvals, oldest first. */
    List<VersionHistory> history(String projectCode) {
        List<SpecificationApprovalRecord> approvals = requirements.approvals(projectCode);
        return requirements.versions(projectCode).stream()
                .map(v -> new VersionHistory(
                        v.version(),
                        v.contentHash(),
                        v.frozenBy(),
                        v.frozenAt(),
                        v.baselinedBy(),
                        v.baselinedAt(),
                        v.reason(),
                        approvals.stream()
                                .filter(a -> a.version() == v.version())
                                .map(a -> new ApprovalView(
                                        a.department(), a.approver(), a.approved(), a.comment(), a.decidedAt()))
                                .toList()))
                .toList();
    }

    /** One version of {@code GET /api/projects/{code}/specification/versions}. */
    record VersionHistory(
            int version,
            String contentHash,
            String frozenBy,
            Instant frozenAt,
            String baselinedBy,
            Instant baselinedAt,
            String reason,
            List<ApprovalView> approvals) {}

    /** A department owner's decision on one version. */
    record ApprovalView(String department, String approver, boolean approved, String comment, Instant decidedAt) {}
}
