package io.rollout.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A process test: the whole application on an in-memory database, without the job executor, with
 * flow-node coverage written to {@code target/process-test-coverage/}. All process tests share one
 * Spring context, so keep this annotation the only configuration on them. In {@code verify} all of them
 * (the tag {@value #TAG}) run a second time on PostgreSQL: see {@link ProcessTestDatabase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles(resolver = ProcessTestDatabase.Profiles.class)
@ContextConfiguration(initializers = ProcessTestDatabase.class)
@Import(ProcessEngineCoverageConfiguration.class)
@Tag(ProcessTest.TAG)
public @interface ProcessTest {

    /** The JUnit tag of process tests, selected by the Surefire execution {@code process-tests-on-postgres}. */
    String TAG = "process";
}
