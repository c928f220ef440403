/* cb-page.h
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cb-chart.h"

G_BEGIN_DECLS

/* The pages of one report. Blocks — headings, paragraphs, tables, figures — are added in
 * reading order and flow onto A4 portrait pages on a 12-column grid: tables break between
 * rows and repeat their header, a figure stays with its caption, a heading stays with what
 * follows it. Every page carries the report's title and period in its header and the
 * confidentiality marking, the generation time and "n / N" in its footer, so the whole
 * report is laid out before the first page is drawn. The same pages are drawn into a PDF
 * and into the app's preview. A CbPage lays itself out with the Pango font map of the thread
 * that first asks for its pages, so use each from one thread at a time.
 */

#define CB_PAGE_WIDTH   595.28
#define CB_PAGE_HEIGHT  841.89
#define CB_PAGE_COLUMNS 12

typedef enum
{
  CB_ALIGN_START,
  CB_ALIGN_CENTER,
  CB_ALIGN_END,      /* for numbers */
} CbAlign;

typedef struct
{
  const char *lang;      /* "ja" or "en": fonts, line breaking, the page's own words */
  const char *title;     /* the page header and the PDF's title */
  const char *subject;
  const char *author;    /* the organisation */
  const char *keywords;
  const char *period;    /* "FY2026Q1", in the page header */
  const char *marking;   /* the confidentiality marking, see cb_page_marking() */
  gboolean    draft;     /* a "DRAFT / 草案" watermark on every page */
  GDateTime  *created;   /* NULL for cb_page_creation_time() in UTC */
} CbPageSetup;

typedef struct _CbPage      CbPage;
typedef struct _CbPageTable CbPageTable;

/* Draws a figure into @area, in points on the page. */
typedef void (*CbPageDrawFunc) (cairo_t      *cr,
                                const CbRect *area,
                                gpointer      user_data);

/* Draws the cell of @row, counted from 0 without the header, into @area. */
typedef void (*CbPageCellFunc) (cairo_t      *cr,
                                const CbRect *area,
                                guint         row,
                                gpointer      user_data);

/* The marking printed for a confidentiality value ("public", "board", "internal") in both
 * languages, "取締役会限り / Board only"; NULL for an unknown value.
 */
const char  *cb_page_marking             (const char        *confidentiality);

/* SOURCE_DATE_EPOCH when it is set, so that reports can be reproduced byte for byte, else
 * the current time; in @tz, or UTC when NULL.
 */
GDateTime   *cb_page_creation_time       (GTimeZone         *tz);

/* The width of @span columns of the grid, with the gutters between them. */
double       cb_page_span_width          (guint              span);

CbPage      *cb_page_new                 (const CbPageSetup *setup);
void         cb_page_free                (CbPage            *page);

/* Levels 1 to 3; each heading is also an entry of the PDF's outline. */
void         cb_page_add_heading         (CbPage            *page,
                                          guint              level,
                                          const char        *text);
void         cb_page_add_paragraph       (CbPage            *page,
                                          const char        *text);
/* Smaller, muted text, for sources and definitions. */
void         cb_page_add_note            (CbPage            *page,
                                          const char        *text);
/* A figure of @span grid columns and @height points drawn by @draw, numbered and captioned
 * ("Figure 3. @caption"), never split from its caption.
 */
void         cb_page_add_figure          (CbPage            *page,
                                          guint              span,
                                          double             height,
                                          CbPageDrawFunc     draw,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy,
                                          const char        *caption);
/* Blocks added until cb_page_end_keep_together() move to the next page together when they
 * do not fit on this one but fit on an empty one.
 */
void         cb_page_begin_keep_together (CbPage            *page);
void         cb_page_end_keep_together   (CbPage            *page);
void         cb_page_add_page_break      (CbPage            *page);

/* A table with @n_columns columns whose spans add up to at most CB_PAGE_COLUMNS; the page
 * owns it.
 */
CbPageTable *cb_page_add_table           (CbPage            *page,
                                          guint              n_columns);
void         cb_page_table_set_column    (CbPageTable       *table,
                                          guint              column,
                                          const char        *title,
                                          guint              span,
                                          CbAlign            align);
/* Draws the column's cells with @func instead of writing their text. */
void         cb_page_table_set_cell_func (CbPageTable       *table,
                                          guint              column,
                                          CbPageCellFunc     func,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy);
/* @cells holds one text per column; NULL texts are empty cells. */
void         cb_page_table_add_row       (CbPageTable       *table,
                                          const char *const *cells);

guint        cb_page_get_n_pages         (CbPage            *page);
/* Draws page @index, counted from 0, in points with the origin at its top left corner. */
void         cb_page_draw                (CbPage            *page,
                                          cairo_t           *cr,
                                          guint              index);
/* Writes the PDF, with its outline and metadata, replacing @path only when all went well. */
gboolean     cb_page_write_pdf           (CbPage            *page,
                                          const char        *path,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbPage, cb_page_free)

G_END_DECLS
