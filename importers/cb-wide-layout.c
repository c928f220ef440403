/* Survey exports (Microsoft Forms, Google Forms, Excel sheets sent to suppliers) put one supplier on
 * a row and one question in a column, headed by the question's code ("Q12. …", "12.", "Ｑ１２：") or
 * its text, next to the tool's own columns (start time, e-mail, name), which are left out on purpose. */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-reference.h"
#include "cb-value-parse.h"
#include "cb-wide-layout.h"

static const char *const metadata_headers[] = {
  "id", "start time", "completion time", "email", "name", "last modified time", "timestamp",
  "email address", "respondent", "開始時刻", "完了時刻", "メール", "メールアドレス", "名前", "最終更新時刻",
  "タイムスタンプ", "回答者", "回答者名", NULL,
};

/* Columns whose time stands for the answer date when the file has no answered-on column. */
static const char *const completion_headers[] = {
  "completion time", "timestamp", "完了時刻", "タイムスタンプ", NULL,
};

static const char *const comment_words[] = { "comment", "コメント", "備考", "補足", NULL };

typedef struct
{
  char *questionnaire;
  int   supplier;      /* column of the supplier code */
  int   answered_on;   /* column of the answer date */
  int   n_columns;
  char **question;     /* per column: the question code it answers, or NULL */
  int  *comment_of;    /* per column: the column of the question it comments, or -1 */
} WideMap;

static void
wide_map_clear (WideMap *map)
{
  if (map->question != NULL)
    for (int i = 0; i < map->n_columns; i++)
      g_free (map->question[i]);
  g_clear_pointer (&map->question, g_free);
  g_clear_pointer (&map->comment_of, g_free);
  g_clear_pointer (&map->questionnaire, g_free);
}

static gboolean
in_list (const char *const *list,
         const char        *folded)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (list[i], folded))
      return TRUE;
  return FALSE;
}

static gboolean
has_word (const char *folded,
          const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The code at the start of a folded header: "q12." → "q12", "12 " → "12"; NULL when there is none. */
static char *
leading_code (const char *folded)
{
  const char *p = folded;
  const char *start = folded;

  if (*p == 'q')
    p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])) || (*p == '-' && g_ascii_isdigit (p[1])))
    p++;
  if (*p != '\0' && *p != '.' && *p != ' ' && *p != ':' && *p != ')' && *p != '\xef' && *p != '_')
    return NULL;
  return g_strndup (start, p - start);
}

static gboolean
same_code (const char *a,
           const char *b)
{
  return g_str_equal (a[0] == 'q' ? a + 1 : a, b[0] == 'q' ? b + 1 : b);
}

/* A field of @question folded as headers are; NULL when the field is empty. */
static char *
fold_field (CbRecord   *question,
            const char *field)
{
  const char *text = cb_record_get (question, field);

  return text != NULL ? cb_catalog_normalize (text) : NULL;
}

/* The question of @questionnaire that a header names, by code or by exact text. */
static char *
match_question (GPtrArray  *questions,
                const char *questionnaire,
                const char *header)
{
  g_autofree char *folded = cb_catalog_normalize (header);
  g_autofree char *code = folded ? leading_code (folded) : NULL;

  for (guint i = 0; folded != NULL && i < questions->len; i++)
    {
      CbRecord *question = questions->pdata[i];
      g_autofree char *own = NULL;
      g_autofree char *text_ja = NULL;
      g_autofree char *text_en = NULL;

      if (g_strcmp0 (cb_record_get (question, "questionnaire"), questionnaire) != 0)
        continue;
      own = fold_field (question, "question_code");
      text_ja = fold_field (question, "text_ja");
      text_en = fold_field (question, "text_en");
      if ((code != NULL && own != NULL && same_code (code, own)) || g_strcmp0 (folded, text_ja) == 0
          || g_strcmp0 (folded, text_en) == 0)
        return g_strdup (cb_record_get (question, "question_code"));
    }
  return NULL;
}

static char *
choose_questionnaire (CbWorkbook            *workbook,
                      const CbImportOptions *options,
                      GPtrArray             *questions)
{
  const char *only = NULL;

  if (options->questionnaire != NULL)
    return g_strdup (options->questionnaire);
  for (guint i = 0; i < questions->len; i++)
    {
      const char *code = cb_record_get (questions->pdata[i], "questionnaire");
      if (only != NULL && g_strcmp0 (only, code) != 0)
        return NULL;
      only = code;
    }
  return g_strdup (only);
}

