-- starts with a byte-order mark
CREATE TABLE t (name TEXT);

INSERT INTO t VALUES ('Zürich €');
﻿-- a mark at the start of a later line too
INSERT INTO t VALUES ('no newline at the end');