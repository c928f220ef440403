/* test-page.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "cb-page.h"

/* A4 less 25 mm above and below: 841.89 − 2 × 70.87. */
#define CONTENT_TOP    70.87
#define CONTENT_HEIGHT 700.15

/* 2026-07-10 09:00 UTC: 20,644 days after 1970-01-01 (56 years with 14 leap days, then 190
 * days into 2026) plus nine hours. */
#define CREATED_UNIX G_GINT64_CONSTANT (1783674000)

static const char *const paragraph_ja =
  "当社は、サイバーセキュリティ経営ガイドラインの重要10項目について、四半期ごとに成熟度を評価し、"
  "取締役会に報告している。今期は、インシデント対応体制の整備とサプライチェーン全体の状況把握において"
  "改善が見られた一方、事業継続・復旧体制の整備は目標を下回っている。";

/* poppler-glib 22.12 defines no g_autoptr() cleanup; an alias of our own cannot clash with
 * one a later version adds. */
typedef PopplerDocument Document;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Document, g_object_unref)

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = g_dir_make_tmp ("cb-page-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static CbPage *
new_page (gboolean   draft,
          GDateTime *created)
{
  CbPageSetup setup = {
    .lang = "ja",
    .title = "取締役会報告 FY2026Q1",
    .subject = "サイバーセキュリティ",
    .author = "Example 株式会社",
    .keywords = "cyber; board",
    .period = "FY2026Q1",
    .marking = cb_page_marking ("board"),
    .draft = draft,
    .created = created,
  };

  return cb_page_new (&setup);
}

/* Two level-1 sections, the first with a subsection holding a table of 90 suppliers: about
 * 26 rows fit under the text on page 1 and 38 on a page of their own, so the table runs
 * onto page 3, where the second section follows it. */
/* Draws a status badge in a row's cell and counts the rows drawn, when counting. */
static void
draw_status (cairo_t      *cr,
             const CbRect *area,
             guint         row,
             gpointer      user_data)
{
  guint *drawn = user_data;

  g_assert_cmpfloat_with_epsilon (area->width, cb_page_span_width (2), 1e-9);
  cb_theme_draw_rag (cr, cb_theme_get (CB_THEME_PRINT), CB_RAG_RED + row % 3,
                     area->x + area->width / 2, area->y + area->height / 2, 8);
  if (drawn != NULL)
    drawn[row]++;
}

static CbPage *
new_report (gboolean   draft,
            GDateTime *created,
            guint     *drawn_rows)
{
  CbPage *page = new_page (draft, created);
  CbPageTable *table;

  cb_page_add_heading (page, 1, "1. 概要");
  for (guint i = 0; i < 3; i++)
    cb_page_add_paragraph (page, paragraph_ja);
  cb_page_add_heading (page, 2, "1.1 取引先の評価");

  table = cb_page_add_table (page, 4);
  cb_page_table_set_column (table, 0, "コード", 2, CB_ALIGN_START);
  cb_page_table_set_column (table, 1, "取引先", 6, CB_ALIGN_START);
  cb_page_table_set_column (table, 2, "スコア", 2, CB_ALIGN_END);
  cb_page_table_set_column (table, 3, "状態", 2, CB_ALIGN_CENTER);
  cb_page_table_set_cell_func (table, 3, draw_status, drawn_rows, NULL);
  for (guint i = 1; i <= 90; i++)
    {
      g_autofree char *code = g_strdup_printf ("S%03u", i);
      g_autofree char *name = g_strdup_printf ("株式会社サンプル%u", i);
      g_autofree char *score = g_strdup_printf ("%u.5", 40 + i % 60);
      const char *cells[] = { code, name, score, NULL };

      cb_page_table_add_row (table, cells);
    }
  cb_page_add_note (page, "出典：取引先台帳。");

  cb_page_add_heading (page, 1, "2. 付録");
  cb_page_add_paragraph (page, "評価対象外の取引先は含まれない。");

  return page;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  char *text = poppler_page_get_text (page);

  g_object_unref (page);

  return text;
}

static guint
occurrences (const char *text,
             const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static char *
write_report (Fixture    *fixture,
              CbPage     *page,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (cb_page_write_pdf (page, path, &error));
  g_assert_no_error (error);

  return path;
}

static PopplerDocument *
write_and_open (Fixture    *fixture,
                CbPage     *page,
                const char *name)
{
  g_autofree char *path = write_report (fixture, page, name);

  return open_pdf (path);
}

/* Whether the text went to the first page or was pushed on to the next one. */
static void
assert_placement (Fixture    *fixture,
                  CbPage     *page,
                  const char *name,
                  const char *needle,
                  int         n_pages,
                  gboolean    on_first_page)
{
  g_autoptr(Document) document = write_and_open (fixture, page, name);
  g_autofree char *first = page_text (document, 0);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, n_pages);
  g_assert_true ((strstr (first, needle) != NULL) == on_first_page);
}

static void
test_marking (void)
{
  static const struct
  {
    const char *confidentiality;
    const char *expected;
  } cases[] = {
    { "public", "公開 / Public" },
    { "board", "取締役会限り / Board only" },
    { "internal", "社内限り / Internal only" },
    { "secret", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cb_page_marking (cases[i].confidentiality), ==, cases[i].expected);
}

static void
test_grid (void)
{
  static const struct
  {
    guint  span;
    double width;
  } cases[] = {
    /* 595.28 − 2 × 56.69 = 481.90 wide, 11 gutters of 12: a column is 349.90 / 12. */
    { 1, 29.1583 },
    { 3, 111.4750 },
    { 6, 234.9500 },
    { 12, 481.9000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (cb_page_span_width (cases[i].span), cases[i].width, 1e-3);
}

static void
test_creation_time (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 before;

  g_assert_nonnull (tokyo);
  g_setenv ("SOURCE_DATE_EPOCH", "1783674000", TRUE);
  utc = cb_page_creation_time (NULL);
  local = cb_page_creation_time (tokyo);
  g_assert_cmpint (g_date_time_to_unix (utc), ==, CREATED_UNIX);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 18);

  /* A value that is not a count of seconds is ignored, as if unset. */
  g_setenv ("SOURCE_DATE_EPOCH", "17836740OO", TRUE);
  before = g_get_real_time () / G_USEC_PER_SEC;
  now = cb_page_creation_time (NULL);
  g_assert_cmpint (g_date_time_to_unix (now), >=, before);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (CREATED_UNIX);
  g_autoptr(CbPage) page = new_report (FALSE, created, NULL);
  g_autoptr(Document) document = write_and_open (fixture, page, "report.pdf");
  g_autofree char *first = page_text (document, 0);
  g_autofree char *second = page_text (document, 1);
  g_autofree char *third = page_text (document, 2);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);
  g_assert_cmpuint (cb_page_get_n_pages (page), ==, 3);

  /* Each page counts itself against the total and carries the marking. */
  g_assert_nonnull (strstr (first, "1 / 3"));
  g_assert_nonnull (strstr (second, "2 / 3"));
  g_assert_nonnull (strstr (third, "3 / 3"));
  g_assert_nonnull (strstr (first, "取締役会限り / Board only"));
  g_assert_nonnull (strstr (third, "取締役会限り / Board only"));
  g_assert_nonnull (strstr (first, "FY2026Q1"));
  g_assert_nonnull (strstr (first, "作成 2026-07-10 09:00 UTC"));

  /* Japanese text extracts as written. */
  g_assert_nonnull (strstr (first, "当社は、サイバーセキュリティ経営ガイドライン"));

  /* The table starts on page 1, fills page 2 and ends on page 3; each part has the header
   * once, and no row is written twice. */
  g_assert_nonnull (strstr (first, "S001"));
  g_assert_null (strstr (second, "S001"));
  g_assert_nonnull (strstr (second, "S030"));
  g_assert_nonnull (strstr (third, "S090"));
  g_assert_cmpuint (occurrences (first, "スコア"), ==, 1);
  g_assert_cmpuint (occurrences (second, "スコア"), ==, 1);
  g_assert_cmpuint (occurrences (third, "スコア"), ==, 1);
  for (guint i = 1; i <= 90; i++)
    {
      g_autofree char *code = g_strdup_printf ("S%03u", i);

      g_assert_cmpuint (occurrences (first, code) + occurrences (second, code) + occurrences (third, code),
                        ==, 1);
    }
  g_assert_nonnull (strstr (third, "出典：取引先台帳。"));
  g_assert_nonnull (strstr (third, "2. 付録"));
  g_assert_null (strstr (first, "DRAFT"));
}

static void
assert_outline_entry (PopplerDocument  *document,
                      PopplerIndexIter *iter,
                      const char       *title,
                      int               page_number)
{
  PopplerAction *action = poppler_index_iter_get_action (iter);
  PopplerDest *dest;

  g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
  g_assert_cmpstr (action->goto_dest.title, ==, title);

  dest = action->goto_dest.dest;
  if (dest->type == POPPLER_DEST_NAMED)
    {
      PopplerDest *named = poppler_document_find_dest (document, dest->named_dest);

      g_assert_cmpint (named->page_num, ==, page_number);
      poppler_dest_free (named);
    }
  else
    {
      g_assert_cmpint (dest->page_num, ==, page_number);
    }

  poppler_action_free (action);
}

static void
test_pdf_outline (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (CREATED_UNIX);
  g_autoptr(CbPage) page = new_report (FALSE, created, NULL);
  g_autoptr(Document) document = write_and_open (fixture, page, "outline.pdf");
  PopplerIndexIter *iter = poppler_index_iter_new (document);
  PopplerIndexIter *child;

  /* 1. 概要 (page 1) with 1.1 (page 1) under it, then 2. 付録 (page 3). */
  g_assert_nonnull (iter);
  assert_outline_entry (document, iter, "1. 概要", 1);

  child = poppler_index_iter_get_child (iter);
  g_assert_nonnull (child);
  assert_outline_entry (document, child, "1.1 取引先の評価", 1);
  g_assert_false (poppler_index_iter_next (child));
  poppler_index_iter_free (child);

  g_assert_true (poppler_index_iter_next (iter));
  assert_outline_entry (document, iter, "2. 付録", 3);
  g_assert_null (poppler_index_iter_get_child (iter));
  g_assert_false (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
}

static void
test_pdf_metadata (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (CREATED_UNIX);
  g_autoptr(CbPage) page = new_report (FALSE, created, NULL);
  g_autoptr(Document) document = write_and_open (fixture, page, "metadata.pdf");
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autofree char *subject = poppler_document_get_subject (document);
  g_autofree char *keywords = poppler_document_get_keywords (document);
  g_autofree char *creator = poppler_document_get_creator (document);

  g_assert_cmpstr (title, ==, "取締役会報告 FY2026Q1");
  g_assert_cmpstr (author, ==, "Example 株式会社");
  g_assert_cmpstr (subject, ==, "サイバーセキュリティ");
  g_assert_cmpstr (keywords, ==, "cyber; board");
  g_assert_cmpstr (creator, ==, "Cyberboard " CB_VERSION);
  g_assert_cmpint (poppler_document_get_creation_date (document), ==, CREATED_UNIX);
  g_assert_cmpint (poppler_document_get_modification_date (document), ==, CREATED_UNIX);
}

static int
compare_strings (const char **a,
                 const char **b)
{
  return strcmp (*a, *b);
}

static void
test_pdf_fonts (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* Latin in Noto Sans, Japanese in Noto Sans CJK JP, each regular and bold, nothing substituted. */
  static const char *const expected[] = {
    "NotoSans-Bold", "NotoSans-Regular", "NotoSansCJKjp-Bold", "NotoSansCJKjp-Regular", NULL,
  };
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (CREATED_UNIX);
  g_autoptr(CbPage) page = new_report (TRUE, created, NULL);
  g_autofree char *path = NULL;
  g_autoptr(Document) document = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  PopplerFontInfo *info;
  PopplerFontsIter *fonts = NULL;
  GStatBuf file;

  cb_page_add_paragraph (page, "INTERNAL USE ONLY: LEVEL 3 取締役会");
  path = write_report (fixture, page, "fonts.pdf");
  document = open_pdf (path);
  info = poppler_font_info_new (document);
  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &fonts));
  g_assert_nonnull (fonts);
  do
    {
      const char *name = poppler_fonts_iter_get_name (fonts);

      g_test_message ("font %s", name);
      g_assert_true (poppler_fonts_iter_is_embedded (fonts));
      g_assert_true (poppler_fonts_iter_is_subset (fonts));
      /* cairo may split a TrueType face into two subsets: count faces, not subsets. */
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (name));
    }
  while (poppler_fonts_iter_next (fonts));
  g_ptr_array_sort (names, (GCompareFunc) compare_strings);
  g_ptr_array_add (names, NULL);
  g_assert_cmpstrv ((const char * const *) names->pdata, expected);

  /* "I" and "L" drawn with the CJK font made cairo embed all of its subroutines (1.7 MB here); now
   * only the glyphs used are. */
  g_assert_cmpint (g_stat (path, &file), ==, 0);
  g_test_message ("%s: %lld bytes", path, (long long) file.st_size);
  g_assert_cmpint (file.st_size, <, 400 * 1024);

  poppler_fonts_iter_free (fonts);
  g_object_unref (info);
}

