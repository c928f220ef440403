#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-audit.h"
#include "cb-disclosure.h"
#include "cb-period.h"
#include "cb-workbook-private.h"

#define DISCLOSURE_COLUMNS "id, audience, period, languages, title_ja, title_en"

#define VERSION_COLUMNS \
  "id, disclosure_id, version, status, created_at, approver, approved_on, sealed_text, " \
  "content_sha256, pdf_sha256, published_at"

#define SECTION_COLUMNS "id, key, position, heading_ja, heading_en, body_ja, body_en"

static const char *const audiences[] = {
  "jp_annual_report", "integrated_report", "us_10k", "us_20f", NULL
};

/* SEC Regulation S-K Item 106 (b) and (c), in the order Form 10-K Item 1C presents them. */
static const struct
{
  const char *key;
  const char *heading_ja;
  const char *heading_en;
} default_sections[] = {
  { "risk_management",
    "サイバーセキュリティのリスク管理及び戦略（第三者リスクを含む）",
    "Cybersecurity risk management and strategy, including third-party risk" },
  { "board_oversight",
    "ガバナンス：取締役会による監督",
    "Governance: board oversight" },
  { "management_role",
    "ガバナンス：経営陣の役割と専門性",
    "Governance: management's role and expertise" },
  { "incident_effects",
    "サイバーセキュリティリスク及びインシデントによる重要な影響",
    "Material effects of cybersecurity risks and incidents" },
};

const char *const *
cb_disclosure_audiences (void)
{
  return audiences;
}

void
cb_disclosure_free (CbDisclosure *disclosure)
{
  g_free (disclosure->audience);
  g_free (disclosure->period);
  g_free (disclosure->languages);
  g_free (disclosure->title_ja);
  g_free (disclosure->title_en);
  g_free (disclosure);
}

void
cb_disclosure_section_free (CbDisclosureSection *section)
{
  g_free (section->key);
  g_free (section->heading_ja);
  g_free (section->heading_en);
  g_free (section->body_ja);
  g_free (section->body_en);
  g_free (section);
}

void
cb_disclosure_version_free (CbDisclosureVersion *version)
{
  g_free (version->status);
  g_free (version->approver);
  g_free (version->approved_on);
  g_free (version->sealed_text);
  g_free (version->content_sha256);
  g_free (version->pdf_sha256);
  g_clear_pointer (&version->sections, g_ptr_array_unref);
  g_free (version);
}

static CbDisclosure *
disclosure_from_row (sqlite3_stmt *stmt)
{
  CbDisclosure *disclosure = g_new0 (CbDisclosure, 1);

  disclosure->id = sqlite3_column_int64 (stmt, 0);
  disclosure->audience = cb_workbook_column_dup (stmt, 1);
  disclosure->period = cb_workbook_column_dup (stmt, 2);
  disclosure->languages = cb_workbook_column_dup (stmt, 3);
  disclosure->title_ja = cb_workbook_column_dup (stmt, 4);
  disclosure->title_en = cb_workbook_column_dup (stmt, 5);
  return disclosure;
}

static CbDisclosureVersion *
version_from_row (sqlite3_stmt *stmt)
{
  CbDisclosureVersion *version = g_new0 (CbDisclosureVersion, 1);

  version->id = sqlite3_column_int64 (stmt, 0);
  version->disclosure_id = sqlite3_column_int64 (stmt, 1);
  version->version = sqlite3_column_int (stmt, 2);
  version->status = cb_workbook_column_dup (stmt, 3);
  version->created_at = sqlite3_column_int64 (stmt, 4);
  version->approver = cb_workbook_column_dup (stmt, 5);
  version->approved_on = cb_workbook_column_dup (stmt, 6);
  version->sealed_text = cb_workbook_column_dup (stmt, 7);
  version->content_sha256 = cb_workbook_column_dup (stmt, 8);
  version->pdf_sha256 = cb_workbook_column_dup (stmt, 9);
  version->published_at = sqlite3_column_int64 (stmt, 10);
  return version;
}

