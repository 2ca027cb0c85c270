package io.rollout.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language each person chose (table {@code user_language}), remembered for their user, so it follows them to
 * another browser. Every request asks for it: answers are kept for a minute, which is also how long another node of a
 * cluster may take to follow a new choice (the chooser's own node and browser follow at once).
 */
@Repository
class LanguageChoices {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Optional<String> language, Instant until) {}

    LanguageChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's chosen language tag ({@code zh-CN}, {@code en}), if they chose one. */
    Optional<String> of(String userId) {
        Instant now = Instant.now();
        Kept answer = kept.get(userId);
        if (answer == null || answer.until().isBefore(now)) {
            if (kept.size() > 10_000) {
                kept.clear();
            }
            answer = new Kept(read(userId), now.plus(KEEP));
            kept.put(userId, answer);
        }
        return answer.language();
    }

    private Optional<String> read(String userId) {
        return jdbc.sql("select language from user_language where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional();
    }

    /** Remembers the person's choice; {@code null} forgets it (the browser's language applies again). */
    @Transactional
    void choose(String userId, String language) {
        jdbc.sql("delete from user_language where user_id = :user")
                .param("user", userId)
                .update();
        if (language != null) {
            jdbc.sql("insert into user_language (user_id, language, chosen_at) values (:user, :language, :at)")
                    .param("user", userId)
                    .param("language", language)
                    .param("at", java.sql.Timestamp.from(Instant.now()))
                    .update();
        }
        kept.put(userId, new Kept(Optional.ofNullable(language), Instant.now().plus(KEEP)));
    }
}
