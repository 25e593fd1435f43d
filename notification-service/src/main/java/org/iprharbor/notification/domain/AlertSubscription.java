package org.iprharbor.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A partner's standing request to hear about newly listed patents. Every criterion given must match;
 * within a criterion any value may (an empty list matches everything).
 */
@Entity
@Table(name = "alert_subscription")
public class AlertSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ipc_prefixes", nullable = false)
    public List<String> ipcPrefixes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> jurisdictions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deal_types", nullable = false)
    public List<String> dealTypes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> keywords;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether a newly listed patent is one this partner asked to hear about (never its own). */
    public boolean matches(PatentInfo patent) {
        if (patent.ownerId.equals(partnerId)) {
            return false;
        }
        boolean ipc = ipcPrefixes.isEmpty() || patent.ipcClasses.stream()
                .anyMatch(symbol -> ipcPrefixes.stream().anyMatch(prefix -> symbol.replace(" ", "").startsWith(prefix.replace(" ", ""))));
        boolean jurisdiction = jurisdictions.isEmpty() || jurisdictions.contains(patent.jurisdiction);
        boolean dealType = dealTypes.isEmpty() || patent.dealTypes.stream().anyMatch(dealTypes::contains);
        String titles = String.join(" ", patent.titles.values()).toLowerCase(Locale.ROOT);
        boolean keyword = keywords.isEmpty() || keywords.stream().anyMatch(word -> titles.contains(word.toLowerCase(Locale.ROOT)));
        return ipc && jurisdiction && dealType && keyword;
    }
}
