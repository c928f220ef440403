/* cb-response-writer.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-record.h"
#include "cb-response-writer.h"
#include "cb-supplier.h"
#include "cb-workbook-private.h"

#define ROWS_PER_INSERT CB_RESPONSE_WRITER_ROWS
#define COLUMNS_PER_ROW 7

/* Assessments beyond this many are scored from the workbook at the end, keeping memory bounded
 * whatever the file's size. */
#define MAX_TALLIED 100000

typedef struct
{
  gint64 id;
  double weight;
  int    domain;   /* index into the questionnaire's domains, or -1 */
} Question;

typedef struct
{
  gboolean known;
  gboolean excluded;
  double   score;
} Answer;

typedef struct
{
  gint64      id;             /* 0 for a code no questionnaire has */
  char       *code;
  GHashTable *questions;      /* code → Question */
  GHashTable *answers;        /* answer as written → Answer */
  GPtrArray  *domains;
  guint       n_questions;
} Questionnaire;

typedef struct
{
  gint64         supplier_id;
  Questionnaire *questionnaire;
  char           answered_on[11];
  gboolean       stored;         /* scored from the workbook at the end */
  CbSupplierTally tally;
  CbDomainSum   *domains;
} Assessment;

typedef struct
{
  gint64          supplier_id;
  Questionnaire  *questionnaire;
  const Question *question;
  const Answer   *answer;
  CbResponseText  copy;
} Queued;

struct _CbResponseWriter
{
  CbWorkbook    *workbook;
  gint64         batch_id;
  double         high_weight;
  sqlite3_stmt  *insert_many;
  sqlite3_stmt  *find_stored;

  GHashTable    *suppliers;       /* code → gint64 id */
  GHashTable    *questionnaires;  /* code → Questionnaire */
  Questionnaire *last_questionnaire;

  GArray        *queue;           /* Queued */

  /* The rows of one statement are inserted on a thread of their own while the next ones are read;
   * the connection serialises the statement with anything the caller reads meanwhile. */
  GThread       *thread;
  GAsyncQueue   *jobs;
  GAsyncQueue   *results;
  GArray        *inserting;       /* Queued, while on the thread */
  gboolean       busy;
  int            result;
  char          *message;

  GHashTable    *assessment_index; /* Assessment → itself */
  GPtrArray     *assessments;      /* in the order first met, so that scores are written in file order */
  Assessment    *last_assessment;
};

static void
questionnaire_free (Questionnaire *questionnaire)
{
  g_free (questionnaire->code);
  g_clear_pointer (&questionnaire->questions, g_hash_table_unref);
  g_clear_pointer (&questionnaire->answers, g_hash_table_unref);
  g_clear_pointer (&questionnaire->domains, g_ptr_array_unref);
  g_free (questionnaire);
}

static void
assessment_free (Assessment *assessment)
{
  g_free (assessment->domains);
  g_free (assessment);
}

static guint
assessment_hash (gconstpointer key)
{
  const Assessment *assessment = key;

  return g_str_hash (assessment->answered_on) ^ (guint) (assessment->supplier_id * 2654435761u)
         ^ (guint) assessment->questionnaire->id;
}

static gboolean
assessment_equal (gconstpointer a,
                  gconstpointer b)
{
  const Assessment *x = a, *y = b;

  return x->supplier_id == y->supplier_id && x->questionnaire == y->questionnaire
         && strcmp (x->answered_on, y->answered_on) == 0;
}

/* All at once: looking one up while the writer's thread inserts would wait for its statement. */
static void
load_suppliers (CbResponseWriter *self)
{
  sqlite3_stmt *stmt = cb_workbook_prepare (self->workbook, "SELECT code, id FROM suppliers", NULL);

  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (self->suppliers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), id);
    }
  sqlite3_reset (stmt);
}

static gint64
lookup_supplier (CbResponseWriter *self,
                 const char       *code)
{
  gint64 *known = g_hash_table_lookup (self->suppliers, code);

  return known != NULL ? *known : 0;
}

CbResponseWriter *
cb_response_writer_new (CbWorkbook *workbook,
                        gint64      batch_id)
{
  CbResponseWriter *self = g_new0 (CbResponseWriter, 1);

  self->workbook = g_object_ref (workbook);
  self->batch_id = batch_id;
  self->high_weight = cb_supplier_high_weight (workbook);
  self->suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load_suppliers (self);
  self->questionnaires = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) questionnaire_free);
  self->queue = g_array_sized_new (FALSE, FALSE, sizeof (Queued), ROWS_PER_INSERT);
  self->inserting = g_array_sized_new (FALSE, FALSE, sizeof (Queued), ROWS_PER_INSERT);
  self->jobs = g_async_queue_new ();
  self->results = g_async_queue_new ();
  self->assessment_index = g_hash_table_new (assessment_hash, assessment_equal);
  self->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) assessment_free);
  return self;
}

