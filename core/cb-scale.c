/* cb-scale.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cb-scale-private.h"

struct _CbScale
{
  int     min;
  GArray *levels;  /* CbScaleLevel, by value from min */
};

static void
level_clear (gpointer data)
{
  CbScaleLevel *level = data;

  cb_text_clear (&level->label);
  cb_text_clear (&level->meaning);
}

static gboolean
level_load (CbIni       *ini,
            const char  *group,
            guint        number,
            gpointer     data,
            GError     **error)
{
  static const char *const keys[] = { "Label", "Meaning", NULL };
  GArray *levels = data;
  CbScaleLevel *level;

  g_array_set_size (levels, levels->len + 1);
  level = &g_array_index (levels, CbScaleLevel, levels->len - 1);
  level->value = number;
  return cb_ini_check_keys (ini, group, keys, error) &&
         cb_ini_text (ini, group, "Label", TRUE, &level->label, error) &&
         cb_ini_text (ini, group, "Meaning", FALSE, &level->meaning, error);
}

gboolean
cb_scale_load (CbIni       *ini,
               const char  *prefix,
               CbScale    **out,
               GError     **error)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (CbScaleLevel));
  CbScale *scale;

  *out = NULL;
  g_array_set_clear_func (levels, level_clear);
  if (!cb_ini_foreach_numbered (ini, prefix, -1, level_load, levels, error))
    return FALSE;
  if (levels->len == 0)
    return TRUE;

  scale = g_new0 (CbScale, 1);
  scale->min = g_array_index (levels, CbScaleLevel, 0).value;
  scale->levels = g_steal_pointer (&levels);
  *out = scale;
  return TRUE;
}

void
cb_scale_free (CbScale *self)
{
  g_array_unref (self->levels);
  g_free (self);
}

int
cb_scale_get_min (CbScale *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->min;
}

int
cb_scale_get_max (CbScale *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->min + (int) self->levels->len - 1;
}

const CbScaleLevel *
cb_scale_get_level (CbScale *self,
                    int      value)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (value < self->min || value > cb_scale_get_max (self))
    return NULL;
  return &g_array_index (self->levels, CbScaleLevel, value - self->min);
}
