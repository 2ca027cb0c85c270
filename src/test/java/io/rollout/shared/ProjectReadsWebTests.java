package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Http;
import io.rollout.project.ProjectRepository;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who reads a project through {@code /api/projects/{code}/...}: Rollout's roles (each read names which), auditors
 * among them; an account in no Rollout group reads none of it, whatever it guesses.
 */
@WebTest
class ProjectReadsWebTests {

    static final List<String> READS = List.of(
            "",
            "/decisions",
            "/requirements",
            "/specification/versions",
            "/specification/latest.xlsx",
            "/build",
            "/datasets",
            "/uat/traceability",
            "/uat/defects",
            "/training/curricula",
            "/training/accounts",
            "/change-requests",
            "/risks-and-issues",
            "/status-reports",
            "/timeline",
            "/audit/verification",
            "/kpis",
            "/backlog",
            "/incidents",
            "/kpi-baseline");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Test
    void anAccountInNoGroupReadsNothingOfAProject() {
        TestUsers.ensure(identity, "readsnobody", "reads-Secret-2026");
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of("customers"));
        Http nobody = Http.as(port, "readsnobody", "reads-Secret-2026");

        assertThat(nobody.get("/api/projects").statusCode()).isEqualTo(403);
        for (String read : READS) {
            HttpResponse<String> response = nobody.get("/api/projects/" + code + read);
            assertThat(response.statusCode()).as(read + " " + response.body()).isEqualTo(403);
        }
    }
}
