package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.rollout.RolloutApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code ldap} profile against a directory: an in-memory LDAP server from {@code ldap/rollout-directory.ldif},
 * and the application started with the profile and configured only by the environment variables the README
 * documents. The application runs in a JVM of its own: the web apps and the REST API address the engine as
 * {@code default}, which the web tests' context holds in this JVM.
 */
class LdapLoginTests {

    private static final String BASE = "dc=rollout,dc=test";
    private static final String READER = "cn=rollout-reader," + BASE;
    private static final String READER_PASSWORD = "reader-Directory-1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static InMemoryDirectoryServer directory;
    private static Process app;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startDirectoryAndApplication() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(READER, READER_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(
                true,
                new File(Objects.requireNonNull(LdapLoginTests.class.getResource("/ldap/rollout-directory.ldif"))
                        .toURI()));
        directory.startListening();

        port = freePort();
        log = Files.createTempFile("rollout-ldap-", ".log");
        Path argFile = Files.createTempFile("rollout-ldap-", ".args");
        // without empty entries: one would put the working directory, with the repository's bpmn/, on the class path
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
        Files.writeString(argFile, "-cp\n\"" + classPath.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "@" + argFile,
                RolloutApplication.class.getName(),
                // the test profile's in-memory database; its admin password must not be needed under ldap
                "--spring.profiles.active=test,ldap",
                "--rollout.admin.password=",
                "--camunda.bpm.generate-unique-process-engine-name=false",
                "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Files.createTempDirectory("rollout-ldap-").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ROLLOUT_LDAP_URL", "ldap://localhost:" + directory.getListenPort());
        env.put("ROLLOUT_LDAP_MANAGER_DN", READER);
        env.put("ROLLOUT_LDAP_MANAGER_PASSWORD", READER_PASSWORD);
        env.put("ROLLOUT_LDAP_BASE_DN", BASE);
        env.put("ROLLOUT_LDAP_USER_SEARCH_BASE", "ou=people");
        env.put("ROLLOUT_LDAP_GROUP_SEARCH_BASE", "ou=groups");
        // paged searches as Active Directory needs them (README); small pages so that a user's groups span two
        env.put("ROLLOUT_LDAP_PAGE_SIZE", "1");
        app = builder.start();
        awaitStarted();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        if (directory != null) {
            directory.shutDown(true);
        }
    }

    @Test
    void aDirectoryUserCallsTheEngineRestApiWithTheGroupsOfTheDirectory() throws Exception {
        Http bo = Http.as(port, "bo", "bo-Directory-1");

        HttpResponse<String> profile = bo.get("/engine-rest/user/bo/profile");
        assertThat(profile.statusCode()).as(Http.describe(profile)).isEqualTo(200);
        assertThat(JSON.readTree(profile.body()).path("lastName").asText()).isEqualTo("Lindqvist");
        assertThat(JSON.readTree(profile.body()).path("email").asText()).isEqualTo("bo@rollout.test");

        HttpResponse<String> groups = bo.get("/engine-rest/group?member=bo");
        assertThat(groups.statusCode()).as(Http.describe(groups)).isEqualTo(200);
        assertThat(ids(JSON.readTree(groups.body()))).containsExactlyInAnyOrder("business-owner", "dept-finance");

        // Rollout's filters are granted to the role groups: bo reads the business owners' filter, not the PMO's
        HttpResponse<String> filters = bo.get("/engine-rest/filter");
        assertThat(filters.statusCode()).as(Http.describe(filters)).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(filters.body()).forEach(f -> names.add(f.path("name").asText()));
        assertThat(names)
                .contains(IdentitySetup.FILTER_OPEN_FOR_ME, "Business owners")
                .doesNotContain("PMO / project managers");
    }

    @Test
    void aTaskForADirectoryGroupReachesItsMembersOnly() throws Exception {
        Http admin = Http.as(port, "dana", "dana-Directory-1");
        String taskId = UUID.randomUUID().toString();
        HttpResponse<String> create = admin.post(
                "/engine-rest/task/create",
                "{\"id\":\"" + taskId + "\",\"name\":\"Approve the finance chart of accounts\"}");
        assertThat(create.statusCode()).as(Http.describe(create)).isEqualTo(204);
        HttpResponse<String> link = admin.post(
                "/engine-rest/task/" + taskId + "/identity-links",
                "{\"groupId\":\"dept-finance\",\"type\":\"candidate\"}");
        assertThat(link.statusCode()).as(Http.describe(link)).isEqualTo(204);

        assertThat(openForMe("bo", "bo-Directory-1")).contains(taskId);
        assertThat(openForMe("ana", "ana-Directory-1")).doesNotContain(taskId);
    }

