-- Cyberboard workbook, schema version 1.
-- Timestamps are UTC unix seconds (INTEGER); dates are 'YYYY-MM-DD' text; periods are 'FY2026Q1' / 'FY2026'.
-- confidentiality is one of 'public', 'board', 'internal' on every row that can reach a report.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE import_batches (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  size          INTEGER NOT NULL,
  encoding      TEXT,
  delimiter     TEXT,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_inserted INTEGER NOT NULL DEFAULT 0,
  rows_updated  INTEGER NOT NULL DEFAULT 0,
  imported_at   INTEGER NOT NULL,
  user          TEXT NOT NULL,
  undone_at     INTEGER
);

-- Rows an import batch changed rather than inserted, with their values before, so undo can restore them.
CREATE TABLE batch_changes (
  batch_id   INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  old_values TEXT NOT NULL,
  PRIMARY KEY (batch_id, table_name, row_id)
) WITHOUT ROWID;

CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name_ja   TEXT NOT NULL,
  name_en   TEXT,
  parent_id INTEGER REFERENCES entities (id),
  batch_id  INTEGER REFERENCES import_batches (id),
  CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE TABLE maturity_levels (
  level      INTEGER PRIMARY KEY CHECK (level BETWEEN 0 AND 5),
  label_ja   TEXT NOT NULL,
  label_en   TEXT NOT NULL,
  meaning_ja TEXT,
  meaning_en TEXT
);

CREATE TABLE assessments (
  id              INTEGER PRIMARY KEY,
  period          TEXT NOT NULL,
  entity_id       INTEGER NOT NULL REFERENCES entities (id),
  item_key        TEXT NOT NULL,
  level           INTEGER CHECK (level BETWEEN 0 AND 5),
  target          INTEGER CHECK (target BETWEEN 0 AND 5),
  status          TEXT CHECK (status IN ('not_started', 'in_progress', 'implemented', 'operating')),
  owner           TEXT,
  due_date        TEXT,
  comment         TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'board'
                  CHECK (confidentiality IN ('public', 'board', 'internal')),
  batch_id        INTEGER REFERENCES import_batches (id),
  UNIQUE (period, entity_id, item_key)
);

CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  title         TEXT NOT NULL,
  location      TEXT NOT NULL,
  sha256        TEXT CHECK (sha256 IS NULL OR length (sha256) = 64),
  attached_at   INTEGER NOT NULL
);
CREATE INDEX evidence_assessment ON evidence (assessment_id);

CREATE TABLE benchmarks (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name_ja   TEXT,
  name_en   TEXT,
  version   TEXT,
  score_min REAL NOT NULL DEFAULT 1,
  score_max REAL NOT NULL DEFAULT 5,
  CHECK (score_max > score_min)
);

CREATE TABLE benchmark_items (
  id           INTEGER PRIMARY KEY,
  benchmark_id INTEGER NOT NULL REFERENCES benchmarks (id) ON DELETE CASCADE,
  code         TEXT NOT NULL,
  title_ja     TEXT,
  title_en     TEXT,
  position     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (benchmark_id, code)
);

CREATE TABLE benchmark_scores (
  id              INTEGER PRIMARY KEY,
  period          TEXT NOT NULL,
  entity_id       INTEGER NOT NULL REFERENCES entities (id),
  benchmark_id    INTEGER NOT NULL REFERENCES benchmarks (id),
  item_code       TEXT NOT NULL,
  score           REAL NOT NULL,
  confidentiality TEXT NOT NULL DEFAULT 'board'
                  CHECK (confidentiality IN ('public', 'board', 'internal')),
  batch_id        INTEGER REFERENCES import_batches (id),
  UNIQUE (period, entity_id, benchmark_id, item_code)
);

CREATE TABLE benchmark_reference (
  id            INTEGER PRIMARY KEY,
  benchmark_id  INTEGER NOT NULL REFERENCES benchmarks (id),
  version       TEXT NOT NULL,
  item_code     TEXT NOT NULL, -- 'TOTAL' for the distribution of totals
  mean          REAL,
  sd            REAL CHECK (sd IS NULL OR sd >= 0),
  desired_level REAL,
  batch_id      INTEGER REFERENCES import_batches (id),
  UNIQUE (benchmark_id, version, item_code)
);

CREATE TABLE benchmark_percentiles (
  benchmark_id INTEGER NOT NULL REFERENCES benchmarks (id),
  version      TEXT NOT NULL,
  percentile   REAL NOT NULL CHECK (percentile BETWEEN 0 AND 100),
  total        REAL NOT NULL,
  PRIMARY KEY (benchmark_id, version, percentile)
) WITHOUT ROWID;

