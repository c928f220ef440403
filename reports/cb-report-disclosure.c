/* cb-report-disclosure.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cb-chart-private.h"
#include "cb-disclosure.h"
#include "cb-disclosure-text.h"
#include "cb-report-disclosure.h"
#include "cb-report-private.h"
#include "cb-snapshot.h"

gint64
cb_report_disclosure_find (CbWorkbook  *workbook,
                           const char  *period,
                           GError     **error)
{
  g_autoptr(GPtrArray) disclosures = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  const CbDisclosure *best = NULL;
  CbPeriod best_period = { 0, 0 };
  CbPeriod wanted = { 0, 0 };

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);

  if (period != NULL && !cb_period_parse (period, &wanted, error))
    return 0;
  disclosures = cb_disclosure_list (workbook, error);
  if (disclosures == NULL)
    return 0;

  /* Of several disclosures for one period, the one made last. */
  for (guint i = 0; i < disclosures->len; i++)
    {
      const CbDisclosure *disclosure = g_ptr_array_index (disclosures, i);
      CbPeriod own;
      int order;

      if (!cb_period_parse (disclosure->period, &own, NULL))
        continue;
      if (period != NULL && !cb_period_equal (&own, &wanted))
        continue;
      order = best != NULL ? cb_period_compare (&own, &best_period) : 1;
      if (order > 0 || (order == 0 && disclosure->id > best->id))
        {
          best = disclosure;
          best_period = own;
        }
    }
  if (best == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND, "%s: no disclosure%s%s",
                   cb_workbook_get_path (workbook), period != NULL ? " for " : "", period != NULL ? period : "");
      return 0;
    }

  versions = cb_disclosure_list_versions (workbook, best->id, error);
  if (versions == NULL)
    return 0;
  if (versions->len == 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_NOT_FOUND, "%s: disclosure %s has no version",
                   cb_workbook_get_path (workbook), best->period);
      return 0;
    }

  return ((const CbDisclosureVersion *) g_ptr_array_index (versions, versions->len - 1))->id;
}

/* The text of one version in one language, as cb_disclosure_render() writes it. */

typedef struct
{
  const char *heading;
  char       *body;      /* NULL when the section has no text in the language */
} Section;

static void
section_clear (Section *section)
{
  g_clear_pointer (&section->body, g_free);
}

static gboolean
has_text (const char *body)
{
  return body != NULL && *body != '\0';
}

/* Splits @text — for each language in turn, each section with a body in that language as its
 * heading, a blank line and the body, with a blank line between sections — back into the bodies
 * of @lang's sections. The headings are known, so a body runs up to the next one. */
static gboolean
split_text (const CbDisclosure        *disclosure,
            const CbDisclosureVersion *version,
            const char                *text,
            const char                *lang,
            GArray                    *sections,
            GError                   **error)
{
  g_auto(GStrv) languages = g_strsplit (disclosure->languages, ",", 0);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (int));
  const char *cursor = text;

  /* Every block of the text in order, and the section of @lang each stands for, or -1. */
  for (guint l = 0; languages[l] != NULL; l++)
    {
      gboolean japanese = g_str_equal (languages[l], "ja");

      for (guint i = 0; i < version->sections->len; i++)
        {
          const CbDisclosureSection *section = g_ptr_array_index (version->sections, i);
          const char *heading = japanese ? section->heading_ja : section->heading_en;
          int owner = g_str_equal (languages[l], lang) ? (int) i : -1;

          if (!has_text (japanese ? section->body_ja : section->body_en))
            continue;
          g_ptr_array_add (blocks, g_strconcat (heading != NULL ? heading : "", "\n\n", NULL));
          g_array_append_val (owners, owner);
        }
    }

  for (guint b = 0; b < blocks->len; b++)
    {
      const char *start = g_ptr_array_index (blocks, b);
      const char *end;
      int owner = g_array_index (owners, int, b);

      if (!g_str_has_prefix (cursor, start))
        break;
      cursor += strlen (start);
      if (b + 1 < blocks->len)
        {
          g_autofree char *next = g_strconcat ("\n\n", (const char *) g_ptr_array_index (blocks, b + 1), NULL);

          end = strstr (cursor, next);
          if (end == NULL)
            break;
          end++;
        }
      else
        {
          end = cursor + strlen (cursor);
        }
      if (owner >= 0)
        g_array_index (sections, Section, owner).body = g_strndup (cursor, end - cursor);
      cursor = end + (b + 1 < blocks->len ? 1 : 0);
    }

  if (*cursor != '\0' || (blocks->len > 0 && cursor == text))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   "version %d: the approved text does not match the version's sections", version->version);
      return FALSE;
    }

  return TRUE;
}

