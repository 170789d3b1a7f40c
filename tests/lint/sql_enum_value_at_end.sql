ALTER TYPE priority ADD VALUE 'urgent';
-- an enum made in this file has no rows sorted by it yet
CREATE TYPE colour AS ENUM ('red', 'blue');
ALTER TYPE colour ADD VALUE 'green' BEFORE 'blue';
