package io.rollout.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A process test: the whole application on an in-memory database, without the job executor, with
 * flow-node coverage written to {@code target/process-test-coverage/}. All process tests share one
 * Spring context, so keep this annotation the only configuration on them. The {@code *ProcessTests}
 * classes run a second time on PostgreSQL in {@code verify}: see {@link ProcessTestDatabase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles(resolver = ProcessTestDatabase.Profiles.class)
@ContextConfiguration(initializers = ProcessTestDatabase.class)
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ProcessTest {
}
