ALTER TYPE priority ADD VALUE 'medium' BEFORE 'high';
ALTER TYPE priority ADD VALUE IF NOT EXISTS 'urgent' AFTER 'low';
