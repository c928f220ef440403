/* cb-page.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <math.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "cb-chart-private.h"
#include "cb-page.h"

/* 20 mm at the sides, 25 mm above and below; the header and footer sit 15 mm from the edge. */
#define MARGIN_X           56.69
#define MARGIN_Y           70.87
#define EDGE_Y             42.52
#define GUTTER             12.0
#define CONTENT_WIDTH      (CB_PAGE_WIDTH - 2 * MARGIN_X)
#define CONTENT_TOP        MARGIN_Y
#define CONTENT_BOTTOM     (CB_PAGE_HEIGHT - MARGIN_Y)
#define CELL_PADDING       3.0
#define FIGURE_CAPTION_GAP 5.0
#define DRAFT_MARKING      "DRAFT / 草案"

typedef enum
{
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_TABLE,
  BLOCK_FIGURE,
  BLOCK_PAGE_BREAK,
  BLOCK_KEEP_BEGIN,
  BLOCK_KEEP_END,
} BlockKind;

typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
} LineBox;

typedef struct
{
  char           *title;
  guint           span;
  CbAlign         align;
  CbPageCellFunc  func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Column;

struct _CbPageTable
{
  Column       *columns;
  guint         n_columns;
  GPtrArray    *rows;           /* of string vectors */

  /* Measured: the header's layouts, then each row's, n_columns at a time. */
  GPtrArray    *layouts;
  double        header_height;
  GArray       *row_heights;    /* double */
};

typedef struct
{
  BlockKind       kind;
  guint           level;
  CbFont          font;
  char           *text;
  CbPageTable    *table;
  guint           span;
  double          height;
  CbPageDrawFunc  draw;
  gpointer        user_data;
  GDestroyNotify  destroy;
  guint           number;

  /* Measured: the heading, the text or the figure's caption. */
  PangoLayout    *layout;
  GArray         *lines;        /* LineBox of a text */
} Block;

/* A block, or the lines or rows [first, last) of one, placed with its top at y. */
typedef struct
{
  Block  *block;
  double  y;
  guint   first;
  guint   last;
} Placement;

struct _CbPage
{
  char          *lang;
  char          *title;
  char          *subject;
  char          *author;
  char          *keywords;
  char          *period;
  char          *marking;
  gboolean       draft;
  GDateTime     *created;
  const CbTheme *theme;
  GPtrArray     *blocks;
  guint          n_figures;
  guint          open_groups;

  /* Laid out: one GArray of Placement per page. */
  PangoContext  *context;
  GPtrArray     *pages;
};

/* While placing blocks: where the next one may go. */
typedef struct
{
  CbPage  *page;
  GArray  *placements;
  double   y;
  double   pending;    /* the space the last block wants after it */
  gboolean at_top;
} Flow;

const char *
cb_page_marking (const char *confidentiality)
{
  if (g_strcmp0 (confidentiality, "public") == 0)
    return "公開 / Public";
  if (g_strcmp0 (confidentiality, "board") == 0)
    return "取締役会限り / Board only";
  if (g_strcmp0 (confidentiality, "internal") == 0)
    return "社内限り / Internal only";

  return NULL;
}

GDateTime *
cb_page_creation_time (GTimeZone *tz)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  GDateTime *now = NULL;

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds;

      errno = 0;
      seconds = g_ascii_strtoll (epoch, &end, 10);
      if (errno == 0 && *end == '\0' && seconds >= 0)
        now = g_date_time_new_from_unix_utc (seconds);
    }

  if (now == NULL)
    now = g_date_time_new_now (utc);

  if (tz != NULL)
    {
      GDateTime *local = g_date_time_to_timezone (now, tz);

      g_date_time_unref (now);
      now = local;
    }

  return now;
}

double
cb_page_span_width (guint span)
{
  double column = (CONTENT_WIDTH - GUTTER * (CB_PAGE_COLUMNS - 1)) / CB_PAGE_COLUMNS;

  span = CLAMP (span, 1, CB_PAGE_COLUMNS);

  return span * column + (span - 1) * GUTTER;
}