static void
test_pdf_reproducible (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(Document) document = NULL;
  gsize first_length, second_length;

  g_setenv ("SOURCE_DATE_EPOCH", "1783674000", TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CbPage) page = new_report (TRUE, NULL, NULL);

      if (i == 0)
        first_path = write_report (fixture, page, "first.pdf");
      else
        second_path = write_report (fixture, page, "second.pdf");
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");

  g_assert_true (g_file_get_contents (first_path, &first, &first_length, NULL));
  g_assert_true (g_file_get_contents (second_path, &second, &second_length, NULL));
  g_assert_cmpmem (first, first_length, second, second_length);

  document = open_pdf (first_path);
  g_assert_cmpint (poppler_document_get_creation_date (document), ==, CREATED_UNIX);
}

static void
test_pdf_draft (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (CREATED_UNIX);
  g_autoptr(CbPage) page = new_report (TRUE, created, NULL);
  g_autoptr(Document) document = write_and_open (fixture, page, "draft.pdf");

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      g_assert_nonnull (strstr (text, "DRAFT"));
      g_assert_nonnull (strstr (text, "草案"));
    }
}

/* Figures record the page they were drawn on. */
typedef struct
{
  int    page;
  CbRect area;
} FigureRecord;

static int drawing_page = -1;

static void
fill_figure (cairo_t      *cr,
             const CbRect *area,
             gpointer      user_data)
{
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_fill (cr);
}

