-- Schema version 2: saved column mappings, seals on the parts of a signed evaluation schema 1 left
-- open, per-domain supplier scores and a covering index for the detection figures.
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

-- Answers per question domain of each supplier assessment, kept with its score, so the weakest
-- domains across thousands of suppliers are read without visiting their responses.
CREATE TABLE supplier_assessment_domains (
  assessment_id INTEGER NOT NULL REFERENCES supplier_assessments (id) ON DELETE CASCADE,
  domain        TEXT NOT NULL,
  answers       INTEGER NOT NULL,
  score_sum     REAL NOT NULL,
  PRIMARY KEY (assessment_id, domain)
) WITHOUT ROWID;
INSERT INTO supplier_assessment_domains (assessment_id, domain, answers, score_sum)
  SELECT a.id, x.domain, count (r.score), total (r.score)
  FROM supplier_assessments a
  JOIN responses r ON r.supplier_id = a.supplier_id AND r.answered_on = a.assessed_on
  JOIN questions x ON x.id = r.question_id AND x.questionnaire_id = a.questionnaire_id
  WHERE x.domain IS NOT NULL AND r.score IS NOT NULL
  GROUP BY a.id, x.domain;

-- The detection figures read every one of these columns; covering them keeps trends off the table.
DROP INDEX incidents_detected;
CREATE INDEX incidents_detected ON incidents (detected_at, confidentiality, entity_id, occurred_at, reported_at,
                                              contained_at, recovered_at, detection_source, material,
                                              determined_material_at, disclosed_at);

-- Responses are found through their unique (supplier, question, date) key; a second index on the
-- question alone cost every import of millions of answers more than it ever saved.
DROP INDEX responses_question;
