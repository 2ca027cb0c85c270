package io.rollout.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The database a {@link ProcessTest} runs on. By default the in-memory H2 of {@code application-test.yaml}.
 * With the system property {@code rollout.test.database=postgres} (set by the Surefire execution
 * {@code process-tests-on-postgres} in {@code pom.xml}) the same tests run on a real PostgreSQL instead: the
 * {@code postgres} profile is active, and an embedded PostgreSQL is started for the test context before its
 * {@code DataSource} is created, so Flyway creates Rollout's tables on it and the engine its schema. All process
 * tests share one context, so that is one PostgreSQL per test JVM; it stops when the context closes, after the
 * connection pool and the engine.
 */
public final class ProcessTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The system property that selects the database; {@value #POSTGRES} or absent. */
    public static final String PROPERTY = "rollout.test.database";
    static final String POSTGRES = "postgres";

    private static final String BEAN_NAME = "processTestEmbeddedPostgres";

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
        if (!onPostgres()) {
            return;
        }
        EmbeddedPostgres postgres = start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("processTestPostgres", Map.of(
            "spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
            "spring.datasource.username", "postgres",
            "spring.datasource.password", "")));
        context.addBeanFactoryPostProcessor(new StopAfterDataSource(postgres));
    }

    private static EmbeddedPostgres start() {
        try {
            // stopped by the context (StopAfterDataSource), not by a JVM hook racing the context's own shutdown
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL for the process tests did not start", e);
        }
    }

    /**
     * Registers the running PostgreSQL as a bean that closes it, and makes the {@code DataSource} depend on it:
     * the context then closes the engine and the pool before it stops the database.
     */
    private record StopAfterDataSource(EmbeddedPostgres postgres) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            RootBeanDefinition definition = new RootBeanDefinition(EmbeddedPostgres.class, () -> postgres);
            definition.setDestroyMethodName("close");
            definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(BEAN_NAME, definition);
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            for (String name : beanFactory.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
                BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
                String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                String[] withPostgres = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                withPostgres[dependsOn.length] = BEAN_NAME;
                dataSource.setDependsOn(withPostgres);
            }
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
