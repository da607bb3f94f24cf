-- PostgreSQL only: with a non-C collation (zh_CN.UTF-8, en_US.UTF-8) a plain btree index cannot serve
-- "org_path LIKE '/1/4/%'", the query behind every scoped list. Pattern-ops indexes can. (H2 needs none.)
create index org_unit_path_prefix on org_unit (path varchar_pattern_ops);
create index material_org_path_prefix on material (org_path varchar_pattern_ops);
create index readiness_counter_path_prefix on readiness_counter (org_path varchar_pattern_ops);
