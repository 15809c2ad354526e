-- from: pgschema/pgschema testdata/diff/online/issue_313_camelcase_column_not_null
-- A camelCase quoted column in a quoted table becomes NOT NULL; live rows have no nulls.
CREATE TABLE public."Planning" (
  id integer NOT NULL,
  "offersValidUntil" timestamptz NOT NULL,
  "Title" text,
  CONSTRAINT "Planning_pkey" PRIMARY KEY (id)
);
