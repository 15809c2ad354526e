CREATE TABLE price_list (id int PRIMARY KEY, amount numeric(14,2) NOT NULL);
