package org.iprharbor.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;

/**
 * Stacks for the integration tests: the developer's configuration, but on free ports in a temporary home, so a
 * test never meets a stack someone is running.
 */
final class TestStacks {

    private TestStacks() {
    }

    static StackConfig freshConfig() throws IOException {
        StackConfig defaults = StackConfig.fromEnvironment();
        return new StackConfig(defaults.projectRoot(), Files.createTempDirectory("harbor-local-stack-it"),
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
