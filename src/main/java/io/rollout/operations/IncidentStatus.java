package io.rollout.operations;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read API of operations for the KPI dashboard: how many incidents a project has had, how many are open, and how
 * long the resolved ones took. Table {@code incident} stays operations'.
 */
@Component
public class IncidentStatus {

    private final IncidentRepository repository;

    IncidentStatus(IncidentRepository repository) {
        this.repository = repository;
    }

    /**
     * @param averageResolutionHours mean hours from opening to resolution of the resolved ones; null when none is
     */
    public record Figures(int all, int open, Double averageResolutionHours) {}

    public Figures figures(String projectCode) {
        List<IncidentRepository.IncidentView> incidents = repository.incidents(projectCode);
        int open = 0;
        double hours = 0;
        int resolved = 0;
        for (IncidentRepository.IncidentView incident : incidents) {
            if (incident.resolvedAt() == null) {
                open++;
            } else {
                hours += Duration.between(incident.openedAt(), incident.resolvedAt())
                                .toMinutes()
                        / 60.0;
                resolved++;
            }
        }
        return new Figures(incidents.size(), open, resolved == 0 ? null : hours / resolved);
    }
}