static void
record_figure (cairo_t      *cr,
               const CbRect *area,
               gpointer      user_data)
{
  FigureRecord *record = user_data;

  record->page = drawing_page;
  record->area = *area;
  fill_figure (cr, area, NULL);
}

/* A new page that a figure of @height points opens, so that what follows it has only the rest of
 * the first page. */
static CbPage *
new_page_after_figure (double height)
{
  CbPage *page = new_page (FALSE, NULL);

  cb_page_add_figure (page, 12, height, fill_figure, NULL, NULL, "余白");
  return page;
}

static void
draw_pages (CbPage *page)
{
  guint n = cb_page_get_n_pages (page);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 596, 842);
      cairo_t *cr = cairo_create (surface);

      drawing_page = i;
      cb_page_draw (page, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  drawing_page = -1;
}

static void
test_table_cells (void)
{
  guint drawn[90] = { 0 };
  g_autoptr(CbPage) page = new_report (FALSE, NULL, drawn);

  /* The preview draws every row's status cell once, whichever page the row is on. */
  draw_pages (page);
  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    g_assert_cmpuint (drawn[i], ==, 1);
}

static void
test_figure (void)
{
  static const struct
  {
    double height;
    int    page;
    double y;
  } cases[] = {
    /* A first figure of 500 takes 500 + 5 + one 8-point caption line (8 × 1.448 = 11.58)
     * and 14 after it: 601.45 from the top of page 1, 169.57 left. */
    { 100, 0, CONTENT_TOP + 500 + 5 + 11.584 + 14 },
    /* 300 and its caption do not fit there: both go to the top of page 2. */
    { 300, 1, CONTENT_TOP },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbPage) page = new_page (FALSE, NULL);
      FigureRecord first = { -1 }, second = { -1 };

      cb_page_add_figure (page, 12, 500, record_figure, &first, NULL, "最初の図");
      cb_page_add_figure (page, 8, cases[c].height, record_figure, &second, NULL, "次の図");
      draw_pages (page);

      g_assert_cmpuint (cb_page_get_n_pages (page), ==, cases[c].page + 1);
      g_assert_cmpint (first.page, ==, 0);
      g_assert_cmpfloat_with_epsilon (first.area.y, CONTENT_TOP, 1e-9);
      g_assert_cmpfloat_with_epsilon (first.area.width, 481.90, 1e-3);
      g_assert_cmpint (second.page, ==, cases[c].page);
      g_assert_cmpfloat_with_epsilon (second.area.y, cases[c].y, 0.05);
      g_assert_cmpfloat_with_epsilon (second.area.height, cases[c].height, 1e-9);
      /* Eight columns: 8 × 29.1583 + 7 × 12. */
      g_assert_cmpfloat_with_epsilon (second.area.width, 317.2667, 1e-3);
    }
}

