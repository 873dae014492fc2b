-- Contract section 7: authorization that holds over time.

-- max-keys-per-client: how many valid keys one source may hold for the stakeholder. Rows from before get the default.
alter table stakeholder add column max_keys_per_client integer default 1000 not null;

-- One key per TLS connection, ever (TS-0003 10.3.1): the KcID of every exporter-derived key, written in the transaction
-- that registers the key and kept until the key would have expired, after the key itself is de-registered, revoked or
-- cascaded away. A second registration on the same connection derives the same KcID and is refused (4105), so a
-- de-registered key cannot come back. Deliberately no foreign key: the tombstone outlives the key. The expiry purge
-- deletes rows whose time has passed.
create table used_kcid (
    relative_key_id varchar(32) primary key,
    kept_until      timestamp with time zone not null
);
create index ix_used_kcid_until on used_kcid (kept_until);

-- Every exporter-derived key registered before this migration used its KcID.
insert into used_kcid (relative_key_id, kept_until)
    select relative_key_id, expiration_time from key_registration where key_origin = 'exporter';