/* Marks a job on the queue of the inserting thread. */
#define INSERT GINT_TO_POINTER (1)
#define STOP   GINT_TO_POINTER (2)

void
cb_response_writer_free (CbResponseWriter *self)
{
  if (self->thread != NULL)
    {
      g_async_queue_push (self->jobs, STOP);
      g_thread_join (self->thread);
    }
  g_async_queue_unref (self->jobs);
  g_async_queue_unref (self->results);
  g_array_unref (self->inserting);
  g_free (self->message);
  g_clear_pointer (&self->insert_many, sqlite3_finalize);
  g_clear_pointer (&self->find_stored, sqlite3_finalize);
  g_hash_table_unref (self->suppliers);
  g_hash_table_unref (self->questionnaires);
  g_array_unref (self->queue);
  g_hash_table_unref (self->assessment_index);
  g_ptr_array_unref (self->assessments);
  g_object_unref (self->workbook);
  g_free (self);
}

static void
load_questions (CbResponseWriter *self,
                Questionnaire    *questionnaire)
{
  g_autoptr(GHashTable) domain_index = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = cb_workbook_prepare (self->workbook,
                                            "SELECT id, code, weight, domain FROM questions WHERE questionnaire_id = ?",
                                            NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, questionnaire->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Question *question = g_new0 (Question, 1);
      const char *domain = (const char *) sqlite3_column_text (stmt, 3);
      gpointer index;

      question->id = sqlite3_column_int64 (stmt, 0);
      question->weight = sqlite3_column_double (stmt, 2);
      question->domain = -1;
      if (domain != NULL)
        {
          if (!g_hash_table_lookup_extended (domain_index, domain, NULL, &index))
            {
              index = GUINT_TO_POINTER (questionnaire->domains->len);
              g_ptr_array_add (questionnaire->domains, g_strdup (domain));
              g_hash_table_insert (domain_index, questionnaire->domains->pdata[questionnaire->domains->len - 1], index);
            }
          question->domain = GPOINTER_TO_INT (index);
        }
      g_hash_table_insert (questionnaire->questions, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), question);
      questionnaire->n_questions++;
    }
  sqlite3_reset (stmt);
}

static Questionnaire *
lookup_questionnaire (CbResponseWriter *self,
                      const char       *code)
{
  Questionnaire *questionnaire;

  if (self->last_questionnaire != NULL && strcmp (self->last_questionnaire->code, code) == 0)
    return self->last_questionnaire;
  questionnaire = g_hash_table_lookup (self->questionnaires, code);
  if (questionnaire == NULL)
    {
      questionnaire = g_new0 (Questionnaire, 1);
      questionnaire->code = g_strdup (code);
      questionnaire->id = cb_workbook_lookup_code (self->workbook, "questionnaires", code);
      questionnaire->questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      questionnaire->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      questionnaire->domains = g_ptr_array_new_with_free_func (g_free);
      if (questionnaire->id != 0)
        load_questions (self, questionnaire);
      g_hash_table_insert (self->questionnaires, questionnaire->code, questionnaire);
    }
  self->last_questionnaire = questionnaire;
  return questionnaire;
}

static const Answer *
lookup_answer (CbResponseWriter *self,
               Questionnaire    *questionnaire,
               const char       *text)
{
  Answer *answer = g_hash_table_lookup (questionnaire->answers, text);

  if (answer == NULL)
    {
      answer = g_new0 (Answer, 1);
      answer->known = cb_supplier_answer_score (self->workbook, questionnaire->code, text, &answer->score,
                                                &answer->excluded);
      g_hash_table_insert (questionnaire->answers, g_strdup (text), answer);
    }
  return answer;
}

static int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

/* Only a date already in the canonical form is taken; any other is for the general path to read. */
static gboolean
is_canonical_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";

  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  return text[10] == '\0'
         && g_date_valid_dmy (digits (text + 8, 2), digits (text + 5, 2), digits (text, 4));
}

gboolean
cb_response_writer_add (CbResponseWriter     *self,
                        const CbResponseText *row)
{
  Queued queued = { 0 };

  if (row->supplier_code == NULL || row->questionnaire == NULL || row->question_code == NULL
      || row->answer == NULL || row->answered_on == NULL || !is_canonical_date (row->answered_on))
    return FALSE;
  queued.supplier_id = lookup_supplier (self, row->supplier_code);
  queued.questionnaire = lookup_questionnaire (self, row->questionnaire);
  if (queued.supplier_id == 0 || queued.questionnaire->id == 0)
    return FALSE;
  queued.question = g_hash_table_lookup (queued.questionnaire->questions, row->question_code);
  queued.answer = lookup_answer (self, queued.questionnaire, row->answer);
  if (queued.question == NULL || !queued.answer->known)
    return FALSE;
  queued.copy = *row;
  g_array_append_val (self->queue, queued);
  return TRUE;
}

