CREATE TABLE tags (id integer NOT NULL, label text NOT NULL);
ALTER TABLE tags ADD CONSTRAINT tags_label_key UNIQUE (label);
ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY (id);
