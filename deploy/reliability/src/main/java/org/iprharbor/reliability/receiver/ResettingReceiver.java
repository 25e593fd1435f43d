package org.iprharbor.reliability.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint that reads the request and resets the TCP connection (SO_LINGER 0) instead of answering:
 * what a crashing proxy or a dropped connection looks like to the sender.
 */
public final class ResettingReceiver implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger resets = new AtomicInteger();
    private final Thread acceptor;

    public ResettingReceiver(int port) throws IOException {
        socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "resetting-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/reset";
    }

    public int resets() {
        return resets.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                InputStream in = connection.getInputStream();
                in.read(new byte[8192]);
                connection.setSoLinger(true, 0);
                resets.incrementAndGet();
            } catch (IOException closedOrBroken) {
                // the next connection, or the end
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
