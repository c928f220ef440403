#pragma once

#include "cb-snapshot.h"

G_BEGIN_DECLS

/* What the user reads for the fields of the record layer and their enumerated values: the
 * canonical text stays in the workbook, the screen shows these, translated. */

/* The title of the field @name ("due_date" → "Due date"); @name itself when it has none. */
const char *cb_field_label_title (const char *name);

/* The label of the canonical @value of the field @name ("status", "in_progress" → "In progress");
 * @value itself when it has none, NULL when @value is NULL. */
const char *cb_field_label_value (const char *name,
                                  const char *value);

/* The label of @value, the canonical text of the field @name of a row of the workbook's table
 * @table, as the audit log records it ("recommendations", "status", "open" → "Open"): @value
 * itself when the field is not enumerated, NULL when @value is NULL. */
const char *cb_field_label_table_value (const char *table,
                                        const char *name,
                                        const char *value);

/* The canonical word of @kpi's status, which the values of "rag" label: "green", "amber" or "red",
 * or, when it has none, "no_value" or "no_target", saying which of the two it lacks. */
const char *cb_field_label_kpi_status (const CbSnapshotKpi *kpi);

/* A timestamp's canonical text ("2026-08-01T10:00:00+09:00") as a cell shows it: "2026-08-01 10:00". */
char       *cb_field_label_timestamp (const char *canonical);

/* @unix_time in @zone as a cell shows it. */
char       *cb_field_label_time      (gint64      unix_time,
                                      GTimeZone  *zone);

/* @value as a cell shows it: at most ten significant digits, grouped as the locale groups them. */
char       *cb_field_label_number    (double      value);

/* A figure of the snapshot with @decimals decimals and its @unit (nullable, translated: "days"),
 * or NULL when it cannot be computed. */
char       *cb_field_label_figure    (CbOptional  value,
                                      int         decimals,
                                      const char *unit);

G_END_DECLS
