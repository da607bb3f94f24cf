-- The device that registered a participant on the public check-in page: the keyed hash (HMAC-SHA256, hex) of a
-- random token kept in that phone's cookie. Null for participants a worker recorded.
alter table activity_participant add column device_hash varchar(64);
