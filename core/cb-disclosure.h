#pragma once

#include "cb-workbook.h"

G_BEGIN_DECLS

/* Disclosure documents for investors (SPEC §1.8). A disclosure has numbered versions; each version
 * goes draft → approved → published. Approval seals the rendered text with its SHA-256; an approved
 * or published version never changes (the file's triggers enforce it too) and edits go into a new
 * version. Audiences: "jp_annual_report", "integrated_report", "us_10k", "us_20f". Every change is
 * written to the audit log. */

typedef struct
{
  gint64  id;
  char   *audience;
  char   *period;      /* FY2026 or FY2026Q1 */
  char   *languages;   /* "ja,en", "ja" or "en" */
  char   *title_ja;
  char   *title_en;
} CbDisclosure;

typedef struct
{
  gint64  id;
  char   *key;
  int     position;
  char   *heading_ja;
  char   *heading_en;
  char   *body_ja;     /* the user's text, placeholders unresolved */
  char   *body_en;
} CbDisclosureSection;

typedef struct
{
  gint64     id;
  gint64     disclosure_id;
  int        version;
  char      *status;          /* "draft", "approved" or "published" */
  gint64     created_at;
  char      *approver;
  char      *approved_on;     /* YYYY-MM-DD */
  char      *sealed_text;     /* the resolved text of all sections, as approved */
  char      *content_sha256;  /* of sealed_text */
  char      *pdf_sha256;
  gint64     published_at;    /* 0 until published */
  GPtrArray *sections;        /* of CbDisclosureSection by position; NULL from a list */
} CbDisclosureVersion;

typedef struct
{
  const char *audience;
  const char *period;
  const char *languages;  /* NULL means "ja,en" */
  const char *title_ja;
  const char *title_en;
} CbDisclosureInfo;

/* The audiences a disclosure can be for, in the order they are offered, NULL-terminated. */
const char *const *cb_disclosure_audiences (void);

void cb_disclosure_free          (CbDisclosure        *disclosure);
void cb_disclosure_section_free  (CbDisclosureSection *section);
void cb_disclosure_version_free  (CbDisclosureVersion *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbDisclosure, cb_disclosure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbDisclosureSection, cb_disclosure_section_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbDisclosureVersion, cb_disclosure_version_free)

/**
 * cb_disclosure_create:
 * Creates a disclosure and its version 1 as a draft with the default sections of SEC Regulation S-K
 * Item 106 (risk management and strategy, including third-party risk; governance: board oversight;
 * governance: management's role and expertise; material effects of cyber risks and incidents),
 * headed in Japanese and English with empty bodies. Returns the disclosure's id, or 0.
 */
gint64               cb_disclosure_create         (CbWorkbook              *workbook,
                                                   const CbDisclosureInfo  *info,
                                                   GError                 **error);

/* Every disclosure, by period and audience. */
GPtrArray           *cb_disclosure_list           (CbWorkbook              *workbook,
                                                   GError                 **error);
CbDisclosure        *cb_disclosure_get            (CbWorkbook              *workbook,
                                                   gint64                   disclosure_id,
                                                   GError                 **error);

/* The versions of a disclosure, oldest first, without their sections. */
GPtrArray           *cb_disclosure_list_versions  (CbWorkbook              *workbook,
                                                   gint64                   disclosure_id,
                                                   GError                 **error);

/* One version with its sections. */
CbDisclosureVersion *cb_disclosure_get_version    (CbWorkbook              *workbook,
                                                   gint64                   version_id,
                                                   GError                 **error);

/**
 * cb_disclosure_set_section:
 * @lang: "ja" or "en"
 * @body: (nullable): the section's text, which may hold placeholders
 *
 * Replaces the body of the section @section_key of a draft version in one language.
 */
gboolean             cb_disclosure_set_section    (CbWorkbook              *workbook,
                                                   gint64                   version_id,
                                                   const char              *section_key,
                                                   const char              *lang,
                                                   const char              *body,
                                                   GError                 **error);

/**
 * cb_disclosure_approve:
 * @approved_on: YYYY-MM-DD
 * @sealed_text: the text of all sections with every placeholder resolved, as it will be published
 *
 * Approves a draft version: stores the approver, the date, @sealed_text and its SHA-256. Text that
 * still holds a placeholder is refused.
 */
gboolean             cb_disclosure_approve        (CbWorkbook              *workbook,
                                                   gint64                   version_id,
                                                   const char              *approver,
                                                   const char              *approved_on,
                                                   const char              *sealed_text,
                                                   GError                 **error);

/* Records the SHA-256 of the PDF made from an approved version, once, before it is published. */
gboolean             cb_disclosure_set_pdf_hash   (CbWorkbook              *workbook,
                                                   gint64                   version_id,
                                                   const char              *sha256,
                                                   GError                 **error);

/* Publishes an approved version now; from then on nothing about it changes. */
gboolean             cb_disclosure_publish        (CbWorkbook              *workbook,
                                                   gint64                   version_id,
                                                   GError                 **error);

/* Copies the sections of the latest version, which must be approved or published, into the next
 * version as a draft; returns the new version's id, or 0. */
gint64               cb_disclosure_new_version    (CbWorkbook              *workbook,
                                                   gint64                   disclosure_id,
                                                   GError                 **error);

/**
 * cb_disclosure_diff:
 *
 * The changes from version @from_id to version @to_id as a unified-style diff of each section body
 * that differs, in the sections' order, Japanese before English. Each section starts with
 * "--- vN/KEY.LANG", "+++ vM/KEY.LANG" and "@@ -1,n +1,m @@" (0,0 for no lines) and then lists
 * every line of both texts: " " unchanged, "-" removed, "+" added. Identical versions give "".
 */
char                *cb_disclosure_diff           (CbWorkbook              *workbook,
                                                   gint64                   from_id,
                                                   gint64                   to_id,
                                                   GError                 **error);

/* The names of the placeholders ({{name.member}}) in @text, each once, in order of appearance. A
 * name is ASCII letters, digits, "_" and "-" in two or more parts joined by ".". */
char               **cb_disclosure_placeholders   (const char              *text);

/**
 * CbPlaceholderFunc:
 * Returns the text that replaces the placeholder @name, or NULL, optionally setting @error, to
 * refuse it (unknown, or drawing on data that is not public).
 */
typedef char *(*CbPlaceholderFunc) (const char  *name,
                                    gpointer     user_data,
                                    GError     **error);

/* @text with every placeholder replaced by what @lookup returns. A refused placeholder or a "{{"
 * that does not start one is an error naming it; nothing is ever left or substituted silently. */
char                *cb_disclosure_resolve        (const char              *text,
                                                   CbPlaceholderFunc        lookup,
                                                   gpointer                 user_data,
                                                   GError                 **error);

G_END_DECLS
