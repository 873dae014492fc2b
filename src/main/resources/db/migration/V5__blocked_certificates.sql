-- Certificates an operator has blocked (contract section 7, "Certificate revocation"): every /maf request checks this
-- table, by primary key, together with certificate_binding, so a block applies from the next request on, on every
-- instance sharing the database. Works on PostgreSQL and on H2 in PostgreSQL mode (dev).
create table blocked_certificate (
    fingerprint_sha256 varchar(64)   primary key,
    reason             varchar(1000),
    blocked_at         timestamp with time zone not null,
    blocked_by         varchar(512)
);
