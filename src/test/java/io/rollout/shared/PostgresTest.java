package io.rollout.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the {@code postgres} profile on a real (embedded) PostgreSQL, in the unit test run: the whole application
 * without the job executor. All such tests share one Spring context and so one PostgreSQL
 * ({@link EmbeddedPostgresDatabase}), which stops when the test JVM closes its contexts; keep this annotation the
 * only configuration on them, and give each test its own project code ({@link TestProjects#newCode()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = EmbeddedPostgresDatabase.class)
public @interface PostgresTest {}