static CbDisclosureSection *
section_from_row (sqlite3_stmt *stmt)
{
  CbDisclosureSection *section = g_new0 (CbDisclosureSection, 1);

  section->id = sqlite3_column_int64 (stmt, 0);
  section->key = cb_workbook_column_dup (stmt, 1);
  section->position = sqlite3_column_int (stmt, 2);
  section->heading_ja = cb_workbook_column_dup (stmt, 3);
  section->heading_en = cb_workbook_column_dup (stmt, 4);
  section->body_ja = cb_workbook_column_dup (stmt, 5);
  section->body_en = cb_workbook_column_dup (stmt, 6);
  return section;
}

static CbDisclosureVersion *
load_version (CbWorkbook  *workbook,
              gint64       version_id,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cb_workbook_prepare (workbook,
                              "SELECT " VERSION_COLUMNS " FROM disclosure_versions WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (!cb_workbook_step_row (workbook, stmt, "disclosure version", version_id,
                             "reading a disclosure version", error))
    return NULL;
  return version_from_row (stmt);
}

static gboolean
refuse_sealed (const CbDisclosureVersion  *version,
               GError                    **error)
{
  /* Translators: %s is the status of the version, approved or published. */
  g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
               _("version %d of the disclosure is %s and never changes; edit a new version"),
               version->version, version->status);
  return FALSE;
}

/* The version, when it is a draft that may still change. */
static CbDisclosureVersion *
load_draft (CbWorkbook  *workbook,
            gint64       version_id,
            GError     **error)
{
  CbDisclosureVersion *version = load_version (workbook, version_id, error);

  if (version != NULL && !g_str_equal (version->status, "draft"))
    {
      refuse_sealed (version, error);
      g_clear_pointer (&version, cb_disclosure_version_free);
    }
  return version;
}

/* "ja", "en" or "ja,en" from any comma-separated list of the two, or NULL. */
static char *
canonical_languages (const char *languages)
{
  g_auto(GStrv) parts = g_strsplit (languages, ",", -1);
  gboolean ja = FALSE, en = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (g_str_equal (part, "ja"))
        ja = TRUE;
      else if (g_str_equal (part, "en"))
        en = TRUE;
      else
        return NULL;
    }
  if (ja && en)
    return g_strdup ("ja,en");
  if (ja || en)
    return g_strdup (ja ? "ja" : "en");
  return NULL;
}

