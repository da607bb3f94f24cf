-- PostgreSQL only: audit_event is append-only for everyone, not only for the application (which has no update
-- or delete statement for it). UPDATE and TRUNCATE are always refused. DELETE is refused unless the row lies at
-- or before the chain's anchor: the retention purge first moves the anchor (in audit_chain_head, same
-- transaction) to the last expired entry, then deletes up to it, so the chain stays verifiable from the first
-- kept entry. A session variable would have been easier to set by anyone; moving the anchor is what a
-- deliberate deletion has to do anyway, and the hash chain still exposes whoever forges both.
-- H2 (the embedded default) has no such trigger: its triggers are Java classes inside the database file's JVM;
-- there the chain and GET /api/v1/audit/verify are the protection.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.id <= (select anchor_id from audit_chain_head where id = 1) then
        return old;
    end if;
    raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();

create function audit_event_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (TRUNCATE refused)' using errcode = '42501';
end;
$$;

create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_no_truncate();
