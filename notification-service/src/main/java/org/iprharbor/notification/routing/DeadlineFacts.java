package org.iprharbor.notification.routing;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iprharbor.notification.localisation.Formats;
import org.iprharbor.notification.localisation.NotificationTexts;
import org.iprharbor.notification.routing.DealNotifications.DealSnapshot.Deadline;

/**
 * A deal event about one deadline: the deal's facts plus the deadline's name ({@code deadlineKind}), its due time in
 * the reader's time zone ({@code dueAt}, the end of the day before when it falls on midnight) and what the responsible
 * party must do ({@code task}), all in the reader's language.
 */
public record DeadlineFacts(MessageParameters deal, Deadline deadline) implements MessageFacts {

    @Override
    public Map<String, Object> forReader(String name, String language, List<String> preferredLanguages, ZoneId zone,
            NotificationTexts texts) {
        Map<String, Object> parameters = deal.forReader(name, language, preferredLanguages, zone, texts);
        parameters.put("deadlineKind", texts.render("deadline.kind." + deadline.kind(), language, Map.of()));
        parameters.put("task", texts.render("deadline.task." + deadline.kind(), language, Map.of()));
        parameters.put("dueAt", Formats.deadline(deadline.dueAt(), zone, Locale.forLanguageTag(language),
                MessageParameters.endOfDay(language, texts)));
        return parameters;
    }
}