static gint64
insert_section (CbWorkbook                 *workbook,
                gint64                      version_id,
                const CbDisclosureSection  *section,
                GError                    **error)
{
  g_autofree char *json = NULL;
  GString *values = g_string_new ("{");
  sqlite3_stmt *stmt;

  cb_json_append_member (values, "key", section->key);
  cb_json_append_member (values, "heading_ja", section->heading_ja);
  cb_json_append_member (values, "heading_en", section->heading_en);
  cb_json_append_member (values, "body_ja", section->body_ja);
  cb_json_append_member (values, "body_en", section->body_en);
  json = cb_json_close (values);

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO disclosure_sections (version_id, key, position, "
                              "heading_ja, heading_en, body_ja, body_en) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_text (stmt, 2, section->key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, section->position);
  sqlite3_bind_text (stmt, 4, section->heading_ja, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, section->heading_en, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, section->body_ja, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, section->body_en, -1, SQLITE_STATIC);
  return cb_audit_insert (workbook, stmt, "disclosure_sections", json, "saving a disclosure section",
                          error);
}

static gint64
insert_version (CbWorkbook  *workbook,
                gint64       disclosure_id,
                int          number,
                GError     **error)
{
  g_autofree char *json = NULL;
  GString *values = g_string_new ("{");
  sqlite3_stmt *stmt;
  char text[16];

  g_snprintf (text, sizeof text, "%d", number);
  cb_json_append_member (values, "version", text);
  cb_json_append_member (values, "status", "draft");
  json = cb_json_close (values);

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO disclosure_versions (disclosure_id, version, "
                              "created_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, disclosure_id);
  sqlite3_bind_int (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, cb_workbook_now ());
  return cb_audit_insert (workbook, stmt, "disclosure_versions", json, "saving a disclosure version",
                          error);
}

static gint64
insert_disclosure (CbWorkbook              *workbook,
                   const CbDisclosureInfo  *info,
                   GError                 **error)
{
  g_autofree char *json = NULL;
  GString *values = g_string_new ("{");
  sqlite3_stmt *stmt;

  cb_json_append_member (values, "audience", info->audience);
  cb_json_append_member (values, "period", info->period);
  cb_json_append_member (values, "languages", info->languages);
  cb_json_append_member (values, "title_ja", cb_workbook_nonempty (info->title_ja));
  cb_json_append_member (values, "title_en", cb_workbook_nonempty (info->title_en));
  json = cb_json_close (values);

  stmt = cb_workbook_prepare (workbook,
                              "INSERT INTO disclosures (audience, period, languages, title_ja, "
                              "title_en) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, info->audience, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->period, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, info->languages, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, cb_workbook_nonempty (info->title_ja), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cb_workbook_nonempty (info->title_en), -1, SQLITE_STATIC);
  return cb_audit_insert (workbook, stmt, "disclosures", json, "saving a disclosure", error);
}

gint64
cb_disclosure_create (CbWorkbook              *workbook,
                      const CbDisclosureInfo  *info,
                      GError                 **error)
{
  g_autofree char *languages = NULL;
  g_autofree char *period_text = NULL;
  g_autoptr(GError) period_error = NULL;
  CbDisclosureInfo checked;
  CbPeriod period;
  gint64 id;
  gint64 version_id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (info->audience == NULL || !g_strv_contains (audiences, info->audience))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("audience: “%s” is not one of jp_annual_report, integrated_report, us_10k, "
                   "us_20f"),
                   info->audience != NULL ? info->audience : "");
      return 0;
    }
  if (!cb_period_parse (info->period, &period, &period_error))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID, "period: %s",
                   period_error->message);
      return 0;
    }
  languages = canonical_languages (info->languages != NULL ? info->languages : "ja,en");
  if (languages == NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("languages: “%s” is not “ja”, “en” or “ja,en”"), info->languages);
      return 0;
    }
  period_text = cb_period_to_string (&period);
  checked = *info;
  checked.period = period_text;
  checked.languages = languages;

  if (!cb_workbook_begin (workbook, error))
    return 0;
  id = insert_disclosure (workbook, &checked, error);
  if (id == 0)
    goto failed;
  version_id = insert_version (workbook, id, 1, error);
  if (version_id == 0)
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (default_sections); i++)
    {
      CbDisclosureSection section = {
        .key = (char *) default_sections[i].key,
        .position = i + 1,
        .heading_ja = (char *) default_sections[i].heading_ja,
        .heading_en = (char *) default_sections[i].heading_en,
      };

      if (insert_section (workbook, version_id, &section, error) == 0)
        goto failed;
    }
  if (!cb_workbook_commit (workbook, error))
    return 0;
  return id;

failed:
  cb_workbook_rollback (workbook);
  return 0;
}

GPtrArray *
cb_disclosure_list (CbWorkbook  *workbook,
                    GError     **error)
{
  g_autoptr(GPtrArray) disclosures = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT " DISCLOSURE_COLUMNS " FROM disclosures "
                              "ORDER BY period, audience, id", error);
  if (stmt == NULL)
    return NULL;
  disclosures = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_disclosure_free);
  if (!cb_workbook_collect_rows (workbook, stmt, disclosures,
                                 (CbWorkbookRowFunc) disclosure_from_row, "listing disclosures",
                                 error))
    return NULL;
  return g_steal_pointer (&disclosures);
}