static gboolean
build_map (CbWorkbook             *workbook,
           GPtrArray              *header,
           const char * const     *overrides,
           const CbImportOptions  *options,
           WideMap                *map,
           GPtrArray              *warnings,
           GError                **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  CbCatalog *catalog = cb_reference_catalog (error);
  int completion = -1;

  if (catalog == NULL)
    return FALSE;
  questions = cb_workbook_list_records (workbook, cb_kind_lookup ("questionnaire"), NULL, error);
  if (questions == NULL)
    return FALSE;
  map->questionnaire = choose_questionnaire (workbook, options, questions);
  if (map->questionnaire == NULL)
    {
      g_set_error_literal (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_MAPPING,
                           questions->len == 0
                           ? _("the workbook has no questionnaire yet; import the questionnaire first")
                           : _("the workbook has several questionnaires; name one with --questionnaire CODE"));
      return FALSE;
    }
  map->n_columns = header->len;
  map->supplier = map->answered_on = -1;
  map->question = g_new0 (char *, header->len);
  map->comment_of = g_new (int, header->len);

  for (guint column = 0; column < header->len; column++)
    {
      const char *text = header->pdata[column];
      g_autofree char *folded = cb_catalog_normalize (text);
      const char *field = cb_catalog_lookup_header (catalog, "responses", text);
      /* The time a form was sent stands for the answer date only when no column gives one. */
      gboolean completion_time = folded != NULL && in_list (completion_headers, folded);

      map->comment_of[column] = -1;
      for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
        {
          const char *equals = strchr (overrides[i], '=');
          g_autofree char *column_name = equals ? cb_catalog_normalize (equals + 1) : NULL;
          if (column_name != NULL && g_strcmp0 (column_name, folded) == 0)
            {
              field = g_str_has_prefix (overrides[i], "supplier_code=") ? "supplier_code"
                      : g_str_has_prefix (overrides[i], "answered_on=") ? "answered_on" : field;
              completion_time = FALSE;
            }
        }

      if (g_strcmp0 (field, "supplier_code") == 0 && map->supplier < 0)
        map->supplier = column;
      else if (g_strcmp0 (field, "answered_on") == 0 && map->answered_on < 0 && !completion_time)
        map->answered_on = column;
      else if (folded != NULL && in_list (metadata_headers, folded))
        {
          if (completion_time && completion < 0)
            completion = column;
        }
      else if ((map->question[column] = match_question (questions, map->questionnaire, text)) != NULL)
        {
          for (guint earlier = 0; earlier < column; earlier++)
            if (g_strcmp0 (map->question[earlier], map->question[column]) == 0 && map->comment_of[earlier] < 0)
              {
                if (!has_word (folded, comment_words))
                  {
                    g_set_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_MAPPING,
                                 _("columns “%s” and “%s” both answer question %s"),
                                 (const char *) header->pdata[earlier], text, map->question[column]);
                    return FALSE;
                  }
                map->comment_of[column] = earlier;
                g_clear_pointer (&map->question[column], g_free);
                break;
              }
        }
      else if (text[0] != '\0')
        g_ptr_array_add (warnings, g_strdup_printf (_("column “%s” is neither a question of %s nor a known "
                                                    "survey column; it is not imported"), text,
                                                    map->questionnaire));
    }
  if (map->answered_on < 0)
    map->answered_on = completion;
  if (map->supplier < 0 || map->answered_on < 0)
    {
      g_set_error (error, CB_IMPORTER_ERROR, CB_IMPORTER_ERROR_MAPPING, _("no column for the required field %s"),
                   map->supplier < 0 ? "supplier_code" : "answered_on");
      return FALSE;
    }
  return TRUE;
}

