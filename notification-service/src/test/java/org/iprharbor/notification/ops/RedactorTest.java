package org.iprharbor.notification.ops;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.notification.ops.feed.Redactor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard may show of a payload: emails masked anywhere, secret-like fields dropped at any depth,
 * text that is not JSON still masked, long previews cut.
 */
class RedactorTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldMaskEmailsAndDropSecretsAtAnyDepth() {
        String preview = Redactor.preview("""
                {"contactEmail":"kaznu.tto@example.kz","webhook":{"secret":"whsec_abc","url":"https://h.example/x"},
                 "people":[{"email":"a.b@lzu.edu.cn","accessToken":"t"}],"Password":"p","note":"write to z@x.org today"}""",
                json, 1000);

        assertThat(preview).contains("\"contactEmail\":\"k***@example.kz\"").contains("a***@lzu.edu.cn")
                .contains("write to z***@x.org today").contains("https://h.example/x")
                .doesNotContain("whsec_abc").doesNotContain("accessToken").doesNotContain("Password")
                .doesNotContain("kaznu.tto").doesNotContain("a.b@");
    }

    @Test
    void shouldMaskTextThatIsNotJsonAndCutLongPreviews() {
        assertThat(Redactor.preview("not json: mail m.user@example.kz, \"password\": \"x1\"", json, 1000))
                .contains("m***@example.kz").doesNotContain("m.user").doesNotContain("x1");
        assertThat(Redactor.preview("{\"a\":\"" + "x".repeat(500) + "\"}", json, 100)).hasSize(101).endsWith("…");
    }
}
