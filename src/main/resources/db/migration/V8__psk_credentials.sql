-- Pre-provisioned Master Credentials (contract section 8, TS-0003 8.8.2.2 and 10.6): a PSK-only MAF client proves who it
-- is with Km, named by KmID, in a TLS-PSK handshake on maf.psk.port. Km is stored only as AES-256-GCM ciphertext under
-- the KEK named by kek_id, with the KmID as associated data (as key_registration stores key values). The listener reads
-- this table on every handshake, by primary key, so a deletion or an expiry is in force at the next handshake on every
-- instance. Works on PostgreSQL and on H2 in PostgreSQL mode (dev).
create table psk_credential (
    km_id              varchar(320)  primary key,
    client_id          varchar(512)  not null,
    expiration_time    timestamp with time zone,
    created_at         timestamp with time zone not null,
    created_by         varchar(512),
    kek_id             varchar(64)   not null,
    km_nonce           bytea         not null,
    km_ciphertext      bytea         not null
);
-- "Is this client ID a PSK client?" is asked on every certificate-authenticated /maf request.
create index psk_credential_client on psk_credential (client_id);
