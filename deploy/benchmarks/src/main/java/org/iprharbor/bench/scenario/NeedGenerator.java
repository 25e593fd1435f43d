package org.iprharbor.bench.scenario;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generates open technology needs straight into the catalog database with SQL, from the same word lists and IPC
 * subclasses as {@link PatentGenerator}, so a realistic share of needs and patents match: a title and description in
 * one of the seven languages (English as well for half of the others), one to three keywords in that language and,
 * for two in five needs written in another language, one or two English ones; an IPC subclass for seven in ten
 * (a main group as well for half of those), one to three territories, the deal types wanted, a budget for three in
 * five. Every column matching and search read is computed as {@code Need.describe} and {@code Need.classify} do:
 * {@code keyword_text} holds the keywords in alphabetic scripts, {@code unsegmented_keywords} the Chinese ones,
 * {@code search_text} the titles, descriptions and both keyword lists, {@code ipc_prefixes} every level of the IPC
 * prefix; PostgreSQL generates the rest.
 */
final class NeedGenerator {

    private NeedGenerator() {
    }

    /** Adds {@code count} open needs; returns how many open needs the catalog holds afterwards. */
    static long generate(Connection catalog, int count, long seed) throws SQLException {
        try (Statement sql = catalog.createStatement()) {
            PatentGenerator.randomHelpers(sql, seed + 1);
            sql.execute("CREATE OR REPLACE FUNCTION pg_temp.some(words text[], n int) RETURNS text[] LANGUAGE sql VOLATILE AS "
                    + "$$ SELECT array_agg(DISTINCT pg_temp.pick(words)) FROM generate_series(1, n) $$");
            sql.executeUpdate(insert(count));
            return PatentGenerator.count(sql, "SELECT count(*) FROM need WHERE status = 'OPEN'");
        }
    }

    private static String insert(int count) {
        return """
                WITH lang(code, words) AS (VALUES %s),
                owners AS (SELECT array_agg(id ORDER BY id) AS ids FROM partner),
                raw AS (
                    SELECT g,
                           pg_temp.pick(ARRAY['en','ru','kk','zh','ar','tr','uz']) AS local_code,
                           pg_temp.pick(ARRAY['%s']) AS subclass,
                           (1 + floor(random() * 30))::int::text AS main_group,
                           random() AS r_ipc, random() AS r_en, random() AS r_budget
                    FROM generate_series(1, %d) g),
                worded AS (
                    SELECT raw.*,
                           pg_temp.phrase((SELECT words FROM lang WHERE code = local_code), 3 + (g %% 2),
                                          CASE WHEN local_code = 'zh' THEN '' ELSE ' ' END) AS title_local,
                           pg_temp.phrase((SELECT words FROM lang WHERE code = 'en'), 4, ' ') AS title_en,
                           pg_temp.phrase((SELECT words FROM lang WHERE code = local_code), 10,
                                          CASE WHEN local_code = 'zh' THEN '' ELSE ' ' END) AS description,
                           pg_temp.some((SELECT words FROM lang WHERE code = local_code), 1 + (g %% 3)) AS local_keywords,
                           CASE WHEN local_code <> 'en' AND r_en < 0.4
                                THEN pg_temp.some((SELECT words FROM lang WHERE code = 'en'), 1 + (g %% 2)) END AS en_keywords,
                           CASE WHEN r_ipc < 0.35 THEN ARRAY[subclass] WHEN r_ipc < 0.7 THEN ARRAY[subclass || ' ' || main_group]
                                ELSE ARRAY[]::text[] END AS ipc
                    FROM raw),
                keyed AS (
                    SELECT worded.*,
                           CASE WHEN local_code = 'zh' THEN coalesce(en_keywords, '{}') ELSE local_keywords || coalesce(en_keywords, '{}') END AS alphabetic,
                           CASE WHEN local_code = 'zh' THEN local_keywords ELSE '{}' END AS unsegmented,
                           CASE WHEN local_code <> 'en' AND r_en < 0.5
                                THEN jsonb_build_object(local_code, title_local, 'en', title_en)
                                ELSE jsonb_build_object(local_code, title_local) END AS titles
                    FROM worded)
                INSERT INTO need (id, owner_id, titles, descriptions, ipc_classes, ipc_prefixes, keywords, territories, deal_types,
                    budget_amount, budget_currency, valid_until, status, posted_at, updated_at, version, search_text, keyword_text,
                    unsegmented_keywords)
                SELECT gen_random_uuid(), (SELECT ids FROM owners)[1 + (g %% (SELECT array_length(ids, 1) FROM owners))],
                       titles, jsonb_build_object(local_code, description), to_jsonb(ipc),
                       CASE WHEN cardinality(ipc) = 0 THEN '[]'::jsonb
                            ELSE to_jsonb(ARRAY[left(subclass, 1), left(subclass, 3), subclass] || CASE WHEN ipc[1] = subclass
                                 THEN ARRAY[]::text[] ELSE ipc END) END,
                       CASE WHEN en_keywords IS NULL THEN jsonb_build_object(local_code, local_keywords)
                            ELSE jsonb_build_object(local_code, local_keywords, 'en', en_keywords) END,
                       to_jsonb(pg_temp.some(ARRAY['KZ','UZ','RU','TR','EG','PK','ID','VN'], 1 + (g %% 3))),
                       CASE WHEN g %% 4 = 0 THEN '["ASSIGNMENT"]' WHEN g %% 4 = 1 THEN '["EXCLUSIVE_LICENCE"]'
                            ELSE '["EXCLUSIVE_LICENCE","NON_EXCLUSIVE_LICENCE"]' END::jsonb,
                       CASE WHEN r_budget < 0.6 THEN round((50000 + random() * 950000)::numeric, 2) END,
                       CASE WHEN r_budget < 0.6 THEN pg_temp.pick(ARRAY['CNY','USD','EUR']) END,
                       now() + (30 + random() * 335) * interval '1 day', 'OPEN',
                       now() - random() * interval '365 days', now(), 0,
                       array_to_string(ARRAY(SELECT t.value FROM jsonb_each_text(titles) t), E'\\n') || E'\\n'
                           || description || E'\\n' || array_to_string(alphabetic, ' ') || E'\\n' || array_to_string(unsegmented, ' '),
                       array_to_string(alphabetic, E'\\n'), to_jsonb(unsegmented)
                FROM keyed
                """.formatted(PatentGenerator.languageValues(), String.join("','", PatentGenerator.SUBCLASSES.split(" ")), count);
    }
}
