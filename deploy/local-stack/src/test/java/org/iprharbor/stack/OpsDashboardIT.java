package org.iprharbor.stack;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations dashboard in real headless Chromium against the running local stack: an operator signs in, sees
 * the seeded events, a new offer appear live and move the funnel, every panel filled, redrives a planted dead
 * letter (audited, and the event is back on its topic), reads the deal's timeline; a partner's token is refused.
 * Screenshots of each panel go to target/screenshots.
 */
class OpsDashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static LocalStack stack;
    private static Browser browser;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        stack = LocalStack.start(StackConfig.forTests("ops-dashboard-it"));
        browser = Browser.start(Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stopBrowserAndStack() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowThePlatformLiveToAnOperatorAndRefuseAPartner() throws Exception {
        ChromeDriver page = browser.driver();
        WebDriverWait wait = new WebDriverWait(page, WAIT, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class); // panels re-render their rows on every refresh
        page.get(notificationUrl() + "/ops/");
        browser.screenshot("00-login", page);

        signIn(page, wait, operatorToken());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait.until(driver -> driver.findElements(By.cssSelector("#feed-rows tr.feed-row")).size() >= 10);
        long offeredBefore = offered(page, wait);

        HttpResponse<String> offer = DemoTraffic.offerAcrossTheSilkRoad(stack);
        assertThat(offer.statusCode()).as(offer.body()).isEqualTo(201);
        String dealId = DemoTraffic.idOf(offer.body());
        By openedRow = By.cssSelector("#feed-rows tr.feed-row[data-subject='" + dealId + "'][data-type$='deal-opened.v1']");
        wait.until(ExpectedConditions.presenceOfElementLocated(openedRow));
        wait.until(driver -> offered(page, wait) == offeredBefore + 1);
        wait.until(driver -> !driver.findElements(By.cssSelector("#lag-rows tr")).isEmpty()
                // one chart per platform topic: partners, patents, needs, deals, notifications
                && driver.findElements(By.cssSelector("#throughput-charts .topic-chart")).size() == 5
                && !driver.findElements(By.cssSelector("#throughput-charts rect")).isEmpty()
                && !driver.findElements(By.cssSelector("#funnel-chart rect")).isEmpty());
        new WebDriverWait(page, WAIT, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "two emails delivered for the offer; the deliveries panel shows: "
                        + page.findElement(By.id("delivery-rows")).getText().replace('\n', ' '))
                .until(driver -> Long.parseLong(driver.findElement(By.cssSelector("#delivery-rows tr[data-channel='EMAIL'] td:nth-child(2)"))
                        .getText()) >= 2);

        String planted = plantDeadLetter(dealId);
        page.findElement(By.id("dead-letters-refresh")).click();
        By plantedRow = By.cssSelector("#dead-letter-rows tr.dead-letter[data-event-id='" + planted + "']");
        String letter = wait.until(driver -> driver.findElement(plantedRow).getText());
        assertThat(letter).contains("harbor.deals.v1/").contains("poisoned on purpose by OpsDashboardIT")
                .doesNotContain("ops.tester@");

        screenshotPanels(page);

        wait.until(driver -> { // the row may be re-rendered by a refresh between finding and clicking
            driver.findElement(plantedRow).findElement(By.cssSelector("button.redrive")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("redrive-status"), "redriven to harbor.deals.v1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "PUBLISHED"));
        wait.until(driver -> driver.findElements(openedRow).size() == 2); // the redriven copy is back on harbor.deals.v1
        browser.screenshot("05-dead-letters-after-redrive", page.findElement(By.id("dead-letters")));

        page.findElement(By.id("timeline-id")).sendKeys(dealId);
        page.findElement(By.id("timeline-go")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#timeline-rows li.timeline-entry")).size() >= 2
                && driver.findElement(By.id("timeline-rows")).getText().contains("email"));
        browser.screenshot("06-timeline", page.findElement(By.id("timeline")));
        browser.screenshot("07-dashboard", page);

        page.findElement(By.id("feed-pause")).click();
        assertThat(page.findElement(By.id("feed-pause")).getText()).isEqualTo("Resume");
        page.findElement(By.id("feed-pause")).click();
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("feed-topic"))).selectByVisibleText("harbor.deals.v1");
        wait.until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("#feed-rows tr.feed-row"));
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.getText().contains("harbor.deals.v1"));
        });
        assertThat(browser.consoleErrors()).as("the browser console while an operator works").isEmpty();

        page.findElement(By.id("logout")).click();
        signIn(page, wait, stack.keys().token(stack.demoPartners().get("satbayev"), "partner", Duration.ofMinutes(10)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "not an operator"));
        assertThat(page.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        browser.screenshot("08-partner-refused", page);
        assertThat(browser.consoleErrors()).as("only the refused request itself")
                .allSatisfy(message -> assertThat(message).contains("/ops/api/me").contains("403"));
    }

    private void signIn(ChromeDriver page, WebDriverWait wait, String token) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        field.clear();
        field.sendKeys(token);
        page.findElement(By.id("login-button")).click();
    }

    private static long offered(ChromeDriver page, WebDriverWait wait) {
        return Long.parseLong(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#funnel-rows tr[data-state='OFFERED'] td.num"))).getText());
    }

    private void screenshotPanels(ChromeDriver page) throws Exception {
        Map<String, String> panels = new java.util.LinkedHashMap<>();
        panels.put("01-feed", "feed");
        panels.put("02-funnel", "funnel");
        panels.put("03-throughput-and-lag", "throughput");
        panels.put("04-deliveries", "deliveries");
        panels.put("05-dead-letters", "dead-letters");
        for (Map.Entry<String, String> panel : panels.entrySet()) {
            Path png = browser.screenshot(panel.getKey(), page.findElement(By.id(panel.getValue())));
            assertThat(Files.size(png)).isGreaterThan(2_000);
        }
    }

    /**
     * A copy of the deal's opening event, as SmallRye's dead-letter strategy would have written it after a consumer
     * failed on it: the original CloudEvents headers plus the dead-letter-* ones.
     */
    private String plantDeadLetter(String dealId) throws Exception {
        String eventId = UUID.randomUUID().toString();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // the deal as deal-service shows it, named as its events name it (dealId), plus an address to be masked
        String deal = DemoTraffic.get(stack.config().services().get(1).baseUrl() + "/deals/" + dealId, operatorToken()).body();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("harbor.deals.v1.dlq", dealId,
                    deal.replaceFirst("^\\{\"id\":", "{\"contactEmail\":\"ops.tester@example.kz\",\"dealId\":"));
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("ce_specversion", "1.0");
            headers.put("ce_id", eventId);
            headers.put("ce_source", "/harbor/deal-service");
            headers.put("ce_type", "org.iprharbor.deal.deal-opened.v1");
            headers.put("ce_subject", dealId);
            headers.put("ce_time", Instant.now().toString());
            headers.put("ce_sequence", "0");
            headers.put("content-type", "application/json");
            headers.put("dead-letter-reason", "poisoned on purpose by OpsDashboardIT");
            headers.put("dead-letter-cause", "java.lang.IllegalStateException: test");
            headers.put("dead-letter-topic", "harbor.deals.v1");
            headers.put("dead-letter-partition", "0");
            headers.put("dead-letter-offset", "0");
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
        return eventId;
    }

    private static String notificationUrl() {
        return stack.config().services().get(2).baseUrl();
    }

    private static String operatorToken() {
        return stack.keys().token(LocalStack.OPERATOR_ID, "operator", Duration.ofMinutes(30));
    }
}
