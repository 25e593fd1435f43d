package org.iprharbor.catalog.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.messaging.CatalogTopics;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;

/**
 * Marks available listings past their expiry date EXPIRED. Rows are locked with SKIP LOCKED, so several
 * instances share the work and each patent expires (and is announced) once.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final int BATCH = 200;

    private final CatalogEvents events;

    ExpiryJob(CatalogEvents events) {
        this.events = events;
    }

    @Scheduled(every = "${harbor.catalog.expiry-check:1h}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireDuePatents() {
        while (expireBatch() == BATCH) {
            // keep going until a batch comes back short
        }
    }

    @Transactional
    int expireBatch() {
        LocalDate today = LocalDate.now();
        @SuppressWarnings("unchecked")
        List<Patent> due = Panache.getEntityManager()
                .createNativeQuery("SELECT * FROM patent WHERE status = 'AVAILABLE' AND expiry_date < ?1 "
                        + "ORDER BY expiry_date LIMIT ?2 FOR UPDATE SKIP LOCKED", Patent.class)
                .setParameter(1, today).setParameter(2, BATCH).getResultList();
        for (Patent patent : due) {
            if (patent.expireIfDue(today)) {
                patent.updatedAt = Instant.now();
                events.patent(CatalogTopics.PATENT_UPDATED, patent);
            }
        }
        return due.size();
    }
}
