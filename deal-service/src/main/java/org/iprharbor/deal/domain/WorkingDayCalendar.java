package org.iprharbor.deal.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * China's working days as the export authorities count their review periods: Monday to Friday, less the public
 * holidays, plus the weekend days the State Council's yearly notice makes working days (调休). The days come from
 * one file a year under {@code calendar/cn/} on the class path, each naming its source; a year without a file, or
 * with a provisional one, counts as estimated.
 */
public final class WorkingDayCalendar {

    private static final String FOLDER = "calendar/cn/";

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> extraWorkingDays;
    private final Map<Integer, Boolean> officialYears;

    WorkingDayCalendar(Set<LocalDate> daysOff, Set<LocalDate> extraWorkingDays, Map<Integer, Boolean> officialYears) {
        this.daysOff = Set.copyOf(daysOff);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        this.officialYears = Map.copyOf(officialYears);
    }

    /** The calendar shipped with the service: the years listed in {@code calendar/cn/years.txt}. */
    public static WorkingDayCalendar china() {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        Map<Integer, Boolean> official = new HashMap<>();
        for (String year : lines(FOLDER + "years.txt")) {
            official.put(Integer.parseInt(year), parseYear(lines(FOLDER + year + ".txt"), off, work));
        }
        return new WorkingDayCalendar(off, work, official);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    /**
     * The {@code workingDays}-th working day after {@code start}: "within 30 working days of receiving the
     * application" ends at the close of that day; the day of receipt itself does not count.
     */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        LocalDate day = start;
        for (int counted = 0; counted < workingDays;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Whether every day from {@code first} to {@code last} lies in a year whose official notice this calendar holds. */
    public boolean isOfficialBetween(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!officialYears.getOrDefault(year, false)) {
                return false;
            }
        }
        return true;
    }

    /** Reads one year's lines into the sets; answers whether the year's file is the official notice. */
    static boolean parseYear(List<String> lines, Set<LocalDate> off, Set<LocalDate> work) {
        boolean official = false;
        for (String line : lines) {
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "status" -> official = "official".equals(words[1]);
                case "work" -> work.add(LocalDate.parse(words[1]));
                case "off" -> {
                    LocalDate first = LocalDate.parse(words[1]);
                    LocalDate last = words.length > 2 && words[2].matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(words[2]) : first;
                    first.datesUntil(last.plusDays(1)).forEach(off::add);
                }
                default -> throw new IllegalArgumentException("unknown calendar line: " + line);
            }
        }
        return official;
    }

    private static List<String> lines(String resource) {
        InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the working-day calendar lacks " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
