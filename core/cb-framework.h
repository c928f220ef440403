/* cb-framework.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cb-scale.h"
#include "cb-text.h"

G_BEGIN_DECLS

/* A framework: METI's guidelines in each version, NIST CSF 2.0, a company's own. */
typedef struct
{
  char      *key;         /* "CSMG.D3": the framework code, a dot and the id */
  char      *id;          /* "D3" */
  guint      number;      /* 3 */
  int        group;       /* index into the groups, -1 when the framework has none */
  CbText     title;
  char     **csf;         /* NIST CSF 2.0 functions ("GV", "PR"), NULL-terminated */
  gboolean   to_confirm;  /* the title awaits checking against the source */
} CbFrameworkItem;

typedef struct
{
  CbText   name;
  gboolean to_confirm;
} CbFrameworkGroup;

#define CB_TYPE_FRAMEWORK (cb_framework_get_type ())

typedef struct _CbFramework CbFramework;

GType                   cb_framework_get_type         (void) G_GNUC_CONST;
CbFramework            *cb_framework_new_from_file    (const char   *path,
                                                       GError      **error);
CbFramework            *cb_framework_ref              (CbFramework  *self);
void                    cb_framework_unref            (CbFramework  *self);
const char             *cb_framework_get_code         (CbFramework  *self);
const char             *cb_framework_get_version      (CbFramework  *self);
const CbText           *cb_framework_get_name         (CbFramework  *self);
/* Both texts are NULL when the file names no publisher. */
const CbText           *cb_framework_get_publisher    (CbFramework  *self);
/* Returns NULL when the file gives no publication date. */
const GDate            *cb_framework_get_published    (CbFramework  *self);
/* Whether this is the version used when none is asked for. */
gboolean                cb_framework_is_default       (CbFramework  *self);
guint                   cb_framework_get_n_principles (CbFramework  *self);
const CbText           *cb_framework_get_principle    (CbFramework  *self,
                                                       guint         index);
guint                   cb_framework_get_n_groups     (CbFramework  *self);
const CbFrameworkGroup *cb_framework_get_group        (CbFramework  *self,
                                                       guint         index);
/* Items are ordered by number. */
guint                   cb_framework_get_n_items      (CbFramework  *self);
const CbFrameworkItem  *cb_framework_get_item         (CbFramework  *self,
                                                       guint         index);
/* Finds the item written as its key ("CSMG.D3"), its id ("D3"), its number ("3"), or a number
 * prefix of the file and the number ("指示3"); full-width forms, case and spaces do not matter.
 * Returns NULL when @text names no item.
 */
const CbFrameworkItem  *cb_framework_find_item        (CbFramework  *self,
                                                       const char   *text);
/* Like cb_framework_find_item(), returning the item's key. */
const char             *cb_framework_item_key_parse   (CbFramework  *self,
                                                       const char   *text);
/* The framework's own score scale ([Level N] groups), or NULL. */
CbScale                *cb_framework_get_scale        (CbFramework  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbFramework, cb_framework_unref)

G_END_DECLS
