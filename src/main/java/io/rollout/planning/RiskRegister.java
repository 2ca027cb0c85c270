package io.rollout.planning;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The project's risk register (table {@code risk}) as the other modules read and feed it: planned in
 * {@code UserTask_CapturePlan} of {@code planningPhase}; raised, reassigned and closed through governance's risk
 * and issue log; reported in the status report, counted by the dashboard and weighed by go-live readiness
 * ({@code BusinessRuleTask_AssessReadiness}). Planning alone writes the table; the others call this API, so "open"
 * and "high" mean the same everywhere.
 */
@Component
@NamedInterface("readiness")
public class RiskRegister {

    /** A risk with this score (probability × impact) or more is high. */
    public static final int HIGH_SCORE = PlanRules.HIGH_RISK;
    /** Status of a risk raised in the log; planned risks start so too. */
    public static final String OPEN = PlanRepository.RISK_OPEN;
    /** Status of a risk whose log entry was resolved. */
    public static final String CLOSED = "closed";

    // what counts as open: a status other than these (also in other words a plan may have used)
    private static final String IS_OPEN = "coalesce(lower(status), 'open') not in ('closed', 'mitigated', 'resolved')";

    private final JdbcClient jdbc;

    RiskRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A risk of the register. */
    @NamedInterface("readiness")
    public record Risk(long id, String title, int probability, int impact, int score, String owner) {

        public boolean high() {
            return score >= HIGH_SCORE;
        }
    }

    /** The open risks of the project, highest score first (then as raised). */
    public List<Risk> open(String projectCode) {
        return jdbc.sql(SELECT + " where project_code = ? and " + IS_OPEN + " order by score desc, id")
                .param(projectCode)
                .query(RiskRegister::risk)
                .list();
    }

    /** The open high risks of the project, highest score first, then by title. */
    public List<Risk> openHigh(String projectCode) {
        return open(projectCode).stream()
                .filter(Risk::high)
                .sorted(Comparator.comparingInt(Risk::score).reversed().thenComparing(Risk::title))
                .toList();
    }

    /** Every risk of the project, open or not. */
    public List<Risk> of(String projectCode) {
        return jdbc.sql(SELECT + " where project_code = ? order by id")
                .param(projectCode)
                .query(RiskRegister::risk)
                .list();
    }

    public Optional<Risk> find(long riskId) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(riskId)
                .query(RiskRegister::risk)
                .optional();
    }

    /** Adds an open risk (raised in the risk and issue log) and returns its id. */
    public long raise(String projectCode, String title, int probability, int impact, String owner) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, mitigation, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, title, probability, impact, probability * impact, owner, null, OPEN)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void reassign(long riskId, String owner) {
        jdbc.sql("update risk set owner = ? where id = ?").params(owner, riskId).update();
    }

    /** Closes a risk; the resolution becomes its mitigation unless it has one. */
    public void close(long riskId, String resolution) {
        jdbc.sql("update risk set status = ?, mitigation = coalesce(mitigation, ?) where id = ?")
                .params(CLOSED, resolution, riskId)
                .update();
    }

    private static final String SELECT = "select id, title, probability, impact, score, owner from risk";

    private static Risk risk(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Risk(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getInt("probability"),
                rs.getInt("impact"),
                rs.getInt("score"),
                rs.getString("owner"));
    }
}