CbDisclosure *
cb_disclosure_get (CbWorkbook  *workbook,
                   gint64       disclosure_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  stmt = cb_workbook_prepare (workbook,
                              "SELECT " DISCLOSURE_COLUMNS " FROM disclosures WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, disclosure_id);
  if (!cb_workbook_step_row (workbook, stmt, "disclosure", disclosure_id, "reading a disclosure",
                             error))
    return NULL;
  return disclosure_from_row (stmt);
}

GPtrArray *
cb_disclosure_list_versions (CbWorkbook  *workbook,
                             gint64       disclosure_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(CbDisclosure) disclosure = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  disclosure = cb_disclosure_get (workbook, disclosure_id, error);
  if (disclosure == NULL)
    return NULL;
  stmt = cb_workbook_prepare (workbook,
                              "SELECT " VERSION_COLUMNS " FROM disclosure_versions "
                              "WHERE disclosure_id = ? ORDER BY version", error);
  if (stmt == NULL)
    return NULL;
  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_disclosure_version_free);
  sqlite3_bind_int64 (stmt, 1, disclosure_id);
  if (!cb_workbook_collect_rows (workbook, stmt, versions, (CbWorkbookRowFunc) version_from_row,
                                 "listing disclosure versions", error))
    return NULL;
  return g_steal_pointer (&versions);
}

CbDisclosureVersion *
cb_disclosure_get_version (CbWorkbook  *workbook,
                           gint64       version_id,
                           GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  version = load_version (workbook, version_id, error);
  if (version == NULL)
    return NULL;
  version->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_disclosure_section_free);
  stmt = cb_workbook_prepare (workbook,
                              "SELECT " SECTION_COLUMNS " FROM disclosure_sections "
                              "WHERE version_id = ? ORDER BY position, key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (!cb_workbook_collect_rows (workbook, stmt, version->sections,
                                 (CbWorkbookRowFunc) section_from_row, "reading disclosure sections",
                                 error))
    return NULL;
  return g_steal_pointer (&version);
}

gboolean
cb_disclosure_set_section (CbWorkbook  *workbook,
                           gint64       version_id,
                           const char  *section_key,
                           const char  *lang,
                           const char  *body,
                           GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autofree char *column = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;
  gint64 section_id;
  gboolean ja;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (section_key != NULL, FALSE);

  ja = g_strcmp0 (lang, "ja") == 0;
  if (!ja && g_strcmp0 (lang, "en") != 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("lang: “%s” is neither “ja” nor “en”"), lang != NULL ? lang : "");
      return FALSE;
    }
  version = load_draft (workbook, version_id, error);
  if (version == NULL)
    return FALSE;

  column = g_strconcat ("body_", lang, NULL);
  stmt = cb_workbook_prepare (workbook,
                              "SELECT id, body_ja, body_en FROM disclosure_sections "
                              "WHERE version_id = ? AND key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_text (stmt, 2, section_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("section_key: version %d of the disclosure has no section “%s”"),
                   version->version, section_key);
      return FALSE;
    }
  section_id = sqlite3_column_int64 (stmt, 0);
  old_json = cb_audit_json_pair (column, (const char *) sqlite3_column_text (stmt, ja ? 1 : 2));
  new_json = cb_audit_json_pair (column, cb_workbook_nonempty (body));

  stmt = cb_workbook_prepare (workbook,
                              ja
                                ? "UPDATE disclosure_sections SET body_ja = ? WHERE id = ?"
                                : "UPDATE disclosure_sections SET body_en = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cb_workbook_nonempty (body), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, section_id);
  return cb_audit_change (workbook, stmt, "saving a disclosure section", "update",
                          "disclosure_sections", section_id, old_json, new_json, error);
}

