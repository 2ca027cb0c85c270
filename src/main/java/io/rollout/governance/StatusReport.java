package io.rollout.governance;

import java.time.Instant;

/**
 * A stored status report.
 *
 * @param kind  {@code weekly} (PMO) or {@code steering} (monthly steering review)
 * @param rag   {@code green}, {@code amber} or {@code red}
 * @param facts the facts the report was written on (Markdown)
 */
record StatusReport(
        long id,
        String projectCode,
        String kind,
        String rag,
        String summary,
        String facts,
        String writtenBy,
        Instant writtenAt) {

    static final String WEEKLY = "weekly";
    static final String STEERING = "steering";
}
