package io.rollout.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL for a test context before its {@code DataSource} is created, points
 * {@code spring.datasource.*} at it (so Flyway creates Rollout's tables on it and the engine its schema) and stops it
 * when the context closes, after the connection pool and the engine. A context shared by its test classes
 * ({@link PostgresTest}, {@link ProcessTest} on PostgreSQL) therefore has one PostgreSQL for all of them.
 */
public final class EmbeddedPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String BEAN_NAME = "testEmbeddedPostgres";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres postgres = start();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "testEmbeddedPostgres",
                        Map.of(
                                "spring.datasource.url",
                                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "")));
        context.addBeanFactoryPostProcessor(new StopAfterDataSource(postgres));
    }

    private static EmbeddedPostgres start() {
        try {
            // stopped by the context (StopAfterDataSource), not by a JVM hook racing the context's own shutdown
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL of the test context did not start", e);
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
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
                String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                String[] withPostgres = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                withPostgres[dependsOn.length] = BEAN_NAME;
                dataSource.setDependsOn(withPostgres);
            }
        }
    }
}