static double
span_x (guint first_column)
{
  return first_column == 0 ? MARGIN_X : MARGIN_X + cb_page_span_width (first_column) + GUTTER;
}

static void
table_free (CbPageTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_free (table->columns[c].title);
      if (table->columns[c].destroy != NULL)
        table->columns[c].destroy (table->columns[c].user_data);
    }
  g_free (table->columns);
  g_ptr_array_unref (table->rows);
  g_clear_pointer (&table->layouts, g_ptr_array_unref);
  g_clear_pointer (&table->row_heights, g_array_unref);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  if (block->table != NULL)
    table_free (block->table);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block);
}

CbPage *
cb_page_new (const CbPageSetup *setup)
{
  CbPage *page;

  g_return_val_if_fail (setup != NULL, NULL);

  page = g_new0 (CbPage, 1);
  page->lang = g_strdup (setup->lang != NULL ? setup->lang : "en");
  page->title = g_strdup (setup->title);
  page->subject = g_strdup (setup->subject);
  page->author = g_strdup (setup->author);
  page->keywords = g_strdup (setup->keywords);
  page->period = g_strdup (setup->period);
  page->marking = g_strdup (setup->marking);
  page->draft = setup->draft;
  page->created = setup->created != NULL ? g_date_time_ref (setup->created)
                                         : cb_page_creation_time (NULL);
  page->theme = cb_theme_get (CB_THEME_PRINT);
  page->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  return page;
}

static void
forget_layout (CbPage *page)
{
  g_clear_pointer (&page->pages, g_ptr_array_unref);
}

void
cb_page_free (CbPage *page)
{
  if (page == NULL)
    return;

  forget_layout (page);
  g_clear_object (&page->context);
  g_ptr_array_unref (page->blocks);
  g_date_time_unref (page->created);
  g_free (page->lang);
  g_free (page->title);
  g_free (page->subject);
  g_free (page->author);
  g_free (page->keywords);
  g_free (page->period);
  g_free (page->marking);
  g_free (page);
}

static Block *
add_block (CbPage    *page,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (page->blocks, block);
  forget_layout (page);

  return block;
}

void
cb_page_add_heading (CbPage     *page,
                     guint       level,
                     const char *text)
{
  Block *block;

  g_return_if_fail (page != NULL);
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);

  block = add_block (page, BLOCK_HEADING);
  block->level = level;
  block->font = CB_FONT_HEADING_1 + (level - 1);
  block->text = g_strdup (text);
}

static void
add_text (CbPage     *page,
          CbFont      font,
          const char *text)
{
  Block *block = add_block (page, BLOCK_TEXT);

  block->font = font;
  block->text = g_strdup (text);
}

void
cb_page_add_paragraph (CbPage     *page,
                       const char *text)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (text != NULL);

  add_text (page, CB_FONT_BODY, text);
}

void
cb_page_add_note (CbPage     *page,
                  const char *text)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (text != NULL);

  add_text (page, CB_FONT_CAPTION, text);
}

void
cb_page_add_figure (CbPage         *page,
                    guint           span,
                    double          height,
                    CbPageDrawFunc  draw,
                    gpointer        user_data,
                    GDestroyNotify  destroy,
                    const char     *caption)
{
  Block *block;

  g_return_if_fail (page != NULL);
  g_return_if_fail (span >= 1 && span <= CB_PAGE_COLUMNS);
  g_return_if_fail (height > 0 && height <= CONTENT_BOTTOM - CONTENT_TOP);
  g_return_if_fail (draw != NULL);

  block = add_block (page, BLOCK_FIGURE);
  block->span = span;
  block->height = height;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
  block->number = ++page->n_figures;
  block->text = g_strdup (caption);
}

void
cb_page_begin_keep_together (CbPage *page)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (page->open_groups == 0);

  page->open_groups++;
  add_block (page, BLOCK_KEEP_BEGIN);
}

void
cb_page_end_keep_together (CbPage *page)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (page->open_groups == 1);

  page->open_groups--;
  add_block (page, BLOCK_KEEP_END);
}