static void
add_body (CbPage     *page,
          const char *body,
          const char *lang)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      cb_page_add_paragraph (page, line);
      any = TRUE;
    }
  if (!any)
    cb_page_add_note (page, cb_report_word (CB_REPORT_WORD_DISC_EMPTY_SECTION, lang));
}

/* The page. */

CbPage *
cb_report_disclosure_new (CbWorkbook  *workbook,
                          gint64       version_id,
                          const char  *lang,
                          GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autoptr(CbDisclosure) disclosure = NULL;
  g_autoptr(GArray) sections = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *number = NULL;
  g_autofree char *approval = NULL;
  g_autofree char *source = NULL;
  g_auto(GStrv) languages = NULL;
  const char *title;
  gboolean sealed;
  CbPage *page;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cb_report_check_lang (lang, error))
    return NULL;
  version = cb_disclosure_get_version (workbook, version_id, error);
  if (version == NULL)
    return NULL;
  disclosure = cb_disclosure_get (workbook, version->disclosure_id, error);
  if (disclosure == NULL)
    return NULL;
  languages = g_strsplit (disclosure->languages, ",", 0);
  if (!g_strv_contains ((const char *const *) languages, lang))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   "the disclosure of %s is written in “%s”, not in “%s”", disclosure->period,
                   disclosure->languages, lang);
      return NULL;
    }

  /* A draft shows its text as approving it now would seal it; an approved version shows the text
   * it sealed, whatever the figures have become since. */
  sealed = g_strcmp0 (version->status, "draft") != 0;
  if (!sealed)
    {
      rendered = cb_disclosure_render (workbook, version_id, error);
      if (rendered == NULL)
        return NULL;
    }
  sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (sections, (GDestroyNotify) section_clear);
  g_array_set_size (sections, version->sections->len);
  for (guint i = 0; i < version->sections->len; i++)
    {
      const CbDisclosureSection *own = g_ptr_array_index (version->sections, i);
      const char *heading = g_str_equal (lang, "ja") ? own->heading_ja : own->heading_en;

      g_array_index (sections, Section, i).heading = heading != NULL ? heading : own->key;
    }
  if (!split_text (disclosure, version, sealed ? version->sealed_text : rendered, lang, sections, error))
    return NULL;

  number = g_strdup_printf ("%d", version->version);
  if (sealed)
    {
      g_autofree char *date = cb_report_format_date (version->approved_on, lang, FALSE);

      approval = cb_report_fill (CB_REPORT_WORD_DISC_APPROVED, lang, "version", number,
                                 "approver", version->approver, "date", date, NULL);
    }
  else
    {
      approval = cb_report_fill (CB_REPORT_WORD_DISC_NOT_APPROVED, lang, "version", number, NULL);
    }
  source = cb_report_fill (CB_REPORT_WORD_DISC_SOURCE_NOTE, lang, "period", disclosure->period, NULL);

  title = g_str_equal (lang, "ja") ? disclosure->title_ja : disclosure->title_en;
  if (title == NULL)
    title = g_str_equal (lang, "ja") ? disclosure->title_en : disclosure->title_ja;
  if (title == NULL)
    title = cb_report_word (CB_REPORT_WORD_DISCLOSURE_SUBJECT, lang);

  page = cb_report_page_new (workbook, lang, title, CB_REPORT_WORD_DISCLOSURE_SUBJECT, disclosure->period,
                             "public", !sealed);
  cb_page_add_paragraph (page, cb_workbook_get_org_name (workbook, lang));
  cb_page_add_heading (page, 1, title);
  cb_page_add_note (page, approval);
  if (sealed)
    {
      g_autofree char *grouped = cb_report_format_hash (version->content_sha256);
      g_autofree char *hash = cb_report_fill (CB_REPORT_WORD_DISC_SEALED_HASH, lang, "hash", grouped, NULL);

      cb_page_add_note (page, hash);
    }
  cb_page_add_note (page, source);

  /* A sealed text holds only the sections that had text; a draft shows the empty ones too. */
  for (guint i = 0; i < sections->len; i++)
    {
      const Section *section = &g_array_index (sections, Section, i);

      if (sealed && section->body == NULL)
        continue;
      cb_page_add_heading (page, 2, section->heading);
      add_body (page, section->body, lang);
    }

  return page;
}
