package io.rollout.dashboard;

import io.rollout.governance.IssueLog;
import io.rollout.operations.IncidentStatus;
import io.rollout.planning.MilestoneRegister;
import io.rollout.planning.RiskRegister;
import io.rollout.project.ProjectRepository;
import io.rollout.uat.UatStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The dashboard's read model over planning, UAT, governance and operations: counting only, through each module's
 * read API, so the modules keep their tables and their rules (what an open or high risk is, which result of a case
 * counts).
 */
@Component
class KpiRepository {

    private final ProjectRepository projects;
    private final MilestoneRegister milestones;
    private final RiskRegister risks;
    private final UatStatus uat;
    private final IssueLog issues;
    private final IncidentStatus incidents;

    KpiRepository(
            ProjectRepository projects,
            MilestoneRegister milestones,
            RiskRegister risks,
            UatStatus uat,
            IssueLog issues,
            IncidentStatus incidents) {
        this.projects = projects;
        this.milestones = milestones;
        this.risks = risks;
        this.uat = uat;
        this.issues = issues;
        this.incidents = incidents;
    }

    record Project(String code, String name, String status, int uatPassTarget, int trainingTarget) {}

    record MilestoneRow(String name, String phase, java.time.LocalDate due) {}

    List<Project> projects(String onlyCode) {
        return projects.findAll().stream()
                .filter(p -> onlyCode == null || onlyCode.equals(p.code()))
                .sorted(Comparator.comparing(io.rollout.project.Project::code))
                .map(p -> new Project(p.code(), p.name(), p.status(), p.uatPassTarget(), p.trainingTarget()))
                .toList();
    }

    List<MilestoneRow> milestones(String code) {
        return milestones.of(code).stream()
                .map(m -> new MilestoneRow(m.name(), m.phase(), m.dueDate()))
                .toList();
    }

    /** Test cases and how many of them passed in their latest result. */
    int[] uatCasesAndPassed(String code) {
        Map<String, String> latest = uat.latestResults(code);
        return new int[] {
            uat.testCases(code),
            (int) latest.values().stream().filter("pass"::equals).count()
        };
    }

    /** Open risks, open high risks (score 15 or more) and open issues. */
    int[] openRisksHighRisksIssues(String code) {
        List<RiskRegister.Risk> open = risks.open(code);
        return new int[] {
            open.size(), (int) open.stream().filter(RiskRegister.Risk::high).count(), issues.openIssues(code)
        };
    }

    /** All incidents, the open ones, and the resolution times of the resolved ones. */
    IncidentFigures incidents(String code) {
        IncidentStatus.Figures figures = incidents.figures(code);
        return new IncidentFigures(figures.all(), figures.open(), figures.averageResolutionHours());
    }

    record IncidentFigures(int all, int open, Double averageResolutionHours) {}
}
