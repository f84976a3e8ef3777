-- 0003 wall displays: a named display with its playlist (screens, dwell times, filters) and the
-- display token its player uses. Revoking the token turns the wall into a message; nothing expires
-- on its own.
CREATE TABLE display (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  location TEXT,
  token_id INTEGER NOT NULL UNIQUE REFERENCES api_token(id),
  playlist_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user(id),
  updated_at TEXT NOT NULL
);
