CREATE TABLE public."Planning" (
  id integer NOT NULL,
  "offersValidUntil" timestamptz,
  "Title" text,
  CONSTRAINT "Planning_pkey" PRIMARY KEY (id)
);
INSERT INTO public."Planning" SELECT g, timestamptz '2025-01-01' + g * interval '1 day', 'plan ' || g FROM generate_series(1, 12) g;
