package io.rollout.governance;

import org.springframework.stereotype.Component;

/**
 * Read API of governance's risk and issue log (table {@code log_entry}) for the KPI dashboard.
 */
@Component
public class IssueLog {

    private final LogEntryRepository entries;

    IssueLog(LogEntryRepository entries) {
        this.entries = entries;
    }

    /** The project's issues still open (neither escalated nor resolved). */
    public int openIssues(String projectCode) {
        return (int) entries.forProject(projectCode).stream()
                .filter(e -> LogEntryRules.ISSUE.equals(e.kind()) && LogEntry.OPEN.equals(e.status()))
                .count();
    }
}
