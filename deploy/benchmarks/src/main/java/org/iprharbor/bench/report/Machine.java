package org.iprharbor.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The machine and software a run measured, for the report's header.
 */
public record Machine(String cpu, int cores, long memoryMegabytes, String os, String jdk, String postgres, String kafka,
        double loadAverageAtStart) {

    public static Machine describe(Connection database, String kafkaVersion) throws SQLException {
        String postgres;
        try (Statement sql = database.createStatement(); ResultSet row = sql.executeQuery("SHOW server_version")) {
            row.next();
            postgres = row.getString(1);
        }
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemoryMegabytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), postgres, kafkaVersion,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static long totalMemoryMegabytes() {
        return lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(0L);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
