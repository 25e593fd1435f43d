-- CloudEvents' sequence extension compares values as strings, so "sequence" is now written zero-padded to 20 digits
-- (service-kit CloudEventSequence). The CloudEvents kept before (the event log, which replays re-send, and webhook
-- bodies, which retries re-send) get the same form, so an integrator never sees both. The pattern is the envelope's
-- own "sequence" as EventLog writes it (followed by "datacontenttype"), never a field of the same name inside data.
UPDATE event_log
SET cloud_event = regexp_replace(cloud_event, '"sequence":"[0-9]{1,19}","datacontenttype":',
        '"sequence":"' || lpad(substring(cloud_event FROM '"sequence":"([0-9]{1,19})","datacontenttype":'), 20, '0')
        || '","datacontenttype":')
WHERE cloud_event ~ '"sequence":"[0-9]{1,19}","datacontenttype":';

UPDATE delivery
SET body = regexp_replace(body, '"sequence":"[0-9]{1,19}","datacontenttype":',
        '"sequence":"' || lpad(substring(body FROM '"sequence":"([0-9]{1,19})","datacontenttype":'), 20, '0')
        || '","datacontenttype":')
WHERE channel = 'WEBHOOK' AND body ~ '"sequence":"[0-9]{1,19}","datacontenttype":';
