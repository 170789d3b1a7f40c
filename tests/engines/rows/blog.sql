-- Rows for samples/blog at its head, in SQL every engine takes as it is
-- (samples.sh inserts them after the upgrade; every table gets some).
INSERT INTO users (id, email, display_name, timezone, created_at, email_verified) VALUES
    ('6f1c2a4e-8b1d-4c3e-9f00-000000000001', 'ada@example.org', 'Ada', 'Europe/London', '2025-01-02 10:00:00', true),
    ('6f1c2a4e-8b1d-4c3e-9f00-000000000002', 'bob@example.org', NULL, 'UTC', '2025-01-03 11:30:00', false);
INSERT INTO categories (id, name, slug) VALUES (4, 'Reviews', 'reviews');
INSERT INTO articles (id, author_id, title, body, status, published_at, created_at, slug) VALUES
    (101, '6f1c2a4e-8b1d-4c3e-9f00-000000000001', 'Hello', 'First post', 'published', '2025-02-01 09:00:00', '2025-01-31 09:00:00', 'hello'),
    (102, '6f1c2a4e-8b1d-4c3e-9f00-000000000001', 'Drafty', NULL, 'draft', NULL, '2025-02-02 09:00:00', 'drafty'),
    (103, '6f1c2a4e-8b1d-4c3e-9f00-000000000002', 'Later', 'Soon', 'scheduled', '2030-01-01 00:00:00', '2025-02-03 09:00:00', 'later');
INSERT INTO post_categories (post_id, category_id) VALUES (101, 1), (101, 4), (103, 2);
INSERT INTO comments (id, article_id, author_id, body, created_at) VALUES
    (1001, 101, '6f1c2a4e-8b1d-4c3e-9f00-000000000002', 'Nice!', '2025-02-01 10:00:00'),
    (1002, 101, NULL, 'It''s anonymous', '2025-02-01 11:00:00');
