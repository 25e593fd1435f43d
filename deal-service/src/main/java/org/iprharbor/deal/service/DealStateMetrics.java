package org.iprharbor.deal.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.DealState;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Deals per state as a gauge ({@code harbor_deals{state=…}}), recounted in the database every few seconds, so
 * every instance reports the same funnel and a scrape never touches the database.
 */
@ApplicationScoped
public class DealStateMetrics {

    private final EntityManager entityManager;
    private final Map<DealState, AtomicLong> counts = new EnumMap<>(DealState.class);

    DealStateMetrics(EntityManager entityManager, MeterRegistry metrics) {
        this.entityManager = entityManager;
        for (DealState state : DealState.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(state, count);
            Gauge.builder("harbor.deals", count, AtomicLong::get).tag("state", state.name())
                    .description("Deals in each state").register(metrics);
        }
    }

    void countAtStart(@Observes StartupEvent startup) {
        recount();
    }

    @Scheduled(every = "${harbor.deals.state-metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // a run during shutdown met a closed database
    @Transactional
    void recount() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT state, count(*) FROM deal GROUP BY state").getResultList();
        counts.values().forEach(count -> count.set(0));
        rows.forEach(row -> counts.get(DealState.valueOf((String) row[0])).set(((Number) row[1]).longValue()));
    }
}
