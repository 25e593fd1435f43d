package org.iprharbor.bench.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many emails a second the stack's SMTP sink takes from a lean client (plain SMTP over a few kept-open
 * connections, nothing rendered): the ceiling beside which notification-service's drain rate is read.
 */
public final class SmtpCeiling {

    private static final int RECIPIENTS = 12;

    private SmtpCeiling() {
    }

    /** Sends {@code perConnection} emails of {@code bodyBytes} over each of {@code connections}; returns emails/s. */
    public static double measure(int port, int connections, int perConnection, int bodyBytes) throws Exception {
        String body = "Subject: ceiling probe\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "x".repeat(76).concat("\r\n").repeat(Math.max(1, bodyBytes / 78)) + ".\r\n";
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long began = System.nanoTime();
            List<Future<?>> sends = new ArrayList<>();
            for (int connection = 0; connection < connections; connection++) {
                sends.add(pool.submit(() -> send(port, perConnection, body)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
            return connections * perConnection / ((System.nanoTime() - began) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void send(int port, int count, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO ceiling.bench", "250");
            for (int i = 0; i < count; i++) {
                command(out, in, "MAIL FROM:<ceiling@bench.iprharbor.test>", "250");
                command(out, in, "RCPT TO:<sink-" + i % RECIPIENTS + "@bench.iprharbor.test>", "250");
                command(out, in, "DATA", "354");
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
            }
            command(out, in, "QUIT", "221");
        }
        return null;
    }

    private static void command(OutputStream out, BufferedReader in, String line, String reply) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, reply);
    }

    /** Reads a reply (the last line of a multi-line one has a space after the code) and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the SMTP sink closed the connection, expecting " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("the SMTP sink answered '" + line + "', expecting " + code);
        }
    }
}
