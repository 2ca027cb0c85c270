-- The KPI baseline captured at planning, against which the post-implementation review measures the project.
create table kpi_baseline (
    project_code          varchar(32)    primary key references project (code),
    manual_hours_month    numeric(9, 2)  not null,
    error_rate_pct        numeric(5, 2)  not null,
    satisfaction          integer        not null,
    resolution_hours      numeric(9, 2)  not null,
    target_active_pct     numeric(5, 2)  not null,
    planned_go_live       date           not null,
    hourly_rate           numeric(12, 2),
    project_cost          numeric(14, 2),
    captured_by           varchar(64)    not null,
    captured_at           timestamp      not null
);
