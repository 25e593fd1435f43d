package org.iprharbor.deploy;

import static org.iprharbor.deploy.Repository.SERVICES;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Each service's src/main/docker/Dockerfile.jvm: pinned JRE 17 base, fast-jar layout, non-root, health check. */
class DockerfilesTest {

    @Test
    void everyServiceImageIsPinnedNonRootAndHealthChecked() {
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES) {
            String dockerfile = Repository.read(service + "/src/main/docker/Dockerfile.jvm");
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
            soft.assertThat(from.find()).as(service + " FROM").isTrue();
            String base = from.group(1);
            soft.assertThat(KubernetesManifestsTest.imageTag(base)).as(service + " base " + base).isNotBlank().isNotEqualTo("latest").contains("17");
            soft.assertThat(dockerfile).as(service)
                    .containsPattern("(?m)^USER 185$")
                    .containsPattern("(?m)^EXPOSE " + Repository.httpPort(service) + "$")
                    .contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/", "target/quarkus-app/*.jar")
                    .contains("-XX:MaxRAMPercentage=")
                    .containsPattern("(?m)^HEALTHCHECK[\\s\\S]*?/q/health/live")
                    .contains("quarkus-run.jar");
        }
        soft.assertAll();
    }
}
