package org.iprharbor.bench.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generates patents straight into the catalog database with SQL: titles in English plus one of Russian, Kazakh,
 * Chinese, Arabic, Turkish or Uzbek built from technical word lists, an English abstract of claim-language filler
 * (so the technical terms are as selective as in titles), IPC symbols, owners from the seeded partners.
 * Every column search reads is computed as the application computes it ({@code Patent.describe} and
 * {@code Patent.classify}): {@code search_text} is the publication number, the titles and the abstracts joined by
 * newlines ({@code search_vector} is generated from it by PostgreSQL), and {@code ipc_prefixes} holds section,
 * class, subclass, main group and full symbol. Expiry dates lie in the future so the catalog's expiry job
 * leaves them alone.
 */
final class PatentGenerator {

    static final String[][] WORDS = {
            { "en", "battery lithium cathode anode catalyst solar turbine desert railway irrigation membrane sensor polymer "
                    + "vaccine alloy drilling coating hydrogen wind water purification graphene semiconductor wheat cotton "
                    + "textile concrete bearing engine valve" },
            { "ru", "катализатор батарея литиевый солнечный турбина мембрана датчик полимер сплав бурение покрытие водород "
                    + "очистка воды хлопок двигатель клапан бетон орошение пустыня железная дорога способ устройство материал" },
            { "kk", "батарея күн жел су тазарту мақта бидай құм темір жол қорытпа бұрғылау сенсор полимер мембрана "
                    + "қозғалтқыш бетон суару шөл әдіс" },
            { "zh", "锂电池 正极材料 催化剂 太阳能 风力发电 涡轮机 沙漠 铁路 固沙 灌溉 传感器 聚合物 疫苗 合金 钻井 涂层 氢能 "
                    + "水处理 石墨烯 半导体 小麦 棉花 纺织 混凝土 轴承 发动机 阀门 高性能 制备方法" },
            { "ar", "بطارية ليثيوم محفز شمسية توربين غشاء مستشعر بوليمر سبيكة حفر طلاء هيدروجين تنقية المياه قطن محرك صمام "
                    + "خرسانة ري صحراء" },
            { "tr", "pil lityum katalizör güneş türbin membran sensör polimer alaşım sondaj kaplama hidrojen arıtma pamuk "
                    + "motor vana beton sulama çöl demiryolu" },
            { "uz", "batareya quyosh shamol suv tozalash paxta qum temir qotishma sensor polimer dvigatel klapan beton "
                    + "usul qurilma material" } };

    /** The IPC subclasses generated patents (and needs, {@code NeedGenerator}) are classified in. */
    static final String SUBCLASSES = "H01M C07D A61K G06F B60L E01F F03D C02F A01B H04L G01N B01J C08L E21B F24S H02J "
            + "A01G B01D C22C D01F";

    private PatentGenerator() {
    }

    /** Adds {@code count} patents; returns how many the catalog holds afterwards. */
    static long generate(Connection catalog, int count, long seed) throws SQLException {
        try (Statement sql = catalog.createStatement()) {
            randomHelpers(sql, seed);
            long first = count(sql, "SELECT count(*) FROM patent");
            sql.executeUpdate(insert(count, first));
            return count(sql, "SELECT count(*) FROM patent");
        }
    }

    /** Seeds PostgreSQL's random() and defines {@code pg_temp.pick(words)} and {@code pg_temp.phrase(words, n, sep)}. */
    static void randomHelpers(Statement sql, long seed) throws SQLException {
        sql.execute("SELECT setseed(" + (seed % 1000) / 1000.0 + ")");
        sql.execute("CREATE OR REPLACE FUNCTION pg_temp.pick(words text[]) RETURNS text LANGUAGE sql VOLATILE AS "
                + "$$ SELECT words[1 + floor(random() * array_length(words, 1))::int] $$");
        sql.execute("CREATE OR REPLACE FUNCTION pg_temp.phrase(words text[], n int, sep text) RETURNS text LANGUAGE sql VOLATILE AS "
                + "$$ SELECT string_agg(pg_temp.pick(words), sep) FROM generate_series(1, n) $$");
    }