void
cb_page_add_page_break (CbPage *page)
{
  g_return_if_fail (page != NULL);

  add_block (page, BLOCK_PAGE_BREAK);
}

CbPageTable *
cb_page_add_table (CbPage *page,
                   guint   n_columns)
{
  CbPageTable *table;
  Block *block;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (n_columns >= 1 && n_columns <= CB_PAGE_COLUMNS, NULL);

  table = g_new0 (CbPageTable, 1);
  table->n_columns = n_columns;
  table->columns = g_new0 (Column, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint c = 0; c < n_columns; c++)
    table->columns[c].span = 1;

  block = add_block (page, BLOCK_TABLE);
  block->table = table;

  return table;
}

void
cb_page_table_set_column (CbPageTable *table,
                          guint        column,
                          const char  *title,
                          guint        span,
                          CbAlign      align)
{
  guint total = 0;

  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (span >= 1);

  for (guint c = 0; c < table->n_columns; c++)
    total += c == column ? span : table->columns[c].span;
  g_return_if_fail (total <= CB_PAGE_COLUMNS);

  g_free (table->columns[column].title);
  table->columns[column].title = g_strdup (title);
  table->columns[column].span = span;
  table->columns[column].align = align;
}

void
cb_page_table_set_cell_func (CbPageTable    *table,
                             guint           column,
                             CbPageCellFunc  func,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  Column *c;

  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  c = &table->columns[column];
  if (c->destroy != NULL)
    c->destroy (c->user_data);
  c->func = func;
  c->user_data = user_data;
  c->destroy = destroy;
}

void
cb_page_table_add_row (CbPageTable       *table,
                       const char *const *cells)
{
  char **row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (table->rows, row);
}

/* Measuring. */

static double
column_x (const CbPageTable *table,
          guint              column)
{
  guint before = 0;

  for (guint c = 0; c < column; c++)
    before += table->columns[c].span;

  return span_x (before);
}

static PangoLayout *
text_layout (CbPage     *page,
             CbFont      font,
             const char *text,
             double      width)
{
  PangoLayout *layout = cb_theme_create_layout (page->theme, page->context, font, text);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  block->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  do
    {
      PangoRectangle logical;
      LineBox line;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) y0 / PANGO_SCALE;
      line.bottom = (double) y1 / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static PangoLayout *
cell_layout (CbPage      *page,
             CbPageTable *table,
             guint        column,
             CbFont       font,
             const char  *text)
{
  static const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };
  PangoLayout *layout = text_layout (page, font, text, cb_page_span_width (table->columns[column].span));

  pango_layout_set_alignment (layout, alignments[table->columns[column].align]);

  return layout;
}

static void
measure_table (CbPage      *page,
               CbPageTable *table)
{
  g_autoptr(PangoLayout) probe = cb_theme_create_layout (page->theme, page->context, CB_FONT_TABLE, "0");
  double line_height;

  cb_chart_layout_size (probe, NULL, &line_height);
  table->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  table->row_heights = g_array_new (FALSE, FALSE, sizeof (double));

  table->header_height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoLayout *layout = cell_layout (page, table, c, CB_FONT_TABLE_HEADER, table->columns[c].title);
      double height;

      cb_chart_layout_size (layout, NULL, &height);
      table->header_height = MAX (table->header_height, height + 2 * CELL_PADDING);
      g_ptr_array_add (table->layouts, layout);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      double row_height = line_height + 2 * CELL_PADDING;

      for (guint c = 0; c < table->n_columns; c++)
        {
          PangoLayout *layout = cell_layout (page, table, c, CB_FONT_TABLE, row[c]);
          double height;

          cb_chart_layout_size (layout, NULL, &height);
          if (table->columns[c].func == NULL)
            row_height = MAX (row_height, height + 2 * CELL_PADDING);
          g_ptr_array_add (table->layouts, layout);
        }
      g_array_append_val (table->row_heights, row_height);
    }
}

static double
heading_rule_space (const Block *block)
{
  return block->level == 1 ? 4.0 : 0;
}

