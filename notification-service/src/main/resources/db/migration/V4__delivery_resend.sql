-- A replay asked for while the delivery is being sent: send it once more when this attempt is recorded.
ALTER TABLE delivery ADD COLUMN resend BOOLEAN NOT NULL DEFAULT false;
