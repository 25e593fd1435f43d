package org.iprharbor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iprharbor.deploy.Repository.SERVICES;
import static org.iprharbor.deploy.Repository.list;
import static org.iprharbor.deploy.Repository.named;
import static org.iprharbor.deploy.Repository.ofKind;
import static org.iprharbor.deploy.Repository.texts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders deploy/k8s/overlays/{dev,prod} with {@code kubectl kustomize} (no cluster needed) and checks the objects
 * against the services' own configuration. Skips, saying so, only where kubectl is not installed.
 */
class KubernetesManifestsTest {

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    /** The API group/version each kind must use (what the Strimzi, CloudNativePG and Prometheus operators serve). */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"), Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"), Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaUser", "kafka.strimzi.io/v1beta2"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"), Map.entry("Database", "postgresql.cnpg.io/v1"));

    /** The event topics each service publishes through its outbox (docs/architecture.md, "Events"). */
    private static final Map<String, Set<String>> OWNED_TOPICS = Map.of(
            "catalog-service", Set.of("harbor.partners.v1", "harbor.patents.v1", "harbor.needs.v1"),
            "deal-service", Set.of("harbor.deals.v1"),
            "notification-service", Set.of("harbor.notifications.v1"));

    /** Secrets the prod overlay does not generate: the operator creates them (deploy/DEPLOYING.md). */
    private static final Set<String> OPERATOR_PROVIDED_SECRETS = Set.of(
            "harbor-catalog-db", "harbor-deal-db", "harbor-notification-db", "harbor-smtp", "harbor-api-tls");

    static synchronized List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Repository.kustomize("deploy/k8s/overlays/" + o));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectUsesTheServedApiVersionAndOneNamespace(String overlay) {
        List<JsonNode> objects = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            soft.assertThat(API_VERSIONS).as("kinds the checks know").containsKey(kind);
            soft.assertThat(o.path("apiVersion").asText()).as(kind + " " + name(o)).isEqualTo(API_VERSIONS.get(kind));
        }
        Set<String> namespaces = objects.stream().filter(o -> !"Namespace".equals(o.path("kind").asText()))
                .map(o -> o.path("metadata").path("namespace").asText()).collect(Collectors.toSet());
        soft.assertThat(namespaces).hasSize(1).doesNotContain("");
        soft.assertThat(ofKind(objects, "Namespace")).extracting(Repository::fields).hasSize(1);
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentIsProbedLimitedNonRootAndPinned(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> deployments = ofKind(objects, "Deployment");
        assertThat(deployments).extracting(KubernetesManifestsTest::name).containsExactlyInAnyOrderElementsOf(SERVICES);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode deployment : deployments) {
            String service = name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            soft.assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service + " pod runAsNonRoot").isTrue();
            Set<String> tmpVolumes = new HashSet<>();
            list(pod.path("volumes")).stream().filter(v -> v.has("emptyDir")).forEach(v -> tmpVolumes.add(v.path("name").asText()));
            List<JsonNode> containers = list(pod.path("containers"));
            soft.assertThat(containers).as(service + " containers").isNotEmpty();
            for (JsonNode c : containers) {
                String what = service + "/" + c.path("name").asText();
                soft.assertThat(c.at("/startupProbe/httpGet/path").asText()).as(what + " startup probe").isEqualTo("/q/health/started");
                soft.assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(what + " readiness probe").isEqualTo("/q/health/ready");
                soft.assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(what + " liveness probe").isEqualTo("/q/health/live");
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    soft.assertThat(probePort(c, c.path(probe))).as(what + " " + probe + " port").isEqualTo(Repository.httpPort(service));
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        soft.assertThat(c.path("resources").path(bound).path(resource).asText())
                                .as(what + " resources." + bound + "." + resource).isNotBlank();
                    }
                }
                JsonNode security = c.path("securityContext");
                soft.assertThat(security.path("runAsNonRoot").asBoolean(pod.path("securityContext").path("runAsNonRoot").asBoolean()))
                        .as(what + " runAsNonRoot").isTrue();
                soft.assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(what + " readOnlyRootFilesystem").isTrue();
                soft.assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(what + " allowPrivilegeEscalation").isFalse();
                soft.assertThat(texts(security.path("capabilities").path("drop"))).as(what + " dropped capabilities").contains("ALL");
                soft.assertThat(list(c.path("volumeMounts")).stream()
                                .anyMatch(m -> "/tmp".equals(m.path("mountPath").asText()) && tmpVolumes.contains(m.path("name").asText())))
                        .as(what + " has an emptyDir at /tmp (the root filesystem is read-only)").isTrue();
                soft.assertThat(imageTag(c.path("image").asText())).as(what + " image tag of " + c.path("image").asText())
                        .isNotBlank().isNotEqualTo("latest");
                soft.assertThat(c.path("image").asText()).as(what + " image").contains("/" + service);
                soft.assertThat(list(c.path("ports")).stream().map(p -> p.path("containerPort").asInt()))
                        .as(what + " container port").contains(Repository.httpPort(service));
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsSetOnlyEnvironmentVariablesTheServicesRead(String overlay) {
        List<JsonNode> objects = render(overlay);
        Set<String> configMaps = ofKind(objects, "ConfigMap").stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet());
        Set<String> secrets = ofKind(objects, "Secret").stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet());
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            String service = name(deployment);
            Set<String> read = Repository.environmentVariablesRead(service);
            soft.assertThat(read).as(service + " reads the common variables").containsAll(Repository.COMMON_ENVIRONMENT);
            for (JsonNode c : list(deployment.at("/spec/template/spec/containers"))) {
                soft.assertThat(c.has("envFrom")).as(service + " sets variables by name, not envFrom").isFalse();
                Set<String> names = new TreeSet<>();
                for (JsonNode env : list(c.path("env"))) {
                    String variable = env.path("name").asText();
                    names.add(variable);
                    JsonNode configMapRef = env.at("/valueFrom/configMapKeyRef");
                    if (!configMapRef.isMissingNode()) {
                        soft.assertThat(configMaps).as(service + " " + variable + " ConfigMap").contains(configMapRef.path("name").asText());
                        JsonNode map = named(objects, "ConfigMap", configMapRef.path("name").asText());
                        soft.assertThat(map.path("data").has(configMapRef.path("key").asText()))
                                .as(service + " " + variable + " key " + configMapRef.path("key").asText()).isTrue();
                    }
                    JsonNode secretRef = env.at("/valueFrom/secretKeyRef");
                    if (!secretRef.isMissingNode()) {
                        String secret = secretRef.path("name").asText();
                        soft.assertThat(secrets.contains(secret) || ("prod".equals(overlay) && OPERATOR_PROVIDED_SECRETS.contains(secret)))
                                .as(service + " " + variable + " Secret " + secret + " is rendered or documented as operator-provided").isTrue();
                    }
                }
                soft.assertThat(names).as(service + " sets only variables it reads (" + read + ")").isSubsetOf(read)
                        .containsAll(Repository.COMMON_ENVIRONMENT);
                Set<String> required = read.stream().filter(v -> v.startsWith("SMTP_HOST")).collect(Collectors.toSet());
                soft.assertThat(names).as(service + " sets where to send email, if it sends any").containsAll(required);
                String jdbc = configValue(objects, c, "DB_JDBC_URL");
                soft.assertThat(jdbc).as(service + " DB_JDBC_URL").endsWith("/" + Repository.database(service));
                String port = list(c.path("env")).stream().filter(e -> "HTTP_PORT".equals(e.path("name").asText()))
                        .map(e -> e.path("value").asText()).findFirst().orElse("");
                soft.assertThat(port).as(service + " HTTP_PORT").isEqualTo(String.valueOf(Repository.httpPort(service)));
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasServiceAutoscalerDisruptionBudgetAndServiceMonitor(String overlay) {
        List<JsonNode> objects = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES) {
            JsonNode deployment = named(objects, "Deployment", service);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            JsonNode svc = named(objects, "Service", service);
            soft.assertThat(matches(svc.at("/spec/selector"), podLabels)).as(service + " Service selects its pods").isTrue();
            soft.assertThat(list(svc.at("/spec/ports")).stream().anyMatch(p -> "http".equals(p.path("name").asText())
                    && p.path("port").asInt() == Repository.httpPort(service))).as(service + " Service port http").isTrue();
            JsonNode hpa = named(objects, "HorizontalPodAutoscaler", service);
            soft.assertThat(hpa.at("/spec/scaleTargetRef/kind").asText() + "/" + hpa.at("/spec/scaleTargetRef/name").asText())
                    .as(service + " HPA target").isEqualTo("Deployment/" + service);
            soft.assertThat(hpa.at("/spec/minReplicas").asInt()).as(service + " HPA min").isPositive()
                    .isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
            soft.assertThat(hpa.at("/spec/maxReplicas").asInt()).as(service + " HPA max vs partitions (6)").isLessThanOrEqualTo(6);
            JsonNode pdb = named(objects, "PodDisruptionBudget", service);
            soft.assertThat(matches(pdb.at("/spec/selector/matchLabels"), podLabels)).as(service + " PDB selects its pods").isTrue();
            JsonNode monitor = named(objects, "ServiceMonitor", service);
            soft.assertThat(matches(monitor.at("/spec/selector/matchLabels"), svc.at("/metadata/labels"))).as(service + " ServiceMonitor selects the Service").isTrue();
            soft.assertThat(list(monitor.at("/spec/endpoints"))).as(service + " ServiceMonitor endpoints")
                    .anySatisfy(e -> {
                        assertThat(e.path("port").asText()).isEqualTo("http");
                        assertThat(e.path("path").asText()).isEqualTo("/q/metrics");
                    });
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesNameExistsAsAKafkaTopic(String overlay) {
        List<JsonNode> objects = render(overlay);
        Map<String, JsonNode> topics = new HashMap<>();
        ofKind(objects, "KafkaTopic").forEach(t -> topics.put(t.at("/spec/topicName").asText(name(t)), t));
        Set<String> expected = Repository.allTopics();
        assertThat(expected).as("topics named by the services and HarborTopics").hasSize(10);
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        int brokers = brokers(objects);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode topic : topics.values()) {
            String what = overlay + " " + topic.at("/spec/topicName").asText();
            soft.assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).as(what + " cluster label").isEqualTo("harbor");
            soft.assertThat(topic.at("/spec/partitions").asInt()).as(what + " partitions").isGreaterThanOrEqualTo(6);
            int replicas = topic.at("/spec/replicas").asInt();
            soft.assertThat(replicas).as(what + " replicas (brokers: " + brokers + ")").isBetween(1, brokers);
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt();
            soft.assertThat(minIsr).as(what + " min.insync.replicas").isBetween(1, Math.max(1, replicas - 1));
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceKafkaUserMayUseOnlyItsTopicsAndGroups(String overlay) {
        List<JsonNode> objects = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES) {
            JsonNode user = named(objects, "KafkaUser", service);
            soft.assertThat(user.at("/spec/authentication/type").asText()).as(service + " authentication").isEqualTo("scram-sha-512");
            List<JsonNode> acls = list(user.at("/spec/authorization/acls"));
            Set<String> reads = topicsWith(acls, "Read");
            Set<String> writes = topicsWith(acls, "Write");
            Set<String> incoming = Repository.incomingTopics(service);
            soft.assertThat(reads).as(service + " reads").containsAll(incoming);
            soft.assertThat(writes).as(service + " writes").containsAll(OWNED_TOPICS.get(service))
                    .containsAll(Repository.deadLetterAndOutgoingTopics(service));
            Set<String> allowedWrites = new HashSet<>(OWNED_TOPICS.get(service));
            reads.forEach(t -> allowedWrites.add(t + ".dlq"));
            soft.assertThat(writes).as(service + " writes only its own topics and the .dlq twins of what it reads").isSubsetOf(allowedWrites);
            for (JsonNode acl : acls) {
                soft.assertThat(acl.at("/resource/type").asText()).as(service + " ACL resource types").isIn("topic", "group");
                soft.assertThat(acl.at("/resource/name").asText()).as(service + " ACL names are not wildcards").isNotEqualTo("*");
                if ("group".equals(acl.at("/resource/type").asText())) {
                    soft.assertThat(acl.at("/resource/name").asText()).as(service + " group ACL").startsWith(service + ".");
                }
            }
            for (String group : Repository.consumerGroups(service)) {
                soft.assertThat(acls.stream().anyMatch(acl -> "group".equals(acl.at("/resource/type").asText())
                        && texts(acl.path("operations")).contains("Read") && covers(acl.path("resource"), group)))
                        .as(service + " may read with consumer group " + group).isTrue();
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresHasADatabaseAndOwnerPerServiceWithTrigramsAndUtf8(String overlay) {
        List<JsonNode> objects = render(overlay);
        JsonNode cluster = named(objects, "Cluster", "harbor-pg");
        JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
        Map<String, String> owners = new HashMap<>();
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        for (JsonNode database : ofKind(objects, "Database")) {
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo("harbor-pg");
            owners.put(database.at("/spec/name").asText(), database.at("/spec/owner").asText());
        }
        Set<String> roles = new HashSet<>(Set.of(initdb.path("owner").asText()));
        list(cluster.at("/spec/managed/roles")).forEach(r -> roles.add(r.path("name").asText()));
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES) {
            String database = Repository.database(service);
            soft.assertThat(owners).as("databases").containsKey(database);
            soft.assertThat(roles).as("roles").contains(owners.get(database));
        }
        soft.assertThat(initdb.path("database").asText()).as("initdb creates catalog (pg_trgm)").isEqualTo("catalog");
        soft.assertThat(texts(initdb.path("postInitApplicationSQL")).stream().anyMatch(s -> s.contains("pg_trgm"))).as("pg_trgm").isTrue();
        soft.assertThat(initdb.path("localeCType").asText()).as("LC_CTYPE").isEqualTo("C.UTF-8");
        soft.assertThat(initdb.path("encoding").asText()).isEqualTo("UTF8");
        soft.assertThat(initdb.at("/secret/name").asText()).isEqualTo("harbor-catalog-db");
        soft.assertThat(imageTag(cluster.at("/spec/imageName").asText())).as("PostgreSQL image tag").startsWith("17.");
        List<JsonNode> secrets = ofKind(objects, "Secret");
        for (JsonNode secret : secrets) {
            soft.assertThat(secret.path("type").asText()).as(name(secret) + " type (CloudNativePG needs basic-auth)").isEqualTo("kubernetes.io/basic-auth");
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesTheApisToExistingServicesWithTls(String overlay) {
        List<JsonNode> objects = render(overlay);
        JsonNode ingress = named(objects, "Ingress", "harbor-api");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
        soft.assertThat(texts(ingress.at("/spec/tls/0/hosts"))).contains(ingress.at("/spec/rules/0/host").asText());
        Set<String> backends = new HashSet<>();
        for (JsonNode rule : list(ingress.at("/spec/rules"))) {
            for (JsonNode path : list(rule.at("/http/paths"))) {
                String service = path.at("/backend/service/name").asText();
                backends.add(service);
                soft.assertThat(SERVICES).contains(service);
                soft.assertThat(path.path("path").asText()).as("no /q/* (health, metrics) on the public host").doesNotStartWith("/q");
                JsonNode svc = named(objects, "Service", service);
                soft.assertThat(list(svc.at("/spec/ports")).stream().anyMatch(p -> p.path("name").asText().equals(path.at("/backend/service/port/name").asText())))
                        .as(service + " port " + path.at("/backend/service/port/name").asText()).isTrue();
            }
        }
        soft.assertThat(backends).containsExactlyInAnyOrderElementsOf(SERVICES);
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void notificationWebhooksReachTheInternetButNotPrivateRanges(String overlay) {
        List<JsonNode> objects = render(overlay);
        JsonNode policy = named(objects, "NetworkPolicy", "notification-service-egress");
        assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("notification-service");
        assertThat(texts(policy.at("/spec/policyTypes"))).contains("Egress");
        List<JsonNode> rules = list(policy.at("/spec/egress"));
        List<JsonNode> ipBlocks = rules.stream().flatMap(r -> list(r.path("to")).stream()).filter(t -> t.has("ipBlock"))
                .map(t -> t.path("ipBlock")).toList();
        JsonNode ipv4 = ipBlocks.stream().filter(b -> b.path("cidr").asText().equals("0.0.0.0/0")).findFirst()
                .orElseThrow(() -> new AssertionError("no 0.0.0.0/0 egress"));
        assertThat(texts(ipv4.path("except"))).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
        assertThat(ipBlocks).allSatisfy(b -> assertThat(b.path("except").size()).as("every ipBlock excludes private ranges").isPositive());
        Set<Integer> peerPorts = new HashSet<>();
        for (JsonNode rule : rules) {
            boolean toPods = list(rule.path("to")).stream().anyMatch(t -> t.has("podSelector") || t.has("namespaceSelector"));
            if (toPods) {
                assertThat(rule.path("ports").size()).as("pod peers are reached on named ports only").isPositive();
                list(rule.path("ports")).forEach(p -> peerPorts.add(p.path("port").asInt()));
            }
        }
        assertThat(peerPorts).as("Kafka, PostgreSQL, DNS").contains(9092, 5432, 53);
        JsonNode kafka = named(objects, "Kafka", "harbor");
        assertThat(list(kafka.at("/spec/kafka/listeners")).stream().map(l -> l.path("port").asInt())).contains(9092);
    }

    @Test
    void prodIsHighlyAvailable() {
        List<JsonNode> objects = render("prod");
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            soft.assertThat(deployment.at("/spec/replicas").asInt()).as(name(deployment) + " replicas").isGreaterThanOrEqualTo(2);
        }
        for (JsonNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            soft.assertThat(hpa.at("/spec/minReplicas").asInt()).as(name(hpa) + " HPA min").isGreaterThanOrEqualTo(2);
        }
        soft.assertThat(brokers(objects)).as("brokers").isEqualTo(3);
        soft.assertThat(nodes(objects, "controller")).as("KRaft controllers").isEqualTo(3);
        for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
            soft.assertThat(topic.at("/spec/replicas").asInt()).as(name(topic) + " replicas").isEqualTo(3);
            soft.assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(name(topic) + " min.insync.replicas").isEqualTo(2);
        }
        JsonNode config = named(objects, "Kafka", "harbor").at("/spec/kafka/config");
        soft.assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        soft.assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        soft.assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        soft.assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(3);
        soft.assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        soft.assertThat(named(objects, "Cluster", "harbor-pg").at("/spec/instances").asInt()).as("PostgreSQL instances").isEqualTo(3);
        soft.assertThat(ofKind(objects, "Secret")).as("prod generates no passwords: the operator provides the Secrets").isEmpty();
        soft.assertAll();
    }

    /**
     * The services remember which events they applied for {@code harbor.retention.processed_event.max-age}
     * (service-kit): every way an event comes back must fall within it. A dead letter is redriven at most as long as
     * its topic keeps it; a group whose offsets expired starts again from the earliest record, so its offsets must be
     * kept at least as long (docs/retention.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRedeliveryFallsWithinWhatTheServicesRemember(String overlay) {
        List<JsonNode> objects = render(overlay);
        Matcher setting = Pattern.compile("(?m)^harbor\\.retention\\.processed_event\\.max-age=(\\d+)([dhms])$").matcher(Repository.kitConfig());
        assertThat(setting.find()).as("service-kit's harbor.retention.processed_event.max-age, in d, h, m or s").isTrue();
        long rememberedSeconds = Long.parseLong(setting.group(1)) * Map.of("d", 86_400L, "h", 3_600L, "m", 60L, "s", 1L).get(setting.group(2));
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
            if (topic.at("/spec/topicName").asText().endsWith(".dlq")) {
                soft.assertThat(topic.at("/spec/config/retention.ms").asLong(-1) / 1000)
                        .as(name(topic) + " retention (s): a redrive must come while the services remember the event")
                        .isBetween(0L, rememberedSeconds);
            }
        }
        soft.assertThat(named(objects, "Kafka", "harbor").at("/spec/kafka/config/offsets.retention.minutes").asLong() * 60)
                .as("offsets.retention.minutes, in seconds").isGreaterThanOrEqualTo(rememberedSeconds);
        soft.assertAll();
    }

    @Test
    void devIsOneOfEverything() {
        List<JsonNode> objects = render("dev");
        assertThat(brokers(objects)).isEqualTo(1);
        assertThat(named(objects, "Cluster", "harbor-pg").at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(ofKind(objects, "Secret")).extracting(KubernetesManifestsTest::name)
                .containsExactlyInAnyOrder("harbor-catalog-db", "harbor-deal-db", "harbor-notification-db", "harbor-smtp");
    }

    private static int brokers(List<JsonNode> objects) {
        return nodes(objects, "broker");
    }

    private static int nodes(List<JsonNode> objects, String role) {
        return ofKind(objects, "KafkaNodePool").stream()
                .filter(pool -> "harbor".equals(pool.at("/metadata/labels/strimzi.io~1cluster").asText()))
                .filter(pool -> texts(pool.at("/spec/roles")).contains(role))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt()).sum();
    }

    private static Set<String> topicsWith(List<JsonNode> acls, String operation) {
        return acls.stream().filter(acl -> "topic".equals(acl.at("/resource/type").asText()))
                .filter(acl -> texts(acl.path("operations")).contains(operation))
                .map(acl -> acl.at("/resource/name").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean covers(JsonNode resource, String name) {
        String pattern = resource.path("patternType").asText("literal");
        String resourceName = resource.path("name").asText();
        return "prefix".equals(pattern) ? name.startsWith(resourceName) : name.equals(resourceName);
    }

    private static String configValue(List<JsonNode> objects, JsonNode container, String variable) {
        for (JsonNode env : list(container.path("env"))) {
            if (variable.equals(env.path("name").asText())) {
                if (env.has("value")) {
                    return env.path("value").asText();
                }
                JsonNode ref = env.at("/valueFrom/configMapKeyRef");
                return named(objects, "ConfigMap", ref.path("name").asText()).path("data").path(ref.path("key").asText()).asText();
            }
        }
        return "";
    }

    private static int probePort(JsonNode container, JsonNode probe) {
        JsonNode port = probe.at("/httpGet/port");
        if (port.isInt()) {
            return port.asInt();
        }
        return list(container.path("ports")).stream().filter(p -> port.asText().equals(p.path("name").asText()))
                .mapToInt(p -> p.path("containerPort").asInt()).findFirst().orElse(-1);
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.size() == 0) {
            return false;
        }
        return Repository.fields(selector).entrySet().stream()
                .allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText()));
    }

    /** The tag of an image reference ("" when there is none); a digest counts as pinned. */
    static String imageTag(String image) {
        if (image.contains("@sha256:")) {
            return image.substring(image.indexOf("@") + 1);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "";
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }
}
