package org.iprharbor.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How notifications are sent: sender address, operators' mailbox, delivery queue, webhook rules, match digests and
 * the live inbox stream.
 */
@ConfigMapping(prefix = "harbor.notifications")
public interface NotificationConfig {

    /** The From address of every email. */
    @WithDefault("IPR Harbor <notifications@iprharbor.example>")
    String fromAddress();

    /** Where export-review requests and other operator notices go. */
    @WithDefault("operations@iprharbor.example")
    String operatorEmail();

    Delivery delivery();

    Webhooks webhooks();

    Matches matches();

    InboxStream inboxStream();

    /** The durable delivery queue. */
    interface Delivery {

        /** Fallback poll interval; new deliveries wake the worker at once. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries claimed per poll. */
        @WithDefault("50")
        int batchSize();

        /** Threads sending in parallel; each endpoint gets at most one of them at a time. */
        @WithDefault("8")
        int senders();

        /** A claimed delivery whose worker died is claimed again after this. */
        @WithDefault("2m")
        Duration lease();

        /** First retry delay; doubled per attempt, with ±20% jitter. */
        @WithDefault("10s")
        Duration firstRetry();

        /** Longest delay between retries (and the most a Retry-After is honoured for). */
        @WithDefault("1h")
        Duration maxRetry();

        /** After this many failed attempts a delivery is dead (NotificationFailed). */
        @WithDefault("10")
        int maxAttempts();
    }

    /** Webhook endpoints. */
    interface Webhooks {

        /** Connect and response timeout of one webhook request. */
        @WithDefault("10s")
        Duration timeout();

        /** Consecutive failed attempts after which an endpoint is disabled and its owner told. */
        @WithDefault("15")
        int disableAfterFailures();

        /** How long the previous secret keeps signing after a rotation. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /**
         * Whether http and loopback/private addresses are allowed (local stack and tests only); production
         * requires https to public addresses, checked at registration and again at every send.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();
    }

    /** Telling the two parties of a match found by catalog-service (docs/matching.md, "Telling people"). */
    interface Matches {

        /**
         * The least score (0–100) worth a message. The catalog records a match from 25 (a shared IPC subclass alone);
         * 50 asks for more than that bare overlap (a shared main group with a territory, a deal type or a word, or a
         * subclass with two more pieces of evidence), so a message means a match a person would follow up. Every
         * match still shows in the parties' match lists and reaches webhooks.
         */
        @WithDefault("50")
        int minScore();

        /**
         * How long a party's oldest pending notice waits for more before they are sent: one match alone, several as
         * one digest. Ten minutes collects the burst a new need or patent causes without delaying the news much.
         */
        @WithDefault("10m")
        Duration digestWindow();

        /** How often the digest job looks for parties whose window has passed. */
        @WithDefault("30s")
        Duration pollInterval();

        /** Parties the digest job sends to per look (each in its own transaction). */
        @WithDefault("100")
        int partiesPerPoll();
    }

    /** The live inbox stream ({@code GET /inbox/stream}, Server-Sent Events). */
    interface InboxStream {

        /**
         * How often the instance's one poller reads new items for all its open streams (also read by its
         * {@code @Scheduled}, hence set in application.properties). An item reaches a stream this long after it
         * committed, at most, plus the longest write transaction running at that moment.
         */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * A stream with nothing to send for this long gets a comment line: proxies and load balancers close
         * connections idle for 60 s by default (nginx, AWS ALB), so a quarter of that keeps them open.
         */
        @WithDefault("15s")
        Duration heartbeat();

        /** Items read per query, by the poll and by a stream catching up. */
        @WithDefault("200")
        int batchSize();

        /**
         * Events a stream may hold for a slow client; beyond it the stream ends and the client resumes from its
         * Last-Event-ID. More than two batches, so one catch-up never overflows it on its own.
         */
        @WithDefault("1000")
        int buffer();
    }
}
