package io.rollout.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a {@link HistoryChain} as stored ({@code history_chain}, {@code history_chain_head}) and the engine history it
 * was made from as it is now, for {@link HistoryChainCheck}. Writing the chain is {@link HistoryChain}'s, on the
 * engine's own connection at commit.
 */
@Repository
class HistoryChainRepository {

    /** One row of a chain: the entry as it was chained, and the row's place and hashes. */
    record Row(
            long seq,
            String type,
            String id,
            String processInstanceId,
            String root,
            String label,
            Date removalTime,
            String digest,
            Date recordedAt,
            String prevHash,
            String hash) {

        HistoryChain.Entry entry() {
            return new HistoryChain.Entry(type, id, processInstanceId, root, label, removalTime, digest);
        }
    }

    /** The head of a chain: the place and hash of its last row; place 0 and no hash before the first. */
    record Head(long seq, String hash) {}

    private final JdbcClient jdbc;

    HistoryChainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of a chain in their order. */
    List<Row> rows(String chainKey) {
        return jdbc.sql("""
                select chain_seq, entity_type, entity_id, process_instance_id, root_process_instance_id, label,
                       removal_time, digest, recorded_at, prev_hash, record_hash
                from history_chain where chain_key = ? order by chain_seq""").param(chainKey).query(HistoryChainRepository::row).list();
    }

    Head head(String chainKey) {
        return jdbc.sql("select seq, hash from history_chain_head where chain_key = ?")
                .param(chainKey)
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .optional()
                .orElse(new Head(0, null));
    }

    /**
     * The digests of the engine history entries of one type as stored now, by {@code "type:id"}; an entry that is
     * gone has none. Read with {@link HistoryChain#READS}, the statements the chain was made with.
     */
    Map<String, String> digests(String type, List<String> ids) {
        Map<String, String> digests = new HashMap<>();
        for (int from = 0; from < ids.size(); from += HistoryChain.CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + HistoryChain.CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.sql(HistoryChain.READS.get(type).formatted(marks))
                    .params(chunk)
                    .query(rs -> {
                        digests.put(type + ":" + rs.getString("ID_"), HistoryChain.storedDigest(type, rs));
                    });
        }
        return digests;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("chain_seq"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("process_instance_id"),
                rs.getString("root_process_instance_id"),
                rs.getString("label"),
                rs.getTimestamp("removal_time"),
                rs.getString("digest"),
                rs.getTimestamp("recorded_at"),
                rs.getString("prev_hash"),
                rs.getString("record_hash"));
    }
}
