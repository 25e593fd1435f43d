package org.iprharbor.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The repository as the checks see it: the services' own configuration (the source of truth for topics,
 * consumer groups, ports and environment variable names), and the deploy files to hold against it.
 */
final class Repository {

    static final List<String> SERVICES = List.of("catalog-service", "deal-service", "notification-service");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = findRoot();

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private Repository() {
    }

    private static Path findRoot() {
        String configured = System.getProperty("harbor.repository.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with deploy/k8s and pom.xml) above " + start);
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's application.properties as written (profiles included, nothing resolved). */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String kitConfig() {
        return read("service-kit/src/main/resources/META-INF/microprofile-config.properties");
    }

    /** The environment variables every service reads (the service-kit baseline plus HTTP_PORT and DB_JDBC_URL). */
    static final Set<String> COMMON_ENVIRONMENT = Set.of("HTTP_PORT", "DB_JDBC_URL", "DB_USER", "DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER", "JWT_AUDIENCE");

    /** Every environment variable a service reads: the ${NAME:default} references of the kit's and its own config. */
    static Set<String> environmentVariablesRead(String service) {
        Set<String> names = new TreeSet<>();
        Matcher kit = ENV_REFERENCE.matcher(kitConfig());
        while (kit.find()) {
            names.add(kit.group(1));
        }
        Matcher own = ENV_REFERENCE.matcher(read(service + "/src/main/resources/application.properties"));
        while (own.find()) {
            names.add(own.group(1));
        }
        return names;
    }

    /** The port a service listens on by default: quarkus.http.port=${HTTP_PORT:8081}. */
    static int httpPort(String service) {
        Matcher m = Pattern.compile("\\$\\{HTTP_PORT:(\\d+)}").matcher(applicationProperties(service).getProperty("quarkus.http.port"));
        if (!m.matches()) {
            throw new IllegalStateException(service + " has no ${HTTP_PORT:<port>}");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The database a service's default JDBC URL names (…/catalog). */
    static String database(String service) {
        String url = applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
        Matcher m = Pattern.compile("/([a-z_]+)}?$").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException(service + ": no database in " + url);
        }
        return m.group(1);
    }

    /** Topics a service consumes (mp.messaging.incoming.*.topic). */
    static Set<String> incomingTopics(String service) {
        return valuesOf(service, "mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    }

    /** Topics a service writes to besides its own events (…dead-letter-queue.topic, outgoing channels). */
    static Set<String> deadLetterAndOutgoingTopics(String service) {
        Set<String> topics = valuesOf(service, "mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
        topics.addAll(valuesOf(service, "mp\\.messaging\\.outgoing\\.[^.]+\\.topic"));
        return topics;
    }

    static Set<String> consumerGroups(String service) {
        return valuesOf(service, "mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id");
    }

    /** Every topic any service's configuration names, and every topic HarborTopics creates. */
    static Set<String> allTopics() {
        Set<String> topics = new TreeSet<>(harborTopics());
        for (String service : SERVICES) {
            topics.addAll(valuesOf(service, "mp\\.messaging\\.[^.]+\\.[^.]+\\.topic"));
            topics.addAll(valuesOf(service, "mp\\.messaging\\.[^.]+\\.[^.]+\\.dead-letter-queue\\.topic"));
        }
        return topics;
    }

    /** HarborTopics.EVENT_TOPICS and their DEAD_LETTER_SUFFIX twins, read from the source. */
    static Set<String> harborTopics() {
        String source = read("deploy/local-infra/src/main/java/org/iprharbor/infra/HarborTopics.java");
        Matcher list = Pattern.compile("EVENT_TOPICS\\s*=\\s*List\\.of\\(([^)]*)\\)", Pattern.DOTALL).matcher(source);
        Matcher suffix = Pattern.compile("DEAD_LETTER_SUFFIX\\s*=\\s*\"([^\"]+)\"").matcher(source);
        if (!list.find() || !suffix.find()) {
            throw new IllegalStateException("HarborTopics no longer declares EVENT_TOPICS / DEAD_LETTER_SUFFIX as expected");
        }
        Set<String> topics = new TreeSet<>();
        Matcher names = QUOTED.matcher(list.group(1));
        while (names.find()) {
            topics.add(names.group(1));
            topics.add(names.group(1) + suffix.group(1));
        }
        return topics;
    }

    private static Set<String> valuesOf(String service, String keyPattern) {
        Pattern key = Pattern.compile("(%[a-z-]+\\.)?" + keyPattern);
        Set<String> values = new TreeSet<>();
        applicationProperties(service).forEach((k, v) -> {
            if (key.matcher(k.toString()).matches()) {
                values.add(v.toString().trim());
            }
        });
        return values;
    }

    /** YAML documents as Jackson trees (SnakeYAML resolves anchors and merge keys). */
    static List<JsonNode> yamlDocuments(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static final Path KUBECTL = Path.of(System.getProperty("harbor.kubectl", "/usr/bin/kubectl"));

    /** {@code kubectl kustomize <overlay>}, or skips the calling test when kubectl is not installed. */
    static List<JsonNode> kustomize(String overlay) {
        Path kubectl = Files.isExecutable(KUBECTL) ? KUBECTL : onPath("kubectl");
        Assumptions.assumeTrue(kubectl != null,
                "kubectl is not installed (looked at " + KUBECTL + " and on PATH): the Kubernetes manifests are not rendered or checked");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", ROOT.resolve(overlay).toString())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return yamlDocuments(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, executable);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    static Set<String> texts(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
