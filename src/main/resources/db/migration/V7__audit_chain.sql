-- Tamper-evident audit trail: every entry carries the SHA-256 of the previous entry's hash and its own fields.
-- The one row of audit_chain_head is the tail of the chain (last id and hash). An append locks it FOR UPDATE,
-- which gives appends a total order, and moves it in the same short transaction as its insert.
-- The anchor is where verification starts: the hash of the last entry removed by the retention purge.
-- Entries written before this version carry no hash: the anchor starts after them, they stay readable but are
-- not part of the chain.
alter table audit_event add column hash varchar(64);

create table audit_chain_head (
    id          int         primary key,
    last_id     bigint      not null,
    last_hash   varchar(64) not null,
    anchor_id   bigint      not null,
    anchor_hash varchar(64) not null,
    check (id = 1)
);

insert into audit_chain_head (id, last_id, last_hash, anchor_id, anchor_hash)
select 1, coalesce(max(id), 0), '0000000000000000000000000000000000000000000000000000000000000000',
       coalesce(max(id), 0), '0000000000000000000000000000000000000000000000000000000000000000'
from audit_event;