CREATE TABLE suppliers (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  country         TEXT,
  criticality     TEXT CHECK (criticality IN ('high', 'medium', 'low')),
  services        TEXT,
  data_access     TEXT CHECK (data_access IN ('none', 'internal', 'confidential', 'personal')),
  owner           TEXT,
  entity_id       INTEGER REFERENCES entities (id),
  confidentiality TEXT NOT NULL DEFAULT 'board'
                  CHECK (confidentiality IN ('public', 'board', 'internal')),
  batch_id        INTEGER REFERENCES import_batches (id)
);

CREATE TABLE questionnaires (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  version  TEXT,
  title_ja TEXT,
  title_en TEXT,
  batch_id INTEGER REFERENCES import_batches (id)
);

-- Answers a questionnaire declares beyond the default vocabulary; score NULL means excluded (like N/A).
CREATE TABLE questionnaire_options (
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
  answer           TEXT NOT NULL,
  score            REAL CHECK (score IS NULL OR score BETWEEN 0 AND 1),
  PRIMARY KEY (questionnaire_id, answer)
) WITHOUT ROWID;

CREATE TABLE questions (
  id               INTEGER PRIMARY KEY,
  questionnaire_id INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
  code             TEXT NOT NULL,
  text_ja          TEXT NOT NULL,
  text_en          TEXT,
  domain           TEXT,
  weight           REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
  position         INTEGER NOT NULL DEFAULT 0,
  batch_id         INTEGER REFERENCES import_batches (id),
  UNIQUE (questionnaire_id, code)
);

-- score: 1, 0.5, 0, or NULL for an excluded (N/A) answer.
CREATE TABLE responses (
  id          INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
  question_id INTEGER NOT NULL REFERENCES questions (id),
  answered_on TEXT NOT NULL,
  answer      TEXT NOT NULL,
  score       REAL CHECK (score IS NULL OR score BETWEEN 0 AND 1),
  comment     TEXT,
  evidence    TEXT,
  batch_id    INTEGER REFERENCES import_batches (id),
  UNIQUE (supplier_id, question_id, answered_on)
);
CREATE INDEX responses_question ON responses (question_id);

-- One scored assessment per supplier, questionnaire and date, kept in step with responses by core.
CREATE TABLE supplier_assessments (
  id                 INTEGER PRIMARY KEY,
  supplier_id        INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  questionnaire_id   INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
  assessed_on        TEXT NOT NULL,
  score              REAL,
  answered_share     REAL NOT NULL,
  answered           INTEGER NOT NULL,
  scored             INTEGER NOT NULL,
  failed_high_weight INTEGER NOT NULL,
  UNIQUE (supplier_id, questionnaire_id, assessed_on)
);
CREATE INDEX supplier_assessments_date ON supplier_assessments (assessed_on);

CREATE TABLE incidents (
  id                     INTEGER PRIMARY KEY,
  ref                    TEXT NOT NULL UNIQUE,
  title                  TEXT,
  severity               INTEGER CHECK (severity BETWEEN 1 AND 4),
  category               TEXT,
  occurred_at            INTEGER,
  detected_at            INTEGER NOT NULL,
  reported_at            INTEGER,
  contained_at           INTEGER,
  recovered_at           INTEGER,
  detection_source       TEXT CHECK (detection_source IN ('internal', 'external')),
  detection_detail       TEXT,
  material               INTEGER NOT NULL DEFAULT 0 CHECK (material IN (0, 1)),
  determined_material_at INTEGER,
  disclosed_at           INTEGER,
  entity_id              INTEGER REFERENCES entities (id),
  confidentiality        TEXT NOT NULL DEFAULT 'board'
                         CHECK (confidentiality IN ('public', 'board', 'internal')),
  batch_id               INTEGER REFERENCES import_batches (id),
  CHECK (occurred_at IS NULL OR occurred_at <= detected_at),
  CHECK (reported_at IS NULL OR reported_at >= detected_at),
  CHECK (contained_at IS NULL OR contained_at >= detected_at),
  CHECK (recovered_at IS NULL OR recovered_at >= detected_at),
  CHECK (recovered_at IS NULL OR contained_at IS NULL OR recovered_at >= contained_at),
  CHECK (determined_material_at IS NULL OR determined_material_at >= detected_at),
  CHECK (disclosed_at IS NULL OR determined_material_at IS NULL OR disclosed_at >= determined_material_at)
);
CREATE INDEX incidents_detected ON incidents (detected_at);