guint
cb_response_writer_get_n_queued (CbResponseWriter *self)
{
  return self->queue->len;
}

static sqlite3_stmt *
prepare_insert (CbResponseWriter *self,
                guint             n_rows)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO responses (batch_id, supplier_id, question_id, answered_on, "
                                         "answer, score, comment, evidence) VALUES ");
  sqlite3_stmt *stmt = NULL;

  /* Binding costs a lock of the connection each time; the batch is the same for every row. */
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (sql, "%s(%" G_GINT64_FORMAT ",?,?,?,?,?,?,?)", i == 0 ? "" : ",", self->batch_id);
  G_STATIC_ASSERT (ROWS_PER_INSERT * COLUMNS_PER_ROW < 32766);
  sqlite3_prepare_v3 (cb_workbook_get_db (self->workbook), sql->str, sql->len, SQLITE_PREPARE_PERSISTENT, &stmt,
                      NULL);
  return stmt;
}

static Assessment *
find_assessment (CbResponseWriter *self,
                 const Queued     *row)
{
  Assessment key = { .supplier_id = row->supplier_id, .questionnaire = row->questionnaire };
  Assessment *assessment;
  sqlite3_stmt *stmt;

  g_strlcpy (key.answered_on, row->copy.answered_on, sizeof key.answered_on);
  if (self->last_assessment != NULL && assessment_equal (self->last_assessment, &key))
    return self->last_assessment;
  assessment = g_hash_table_lookup (self->assessment_index, &key);
  if (assessment == NULL)
    {
      assessment = g_memdup2 (&key, sizeof key);
      /* An assessment the workbook has already holds answers the batch does not carry. */
      /* Its own statement, not the workbook's: this runs on the writer's thread too. */
      if (self->find_stored == NULL)
        sqlite3_prepare_v3 (cb_workbook_get_db (self->workbook),
                            "SELECT 1 FROM supplier_assessments WHERE supplier_id = ? AND questionnaire_id = ? "
                            "AND assessed_on = ?", -1, SQLITE_PREPARE_PERSISTENT, &self->find_stored, NULL);
      stmt = self->find_stored;
      assessment->stored = stmt == NULL || self->assessments->len >= MAX_TALLIED;
      if (!assessment->stored)
        {
          sqlite3_bind_int64 (stmt, 1, key.supplier_id);
          sqlite3_bind_int64 (stmt, 2, key.questionnaire->id);
          sqlite3_bind_text (stmt, 3, key.answered_on, -1, SQLITE_STATIC);
          assessment->stored = sqlite3_step (stmt) != SQLITE_DONE;
          sqlite3_reset (stmt);
        }
      if (!assessment->stored)
        assessment->domains = g_new0 (CbDomainSum, row->questionnaire->domains->len);
      g_hash_table_add (self->assessment_index, assessment);
      g_ptr_array_add (self->assessments, assessment);
    }
  self->last_assessment = assessment;
  return assessment;
}

static void
tally (CbResponseWriter *self,
       const Queued     *row)
{
  Assessment *assessment = find_assessment (self, row);
  CbScoredAnswer scored = {
    .weight = row->question->weight,
    .score = row->answer->score,
    .answered = TRUE,
    .excluded = row->answer->excluded,
  };

  if (assessment->stored)
    return;
  cb_stats_supplier_tally_add (&assessment->tally, &scored, self->high_weight);
  if (!scored.excluded && row->question->domain >= 0)
    {
      assessment->domains[row->question->domain].answers++;
      assessment->domains[row->question->domain].score_sum += scored.score;
    }
}

/* On the writer's thread: inserts and tallies the rows handed over, holding the connection so that
 * its message, should the statement fail, is the statement's. */
