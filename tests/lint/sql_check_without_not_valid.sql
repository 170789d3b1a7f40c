ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0);
ALTER TABLE orders ADD CHECK (total < 1000000);