    @Test
    void aDirectoryUserLogsInToTasklistAndIsRefusedCockpitByRole() {
        assertThat(webappLogin("bo", "bo-Directory-1", "tasklist").statusCode()).isEqualTo(200);
        HttpResponse<String> cockpit = webappLogin("bo", "bo-Directory-1", "cockpit");
        assertThat(cockpit.statusCode()).as(Http.describe(cockpit)).isEqualTo(403);
        // the PMO follows projects in Cockpit
        assertThat(webappLogin("ana", "ana-Directory-1", "cockpit").statusCode())
                .isEqualTo(200);
        // a directory user in no Rollout role may not use Tasklist
        HttpResponse<String> outsider = webappLogin("eve", "eve-Directory-1", "tasklist");
        assertThat(outsider.statusCode()).as(Http.describe(outsider)).isEqualTo(403);
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreRefused() {
        for (String[] credentials : new String[][] {
            // carl fails only here: a failed login delays the next one of the same user
            {"carl", "ana-Directory-1"},
            {"carl", ""},
            {"mallory", "bo-Directory-1"},
            {"*", "bo-Directory-1"},
            {"bo)(uid=*", "bo-Directory-1"},
            // the test profile's administrator from the environment is not created under ldap
            {"admin", "test-admin-Secret-2026"}
        }) {
            HttpResponse<String> rest =
                    Http.as(port, credentials[0], credentials[1]).get("/engine-rest/user/bo/profile");
            assertThat(rest.statusCode())
                    .as(credentials[0] + " " + Http.describe(rest))
                    .isEqualTo(401);
            HttpResponse<String> tasklist = webappLogin(credentials[0], credentials[1], "tasklist");
            assertThat(tasklist.statusCode())
                    .as(credentials[0] + " " + Http.describe(tasklist))
                    .isEqualTo(401);
        }
    }

    @Test
    void aFailedLoginDelaysTheNextOneOfThatUserAsForCamundasOwnUsers() throws Exception {
        assertThat(Http.as(port, "frank", "frank-guess-1")
                        .get("/engine-rest/user/frank/profile")
                        .statusCode())
                .isEqualTo(401);
        // right away even the right password is refused, without asking the directory; other users log in
        assertThat(Http.as(port, "frank", "frank-Directory-1")
                        .get("/engine-rest/user/frank/profile")
                        .statusCode())
                .isEqualTo(401);
        assertThat(webappLogin("frank", "frank-Directory-1", "tasklist").statusCode())
                .isEqualTo(401);
        assertThat(Http.as(port, "ana", "ana-Directory-1")
                        .get("/engine-rest/user/ana/profile")
                        .statusCode())
                .isEqualTo(200);
        // Camunda's first delay is 3 seconds (loginDelayBase)
        Thread.sleep(3_500);
        assertThat(Http.as(port, "frank", "frank-Directory-1")
                        .get("/engine-rest/user/frank/profile")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void usersAndGroupsCannotBeChangedThroughCamundaUnderLdap() throws Exception {
        Http admin = Http.as(port, "dana", "dana-Directory-1");
        assertThat(admin.get("/engine-rest/authorization").statusCode()).isEqualTo(200);

        HttpResponse<String> user = admin.post(
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\"},\"credentials\":{\"password\":\"mallory-Secret-1\"}}");
        assertThat(user.statusCode()).as(Http.describe(user)).isEqualTo(403);
        assertThat(user.body()).contains("read-only");
        HttpResponse<String> member = admin.put("/engine-rest/group/pmo/members/eve", null);
        assertThat(member.statusCode()).as(Http.describe(member)).isEqualTo(403);
        HttpResponse<String> password = admin.put(
                "/engine-rest/user/bo/credentials",
                "{\"password\":\"bo-Changed-1234\",\"authenticatedUserPassword\":\"dana-Directory-1\"}");
        assertThat(password.statusCode()).as(Http.describe(password)).isEqualTo(403);

        assertThat(Http.as(port, "mallory", "mallory-Secret-1")
                        .get("/engine-rest/user/bo/profile")
                        .statusCode())
                .isEqualTo(401);
        assertThat(ids(JSON.readTree(admin.get("/engine-rest/group?member=eve").body())))
                .containsExactly("canteen-committee");
        assertThat(directory.getEntry("cn=pmo,ou=groups," + BASE).getAttributeValues("member"))
                .containsExactly(
                        "uid=ana,ou=people," + BASE, "uid=carl,ou=people," + BASE, "uid=frank,ou=people," + BASE);
        assertThat(Http.as(port, "bo", "bo-Directory-1")
                        .get("/engine-rest/user/bo/profile")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRoleGroupTheDirectoryLacksHasNoMembers() throws Exception {
        // the directory has no group auditor and no group dept-warehouse: nobody is an auditor or owns the warehouse
        Http admin = Http.as(port, "dana", "dana-Directory-1");
        for (String group : List.of("auditor", "dept-warehouse", "*")) {
            HttpResponse<String> members = admin.get("/engine-rest/user?memberOfGroup=" + Http.enc(group));
            assertThat(members.statusCode()).as(Http.describe(members)).isEqualTo(200);
            assertThat(ids(JSON.readTree(members.body()))).as(group).isEmpty();
        }
        HttpResponse<String> finance = admin.get("/engine-rest/user?memberOfGroup=dept-finance");
        assertThat(ids(JSON.readTree(finance.body()))).containsExactly("bo");
        // nor has it a user mallory, who is in no group
        assertThat(ids(JSON.readTree(
                        admin.get("/engine-rest/group?member=mallory").body())))
                .isEmpty();
    }

    @Test
    void namesAreMatchedAsGivenNotAsSearchFilters() throws Exception {
        Http ana = Http.as(port, "ana", "ana-Directory-1");
        for (String query : List.of(
                "/engine-rest/group?id=*",
                "/engine-rest/group?name=*",
                "/engine-rest/user?firstName=*",
                "/engine-rest/user?lastName=*",
                "/engine-rest/user?email=*",
                "/engine-rest/user?firstName=" + Http.enc("*)(uid=*"))) {
            HttpResponse<String> found = ana.get(query);
            assertThat(found.statusCode())
                    .as(query + " " + Http.describe(found))
                    .isEqualTo(200);
            assertThat(ids(JSON.readTree(found.body()))).as(query).isEmpty();
        }
        assertThat(ana.get("/engine-rest/group/" + Http.enc("*")).statusCode()).isEqualTo(404);
        // the Like criteria keep their wildcards, as Admin's search uses them
        assertThat(ids(JSON.readTree(ana.get("/engine-rest/user?lastNameLike=" + Http.enc("%er%"))
                        .body())))
                .containsExactlyInAnyOrder("ana");
        assertThat(ids(JSON.readTree(ana.get("/engine-rest/group?nameLike=" + Http.enc("dept-%"))
                        .body())))
                .containsExactly("dept-finance");
    }

    private static List<String> openForMe(String user, String password) throws Exception {
        Http http = Http.as(port, user, password);
        HttpResponse<String> filters =
                http.get("/engine-rest/filter?name=" + Http.enc(IdentitySetup.FILTER_OPEN_FOR_ME));
        assertThat(filters.statusCode()).as(Http.describe(filters)).isEqualTo(200);
        String filterId = JSON.readTree(filters.body()).path(0).path("id").asText();
        HttpResponse<String> list = http.post("/engine-rest/filter/" + filterId + "/list", "{}");
        assertThat(list.statusCode()).as(Http.describe(list)).isEqualTo(200);
        return ids(JSON.readTree(list.body()));
    }

    /** Posts the web apps' login form as their login page does, with the CSRF token of the session. */
    private static HttpResponse<String> webappLogin(String user, String password, String app) {
        Http http = Http.anonymous(port);
        http.get("/camunda/app/tasklist/default/");
        return http.send(
                "POST",
                "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded",
                "username=" + Http.enc(user) + "&password=" + Http.enc(password));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitStarted() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application did not start:\n" + tail());
            }
            try {
                if (Http.anonymous(port).get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // the port opens late in the start
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not start within " + START_TIMEOUT + ":\n" + tail());
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
