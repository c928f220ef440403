/* cb-answer-vocab.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-answer-vocab.h"
#include "cb-catalog-reader-private.h"
#include "cb-fold-table-private.h"

/* One meaning an answer may have. */
typedef struct
{
  double   score;
  gboolean excluded;
} Answer;

struct _CbAnswerVocab
{
  gatomicrefcount  ref_count;
  GPtrArray       *answers;  /* Answer, one per meaning */
  CbFoldTable     *forms;    /* written answer -> Answer */
};

G_DEFINE_BOXED_TYPE (CbAnswerVocab, cb_answer_vocab, cb_answer_vocab_ref, cb_answer_vocab_unref)

CbAnswerVocab *
cb_answer_vocab_new (void)
{
  CbAnswerVocab *self = g_new0 (CbAnswerVocab, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->answers = g_ptr_array_new_with_free_func (g_free);
  self->forms = cb_fold_table_new (cb_catalog_normalize);
  return self;
}

CbAnswerVocab *
cb_answer_vocab_ref (CbAnswerVocab *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cb_answer_vocab_unref (CbAnswerVocab *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->answers);
  cb_fold_table_free (self->forms);
  g_free (self);
}

gboolean
cb_answer_vocab_add (CbAnswerVocab  *self,
                     const char     *answer,
                     double          score,
                     gboolean        excluded,
                     GError        **error)
{
  Answer *meaning = NULL;
  const Answer *other;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (answer != NULL && g_utf8_validate (answer, -1, NULL), FALSE);
  g_return_val_if_fail (excluded || (score >= 0 && score <= 1), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (excluded)
    score = 0;
  for (guint i = 0; i < self->answers->len && meaning == NULL; i++)
    {
      Answer *known = g_ptr_array_index (self->answers, i);

      if (known->excluded == excluded && known->score == score)
        meaning = known;
    }
  if (meaning == NULL)
    {
      meaning = g_new (Answer, 1);
      meaning->score = score;
      meaning->excluded = excluded;
      g_ptr_array_add (self->answers, meaning);
    }

  other = cb_fold_table_add (self->forms, answer, meaning);
  if (other != NULL)
    {
      g_autofree char *quoted = cb_catalog_excerpt (answer);

      if (other->excluded)
        g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_DUPLICATE,
                     "“%s” is already accepted as excluded", quoted);
      else
        g_set_error (error, CB_CATALOG_ERROR, CB_CATALOG_ERROR_DUPLICATE,
                     "“%s” is already accepted with score %g", quoted, other->score);
      return FALSE;
    }
  return TRUE;
}

static gboolean
answer_load (CbIni       *ini,
             const char  *group,
             const char  *name,
             gpointer     data,
             GError     **error)
{
  static const char *const keys[] = { "Score", "Excluded", "Accept", NULL };
  CbAnswerVocab *self = data;
  g_auto(GStrv) accept = NULL;
  gboolean has_score = FALSE;
  gboolean excluded = FALSE;
  double score = 0;

  if (!cb_ini_check_keys (ini, group, keys, error) ||
      !cb_ini_number (ini, group, "Score", &has_score, &score, error) ||
      !cb_ini_boolean (ini, group, "Excluded", &excluded, error) ||
      !cb_ini_list (ini, group, "Accept", TRUE, &accept, error))
    return FALSE;
  if (has_score == excluded)
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, NULL,
                    "give either Score or Excluded=true");
      return FALSE;
    }
  if (has_score && (score < 0 || score > 1))
    {
      cb_ini_error (ini, error, CB_CATALOG_ERROR_INVALID, group, "Score",
                    "%g is not between 0 and 1", score);
      return FALSE;
    }
  for (guint i = 0; accept[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cb_answer_vocab_add (self, accept[i], score, excluded, &local_error))
        {
          cb_ini_error (ini, error, local_error->code, group, "Accept", "%s",
                        local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

CbAnswerVocab *
cb_answer_vocab_new_from_file (const char  *path,
                               GError     **error)
{
  static const char *const known[] = { "Answer ", NULL };
  g_autoptr(CbIni) ini = NULL;
  g_autoptr(CbAnswerVocab) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ini = cb_ini_load (path, known, error);
  if (ini == NULL)
    return NULL;
  self = cb_answer_vocab_new ();
  if (!cb_ini_foreach_group (ini, "Answer ", answer_load, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
cb_answer_vocab_match (CbAnswerVocab *self,
                       const char    *text,
                       double        *score,
                       gboolean      *excluded)
{
  const Answer *answer;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  answer = cb_fold_table_lookup (self->forms, text);
  if (answer == NULL)
    return FALSE;
  if (score != NULL)
    *score = answer->score;
  if (excluded != NULL)
    *excluded = answer->excluded;
  return TRUE;
}
