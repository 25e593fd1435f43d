package org.iprharbor.deal.api;

import org.iprharbor.kit.problem.ProblemException;

/**
 * What an operator records of an export authority's answer, whichever the application (the letter of intent, the
 * export licence): approved, with the number of the document the authority issued, or refused, with its reason.
 * The two request bodies keep their own field and decision names; this is what they share.
 *
 * @param record the document's number when approved, the reason when refused
 */
record AuthorityAnswer(boolean approved, String record) {

    /**
     * The answer, or a 400 naming the field it lacks: {@code documentField} when approved, {@code reason} when refused.
     */
    static AuthorityAnswer of(Enum<?> decision, boolean approved, String documentField, String document, String reason) {
        String record = approved ? document : reason;
        if (record == null || record.isBlank()) {
            throw ProblemException.invalidField(approved ? documentField : "reason", "is required with " + decision);
        }
        return new AuthorityAnswer(approved, record);
    }
}
