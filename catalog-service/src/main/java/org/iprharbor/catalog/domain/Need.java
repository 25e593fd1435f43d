package org.iprharbor.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.iprharbor.kit.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A technology need posted by a partner: what it looks for, in its own languages, where it would use it and how it
 * would acquire it. Matched against patents both ways; its budget is for its owner and operators only.
 */
@Entity
@Table(name = "need")
public class Need extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** Titles keyed by BCP 47 language tag. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> titles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> descriptions;

    /** IPC prefixes at subclass level or below (H01M, H01M 10, H01M 10/0525), normalised. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ipc_classes", nullable = false)
    public List<String> ipcClasses;

    /** Every level of every IPC prefix, for indexed prefix search and matching. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ipc_prefixes", nullable = false)
    public List<String> ipcPrefixes;

    /** Keywords keyed by BCP 47 language tag: the words matching looks for in patents. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<String>> keywords;

    /** Where the technology would be used (ISO 3166-1 alpha-2). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> territories;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deal_types", nullable = false)
    public List<DealType> dealTypes;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "budget_amount")),
            @AttributeOverride(name = "currency", column = @Column(name = "budget_currency"))
    })
    public Money budget;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NeedStatus status;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Titles, descriptions and keywords in one text, indexed for full-text and trigram search. */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** The keywords in scripts with spaces between words; PostgreSQL derives the lexemes matching compares. */
    @Column(name = "keyword_text", nullable = false)
    public String keywordText;

    /** The keywords in scripts without spaces (Chinese…), which matching finds as substrings of a patent's text. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unsegmented_keywords", nullable = false)
    public List<String> unsegmentedKeywords;

    @Version
    public long version;

    /** Sets titles, descriptions and keywords, and the texts search and matching run over. */
    public void describe(Map<String, String> newTitles, Map<String, String> newDescriptions,
            Map<String, List<String>> newKeywords) {
        titles = Map.copyOf(newTitles);
        descriptions = Map.copyOf(newDescriptions);
        Map<String, List<String>> cleaned = new TreeMap<>();
        newKeywords.forEach((language, words) -> cleaned.put(language, words.stream().map(String::strip).distinct().toList()));
        keywords = cleaned;
        Set<String> alphabetic = new LinkedHashSet<>();
        Set<String> unsegmented = new LinkedHashSet<>();
        keywords.values().stream().flatMap(List::stream).forEach(word -> (Scripts.unsegmented(word) ? unsegmented : alphabetic).add(word));
        keywordText = String.join("\n", alphabetic);
        unsegmentedKeywords = List.copyOf(unsegmented);
        List<String> texts = new ArrayList<>(titles.values());
        texts.addAll(descriptions.values());
        texts.add(String.join(" ", alphabetic));
        texts.add(String.join(" ", unsegmented));
        searchText = String.join("\n", texts);
    }

    /** Sets the IPC prefixes and every level they are found and matched by. */
    public void classify(List<String> normalisedPrefixes) {
        ipcClasses = normalisedPrefixes.stream().distinct().toList();
        ipcPrefixes = ipcClasses.stream().flatMap(prefix -> IpcClass.levelsOf(prefix).stream()).distinct().toList();
    }

    /** The owner or an operator closes the need: it is matched and announced no more. */
    public void close() {
        if (status == NeedStatus.CLOSED) {
            throw ProblemException.conflict("Need " + id + " is closed already.");
        }
        status = NeedStatus.CLOSED;
    }

    /** Rejects changes to a closed need. */
    public void requireOpen() {
        if (status != NeedStatus.OPEN) {
            throw ProblemException.conflict("Need " + id + " is " + status + " and can no longer be changed.");
        }
    }

    /** Open and not past its validity: what matching considers. */
    public boolean matchable(Instant now) {
        return status == NeedStatus.OPEN && validUntil.isAfter(now);
    }
}