static void
measure_block (CbPage *page,
               Block  *block)
{
  g_autofree char *caption = NULL;

  switch (block->kind)
    {
    case BLOCK_HEADING:
      block->layout = text_layout (page, block->font, block->text, CONTENT_WIDTH);
      break;

    case BLOCK_TEXT:
      block->layout = text_layout (page, block->font, block->text, CONTENT_WIDTH);
      measure_lines (block);
      break;

    case BLOCK_TABLE:
      measure_table (page, block->table);
      break;

    case BLOCK_FIGURE:
      if (cb_chart_is_ja (page->lang))
        caption = g_strdup_printf ("図%u　%s", block->number, block->text != NULL ? block->text : "");
      else
        caption = g_strdup_printf ("Figure %u. %s", block->number, block->text != NULL ? block->text : "");
      block->layout = text_layout (page, CB_FONT_CAPTION, caption, cb_page_span_width (block->span));
      break;

    case BLOCK_PAGE_BREAK:
    case BLOCK_KEEP_BEGIN:
    case BLOCK_KEEP_END:
      break;

    default:
      g_assert_not_reached ();
    }
}

static double
layout_height (PangoLayout *layout)
{
  double height;

  cb_chart_layout_size (layout, NULL, &height);

  return height;
}

static double
space_before (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block->level == 1 ? 18 : block->level == 2 ? 13 : 9;
    case BLOCK_TABLE:
    case BLOCK_FIGURE:
      return 6;
    default:
      return 0;
    }
}

static double
space_after (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block->level == 1 ? 9 : block->level == 2 ? 6 : 4;
    case BLOCK_TEXT:
      return 6;
    case BLOCK_TABLE:
      return 12;
    case BLOCK_FIGURE:
      return 14;
    default:
      return 0;
    }
}

static double
lines_height (const Block *block,
              guint        first,
              guint        last)
{
  if (last <= first)
    return 0;

  return g_array_index (block->lines, LineBox, last - 1).bottom
         - g_array_index (block->lines, LineBox, first).top;
}

static double
rows_height (const CbPageTable *table,
             guint              first,
             guint              last)
{
  double height = table->header_height;

  for (guint r = first; r < last; r++)
    height += g_array_index (table->row_heights, double, r);

  return height;
}

static double
block_height (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return layout_height (block->layout) + heading_rule_space (block);
    case BLOCK_TEXT:
      return lines_height (block, 0, block->lines->len);
    case BLOCK_TABLE:
      return rows_height (block->table, 0, block->table->rows->len);
    case BLOCK_FIGURE:
      return block->height + FIGURE_CAPTION_GAP + layout_height (block->layout);
    default:
      return 0;
    }
}

/* The blocks of the group starting at @index, with the space between them. */
static double
group_height (CbPage *page,
              guint   index)
{
  double height = 0, pending = 0;

  for (guint i = index + 1; i < page->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (page->blocks, i);

      if (block->kind == BLOCK_KEEP_END)
        break;
      if (block->kind == BLOCK_PAGE_BREAK || block->kind == BLOCK_KEEP_BEGIN)
        continue;
      height += (height > 0 ? MAX (pending, space_before (block)) : 0) + block_height (block);
      pending = space_after (block);
    }

  return height;
}

/* The least of the block at @index that must go on the same page as whatever precedes it. */
static double
first_unit (CbPage *page,
            guint   index)
{
  const Block *block;

  if (index >= page->blocks->len)
    return 0;

  block = g_ptr_array_index (page->blocks, index);
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block_height (block) + space_after (block) + first_unit (page, index + 1);
    case BLOCK_TEXT:
      return lines_height (block, 0, MIN (block->lines->len, 2));
    case BLOCK_TABLE:
      return rows_height (block->table, 0, MIN (block->table->rows->len, 2));
    case BLOCK_FIGURE:
      return block_height (block);
    case BLOCK_KEEP_BEGIN:
      {
        double group = group_height (page, index);

        return group <= CONTENT_BOTTOM - CONTENT_TOP ? group : first_unit (page, index + 1);
      }
    case BLOCK_KEEP_END:
      return first_unit (page, index + 1);
    default:
      return 0;
    }
}