static void
test_keep_together (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const struct
  {
    gboolean keep;
    int      page;
  } cases[] = {
    /* After a 500-point figure 169.57 points are left: the first line fits there, but
     * not with the 150-point figure that follows it. */
    { FALSE, 0 },
    { TRUE, 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbPage) page = new_page_after_figure (500);
      g_autofree char *name = g_strdup_printf ("keep-%u.pdf", c);
      FigureRecord figure = { -1 };

      if (cases[c].keep)
        cb_page_begin_keep_together (page);
      cb_page_add_paragraph (page, "まとめて置く段落。");
      cb_page_add_figure (page, 12, 150, record_figure, &figure, NULL, "段落に続く図");
      if (cases[c].keep)
        cb_page_end_keep_together (page);

      assert_placement (fixture, page, name, "まとめて置く段落", 2, cases[c].page == 0);
    }
}

static void
test_heading_with_next (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const struct
  {
    gboolean followed;
    int      page;
  } cases[] = {
    /* After a 620-point figure and its caption, 18 before a level-1 heading leaves 45.5:
     * the heading (16 × 1.448 + 4 = 27.2) fits, but not with 9 after it and two lines of
     * text (2 × 9.5 × 1.448 = 27.5). */
    { FALSE, 0 },
    { TRUE, 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbPage) page = new_page_after_figure (620);
      g_autofree char *name = g_strdup_printf ("heading-%u.pdf", c);

      cb_page_add_heading (page, 1, "3. 見出し");
      if (cases[c].followed)
        cb_page_add_paragraph (page, paragraph_ja);

      assert_placement (fixture, page, name, "3. 見出し", cases[c].page + 1, cases[c].page == 0);
    }
}