    static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The word lists as the rows of a SQL {@code VALUES} list: {@code ('en', ARRAY['battery', …]), …}. */
    static String languageValues() {
        StringBuilder languages = new StringBuilder();
        for (String[] words : WORDS) {
            languages.append(languages.isEmpty() ? "" : ", ").append("('").append(words[0]).append("', ARRAY['")
                    .append(String.join("','", words[1].split(" "))).append("'])");
        }
        return languages.toString();
    }

    private static String insert(int count, long offset) {
        String languages = languageValues();
        return """
                WITH lang(code, words) AS (VALUES %s),
                locals AS (SELECT array_agg(code ORDER BY code) AS codes FROM lang WHERE code <> 'en'),
                owners AS (SELECT array_agg(id ORDER BY id) AS ids FROM partner),
                raw AS (
                    SELECT g,
                           pg_temp.pick((SELECT codes FROM locals)) AS local_code,
                           pg_temp.pick(ARRAY['%s']) AS subclass,
                           (1 + floor(random() * 30))::int::text AS main_group,
                           lpad(floor(random() * 100)::int::text, 2, '0') AS subgroup,
                           pg_temp.pick(ARRAY['CN','KZ','RU','UZ','TR','EG','PK']) AS jurisdiction,
                           date '2008-01-01' + floor(random() * 6000)::int AS filing,
                           random() AS r
                    FROM generate_series(%d, %d) g),
                titled AS (
                    SELECT raw.*,
                           pg_temp.phrase((SELECT words FROM lang WHERE code = 'en'), 3 + (g %% 3), ' ') AS title_en,
                           pg_temp.phrase((SELECT words FROM lang WHERE code = local_code), 3 + (g %% 2),
                                          CASE WHEN local_code = 'zh' THEN '' ELSE ' ' END) AS title_local,
                           pg_temp.phrase(ARRAY['method','system','apparatus','comprising','wherein','configured','unit',
                                          'layer','step','provided','first','second','surface','portion','assembly','control'], 12, ' ') AS abstract_en,
                           jurisdiction || '-' || (900000000 + g)::text || '-B' AS number,
                           subclass || ' ' || main_group || '/' || subgroup AS symbol
                    FROM raw)
                INSERT INTO patent (id, publication_number, owner_id, titles, abstracts, ipc_classes, cpc_classes, jurisdiction,
                    family_coverage, filing_date, grant_date, expiry_date, legal_status, export_class, deal_types,
                    asking_price_amount, asking_price_currency, target_territories, status, listed_at, updated_at, version,
                    search_text, ipc_prefixes)
                SELECT gen_random_uuid(), number, (SELECT ids FROM owners)[1 + (g %% (SELECT array_length(ids, 1) FROM owners))],
                       jsonb_build_object('en', title_en, local_code, title_local), jsonb_build_object('en', abstract_en),
                       jsonb_build_array(symbol), '[]', jurisdiction,
                       jsonb_build_array(pg_temp.pick(ARRAY['KZ','UZ','RU','TR','EG','PK','ID','VN'])),
                       filing, CASE WHEN r < 0.6 THEN filing + 1000 END, (filing + interval '20 years')::date,
                       CASE WHEN r < 0.6 THEN 'GRANTED' ELSE 'PENDING' END,
                       CASE WHEN r < 0.7 THEN 'FREE' WHEN r < 0.95 THEN 'RESTRICTED' ELSE 'PROHIBITED' END,
                       CASE WHEN r < 0.3 THEN '["ASSIGNMENT"]' WHEN r < 0.6 THEN '["NON_EXCLUSIVE_LICENCE"]'
                            ELSE '["EXCLUSIVE_LICENCE","NON_EXCLUSIVE_LICENCE"]' END::jsonb,
                       round((10000 + random() * 990000)::numeric, 2), pg_temp.pick(ARRAY['CNY','USD','EUR']),
                       jsonb_build_array(pg_temp.pick(ARRAY['KZ','UZ','RU','TR','EG','PK'])), 'AVAILABLE',
                       now() - random() * interval '730 days', now(), 0,
                       number || E'\\n' || title_en || E'\\n' || title_local || E'\\n' || abstract_en,
                       jsonb_build_array(left(subclass, 1), left(subclass, 3), subclass, subclass || ' ' || main_group, symbol)
                FROM titled
                """.formatted(languages, String.join("','", SUBCLASSES.split(" ")), offset + 1, offset + count);
    }
}
