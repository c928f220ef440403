/* cb-answer-vocab.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Answer vocabulary of supplier questionnaires: accepted answers and their scores. */
#define CB_TYPE_ANSWER_VOCAB (cb_answer_vocab_get_type ())

typedef struct _CbAnswerVocab CbAnswerVocab;

GType           cb_answer_vocab_get_type       (void) G_GNUC_CONST;
CbAnswerVocab  *cb_answer_vocab_new            (void);
CbAnswerVocab  *cb_answer_vocab_new_from_file  (const char     *path,
                                                GError        **error);
CbAnswerVocab  *cb_answer_vocab_ref            (CbAnswerVocab  *self);
void            cb_answer_vocab_unref          (CbAnswerVocab  *self);
/* Accepts @answer with @score (0–1), or as excluded from scoring. Fails when the normalised
 * answer is already accepted with another meaning.
 */
gboolean        cb_answer_vocab_add            (CbAnswerVocab  *self,
                                                const char     *answer,
                                                double          score,
                                                gboolean        excluded,
                                                GError        **error);
/* Matches @text after cb_catalog_normalize(). Returns FALSE for an answer the vocabulary does
 * not know; otherwise sets *score (0 when excluded) and *excluded.
 */
gboolean        cb_answer_vocab_match          (CbAnswerVocab  *self,
                                                const char     *text,
                                                double         *score,
                                                gboolean       *excluded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAnswerVocab, cb_answer_vocab_unref)

G_END_DECLS