gboolean
cb_wide_layout_detect (CbWorkbook             *workbook,
                       GPtrArray              *header,
                       const CbImportOptions  *options)
{
  CbCatalog *catalog = cb_reference_catalog (NULL);
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *questionnaire = NULL;

  if (catalog == NULL)
    return FALSE;
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (cb_catalog_lookup_header (catalog, "responses", header->pdata[i]), "question_code") == 0)
      return FALSE;
  questions = cb_workbook_list_records (workbook, cb_kind_lookup ("questionnaire"), NULL, NULL);
  if (questions == NULL)
    return FALSE;
  questionnaire = choose_questionnaire (workbook, options, questions);
  for (guint i = 0; questionnaire != NULL && i < header->len; i++)
    {
      g_autofree char *code = match_question (questions, questionnaire, header->pdata[i]);
      if (code != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The answer date of a row: a date, or the date part of a timestamp in the workbook's time zone. */
static gboolean
parse_answer_date (CbWorkbook  *workbook,
                   const char  *text,
                   char       **date,
                   GError     **error)
{
  g_autofree char *stamp = NULL;

  if (cb_value_parse_date (text, date, NULL))
    return TRUE;
  if (!cb_value_parse_timestamp (text, cb_workbook_get_time_zone (workbook), &stamp, error))
    return FALSE;
  *date = g_strndup (stamp, 10);
  return TRUE;
}

/* Saves the answers of one supplier's row, a record for each; problems are added to the result. */
static void
import_row (CbImport      *import,
            const WideMap *map,
            int           *columns,
            GPtrArray     *fields,
            guint          line)
{
  const CbKind *kind = cb_kind_lookup ("responses");
  g_autofree char *supplier = g_strstrip (g_strdup ((guint) map->supplier < fields->len
                                                    ? fields->pdata[map->supplier] : ""));
  const char *when = (guint) map->answered_on < fields->len ? fields->pdata[map->answered_on] : "";
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_answer_date (import->workbook, when, &date, &error))
    {
      g_autofree char *message = g_strdup_printf ("answered_on: %s", error->message);
      cb_import_add_problem (import->result, line, map->answered_on + 1, FALSE, message);
      return;
    }
  for (int column = 0; column < map->n_columns && (guint) column < fields->len; column++)
    {
      g_autoptr(CbRecord) record = NULL;
      g_autofree char *answer = g_strstrip (g_strdup (fields->pdata[column]));
      const char *comment = NULL;
      int comment_column = -1;

      if (map->question[column] == NULL || answer[0] == '\0')
        continue;
      for (int c = 0; c < map->n_columns && (guint) c < fields->len; c++)
        if (map->comment_of[c] == column)
          {
            comment_column = c;
            comment = fields->pdata[c];
          }
      if (!cb_import_check_length (import, "answer", answer, line, column)
          || (comment != NULL && !cb_import_check_length (import, "comment", comment, line, comment_column)))
        continue;
      record = cb_record_new (kind);
      for (guint i = 0; i < cb_kind_get_n_fields (kind); i++)
        columns[i] = -1;
      columns[cb_kind_find_field (kind, "supplier_code")] = map->supplier;
      columns[cb_kind_find_field (kind, "answer")] = column;
      columns[cb_kind_find_field (kind, "question_code")] = column;
      columns[cb_kind_find_field (kind, "comment")] = comment_column;
      cb_record_set (record, "supplier_code", supplier);
      cb_record_set (record, "questionnaire", map->questionnaire);
      cb_record_set (record, "question_code", map->question[column]);
      cb_record_set (record, "answered_on", date);
      cb_record_set (record, "answer", answer);
      cb_record_set (record, "comment", comment);
      cb_import_save (import, record, line, columns, fields);
    }
}

gboolean
cb_wide_layout_import (CbImport            *import,
                       GPtrArray           *header,
                       const char * const  *overrides,
                       GError             **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *columns = g_new (int, cb_kind_get_n_fields (cb_kind_lookup ("responses")));
  g_autoptr(GError) read_error = NULL;
  guint header_line = cb_csv_reader_get_line (import->reader);
  WideMap map = { 0 };
  GPtrArray *fields;
  gboolean ok = FALSE;

  if (!build_map (import->workbook, header, overrides, import->options, &map, warnings, error))
    goto out;
  for (guint i = 0; i < warnings->len; i++)
    cb_import_add_problem (import->result, header_line, 0, TRUE, warnings->pdata[i]);

  /* Every row counts towards progress and cancellation, a blank or refused one too. */
  while (cb_csv_reader_next_row (import->reader, &fields, &read_error))
    {
      guint line = cb_csv_reader_get_line (import->reader);

      if (cb_import_row_usable (import, fields, line))
        import_row (import, &map, columns, fields, line);
      if (!cb_import_row_done (import, error))
        goto out;
    }
  if (read_error != NULL)
    g_propagate_error (error, g_steal_pointer (&read_error));
  else
    ok = TRUE;

out:
  wide_map_clear (&map);
  return ok;
}
