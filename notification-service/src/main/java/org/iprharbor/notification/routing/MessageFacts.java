package org.iprharbor.notification.routing;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.iprharbor.notification.localisation.NotificationTexts;

/**
 * What a message tells, turned into its texts' parameters for one reader: a deal or patent event's facts
 * ({@link MessageParameters}) or the matches of a match notice.
 */
public interface MessageFacts {

    Map<String, Object> forReader(String name, String language, List<String> preferredLanguages, ZoneId zone,
            NotificationTexts texts);

    /** The key of the email's reference line (what the reader quotes when asking about the message). */
    default String referenceKey() {
        return "email.reference";
    }
}