static void
insert_rows (CbResponseWriter *self)
{
  sqlite3 *db = cb_workbook_get_db (self->workbook);
  guint n = self->inserting->len;
  sqlite3_stmt *stmt;

  sqlite3_mutex_enter (sqlite3_db_mutex (db));
  if (n == ROWS_PER_INSERT && self->insert_many == NULL)
    self->insert_many = prepare_insert (self, n);
  stmt = n == ROWS_PER_INSERT ? self->insert_many : prepare_insert (self, n);
  if (stmt == NULL)
    self->result = sqlite3_errcode (db);
  else
    {
      sqlite3_clear_bindings (stmt);
      for (guint i = 0; i < n; i++)
        {
          const Queued *row = &g_array_index (self->inserting, Queued, i);
          int base = i * COLUMNS_PER_ROW;

          /* What is not bound is NULL. */
          sqlite3_bind_int64 (stmt, base + 1, row->supplier_id);
          sqlite3_bind_int64 (stmt, base + 2, row->question->id);
          sqlite3_bind_text (stmt, base + 3, row->copy.answered_on, 10, SQLITE_STATIC);
          sqlite3_bind_text (stmt, base + 4, row->copy.answer, -1, SQLITE_STATIC);
          if (!row->answer->excluded)
            sqlite3_bind_double (stmt, base + 5, row->answer->score);
          if (row->copy.comment != NULL)
            sqlite3_bind_text (stmt, base + 6, row->copy.comment, -1, SQLITE_STATIC);
          if (row->copy.evidence != NULL)
            sqlite3_bind_text (stmt, base + 7, row->copy.evidence, -1, SQLITE_STATIC);
        }
      /* A failed statement undoes its own rows: all or none. */
      self->result = sqlite3_step (stmt);
    }
  if (self->result != SQLITE_DONE)
    self->message = g_strdup (sqlite3_errmsg (db));
  if (stmt == self->insert_many)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
  sqlite3_mutex_leave (sqlite3_db_mutex (db));

  if (self->result == SQLITE_DONE)
    for (guint i = 0; i < n; i++)
      tally (self, &g_array_index (self->inserting, Queued, i));
}

static gpointer
run_inserts (gpointer data)
{
  CbResponseWriter *self = data;

  while (g_async_queue_pop (self->jobs) == INSERT)
    {
      insert_rows (self);
      g_async_queue_push (self->results, INSERT);
    }
  return NULL;
}

void
cb_response_writer_start (CbResponseWriter *self)
{
  GArray *swap;

  g_return_if_fail (!self->busy);

  if (self->queue->len == 0)
    return;
  swap = self->inserting;
  self->inserting = self->queue;
  self->queue = swap;
  self->busy = TRUE;
  if (self->thread == NULL)
    self->thread = g_thread_new ("cb-response-writer", run_inserts, self);
  g_async_queue_push (self->jobs, INSERT);
}

gboolean
cb_response_writer_wait (CbResponseWriter  *self,
                         gboolean          *collided,
                         GError           **error)
{
  g_autofree char *message = NULL;
  gboolean ok;

  *collided = FALSE;
  if (!self->busy)
    return TRUE;
  g_async_queue_pop (self->results);
  self->busy = FALSE;
  message = g_steal_pointer (&self->message);
  *collided = (self->result & 0xff) == SQLITE_CONSTRAINT;
  ok = self->result == SQLITE_DONE || *collided
       || cb_workbook_sqlite_error_for (self->workbook, self->result, message, "saving responses", error);
  g_array_set_size (self->inserting, 0);
  return ok;
}

gboolean
cb_response_writer_flush (CbResponseWriter  *self,
                          gboolean          *collided,
                          GError           **error)
{
  g_return_val_if_fail (!self->busy, FALSE);

  cb_response_writer_start (self);
  return cb_response_writer_wait (self, collided, error);
}

void
cb_response_writer_note_saved (CbResponseWriter     *self,
                               const CbResponseText *row)
{
  Queued queued = { .copy = *row };

  queued.supplier_id = lookup_supplier (self, row->supplier_code);
  queued.questionnaire = lookup_questionnaire (self, row->questionnaire);
  if (queued.supplier_id != 0 && queued.questionnaire->id != 0)
    find_assessment (self, &queued)->stored = TRUE;
}

gboolean
cb_response_writer_finish (CbResponseWriter  *self,
                           GError           **error)
{
  for (guint i = 0; i < self->assessments->len; i++)
    {
      Assessment *assessment = self->assessments->pdata[i];
      const Questionnaire *questionnaire = assessment->questionnaire;
      CbSupplierScore score;

      if (assessment->stored)
        {
          if (!cb_supplier_rescore (self->workbook, assessment->supplier_id, questionnaire->id, assessment->answered_on,
                                    error))
            return FALSE;
          continue;
        }
      for (guint d = 0; d < questionnaire->domains->len; d++)
        assessment->domains[d].domain = questionnaire->domains->pdata[d];
      cb_stats_supplier_tally_score (&assessment->tally, questionnaire->n_questions, &score);
      if (!cb_supplier_save_score (self->workbook, assessment->supplier_id, questionnaire->id, assessment->answered_on,
                                   &score, assessment->domains, questionnaire->domains->len, error))
        return FALSE;
    }
  return TRUE;
}
