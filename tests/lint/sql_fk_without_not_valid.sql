ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE orders ADD COLUMN shop_id bigint REFERENCES shops (id);
