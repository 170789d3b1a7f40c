-- Rows for samples/shop at its head, in SQL every engine takes as it is
-- (samples.sh inserts them after the upgrade; every table gets some).
INSERT INTO customers (id, email, name, created_at) VALUES
    (1, 'ada@example.org', 'Ada Lovelace', '2025-03-01 10:00:00'),
    (2, 'bob@example.org', 'Bob', '2025-03-02 10:00:00');
INSERT INTO products (id, sku, name, price, active, tax_rate_code, stock_quantity, discontinued_at) VALUES
    (1, 'SKU-1', 'Widget', 9.99, true, 'standard', 10, NULL),
    (2, 'SKU-2', 'Book', 15.00, true, 'reduced', 3, NULL),
    (3, 'SKU-3', 'Old gadget', 1.50, false, 'standard', 0, '2025-03-03 12:00:00');
INSERT INTO orders (id, customer_id, status, created_at) VALUES
    (1, 1, 'paid', '2025-03-04 09:00:00'),
    (2, 2, 'pending', '2025-03-05 09:00:00');
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
    (1, 1, 2, 9.99), (1, 2, 1, 15.00), (2, 3, 5, 1.50);
INSERT INTO invoices (id, order_id, number, amount, currency, issued_at, paid_at, tax_rate_code, tax_amount) VALUES
    (1, 1, 'INV-0001', 34.98, 'EUR', '2025-03-04 09:05:00', '2025-03-04 09:10:00', 'standard', 5.83);
INSERT INTO payments (id, invoice_id, provider, provider_ref, amount, received_at) VALUES
    (1, 1, 'stripe', 'ch_123', 34.98, '2025-03-04 09:10:00');