CREATE TABLE kpis (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name_ja         TEXT NOT NULL,
  name_en         TEXT,
  unit            TEXT NOT NULL DEFAULT 'count'
                  CHECK (unit IN ('%', 'count', 'days', 'hours', 'JPY', 'ratio')),
  direction       TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
  target          REAL,
  band            REAL CHECK (band IS NULL OR band >= 0),
  source          TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'computed', 'imported')),
  computed_key    TEXT,
  position        INTEGER NOT NULL DEFAULT 0,
  confidentiality TEXT NOT NULL DEFAULT 'board'
                  CHECK (confidentiality IN ('public', 'board', 'internal')),
  batch_id        INTEGER REFERENCES import_batches (id),
  CHECK (source <> 'computed' OR computed_key IS NOT NULL)
);

CREATE TABLE kpi_values (
  id        INTEGER PRIMARY KEY,
  kpi_id    INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
  period    TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities (id),
  value     REAL NOT NULL,
  batch_id  INTEGER REFERENCES import_batches (id),
  UNIQUE (kpi_id, period, entity_id)
);

CREATE TABLE criteria (
  id       INTEGER PRIMARY KEY,
  key      TEXT NOT NULL UNIQUE,
  text_ja  TEXT NOT NULL,
  text_en  TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE evaluations (
  id             INTEGER PRIMARY KEY,
  fiscal_year    INTEGER NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1,
  evaluator_name TEXT NOT NULL,
  evaluator_org  TEXT,
  evaluator_kind TEXT NOT NULL DEFAULT 'external' CHECK (evaluator_kind IN ('internal', 'external')),
  scope          TEXT,
  method         TEXT,
  status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'signed')),
  signed_by      TEXT,
  signed_on      TEXT,
  content_sha256 TEXT,
  report_sha256  TEXT,
  confidentiality TEXT NOT NULL DEFAULT 'board'
                 CHECK (confidentiality IN ('public', 'board', 'internal')),
  UNIQUE (fiscal_year, revision),
  CHECK (status <> 'signed' OR (signed_by IS NOT NULL AND signed_on IS NOT NULL AND content_sha256 IS NOT NULL))
);

CREATE TABLE evaluation_ratings (
  id            INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  criterion_key TEXT NOT NULL REFERENCES criteria (key),
  rating        INTEGER CHECK (rating BETWEEN 1 AND 4),
  finding       TEXT,
  UNIQUE (evaluation_id, criterion_key)
);

-- What a rating rests on: workbook data (a guideline item or a KPI) or a document.
CREATE TABLE evaluation_evidence (
  id        INTEGER PRIMARY KEY,
  rating_id INTEGER NOT NULL REFERENCES evaluation_ratings (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('item', 'kpi', 'document')),
  ref       TEXT NOT NULL,
  title     TEXT,
  sha256    TEXT CHECK (sha256 IS NULL OR length (sha256) = 64)
);

CREATE TABLE recommendations (
  id            INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  criterion_key TEXT REFERENCES criteria (key),
  text          TEXT NOT NULL,
  owner         TEXT,
  due_date      TEXT,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  follow_up     TEXT,
  carried_from  INTEGER REFERENCES recommendations (id)
);

CREATE TABLE disclosures (
  id        INTEGER PRIMARY KEY,
  audience  TEXT NOT NULL CHECK (audience IN ('jp_annual_report', 'integrated_report', 'us_10k', 'us_20f')),
  period    TEXT NOT NULL,
  languages TEXT NOT NULL DEFAULT 'ja,en',
  title_ja  TEXT,
  title_en  TEXT
);

CREATE TABLE disclosure_versions (
  id             INTEGER PRIMARY KEY,
  disclosure_id  INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'published')),
  created_at     INTEGER NOT NULL,
  approver       TEXT,
  approved_on    TEXT,
  sealed_text    TEXT,
  content_sha256 TEXT,
  pdf_sha256     TEXT,
  published_at   INTEGER,
  UNIQUE (disclosure_id, version),
  CHECK (status = 'draft' OR (approver IS NOT NULL AND approved_on IS NOT NULL AND content_sha256 IS NOT NULL))
);

CREATE TABLE disclosure_sections (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES disclosure_versions (id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  position   INTEGER NOT NULL DEFAULT 0,
  heading_ja TEXT,
  heading_en TEXT,
  body_ja    TEXT,
  body_en    TEXT,
  UNIQUE (version_id, key)
);

CREATE TABLE holidays (
  date    TEXT NOT NULL,
  country TEXT NOT NULL,
  name_ja TEXT,
  name_en TEXT,
  PRIMARY KEY (date, country)
) WITHOUT ROWID;

CREATE TABLE dwell_reference (
  year        INTEGER PRIMARY KEY,
  median_days REAL NOT NULL CHECK (median_days >= 0),
  source      TEXT NOT NULL,
  to_confirm  INTEGER NOT NULL DEFAULT 0 CHECK (to_confirm IN (0, 1))
);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user       TEXT NOT NULL,
  action     TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER,
  old_values TEXT,
  new_values TEXT
);

