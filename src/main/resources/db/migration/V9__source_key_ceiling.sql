-- Key registration's quota (max-keys-per-client, contract section 7) without counting on every registration (issue 12):
-- the count of a source's valid keys read one row per key, under the lock on the source's registration row, so a
-- source's registrations got slower with every key it held (a source with 30,000 keys: a parallel scan of the table
-- per registration). This row holds an upper bound on the valid keys the source holds for the stakeholder. Valid keys
-- only ever come from a registration, which raises the bound in the statement that inserts the key
-- (org.openmaf.keys.NewKeyStatement); de-registration, expiry, purge and shortening only lower the true count. So
-- while the bound is below the quota the source has room and nothing is counted; at the quota, the keys are counted
-- and the bound set to that count. It goes with the registration (cascade), and a registration without a row here
-- (one made before this migration) is counted. Written by the keys package only.
create table source_key_ceiling (
    source_id          varchar(512) not null,
    admin_fqdn         varchar(253) not null,
    valid_keys_at_most bigint       not null,
    primary key (source_id, admin_fqdn),
    foreign key (source_id, admin_fqdn) references client_registration (client_id, admin_fqdn) on delete cascade
);