gboolean
cb_disclosure_approve (CbWorkbook  *workbook,
                       gint64       version_id,
                       const char  *approver,
                       const char  *approved_on,
                       const char  *sealed_text,
                       GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_auto(GStrv) unresolved = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  GString *json;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  version = load_draft (workbook, version_id, error);
  if (version == NULL)
    return FALSE;
  if (cb_workbook_nonempty (approver) == NULL)
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("approver: the approver's name is required"));
      return FALSE;
    }
  if (!cb_workbook_check_date ("approved_on", approved_on, error))
    return FALSE;
  if (cb_workbook_nonempty (sealed_text) == NULL)
    {
      g_set_error_literal (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                           _("sealed_text: there is no text to approve"));
      return FALSE;
    }
  unresolved = cb_disclosure_placeholders (sealed_text);
  if (unresolved[0] != NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("sealed_text: the placeholder {{%s}} is not resolved"), unresolved[0]);
      return FALSE;
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sealed_text, -1);
  old_json = cb_audit_json_pair ("status", "draft");
  json = g_string_new ("{");
  cb_json_append_member (json, "status", "approved");
  cb_json_append_member (json, "approver", approver);
  cb_json_append_member (json, "approved_on", approved_on);
  cb_json_append_member (json, "content_sha256", hash);
  new_json = cb_json_close (json);

  const char *values[] = { approver, approved_on, sealed_text, hash };

  return cb_audit_update (workbook,
                          "UPDATE disclosure_versions SET status = 'approved', approver = ?, "
                          "approved_on = ?, sealed_text = ?, content_sha256 = ? WHERE id = ?",
                          values, G_N_ELEMENTS (values), "approve",
                          "disclosure_versions", version_id, old_json, new_json,
                          "changing a disclosure version", error);
}

gboolean
cb_disclosure_set_pdf_hash (CbWorkbook  *workbook,
                            gint64       version_id,
                            const char  *sha256,
                            GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *new_json = NULL;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  if (!cb_workbook_check_sha256 ("pdf_sha256", sha256, error))
    return FALSE;
  version = load_version (workbook, version_id, error);
  if (version == NULL)
    return FALSE;
  if (g_str_equal (version->status, "draft"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("version %d of the disclosure is a draft; approve it before recording its PDF"),
                   version->version);
      return FALSE;
    }
  if (g_str_equal (version->status, "published"))
    return refuse_sealed (version, error);
  if (version->pdf_sha256 != NULL)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_READ_ONLY,
                   _("version %d of the disclosure has its PDF hash already (%s)"), version->version,
                   version->pdf_sha256);
      return FALSE;
    }

  hash = g_ascii_strdown (sha256, -1);
  new_json = cb_audit_json_pair ("pdf_sha256", hash);

  const char *values[] = { hash };

  return cb_audit_update (workbook,
                          "UPDATE disclosure_versions SET pdf_sha256 = ? WHERE id = ?",
                          values, G_N_ELEMENTS (values), "update",
                          "disclosure_versions", version_id, NULL, new_json,
                          "changing a disclosure version", error);
}

gboolean
cb_disclosure_publish (CbWorkbook  *workbook,
                       gint64       version_id,
                       GError     **error)
{
  g_autoptr(CbDisclosureVersion) version = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = NULL;
  GString *json;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), FALSE);

  version = load_version (workbook, version_id, error);
  if (version == NULL)
    return FALSE;
  if (g_str_equal (version->status, "draft"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("version %d of the disclosure is a draft; approve it before publishing"),
                   version->version);
      return FALSE;
    }
  if (g_str_equal (version->status, "published"))
    return refuse_sealed (version, error);

  now = g_strdup_printf ("%" G_GINT64_FORMAT, cb_workbook_now ());
  old_json = cb_audit_json_pair ("status", "approved");
  json = g_string_new ("{");
  cb_json_append_member (json, "status", "published");
  cb_json_append_member (json, "published_at", now);
  new_json = cb_json_close (json);

  const char *values[] = { now };

  /* The column's INTEGER affinity stores the decimal text as a number. */
  return cb_audit_update (workbook,
                          "UPDATE disclosure_versions SET status = 'published', published_at = ? "
                          "WHERE id = ?",
                          values, G_N_ELEMENTS (values), "publish",
                          "disclosure_versions", version_id, old_json, new_json,
                          "changing a disclosure version", error);
}

