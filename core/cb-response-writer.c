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

#define COLUMNS_PER_ROW 7

/* Rows go in by statements of a power of two rows, the largest a full queue: any number of rows is
 * a few statements, each prepared once. */
#define LOG2_ROWS 10
G_STATIC_ASSERT (CB_RESPONSE_WRITER_ROWS == 1 << LOG2_ROWS);
G_STATIC_ASSERT (CB_RESPONSE_WRITER_ROWS * COLUMNS_PER_ROW < 32766);

/* Assessments beyond this many keep no sums and are scored from the workbook at the end: a file of
 * very many costs a few dozen bytes for each, not its domain sums. */
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
  sqlite3_stmt  *inserts[LOG2_ROWS + 1];   /* of 2^k rows */
  sqlite3_stmt  *find_stored;

  GHashTable    *suppliers;       /* code → gint64 id */
  GHashTable    *questionnaires;  /* code → Questionnaire */
  Questionnaire *last_questionnaire;

  GArray        *queue;           /* Queued */
  char           last_date[11];   /* the last date found valid */

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
  self->queue = g_array_sized_new (FALSE, FALSE, sizeof (Queued), CB_RESPONSE_WRITER_ROWS);
  self->inserting = g_array_sized_new (FALSE, FALSE, sizeof (Queued), CB_RESPONSE_WRITER_ROWS);
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
  /* The thread finishes a statement it was given before it reads the stop. */
  if (self->thread != NULL)
    {
      g_async_queue_push (self->jobs, STOP);
      g_thread_join (self->thread);
    }
  g_async_queue_unref (self->jobs);
  g_async_queue_unref (self->results);
  g_array_unref (self->inserting);
  g_free (self->message);
  for (guint k = 0; k <= LOG2_ROWS; k++)
    g_clear_pointer (&self->inserts[k], sqlite3_finalize);
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

/* Only a date in the canonical form is taken; rows of a file share few dates. */
static gboolean
valid_date (CbResponseWriter *self,
            const char       *text)
{
  GDate date;

  if (strcmp (text, self->last_date) == 0)
    return TRUE;
  if (!cb_parse_date (text, &date))
    return FALSE;
  g_strlcpy (self->last_date, text, sizeof self->last_date);
  return TRUE;
}

gboolean
cb_response_writer_add (CbResponseWriter     *self,
                        const CbResponseText *row)
{
  Queued queued = { 0 };

  if (row->supplier_code == NULL || row->questionnaire == NULL || row->question_code == NULL
      || row->answer == NULL || row->answered_on == NULL || !valid_date (self, row->answered_on))
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
      /* An assessment the workbook has already holds answers the batch does not carry. The
       * statement is the writer's own, not the workbook's: this runs on the writer's thread. */
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

static void
bind_rows (sqlite3_stmt *stmt,
           const Queued *rows,
           guint         n)
{
  sqlite3_clear_bindings (stmt);
  for (guint i = 0; i < n; i++)
    {
      const Queued *row = &rows[i];
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
}

/* Inserts and tallies @rows, all or none: a failed statement undoes its own rows, a savepoint those
 * of the statements before it. The connection stays locked until a failure's message is read, before
 * anything another thread does can replace it. */
static void
insert_rows (CbResponseWriter *self,
             GArray           *rows)
{
  sqlite3 *db = cb_workbook_get_db (self->workbook);
  gboolean several = (rows->len & (rows->len - 1)) != 0;
  guint done = 0;
  int rc = SQLITE_DONE;

  sqlite3_mutex_enter (sqlite3_db_mutex (db));
  if (several && sqlite3_exec (db, "SAVEPOINT cb_responses", NULL, NULL, NULL) != SQLITE_OK)
    rc = sqlite3_extended_errcode (db);
  for (int k = LOG2_ROWS; k >= 0 && rc == SQLITE_DONE; k--)
    {
      guint size = 1u << k;

      if (rows->len - done < size)
        continue;
      if (self->inserts[k] == NULL)
        self->inserts[k] = prepare_insert (self, size);
      if (self->inserts[k] == NULL)
        {
          rc = sqlite3_extended_errcode (db);
          break;
        }
      bind_rows (self->inserts[k], &g_array_index (rows, Queued, done), size);
      rc = sqlite3_step (self->inserts[k]);
      sqlite3_reset (self->inserts[k]);
      done += size;
    }
  g_clear_pointer (&self->message, g_free);
  if (rc != SQLITE_DONE)
    self->message = g_strdup (sqlite3_errmsg (db));
  if (several)
    sqlite3_exec (db, rc == SQLITE_DONE ? "RELEASE cb_responses" : "ROLLBACK TO cb_responses; RELEASE cb_responses",
                  NULL, NULL, NULL);
  self->result = rc;
  sqlite3_mutex_leave (sqlite3_db_mutex (db));

  if (rc == SQLITE_DONE)
    for (guint i = 0; i < rows->len; i++)
      tally (self, &g_array_index (rows, Queued, i));
  g_array_set_size (rows, 0);
}

static gpointer
run_inserts (gpointer data)
{
  CbResponseWriter *self = data;

  while (g_async_queue_pop (self->jobs) == INSERT)
    {
      insert_rows (self, self->inserting);
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

/* What the last insert came to: TRUE for rows in, or for a collision, which @collided says. */
static gboolean
outcome (CbResponseWriter  *self,
         gboolean          *collided,
         GError           **error)
{
  g_autofree char *message = g_steal_pointer (&self->message);

  *collided = (self->result & 0xff) == SQLITE_CONSTRAINT;
  return self->result == SQLITE_DONE || *collided
         || cb_workbook_sqlite_error_for (self->workbook, self->result, message, "saving responses", error);
}

gboolean
cb_response_writer_wait (CbResponseWriter  *self,
                         gboolean          *collided,
                         GError           **error)
{
  *collided = FALSE;
  if (!self->busy)
    return TRUE;
  g_async_queue_pop (self->results);
  self->busy = FALSE;
  return outcome (self, collided, error);
}

gboolean
cb_response_writer_flush (CbResponseWriter  *self,
                          gboolean          *collided,
                          GError           **error)
{
  g_return_val_if_fail (!self->busy, FALSE);

  *collided = FALSE;
  if (self->queue->len == 0)
    return TRUE;
  insert_rows (self, self->queue);
  return outcome (self, collided, error);
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