-- Read-only rules the file itself enforces, whoever writes to it.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER evaluation_signed_update BEFORE UPDATE ON evaluations
WHEN OLD.status = 'signed' AND NOT (NEW.status = 'signed' AND NEW.content_sha256 IS OLD.content_sha256
  AND NEW.signed_by IS OLD.signed_by AND NEW.signed_on IS OLD.signed_on AND NEW.scope IS OLD.scope
  AND NEW.method IS OLD.method AND NEW.evaluator_name IS OLD.evaluator_name
  AND NEW.evaluator_org IS OLD.evaluator_org AND NEW.fiscal_year IS OLD.fiscal_year
  AND NEW.revision IS OLD.revision AND OLD.report_sha256 IS NULL)
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
CREATE TRIGGER evaluation_signed_delete BEFORE DELETE ON evaluations WHEN OLD.status = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;

CREATE TRIGGER rating_signed_insert BEFORE INSERT ON evaluation_ratings
WHEN (SELECT status FROM evaluations WHERE id = NEW.evaluation_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
CREATE TRIGGER rating_signed_update BEFORE UPDATE ON evaluation_ratings
WHEN (SELECT status FROM evaluations WHERE id = OLD.evaluation_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
CREATE TRIGGER rating_signed_delete BEFORE DELETE ON evaluation_ratings
WHEN (SELECT status FROM evaluations WHERE id = OLD.evaluation_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;

CREATE TRIGGER evaluation_evidence_signed_insert BEFORE INSERT ON evaluation_evidence
WHEN (SELECT e.status FROM evaluations e JOIN evaluation_ratings r ON r.evaluation_id = e.id
      WHERE r.id = NEW.rating_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
CREATE TRIGGER evaluation_evidence_signed_delete BEFORE DELETE ON evaluation_evidence
WHEN (SELECT e.status FROM evaluations e JOIN evaluation_ratings r ON r.evaluation_id = e.id
      WHERE r.id = OLD.rating_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;

-- Recommendations of a signed evaluation keep their text; only follow-up fields move on.
CREATE TRIGGER recommendation_signed_insert BEFORE INSERT ON recommendations
WHEN (SELECT status FROM evaluations WHERE id = NEW.evaluation_id) = 'signed'
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;
CREATE TRIGGER recommendation_signed_update BEFORE UPDATE ON recommendations
WHEN (SELECT status FROM evaluations WHERE id = OLD.evaluation_id) = 'signed'
  AND (NEW.text IS NOT OLD.text OR NEW.criterion_key IS NOT OLD.criterion_key
       OR NEW.evaluation_id IS NOT OLD.evaluation_id)
BEGIN SELECT RAISE (ABORT, 'a signed evaluation is read-only; make a new revision'); END;

CREATE TRIGGER disclosure_version_sealed_update BEFORE UPDATE ON disclosure_versions
WHEN OLD.status = 'published'
  OR (OLD.status = 'approved' AND NOT (NEW.status IN ('approved', 'published')
      AND NEW.sealed_text IS OLD.sealed_text AND NEW.content_sha256 IS OLD.content_sha256
      AND NEW.approver IS OLD.approver AND NEW.approved_on IS OLD.approved_on))
BEGIN SELECT RAISE (ABORT, 'an approved or published disclosure never changes; edit a new version'); END;
CREATE TRIGGER disclosure_version_sealed_delete BEFORE DELETE ON disclosure_versions
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE (ABORT, 'an approved or published disclosure never changes; edit a new version'); END;
CREATE TRIGGER disclosure_section_sealed_insert BEFORE INSERT ON disclosure_sections
WHEN (SELECT status FROM disclosure_versions WHERE id = NEW.version_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'an approved or published disclosure never changes; edit a new version'); END;
CREATE TRIGGER disclosure_section_sealed_update BEFORE UPDATE ON disclosure_sections
WHEN (SELECT status FROM disclosure_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'an approved or published disclosure never changes; edit a new version'); END;
CREATE TRIGGER disclosure_section_sealed_delete BEFORE DELETE ON disclosure_sections
WHEN (SELECT status FROM disclosure_versions WHERE id = OLD.version_id) <> 'draft'
BEGIN SELECT RAISE (ABORT, 'an approved or published disclosure never changes; edit a new version'); END;