gint64
cb_disclosure_new_version (CbWorkbook  *workbook,
                           gint64       disclosure_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(CbDisclosureVersion) latest = NULL;
  CbDisclosureVersion *last;
  gint64 id;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), 0);

  versions = cb_disclosure_list_versions (workbook, disclosure_id, error);
  if (versions == NULL)
    return 0;
  if (versions->len == 0)
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_CORRUPT,
                   _("disclosure %lld has no version to start from"), (long long) disclosure_id);
      return 0;
    }
  last = g_ptr_array_index (versions, versions->len - 1);
  if (g_str_equal (last->status, "draft"))
    {
      g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                   _("version %d of the disclosure is still a draft; edit it instead of making a "
                   "new version"),
                   last->version);
      return 0;
    }
  latest = cb_disclosure_get_version (workbook, last->id, error);
  if (latest == NULL)
    return 0;

  if (!cb_workbook_begin (workbook, error))
    return 0;
  id = insert_version (workbook, disclosure_id, latest->version + 1, error);
  if (id == 0)
    goto failed;
  for (guint i = 0; i < latest->sections->len; i++)
    if (insert_section (workbook, id, g_ptr_array_index (latest->sections, i), error) == 0)
      goto failed;
  if (!cb_workbook_commit (workbook, error))
    return 0;
  return id;

failed:
  cb_workbook_rollback (workbook);
  return 0;
}

/* The lines of @text; a final line feed does not start another line. */
static char **
split_lines (const char *text)
{
  char **lines;
  guint n;

  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  if (n > 0 && lines[n - 1][0] == '\0')
    g_clear_pointer (&lines[n - 1], g_free);
  return lines;
}

/* Appends the diff of one section body: a longest-common-subsequence walk over its lines, with
 * removals before additions where both are possible. */
static void
append_diff (GString    *out,
             const char *from_label,
             const char *to_label,
             const char *from_text,
             const char *to_text)
{
  g_auto(GStrv) a = split_lines (from_text);
  g_auto(GStrv) b = split_lines (to_text);
  guint n = g_strv_length (a);
  guint m = g_strv_length (b);
  g_autofree guint *common = g_new0 (guint, (gsize) (n + 1) * (m + 1));
  guint i = 0, j = 0;

#define COMMON(x, y) common[(gsize) (x) * (m + 1) + (y)]
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      COMMON (x, y) = g_str_equal (a[x], b[y]) ? COMMON (x + 1, y + 1) + 1
                                               : MAX (COMMON (x + 1, y), COMMON (x, y + 1));

  g_string_append_printf (out, "--- %s\n+++ %s\n@@ -%u,%u +%u,%u @@\n", from_label, to_label,
                          n > 0 ? 1 : 0, n, m > 0 ? 1 : 0, m);
  while (i < n || j < m)
    {
      if (i < n && j < m && g_str_equal (a[i], b[j]))
        {
          g_string_append_printf (out, " %s\n", a[i++]);
          j++;
        }
      else if (i < n && (j == m || COMMON (i + 1, j) >= COMMON (i, j + 1)))
        g_string_append_printf (out, "-%s\n", a[i++]);
      else
        g_string_append_printf (out, "+%s\n", b[j++]);
    }
#undef COMMON
}

static void
append_section_diff (GString                    *out,
                     const CbDisclosureVersion  *from,
                     const CbDisclosureVersion  *to,
                     const char                 *key,
                     const CbDisclosureSection  *old_section,
                     const CbDisclosureSection  *new_section)
{
  static const char *const langs[] = { "ja", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      gboolean ja = l == 0;
      const char *old_text = NULL;
      const char *new_text = NULL;
      g_autofree char *from_label = NULL;
      g_autofree char *to_label = NULL;

      if (old_section != NULL)
        old_text = ja ? old_section->body_ja : old_section->body_en;
      if (new_section != NULL)
        new_text = ja ? new_section->body_ja : new_section->body_en;
      if (g_strcmp0 (cb_workbook_nonempty (old_text), cb_workbook_nonempty (new_text)) == 0)
        continue;
      from_label = g_strdup_printf ("v%d/%s.%s", from->version, key, langs[l]);
      to_label = g_strdup_printf ("v%d/%s.%s", to->version, key, langs[l]);
      append_diff (out, from_label, to_label, old_text, new_text);
    }
}