static void
test_paragraph_split (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const struct
  {
    guint lines;
    guint first_page;   /* lines on page 1 */
    int   pages;
  } cases[] = {
    /* 620 + 16.58 + 14 leaves 49.57 on page 1: three lines of 9.5 × 1.448 = 13.76. */
    { 20, 3, 2 },
    /* Three of four would leave one alone on page 2: two go there instead. */
    { 4, 2, 2 },
    { 3, 3, 1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CbPage) page = new_page_after_figure (620);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("split-%u.pdf", c);
      g_autoptr(Document) document = NULL;
      g_autofree char *first = NULL;

      /* Numbered lines, each a line of its own, so where the paragraph breaks shows. */
      for (guint i = 1; i <= cases[c].lines; i++)
        g_string_append_printf (text, "%s行%02u", i > 1 ? "\n" : "", i);

      cb_page_add_paragraph (page, text->str);
      document = write_and_open (fixture, page, name);
      first = page_text (document, 0);

      g_assert_cmpint (poppler_document_get_n_pages (document), ==, cases[c].pages);
      for (guint i = 1; i <= cases[c].lines; i++)
        {
          g_autofree char *line = g_strdup_printf ("行%02u", i);

          if (i <= cases[c].first_page)
            g_assert_nonnull (strstr (first, line));
          if (cases[c].pages > 1)
            {
              g_autofree char *other = page_text (document, i <= cases[c].first_page ? 1 : 0);

              g_assert_null (strstr (other, line));
            }
        }
    }
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CbPage) page = new_report (FALSE, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);

  g_assert_false (cb_page_write_pdf (page, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page/marking", test_marking);
  g_test_add_func ("/page/grid", test_grid);
  g_test_add_func ("/page/creation-time", test_creation_time);
  g_test_add ("/page/pdf/pages", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/page/pdf/outline", Fixture, NULL, fixture_set_up, test_pdf_outline, fixture_tear_down);
  g_test_add ("/page/pdf/metadata", Fixture, NULL, fixture_set_up, test_pdf_metadata, fixture_tear_down);
  g_test_add ("/page/pdf/fonts", Fixture, NULL, fixture_set_up, test_pdf_fonts, fixture_tear_down);
  g_test_add ("/page/pdf/reproducible", Fixture, NULL, fixture_set_up, test_pdf_reproducible,
              fixture_tear_down);
  g_test_add ("/page/pdf/draft", Fixture, NULL, fixture_set_up, test_pdf_draft, fixture_tear_down);
  g_test_add ("/page/pdf/write-error", Fixture, NULL, fixture_set_up, test_write_error, fixture_tear_down);
  g_test_add_func ("/page/flow/table-cells", test_table_cells);
  g_test_add_func ("/page/flow/figure", test_figure);
  g_test_add ("/page/flow/keep-together", Fixture, NULL, fixture_set_up, test_keep_together,
              fixture_tear_down);
  g_test_add ("/page/flow/heading-with-next", Fixture, NULL, fixture_set_up, test_heading_with_next,
              fixture_tear_down);
  g_test_add ("/page/flow/paragraph-split", Fixture, NULL, fixture_set_up, test_paragraph_split,
              fixture_tear_down);

  status = g_test_run ();

  cb_theme_release_fonts ();

  return status;
}
