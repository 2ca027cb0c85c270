package io.rollout.shared;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The database a {@link ProcessTest} runs on. By default the in-memory H2 of {@code application-test.yaml}.
 * With the system property {@code rollout.test.database=postgres} (set by the Surefire execution
 * {@code process-tests-on-postgres} in {@code pom.xml}) the same tests run on a real PostgreSQL instead: the
 * {@code postgres} profile is active, and an embedded PostgreSQL is started for the test context
 * ({@link EmbeddedPostgresDatabase}). All process tests share one context, so that is one PostgreSQL per test JVM; it
 * stops when the context closes, after the connection pool and the engine.
 */
public final class ProcessTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The system property that selects the database; {@value #POSTGRES} or absent. */
    public static final String PROPERTY = "rollout.test.database";

    static final String POSTGRES = "postgres";

    static boolean onPostgres() {
        String database = System.getProperty(PROPERTY, "");
        if (database.isBlank() || database.equals("h2")) {
            return false;
        }
        if (database.equals(POSTGRES)) {
            return true;
        }
        // a typo must not silently fall back to H2 and report a PostgreSQL run that never happened
        throw new IllegalStateException(PROPERTY + " must be h2 or postgres, not " + database);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (onPostgres()) {
            new EmbeddedPostgresDatabase().initialize(context);
        }
    }

    /** {@code test}, and {@code postgres} on PostgreSQL. */
    public static final class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return onPostgres() ? new String[] {"test", POSTGRES} : new String[] {"test"};
        }
    }
}
