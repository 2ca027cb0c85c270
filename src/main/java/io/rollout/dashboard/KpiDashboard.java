package io.rollout.dashboard;

import io.rollout.training.TrainingStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Computes the KPI dashboard for the PMO and the steering committee: per project milestones on time (by the
 * end of their phase in history), phase cycle times (history), UAT pass rate, training coverage per role,
 * open risks and issues, incident resolution time; and across projects their averages.
 */
@Component
class KpiDashboard {

    /** Plan phase names (milestone.phase) and the processes that run them. */
    static final Map<String, String> PHASE_PROCESSES = new LinkedHashMap<>();

    static {
        PHASE_PROCESSES.put("requirements", "requirementsPhase");
        PHASE_PROCESSES.put("planning", "planningPhase");
        PHASE_PROCESSES.put("build", "buildPhase");
        PHASE_PROCESSES.put("data-migration", "dataMigration");
        PHASE_PROCESSES.put("uat", "userAcceptanceTest");
        PHASE_PROCESSES.put("training", "trainingPhase");
        PHASE_PROCESSES.put("go-live", "goLive");
        PHASE_PROCESSES.put("operations", "operationsPhase");
    }

    private final KpiRepository repository;
    private final HistoryService history;
    private final TrainingStatus training;
    private final Clock clock;

    KpiDashboard(KpiRepository repository, HistoryService history, TrainingStatus training, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.training = training;
        this.clock = clock;
    }

    /** The dashboard of every project, or of one when {@code onlyCode} is given. */
    public Kpis.Dashboard dashboard(String onlyCode) {
        List<Kpis.Project> projects =
                repository.projects(onlyCode).stream().map(this::project).toList();
        return new Kpis.Dashboard(portfolio(projects), projects);
    }

    private Kpis.Project project(KpiRepository.Project p) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Instant[]> spans = phaseSpans(p.code());
        List<Kpis.Milestone> milestones = repository.milestones(p.code()).stream()
                .map(m -> {
                    Instant[] span = spans.get(PHASE_PROCESSES.getOrDefault(m.phase(), m.phase()));
                    LocalDate ended =
                            span == null || span[1] == null ? null : LocalDate.ofInstant(span[1], ZoneOffset.UTC);
                    return new Kpis.Milestone(
                            m.name(), m.phase(), m.due(), ended, MilestoneTimeliness.of(m.due(), ended, today));
                })
                .toList();
        List<Kpis.PhaseTime> times = new ArrayList<>();
        PHASE_PROCESSES.values().forEach(key -> {
            Instant[] span = spans.get(key);
            if (span != null) {
                Instant end = span[1] == null ? now : span[1];
                times.add(new Kpis.PhaseTime(
                        key, round(Duration.between(span[0], end).toMinutes() / 1440.0), span[1] != null));
            }
        });
        int[] uat = repository.uatCasesAndPassed(p.code());
        List<Kpis.RoleCoverage> coverage = training.coverage(p.code()).stream()
                .map(r -> new Kpis.RoleCoverage(
                        r.role(),
                        r.trained(),
                        r.planned(),
                        r.planned() == 0 ? 0 : round(r.trained() * 100.0 / r.planned())))
                .toList();
        int[] risks = repository.openRisksHighRisksIssues(p.code());
        KpiRepository.IncidentFigures incidents = repository.incidents(p.code());
        return new Kpis.Project(
                p.code(),
                p.name(),
                p.status(),
                count(milestones, MilestoneTimeliness.ON_TIME),
                count(milestones, MilestoneTimeliness.LATE),
                count(milestones, MilestoneTimeliness.PENDING),
                milestones,
                times,
                uat[0],
                uat[1],
                uat[0] == 0 ? null : round(uat[1] * 100.0 / uat[0]),
                p.uatPassTarget(),
                coverage,
                p.trainingTarget(),
                risks[0],
                risks[1],
                risks[2],
                incidents.all(),
                incidents.open(),
                incidents.averageResolutionHours() == null ? null : round(incidents.averageResolutionHours()));
    }

    // first start and last end of each phase process of the project (a phase may run more than once)
    private Map<String, Instant[]> phaseSpans(String code) {
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .list()) {
            Instant start = pi.getStartTime().toInstant();
            Instant end = pi.getEndTime() == null ? null : pi.getEndTime().toInstant();
            spans.merge(pi.getProcessDefinitionKey(), new Instant[] {start, end}, (a, b) -> new Instant[] {
                a[0].isBefore(b[0]) ? a[0] : b[0],
                a[1] == null || b[1] == null ? null : (a[1].isAfter(b[1]) ? a[1] : b[1])
            });
        }
        return spans;
    }

    private static Kpis.Portfolio portfolio(List<Kpis.Project> projects) {
        Map<String, Double> phaseDays = new LinkedHashMap<>();
        for (String key : PHASE_PROCESSES.values()) {
            List<Double> days = projects.stream()
                    .flatMap(p -> p.phaseTimes().stream())
                    .filter(t -> t.finished() && t.phase().equals(key))
                    .map(Kpis.PhaseTime::days)
                    .toList();
            if (!days.isEmpty()) {
                phaseDays.put(
                        key,
                        round(days.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0)));
            }
        }
        int decided = projects.stream()
                .mapToInt(p -> p.milestonesOnTime() + p.milestonesLate())
                .sum();
        int onTime = projects.stream().mapToInt(Kpis.Project::milestonesOnTime).sum();
        return new Kpis.Portfolio(
                projects.size(),
                phaseDays,
                average(projects.stream().map(Kpis.Project::uatPassRate).toList()),
                decided == 0 ? null : round(onTime * 100.0 / decided),
                projects.stream().mapToInt(Kpis.Project::openRisks).sum(),
                projects.stream().mapToInt(Kpis.Project::openIssues).sum(),
                average(projects.stream()
                        .map(Kpis.Project::incidentResolutionHours)
                        .toList()));
    }

    private static Double average(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        return known.isEmpty()
                ? null
                : round(known.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0));
    }

    private static int count(List<Kpis.Milestone> milestones, String timeliness) {
        return (int) milestones.stream()
                .filter(m -> m.timeliness().equals(timeliness))
                .count();
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
