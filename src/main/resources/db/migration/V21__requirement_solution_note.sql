-- How the matched solution meets a requirement (which standard function, which configuration, what customisation),
-- written when the consultant matches solutions and shown to the department owners who verify and approve.
alter table requirement add column solution_note varchar(2000);
alter table specification_requirement add column solution_note varchar(2000);