/* Placing. */

static void
flow_new_page (Flow *flow)
{
  flow->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (flow->page->pages, flow->placements);
  flow->y = CONTENT_TOP;
  flow->pending = 0;
  flow->at_top = TRUE;
}

static double
flow_top (const Flow  *flow,
          const Block *block)
{
  return flow->at_top ? CONTENT_TOP : flow->y + MAX (flow->pending, space_before (block));
}

static void
flow_place (Flow   *flow,
            Block  *block,
            double  top,
            double  height,
            guint   first,
            guint   last)
{
  Placement placement = { block, top, first, last };

  g_array_append_val (flow->placements, placement);
  flow->y = top + height;
  flow->pending = space_after (block);
  flow->at_top = FALSE;
}

static void
flow_text (Flow  *flow,
           Block *block)
{
  guint n = block->lines->len;
  guint first = 0;

  while (first < n)
    {
      double top = flow_top (flow, block);
      guint left = n - first;
      guint k = 0;

      while (k < left && top + lines_height (block, first, first + k + 1) <= CONTENT_BOTTOM)
        k++;

      /* No single line at the foot of a page, none alone at the head of the next. */
      if (k < left)
        {
          if (left - k < 2)
            k = left >= 2 ? left - 2 : 0;
          if (k < 2)
            k = 0;
        }
      if (k == 0 && flow->at_top)
        k = 1;
      if (k == 0)
        {
          flow_new_page (flow);
          continue;
        }

      flow_place (flow, block, top, lines_height (block, first, first + k), first, first + k);
      first += k;
      if (first < n)
        flow_new_page (flow);
    }
}

static void
flow_table (Flow  *flow,
            Block *block)
{
  CbPageTable *table = block->table;
  guint n = table->rows->len;
  guint first = 0;

  do
    {
      double top = flow_top (flow, block);
      guint left = n - first;
      guint k = 0;

      while (k < left && top + rows_height (table, first, first + k + 1) <= CONTENT_BOTTOM)
        k++;

      /* A header needs at least two rows under it, unless the table has fewer. */
      if (!flow->at_top && (k < MIN (left, 2) || (n == 0 && top + table->header_height > CONTENT_BOTTOM)))
        {
          flow_new_page (flow);
          continue;
        }
      if (k == 0 && left > 0)
        k = 1;

      flow_place (flow, block, top, rows_height (table, first, first + k), first, first + k);
      first += k;
      if (first < n)
        flow_new_page (flow);
    }
  while (first < n);
}

static void
flow_whole (Flow   *flow,
            Block  *block,
            double  needed)
{
  double top = flow_top (flow, block);

  if (!flow->at_top && top + needed > CONTENT_BOTTOM)
    {
      flow_new_page (flow);
      top = flow_top (flow, block);
    }

  flow_place (flow, block, top, block_height (block), 0, 0);
}

