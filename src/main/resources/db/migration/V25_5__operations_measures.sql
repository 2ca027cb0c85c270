-- Satisfaction is the average of a survey (2.8 of 5): kept as typed, up to two decimals, in the baseline and the
-- review alike (it was cut to a whole number before).
alter table kpi_baseline alter column satisfaction set data type numeric(3, 2);
alter table post_implementation_review alter column satisfaction set data type numeric(3, 2);

-- The review measures the error rate (UAT), the resolution time (incidents) and go-live against plan itself instead
-- of asking for them; a project without a baseline, UAT results, resolved incidents or a recorded cutover has
-- nothing to measure there.
alter table post_implementation_review alter column error_rate_before_pct drop not null;
alter table post_implementation_review alter column error_rate_after_pct drop not null;
alter table post_implementation_review alter column on_time_go_live drop not null;
alter table post_implementation_review alter column avg_resolution_hours drop not null;
alter table post_implementation_review add column planned_go_live date;
alter table post_implementation_review add column went_live_on date;
alter table post_implementation_review add column failed_cases integer;
alter table post_implementation_review add column executed_cases integer;
alter table post_implementation_review add column resolved_incidents integer;

-- The internal administrators of each module handed over (they were checked, but not kept).
create table module_administrator (
    project_code  varchar(32)  not null,
    module        varchar(40)  not null,
    user_id       varchar(64)  not null,
    primary key (project_code, module, user_id),
    foreign key (project_code, module) references module_handover (project_code, module) on delete cascade
);
