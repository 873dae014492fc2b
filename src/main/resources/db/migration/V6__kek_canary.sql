-- The KEK canary (org.openmaf.crypto.KekCanary): a known value sealed under the KEK at first start, so a MAF started
-- with a KEK that does not open what is stored refuses to start instead of answering every retrieval with 5000.
-- One row only (id = 1); concurrent first starts insert at most once (the loser's unique violation is expected).
-- Works on PostgreSQL and on H2 in PostgreSQL mode (dev).
create table kek_canary (
    id         smallint      primary key check (id = 1),
    kek_id     varchar(64)   not null,
    nonce      bytea         not null,
    ciphertext bytea         not null,
    sealed_at  timestamp with time zone not null
);