static void
ensure_laid_out (CbPage *page)
{
  Flow flow = { page };

  if (page->pages != NULL)
    return;

  if (page->context == NULL)
    page->context = cb_theme_create_context (page->lang);

  for (guint i = 0; i < page->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (page->blocks, i);

      g_clear_object (&block->layout);
      g_clear_pointer (&block->lines, g_array_unref);
      if (block->table != NULL)
        {
          g_clear_pointer (&block->table->layouts, g_ptr_array_unref);
          g_clear_pointer (&block->table->row_heights, g_array_unref);
        }
      measure_block (page, block);
    }

  page->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow_new_page (&flow);

  for (guint i = 0; i < page->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (page->blocks, i);

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!flow.at_top)
            flow_new_page (&flow);
          break;

        case BLOCK_KEEP_BEGIN:
          {
            double group = group_height (page, i);
            const Block *first = i + 1 < page->blocks->len ? g_ptr_array_index (page->blocks, i + 1) : block;

            if (!flow.at_top && flow_top (&flow, first) + group > CONTENT_BOTTOM
                && group <= CONTENT_BOTTOM - CONTENT_TOP)
              flow_new_page (&flow);
          }
          break;

        case BLOCK_KEEP_END:
          break;

        case BLOCK_HEADING:
          flow_whole (&flow, block, block_height (block) + space_after (block) + first_unit (page, i + 1));
          break;

        case BLOCK_FIGURE:
          flow_whole (&flow, block, block_height (block));
          break;

        case BLOCK_TEXT:
          flow_text (&flow, block);
          break;

        case BLOCK_TABLE:
          flow_table (&flow, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

guint
cb_page_get_n_pages (CbPage *page)
{
  g_return_val_if_fail (page != NULL, 0);

  ensure_laid_out (page);

  return page->pages->len;
}

/* Drawing. */

static void
draw_rule (cairo_t       *cr,
           const CbColor *color,
           double         width,
           double         x0,
           double         x1,
           double         y)
{
  cb_theme_set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* Outlines rather than text, so that extracting the page's text does not break its
 * sentences up with the watermark's letters; the footer says "DRAFT" in words. */
static void
draw_watermark (CbPage  *page,
                cairo_t *cr)
{
  g_autoptr(PangoLayout) layout = cb_theme_create_layout (page->theme, page->context,
                                                          CB_FONT_WATERMARK, DRAFT_MARKING);
  double width, height;

  cb_chart_layout_size (layout, &width, &height);

  cairo_save (cr);
  cairo_translate (cr, CB_PAGE_WIDTH / 2, CB_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -atan2 (CB_PAGE_HEIGHT, CB_PAGE_WIDTH));
  cairo_move_to (cr, -width / 2, -height / 2);
  pango_cairo_layout_path (cr, layout);
  cb_theme_set_color (cr, &page->theme->watermark);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_margins (CbPage  *page,
              cairo_t *cr,
              guint    index)
{
  const CbTheme *theme = page->theme;
  gboolean ja = cb_chart_is_ja (page->lang);
  /* En spaces: with plain ones text extraction runs "1 / 3" together. */
  g_autofree char *numbers = g_strdup_printf ("%u\u2002/\u2002%u", index + 1, page->pages->len);
  g_autofree char *marking_text = NULL;
  g_autofree char *when = g_date_time_format (page->created, "%Y-%m-%d %H:%M %Z");
  g_autofree char *generated = g_strdup_printf (ja ? "作成 %s" : "Generated %s", when);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) period = NULL;
  g_autoptr(PangoLayout) marking = NULL;
  g_autoptr(PangoLayout) created = NULL;
  g_autoptr(PangoLayout) number = NULL;
  double right = MARGIN_X + CONTENT_WIDTH;
  double footer_top = CB_PAGE_HEIGHT - EDGE_Y;
  double number_width;

  period = cb_theme_create_layout (theme, page->context, CB_FONT_MARGIN, page->period);
  title = cb_theme_create_layout (theme, page->context, CB_FONT_MARGIN, page->title);
  pango_layout_set_width (title, (int) (cb_page_span_width (9) * PANGO_SCALE));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  cb_chart_show_layout (cr, title, &theme->muted, MARGIN_X, EDGE_Y, 0, 1);
  cb_chart_show_layout (cr, period, &theme->muted, right, EDGE_Y, 1, 1);
  draw_rule (cr, &theme->rule, 0.5, MARGIN_X, right, EDGE_Y + 3);

  if (page->draft)
    marking_text = g_strdup_printf ("%s\u2003%s", page->marking ? page->marking : "", DRAFT_MARKING);
  else
    marking_text = g_strdup (page->marking);
  marking = cb_theme_create_layout (theme, page->context, CB_FONT_TABLE_HEADER, marking_text);
  created = cb_theme_create_layout (theme, page->context, CB_FONT_MARGIN, generated);
  number = cb_theme_create_layout (theme, page->context, CB_FONT_MARGIN, numbers);
  draw_rule (cr, &theme->rule, 0.5, MARGIN_X, right, footer_top - 3);
  cb_chart_layout_size (number, &number_width, NULL);
  cb_chart_show_layout (cr, marking, &theme->foreground, MARGIN_X, footer_top, 0, 0);
  cb_chart_show_layout (cr, created, &theme->muted, right - number_width - GUTTER * 1.5, footer_top, 1, 0);
  cb_chart_show_layout (cr, number, &theme->foreground, right, footer_top, 1, 0);
}

static void
draw_lines (cairo_t         *cr,
            const CbTheme   *theme,
            const Placement *placement)
{
  const Block *block = placement->block;
  const CbColor *color = block->font == CB_FONT_CAPTION ? &theme->muted : &theme->foreground;
  double origin = placement->y - g_array_index (block->lines, LineBox, placement->first).top;

  cb_theme_set_color (cr, color);
  for (guint i = placement->first; i < placement->last; i++)
    {
      const LineBox *line = &g_array_index (block->lines, LineBox, i);

      /* Line by line, so a paragraph split over two pages writes each line once. */
      cairo_move_to (cr, MARGIN_X + line->x, origin + line->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, (int) i));
    }
}

/* Cells keep their layout's width, so the column's alignment holds. */
static void
show_cell (cairo_t       *cr,
           PangoLayout   *layout,
           const CbColor *color,
           double         x,
           double         y)
{
  cb_theme_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_table (CbPage          *page,
            cairo_t         *cr,
            const Placement *placement)
{
  const CbTheme *theme = page->theme;
  CbPageTable *table = placement->block->table;
  double left = column_x (table, 0);
  double right = column_x (table, table->n_columns - 1)
                 + cb_page_span_width (table->columns[table->n_columns - 1].span);
  double y = placement->y;

  /* The header fill reaches half a gutter past the text at each side. */
  cb_theme_set_color (cr, &theme->stripe);
  cairo_rectangle (cr, left - GUTTER / 2, y, right - left + GUTTER, table->header_height);
  cairo_fill (cr);

  for (guint c = 0; c < table->n_columns; c++)
    show_cell (cr, g_ptr_array_index (table->layouts, c), &theme->foreground,
               column_x (table, c), y + CELL_PADDING);
  y += table->header_height;
  draw_rule (cr, &theme->foreground, 0.6, left - GUTTER / 2, right + GUTTER / 2, y);

  for (guint r = placement->first; r < placement->last; r++)
    {
      double height = g_array_index (table->row_heights, double, r);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const Column *column = &table->columns[c];
          double x = column_x (table, c);

          if (column->func != NULL)
            {
              CbRect area = { x, y + CELL_PADDING, cb_page_span_width (column->span),
                              height - 2 * CELL_PADDING };

              cairo_save (cr);
              column->func (cr, &area, r, column->user_data);
              cairo_restore (cr);
            }
          else
            {
              show_cell (cr, g_ptr_array_index (table->layouts, (r + 1) * table->n_columns + c),
                         &theme->foreground, x, y + CELL_PADDING);
            }
        }

      y += height;
      draw_rule (cr, &theme->grid, 0.4, left - GUTTER / 2, right + GUTTER / 2, y);
    }
}

static void
draw_placement (CbPage          *page,
                cairo_t         *cr,
                const Placement *placement)
{
  const CbTheme *theme = page->theme;
  const Block *block = placement->block;

  cairo_save (cr);

  switch (block->kind)
    {
    case BLOCK_HEADING:
      cb_chart_show_layout (cr, block->layout, &theme->foreground, MARGIN_X, placement->y, 0, 0);
      if (block->level == 1)
        draw_rule (cr, &theme->series[CB_SERIES_CURRENT].color, 1.2, MARGIN_X,
                   MARGIN_X + CONTENT_WIDTH, placement->y + block_height (block) - 1);
      break;

    case BLOCK_TEXT:
      draw_lines (cr, theme, placement);
      break;

    case BLOCK_TABLE:
      draw_table (page, cr, placement);
      break;

    case BLOCK_FIGURE:
      {
        CbRect area = { MARGIN_X, placement->y, cb_page_span_width (block->span), block->height };

        cairo_save (cr);
        block->draw (cr, &area, block->user_data);
        cairo_restore (cr);
        cb_chart_show_layout (cr, block->layout, &theme->muted, MARGIN_X,
                              placement->y + block->height + FIGURE_CAPTION_GAP, 0, 0);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}

/* The outline entries made so far, the latest of each level being the parent of the next
 * deeper one. */
typedef struct
{
  cairo_surface_t *surface;
  int              parents[4];
} Outline;

static void
add_outline (Outline         *outline,
             const Placement *placement,
             guint            page_number)
{
  const Block *block = placement->block;
  char x[G_ASCII_DTOSTR_BUF_SIZE];
  char y[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *link = NULL;
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint level = block->level - 1; level >= 1; level--)
    if (outline->parents[level] != CAIRO_PDF_OUTLINE_ROOT)
      {
        parent = outline->parents[level];
        break;
      }

  g_ascii_dtostr (x, sizeof x, MARGIN_X);
  g_ascii_dtostr (y, sizeof y, placement->y);
  link = g_strdup_printf ("page=%u pos=[%s %s]", page_number, x, y);

  outline->parents[block->level] =
    cairo_pdf_surface_add_outline (outline->surface, parent, block->text, link,
                                   block->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

  /* A new section starts its subsections afresh. */
  for (guint level = block->level + 1; level < G_N_ELEMENTS (outline->parents); level++)
    outline->parents[level] = CAIRO_PDF_OUTLINE_ROOT;
}

static void
draw_page (CbPage  *page,
           cairo_t *cr,
           guint    index,
           Outline *outline)
{
  GArray *placements = g_ptr_array_index (page->pages, index);

  cairo_save (cr);
  if (page->draft)
    draw_watermark (page, cr);
  draw_margins (page, cr, index);

  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      draw_placement (page, cr, placement);
      if (outline != NULL && placement->block->kind == BLOCK_HEADING)
        add_outline (outline, placement, index + 1);
    }
  cairo_restore (cr);
}

void
cb_page_draw (CbPage  *page,
              cairo_t *cr,
              guint    index)
{
  g_return_if_fail (page != NULL);
  g_return_if_fail (cr != NULL);

  ensure_laid_out (page);
  g_return_if_fail (index < page->pages->len);

  draw_page (page, cr, index, NULL);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (CbPage          *page,
              cairo_surface_t *surface)
{
  g_autofree char *date = g_date_time_format (page->created, "%Y-%m-%dT%H:%M:%S%:z");
  const struct
  {
    cairo_pdf_metadata_t  key;
    const char           *value;
  } fields[] = {
    { CAIRO_PDF_METADATA_TITLE, page->title },
    { CAIRO_PDF_METADATA_SUBJECT, page->subject },
    { CAIRO_PDF_METADATA_AUTHOR, page->author },
    { CAIRO_PDF_METADATA_KEYWORDS, page->keywords },
    { CAIRO_PDF_METADATA_CREATOR, "Cyberboard " CB_VERSION },
    { CAIRO_PDF_METADATA_CREATE_DATE, date },
    { CAIRO_PDF_METADATA_MOD_DATE, date },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      cairo_pdf_surface_set_metadata (surface, fields[i].key, fields[i].value);
}

gboolean
cb_page_write_pdf (CbPage      *page,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  Writer writer = { NULL, NULL };
  Outline outline = { NULL, { 0 } };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_laid_out (page);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  writer.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, CB_PAGE_WIDTH, CB_PAGE_HEIGHT);
  set_metadata (page, surface);

  outline.surface = surface;
  for (guint level = 0; level < G_N_ELEMENTS (outline.parents); level++)
    outline.parents[level] = CAIRO_PDF_OUTLINE_ROOT;

  cr = cairo_create (surface);
  for (guint i = 0; i < page->pages->len; i++)
    {
      draw_page (page, cr, i, &outline);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&writer.error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write the PDF: %s",
                 cairo_status_to_string (status));

  if (writer.error != NULL)
    {
      /* Closing a cancelled stream leaves the file at @path as it was. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&writer.error), "%s: ", path);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
