-- Issue 15 (durable uploads, no lock timeouts): numbering a box serializes on the box's own row here instead of
-- locking the community's org_unit row, which every filing into that community used to wait for.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table archive_box (
    box_unit_id  bigint not null references org_unit (id),
    indicator_id bigint not null references indicator (id),
    primary key (box_unit_id, indicator_id)
);
