-- Schema version 2: saved column mappings, and seals on the parts of a signed evaluation 1 left open.
-- Saved column mappings: one FIELD=COLUMN per line, reused by name for a kind of import.
CREATE TABLE saved_mappings (
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,
  mapping    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (kind, name)
) WITHOUT ROWID;

-- A signed evaluation's evidence and confidentiality are part of what was signed.
CREATE TRIGGER evaluation_evidence_signed_update BEFORE UPDATE ON evaluation_evidence
WHEN (SELECT e.status FROM evaluations e JOIN evaluation_ratings r ON r.evaluation_id = e.id
      WHERE r.id = OLD.rating_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
CREATE TRIGGER evaluation_signed_confidentiality BEFORE UPDATE OF confidentiality ON evaluations
WHEN OLD.status = 'signed' AND NEW.confidentiality IS NOT OLD.confidentiality
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
