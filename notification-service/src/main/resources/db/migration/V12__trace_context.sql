-- The outbox (service-kit's V0_1) keeps the span context of the transaction that wrote each event, so the relay's
-- publishing continues that trace (W3C Trace Context; null when tracing is off). One migration per service, since
-- Flyway orders versions per database: a V0_2 in service-kit would sort before versions these databases already have.
ALTER TABLE outbox ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;

-- A queued delivery continues the trace of the event that caused it: the webhook request carries it as traceparent.
ALTER TABLE delivery ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;

-- The trace each received event belongs to, so the ops timeline links the event to the trace viewer.
ALTER TABLE event_log ADD COLUMN traceparent TEXT;
