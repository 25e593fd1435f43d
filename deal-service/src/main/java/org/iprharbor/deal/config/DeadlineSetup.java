package org.iprharbor.deal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.iprharbor.deal.domain.DeadlinePolicy;
import org.iprharbor.deal.domain.WorkingDayCalendar;

/**
 * The deadline policy with China's working-day calendar, read once from the files shipped with the service.
 */
public class DeadlineSetup {

    @Produces
    @ApplicationScoped
    DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(WorkingDayCalendar.china());
    }
}
