package io.rollout.planning;

import io.rollout.planning.SystemSelectionRules.VendorChoice;
import io.rollout.planning.VendorRanking.Criterion;
import io.rollout.planning.VendorRanking.Evaluation;
import io.rollout.planning.VendorRanking.VendorScores;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the system selection (build / customise / buy), the vendor evaluation with its ranking and the choice. */
@Repository
class SelectionRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    SelectionRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored selection; the vendor fields are {@code null} unless a vendor was chosen. */
    record Selection(String approach, String reason, String chosenVendor, Boolean topRanked, String choiceReason) {}

    /** One stored line of the ranking, its explanation already in the record language. */
    record RankingLine(String vendor, int rank, int points, String explanation) {

        String weightedScore() {
            return new VendorRanking.RankedVendor(vendor, rank, points, List.of()).weightedScore();
        }
    }

    /**
     * Stores the approach and its reason. Changing the approach clears a vendor chosen before; leaving buy
     * also drops the evaluation, which belongs to buying only.
     */
    void select(String projectCode, String approach, String reason, String user) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        Optional<Selection> before = find(projectCode);
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into system_selection (project_code, approach, reason, selected_by, selected_at)
                    values (?, ?, ?, ?, ?)""").params(projectCode, approach, reason, user, now).update();
            return;
        }
        jdbc.sql(
                        "update system_selection set approach = ?, reason = ?, selected_by = ?, selected_at = ? where project_code = ?")
                .params(approach, reason, user, now, projectCode)
                .update();
        if (!before.get().approach().equals(approach)) {
            jdbc.sql("""
                    update system_selection set chosen_vendor = null, top_ranked = null, choice_reason = null,
                           chosen_by = null, chosen_at = null
                    where project_code = ?""").param(projectCode).update();
        }
        if (!SystemSelectionRules.BUY.equals(approach)) {
            deleteEvaluation(projectCode);
        }
    }

    Optional<Selection> find(String projectCode) {
        return jdbc.sql("""
                select approach, reason, chosen_vendor, top_ranked, choice_reason from system_selection
                where project_code = ?""")
                .param(projectCode)
                .query((rs, n) -> new Selection(
                        rs.getString(1), rs.getString(2), rs.getString(3), (Boolean) rs.getObject(4), rs.getString(5)))
                .optional();
    }

    /** Replaces the evaluation and its ranking. */
    void evaluate(String projectCode, Evaluation evaluation, List<RankingLine> ranking) {
        deleteEvaluation(projectCode);
        List<Criterion> criteria = evaluation.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            jdbc.sql("insert into vendor_criterion (project_code, criterion, weight, sort_order) values (?, ?, ?, ?)")
                    .params(projectCode, criteria.get(i).name(), criteria.get(i).weight(), i + 1)
                    .update();
        }
        for (VendorScores v : evaluation.vendors()) {
            v.scores()
                    .forEach((criterion, score) -> jdbc.sql("""
                    insert into vendor_score (project_code, vendor, criterion, score) values (?, ?, ?, ?)""")
                            .params(projectCode, v.name(), criterion, score)
                            .update());
        }
        for (RankingLine line : ranking) {
            jdbc.sql("""
                    insert into vendor_ranking (project_code, vendor, vendor_rank, points, explanation)
                    values (?, ?, ?, ?, ?)""")
                    .params(projectCode, line.vendor(), line.rank(), line.points(), line.explanation())
                    .update();
        }
    }

    /** The stored evaluation, if any: criteria in form order, vendors in ranking order. */
    Optional<Evaluation> evaluation(String projectCode) {
        List<Criterion> criteria = jdbc.sql("""
                select criterion, weight from vendor_criterion where project_code = ? order by sort_order""")
                .param(projectCode)
                .query((rs, n) -> new Criterion(rs.getString(1), rs.getInt(2)))
                .list();
        if (criteria.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        for (RankingLine line : ranking(projectCode)) {
            scores.put(line.vendor(), new LinkedHashMap<>());
        }
        jdbc.sql("select vendor, criterion, score from vendor_score where project_code = ?")
                .param(projectCode)
                .query((rs, n) -> scores.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        List<VendorScores> vendors = new ArrayList<>();
        scores.forEach((vendor, byCriterion) -> vendors.add(new VendorScores(vendor, byCriterion)));
        return Optional.of(new Evaluation(criteria, vendors));
    }

    /** The ranking, best first. */
    List<RankingLine> ranking(String projectCode) {
        return jdbc.sql("""
                select vendor, vendor_rank, points, explanation from vendor_ranking where project_code = ?
                order by vendor_rank, points desc, vendor""")
                .param(projectCode)
                .query((rs, n) -> new RankingLine(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** Stores the chosen vendor. */
    void choose(String projectCode, VendorChoice choice, String user) {
        jdbc.sql("""
                update system_selection set chosen_vendor = ?, top_ranked = ?, choice_reason = ?, chosen_by = ?,
                       chosen_at = ?
                where project_code = ?""")
                .params(
                        choice.vendor(),
                        choice.topRanked(),
                        choice.reason(),
                        user,
                        Timestamp.from(Instant.now(clock)),
                        projectCode)
                .update();
    }

    private void deleteEvaluation(String projectCode) {
        for (String table : List.of("vendor_ranking", "vendor_score", "vendor_criterion")) {
            jdbc.sql("delete from " + table + " where project_code = ?")
                    .param(projectCode)
                    .update();
        }
    }
}