static const CbDisclosureSection *
find_section (const CbDisclosureVersion *version,
              const char                *key)
{
  for (guint i = 0; i < version->sections->len; i++)
    {
      const CbDisclosureSection *section = g_ptr_array_index (version->sections, i);

      if (g_str_equal (section->key, key))
        return section;
    }
  return NULL;
}

char *
cb_disclosure_diff (CbWorkbook  *workbook,
                    gint64       from_id,
                    gint64       to_id,
                    GError     **error)
{
  g_autoptr(CbDisclosureVersion) from = NULL;
  g_autoptr(CbDisclosureVersion) to = NULL;
  GString *out;

  g_return_val_if_fail (CB_IS_WORKBOOK (workbook), NULL);

  from = cb_disclosure_get_version (workbook, from_id, error);
  if (from == NULL)
    return NULL;
  to = cb_disclosure_get_version (workbook, to_id, error);
  if (to == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < to->sections->len; i++)
    {
      const CbDisclosureSection *section = g_ptr_array_index (to->sections, i);

      append_section_diff (out, from, to, section->key, find_section (from, section->key), section);
    }
  for (guint i = 0; i < from->sections->len; i++)
    {
      const CbDisclosureSection *section = g_ptr_array_index (from->sections, i);

      if (find_section (to, section->key) == NULL)
        append_section_diff (out, from, to, section->key, section, NULL);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* When @p, which starts with "{{", starts a placeholder: its name and the length of the whole. */
static gboolean
scan_placeholder (const char  *p,
                  char       **name,
                  gsize       *length)
{
  const char *start = p + 2;
  const char *end = strstr (start, "}}");
  gboolean parts = FALSE;

  if (end == NULL || end == start || !is_name_char (start[0]) || !is_name_char (end[-1]))
    return FALSE;
  for (const char *q = start; q < end; q++)
    {
      if (*q == '.' && is_name_char (q[1]))
        parts = TRUE;
      else if (!is_name_char (*q))
        return FALSE;
    }
  if (!parts)
    return FALSE;
  *name = g_strndup (start, end - start);
  *length = end + 2 - p;
  return TRUE;
}

char **
cb_disclosure_placeholders (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while ((p = strstr (p, "{{")) != NULL)
    {
      char *name;
      gsize length;

      if (!scan_placeholder (p, &name, &length))
        {
          p++;
          continue;
        }
      if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_free (name);
      else
        g_ptr_array_add (names, name);
      p += length;
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
cb_disclosure_resolve (const char         *text,
                       CbPlaceholderFunc   lookup,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(GString) out = NULL;
  const char *p = text;
  const char *brace;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  out = g_string_new (NULL);
  while ((brace = strstr (p, "{{")) != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      g_string_append_len (out, p, brace - p);
      if (!scan_placeholder (brace, &name, &length))
        {
          gsize shown = strcspn (brace, "\n");
          const char *close = strstr (brace, "}}");

          if (close != NULL && (gsize) (close + 2 - brace) < shown)
            shown = close + 2 - brace;
          g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                       _("“%.*s” is not a placeholder; write {{name.member}}"), (int) shown, brace);
          return NULL;
        }
      value = lookup (name, user_data, &local_error);
      if (value == NULL)
        {
          if (local_error != NULL)
            g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "{{%s}}: ", name);
          else
            g_set_error (error, CB_WORKBOOK_ERROR, CB_WORKBOOK_ERROR_INVALID,
                         _("{{%s}}: the placeholder is unknown or draws on data that is not public"),
                         name);
          return NULL;
        }
      g_string_append (out, value);
      p = brace + length;
    }
  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
