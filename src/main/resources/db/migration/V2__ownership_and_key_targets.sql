-- Each record lives only as long as what it exists for, and the schema says so, so that no path (the admin API,
-- configuration at start-up, de-registration, the expiry purge) can leave an orphan that is still served:
--   stakeholder -> its client registrations -> the keys their clients registered under them (as source)
--   stakeholder -> the client configurations attached for it
-- Works on PostgreSQL and on H2 in PostgreSQL mode (dev).

-- Orphans that earlier paths could leave behind go first, or the constraints could not be added.
delete from client_registration
 where not exists (select 1 from stakeholder s where s.admin_fqdn = client_registration.admin_fqdn);
delete from client_configuration
 where not exists (select 1 from stakeholder s where s.admin_fqdn = client_configuration.admin_fqdn);
delete from key_registration
 where not exists (select 1 from client_registration r
                    where r.client_id = key_registration.source_id and r.admin_fqdn = key_registration.admin_fqdn);

alter table client_registration add constraint fk_client_registration_stakeholder
    foreign key (admin_fqdn) references stakeholder (admin_fqdn) on delete cascade;
alter table client_configuration add constraint fk_client_configuration_stakeholder
    foreign key (admin_fqdn) references stakeholder (admin_fqdn) on delete cascade;
-- A key's source must hold a registration for the key's stakeholder (TS-0003 8.8.2.7); when that registration ends,
-- the key goes with it. uq_client_registration_client_stakeholder is the referenced unique key.
alter table key_registration add constraint fk_key_registration_source_registration
    foreign key (source_id, admin_fqdn) references client_registration (client_id, admin_fqdn) on delete cascade;
create index ix_client_configuration_stakeholder on client_configuration (admin_fqdn);

-- The targetIDs of a key, one row each, so "keys targeting X" (retrieval authorization, the admin listing) is an
-- indexed query. target_index keeps the order the source gave them in. V3 moves the JSON column's data here.
create table key_target (
    relative_key_id varchar(32)  not null references key_registration (relative_key_id) on delete cascade,
    target_index    integer      not null,
    target_id       varchar(512) not null,
    primary key (relative_key_id, target_index)
);
create index ix_key_target_target on key_target (target_id, relative_key_id);
