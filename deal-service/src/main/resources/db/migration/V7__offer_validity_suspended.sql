-- An offer's validity does not run while the authority reviews the letter of intent (docs/deal-procedure.md): it is
-- SUSPENDED, and resumes when the intent is granted. Deals sent to that review before this ran had it closed as MET,
-- which says the offer was answered; a deal in INTENT_REVIEW holds at most one OFFER_VALIDITY, and only a review can
-- have closed it, so each such MET becomes SUSPENDED (its closedAt, when the review began, stays). It had no timers left.
UPDATE deal d
   SET deadlines = (SELECT jsonb_agg(CASE WHEN x.deadline ->> 'kind' = 'OFFER_VALIDITY' AND x.deadline ->> 'status' = 'MET'
                                          THEN jsonb_set(x.deadline, '{status}', '"SUSPENDED"') ELSE x.deadline END
                                     ORDER BY x.position)
                      FROM jsonb_array_elements(d.deadlines) WITH ORDINALITY AS x(deadline, position))
 WHERE d.state = 'INTENT_REVIEW'
   AND d.deadlines @> '[{"kind": "OFFER_VALIDITY", "status": "MET"}]';
