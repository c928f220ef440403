/* test-csv-reader.c
 *
 * Copyright 2026 The Cyberboard authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cb-csv-reader.h"

#define CHUNK 65536

typedef struct
{
  guint       line;
  const char *fields[7];  /* NULL-terminated */
} ExpectedRow;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

/* Reads every row and checks each against @expected, which ends with a row of line 0. */
static void
assert_rows (CbCsvReader       *reader,
             const ExpectedRow *expected)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint n = 0;

  g_assert_cmpuint (cb_csv_reader_get_line (reader), ==, 0);
  while (cb_csv_reader_next_row (reader, &fields, &error))
    {
      g_assert_cmpuint (expected[n].line, !=, 0);
      g_assert_cmpuint (cb_csv_reader_get_line (reader), ==, expected[n].line);
      g_assert_cmpuint (fields->len, ==, g_strv_length ((char **) expected[n].fields));
      for (guint i = 0; i < fields->len; i++)
        g_assert_cmpstr (g_ptr_array_index (fields, i), ==, expected[n].fields[i]);
      n++;
    }
  g_assert_no_error (error);
  g_assert_null (fields);
  g_assert_cmpuint (expected[n].line, ==, 0);

  /* The end stays the end. */
  g_assert_false (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_no_error (error);
}

static void
test_fixtures (void)
{
  static const struct
  {
    const char  *file;
    const char  *encoding;
    char         delimiter;
    ExpectedRow  rows[6];
  } cases[] = {
    { "excel-utf8-bom.csv", "UTF-8-BOM", ',', {
      { 1, { "取引先コード", "取引先名", "国", "重要度", "委託業務", "データアクセス" } },
      { 2, { "S001", "株式会社サンプル商事", "JP", "高", "クラウド基盤の運用, 保守", "個人情報" } },
      { 3, { "S002", "Acme \"Cloud\" Inc.", "US", "中", "SaaS", "機密情報" } },
      { 4, { "S003", "山田データ", "JP", "低", "", "なし" } },
    } },
    { "excel-cp932.csv", "CP932", ',', {
      { 1, { "取引先コード", "取引先名", "回答日", "Q1. 方針はありますか" } },
      { 2, { "S001", "ｻﾝﾌﾟﾙ商事①", "2026/4/1", "はい" } },
      /* 0x8160 is U+FF5E FULLWIDTH TILDE in CP932 (U+301C WAVE DASH in plain Shift_JIS). */
      { 3, { "S002", "髙橋システム\xef\xbd\x9e東京", "2026年4月2日", "いいえ" } },
    } },
    { "unicode-text.txt", "UTF-16LE", '\t', {
      { 1, { "code", "name_ja", "unit", "direction", "target" } },
      { 2, { "KPI-01", "パッチ適用率", "%", "高いほど良い", "95" } },
      { 3, { "KPI-02", "検知までの日数\t(中央値)", "日", "低いほど良い", "10" } },
    } },
    { "unicode-text-be.txt", "UTF-16BE", '\t', {
      { 1, { "code", "value" } },
      { 2, { "KPI-01", "95" } },
    } },
    { "google-forms.csv", "UTF-8", ',', {
      { 1, { "タイムスタンプ", "取引先コード", "Q1. 情報セキュリティ方針を定めていますか", "Q2. 備考" } },
      { 2, { "2026/04/01 9:05:12", "S001", "はい", "年1回見直し。\n担当: 情報システム部" } },
      { 4, { "2026/04/02 17:30:00", "S002", "一部", "ISMS取得予定\n\n詳細は別紙" } },
      { 7, { "2026/04/03 8:00:00", "S003", "いいえ", "" } },
    } },
    { "european-semicolon.csv", "UTF-8", ';', {
      { 1, { "code", "period", "entity", "value" } },
      { 2, { "KPI-01", "FY2026Q1", "HQ", "12,5" } },
      { 3, { "KPI-02", "FY2026Q1", "HQ", "3;4" } },
    } },
    { "old-mac-cr.csv", "UTF-8", ',', {
      { 1, { "code", "name_ja", "name_en" } },
      { 2, { "HQ", "本社", "Headquarters" } },
      { 3, { "JP1", "日本\r支社", "Japan branch" } },
    } },
    { "header-only.csv", "UTF-8", ',', {
      { 1, { "code", "name_ja", "name_en", "parent_code" } },
    } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GStatBuf info;

      g_test_message ("%s", cases[i].file);
      reader = cb_csv_reader_new (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cb_csv_reader_get_encoding (reader), ==, cases[i].encoding);
      g_assert_cmpint (cb_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_cmpstr (cb_csv_reader_get_name (reader), ==, path);
      assert_rows (reader, cases[i].rows);

      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_assert_cmpint (cb_csv_reader_get_size (reader), ==, info.st_size);
      g_assert_cmpint (cb_csv_reader_get_bytes_read (reader), ==, info.st_size);
    }
}

/* The digests were computed with sha256sum. */
static void
test_sha256 (void)
{
  static const struct
  {
    const char *file;
    const char *sha256;
  } cases[] = {
    { "excel-utf8-bom.csv", "ae6c61553ae3e41d05ceb14f02e7cee69e8a567d33ab90b3d4007bcc4188fae2" },
    { "unicode-text.txt", "c4e554fa9682d1cc623bbe304e35efbb4afcd5f1adcb1d457bcd5a787aa836e3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autoptr(CbCsvReader) reader = cb_csv_reader_new (path, NULL, NULL);

      g_assert_nonnull (reader);
      g_assert_cmpstr (cb_csv_reader_get_sha256 (reader), ==, cases[i].sha256);
    }
}

static void
test_broken (void)
{
  static const struct
  {
    const char *file;
    const char *encoding;   /* NULL to detect */
    guint       good_rows;  /* rows read before the error */
    CbCsvError  code;
    const char *message;    /* after the path */
  } cases[] = {
    { "broken-invalid-utf8.csv", NULL, 2, CB_CSV_ERROR_ENCODING,
      ":3:2: invalid byte 0xFF for UTF-8 at byte offset 67" },
    { "broken-invalid-cp932.csv", NULL, 2, CB_CSV_ERROR_ENCODING,
      ":3:2: invalid byte 0x85 for CP932 at byte offset 43" },
    /* CP932 read as UTF-8 fails on its first byte. */
    { "excel-cp932.csv", "UTF-8", 0, CB_CSV_ERROR_ENCODING,
      ":1:1: invalid byte 0x8E for UTF-8 at byte offset 0" },
    { "broken-nul.csv", NULL, 2, CB_CSV_ERROR_NUL_BYTE,
      ":3:2: NUL byte (for UTF-16 without a byte order mark, give the encoding)" },
    { "broken-unterminated-quote.csv", NULL, 2, CB_CSV_ERROR_UNTERMINATED_QUOTE,
      ":3:2: the quoted field starting here is not closed by the end of the file" },
    { "broken-stray-quote.csv", NULL, 1, CB_CSV_ERROR_QUOTE,
      ":2:2: misplaced quote: a field holding quotes must be quoted whole, with its quotes doubled" },
    { "empty.csv", NULL, 0, CB_CSV_ERROR_EMPTY, ": the file holds no rows" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      g_autofree char *expected = g_strconcat (path, cases[i].message, NULL);
      CbCsvOptions options = { .encoding = cases[i].encoding };
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;
      GPtrArray *fields;
      guint n = 0;

      g_test_message ("%s", cases[i].file);
      reader = cb_csv_reader_new (path, &options, &error);
      g_assert_no_error (error);
      while (cb_csv_reader_next_row (reader, &fields, &error))
        n++;
      g_assert_null (fields);
      g_assert_cmpuint (n, ==, cases[i].good_rows);
      g_assert_error (error, CB_CSV_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);

      /* A broken file stays broken. */
      g_assert_false (cb_csv_reader_next_row (reader, &fields, &again));
      g_assert_error (again, CB_CSV_ERROR, (int) cases[i].code);
      g_assert_cmpstr (again->message, ==, expected);
    }
}

static void
test_open_errors (void)
{
  g_autofree char *path = fixture_path ("no-such-file.csv");
  g_autofree char *cp932 = fixture_path ("excel-cp932.csv");
  CbCsvOptions options = { .encoding = "KLINGON" };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "csv", NULL);
  g_autoptr(CbCsvReader) missing = NULL;
  g_autoptr(CbCsvReader) directory = NULL;
  g_autoptr(CbCsvReader) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strconcat (cp932, ": unknown encoding “KLINGON”", NULL);

  missing = cb_csv_reader_new (path, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, CB_CSV_ERROR, CB_CSV_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  directory = cb_csv_reader_new (dir, NULL, &error);
  g_assert_null (directory);
  g_assert_error (error, CB_CSV_ERROR, CB_CSV_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_clear_error (&error);

  unknown = cb_csv_reader_new (cp932, &options, &error);
  g_assert_null (unknown);
  g_assert_error (error, CB_CSV_ERROR, CB_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_overrides (void)
{
  static const struct
  {
    const char  *file;
    const char  *encoding;
    char         delimiter;
    const char  *expected_encoding;
    ExpectedRow  rows[4];
  } cases[] = {
    /* Windows names CP932 many ways. */
    { "excel-cp932.csv", "Shift_JIS", '\0', "CP932", {
      { 1, { "取引先コード", "取引先名", "回答日", "Q1. 方針はありますか" } },
      { 2, { "S001", "ｻﾝﾌﾟﾙ商事①", "2026/4/1", "はい" } },
      { 3, { "S002", "髙橋システム\xef\xbd\x9e東京", "2026年4月2日", "いいえ" } },
    } },
    { "unicode-text-be.txt", "utf-16", '\0', "UTF-16BE", {
      { 1, { "code", "value" } },
      { 2, { "KPI-01", "95" } },
    } },
    /* The byte order mark is dropped even when UTF-8 is asked for. */
    { "header-only.csv", "utf8", '\0', "UTF-8", {
      { 1, { "code", "name_ja", "name_en", "parent_code" } },
    } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].file);
      CbCsvOptions options = { .encoding = cases[i].encoding, .delimiter = cases[i].delimiter };
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].file);
      reader = cb_csv_reader_new (path, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cb_csv_reader_get_encoding (reader), ==, cases[i].expected_encoding);
      assert_rows (reader, cases[i].rows);
    }
}

static void
test_utf8_bom_override (void)
{
  g_autofree char *path = fixture_path ("excel-utf8-bom.csv");
  CbCsvOptions options = { .encoding = "UTF-8" };
  g_autoptr(CbCsvReader) reader = cb_csv_reader_new (path, &options, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;

  g_assert_nonnull (reader);
  g_assert_cmpstr (cb_csv_reader_get_encoding (reader), ==, "UTF-8-BOM");
  g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "取引先コード");
}

static void
test_forced_delimiter (void)
{
  g_autofree char *path = fixture_path ("european-semicolon.csv");
  CbCsvOptions options = { .delimiter = ',' };
  g_autoptr(CbCsvReader) reader = cb_csv_reader_new (path, &options, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strconcat (path, ":3:1: misplaced quote: a field holding quotes must be "
                                           "quoted whole, with its quotes doubled", NULL);
  GPtrArray *fields;

  g_assert_nonnull (reader);
  g_assert_cmpint (cb_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_cmpuint (fields->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "code;period;entity;value");
  g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "KPI-01;FY2026Q1;HQ;12");
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "5");
  /* KPI-02;FY2026Q1;HQ;"3;4" has a quote inside an unquoted field once commas split it. */
  g_assert_false (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_error (error, CB_CSV_ERROR, CB_CSV_ERROR_QUOTE);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_delimiter_detection (void)
{
  static const struct
  {
    const char *text;
    char        delimiter;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2;3\n", ';' },
    { "a\tb\tc\n1\t2\t3\n", '\t' },
    /* Commas inside quotes do not count. */
    { "a;b\n\"1,5\";\"2,5,7\"\n", ';' },
    /* Decimal commas split data rows, but the header settles it. */
    { "name;value\nx;1,5\ny;2,5\n", ';' },
    /* Only a tab split keeps the header whole when the text holds commas and semicolons. */
    { "code\tcity\nA\tTokyo, Japan; HQ\nB\tOsaka, Japan; Branch\n", '\t' },
    /* A file of one column falls back to the comma. */
    { "name\nx\ny\n", ',' },
    /* Ragged rows: the delimiter splitting the header most. */
    { "a;b;c\n1;2\n3\n", ';' },
    /* The last row counts when the sample is the whole file, without a final line break. */
    { "a,b", ',' },
    { "a;b", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      reader = cb_csv_reader_new_for_bytes (bytes, "sample", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cb_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
    }
}

static void
test_line_ends (void)
{
  static const struct
  {
    const char  *text;
    ExpectedRow  rows[5];
  } cases[] = {
    { "a,b\r\nc,d\r\n", { { 1, { "a", "b" } }, { 2, { "c", "d" } } } },
    { "a,b\rc,d", { { 1, { "a", "b" } }, { 2, { "c", "d" } } } },
    /* Mixed ends, a CR LF pair inside quotes, blank lines and trailing blank lines. */
    { "a,\"x\r\ny\"\n\n\rb,c\r\r\n\n\n", { { 1, { "a", "x\r\ny" } }, { 5, { "b", "c" } } } },
    /* LF CR is two line ends. */
    { "a\n\rb\n", { { 1, { "a" } }, { 3, { "b" } } } },
    /* Empty fields, spaces around unquoted fields, spaces kept inside quotes. */
    { ",,\n x , \" y \" \n", { { 1, { "", "", "" } }, { 2, { "x", " y " } } } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      CbCsvOptions options = { .delimiter = ',' };

      g_test_message ("case %u", i);
      reader = cb_csv_reader_new_for_bytes (bytes, "sample", &options, &error);
      g_assert_no_error (error);
      assert_rows (reader, cases[i].rows);
    }
}

static void
append_converted (GByteArray *file,
                  const char *text,
                  const char *encoding)
{
  gsize length = 0;
  g_autofree char *converted = g_convert (text, -1, encoding, "UTF-8", NULL, &length, NULL);

  g_assert_nonnull (converted);
  g_byte_array_append (file, (const guint8 *) converted, length);
}

/* Builds "id,text\n1,<n × x><END>2,<TARGET>\n3,end\n" in @encoding after @bom, storing where END
 * and TARGET start. */
static GBytes *
boundary_file (const char *encoding,
               const char *bom,
               gsize       n_filler,
               const char *end,
               const char *target,
               gsize      *end_offset,
               gsize      *target_offset)
{
  GByteArray *file = g_byte_array_new ();

  g_byte_array_append (file, (const guint8 *) bom, strlen (bom));
  append_converted (file, "id,text\n1,", encoding);
  for (gsize i = 0; i < n_filler; i++)
    append_converted (file, "x", encoding);
  *end_offset = file->len;
  append_converted (file, end, encoding);
  append_converted (file, "2,", encoding);
  *target_offset = file->len;
  append_converted (file, target, encoding);
  append_converted (file, "\n3,end\n", encoding);
  return g_byte_array_free_to_bytes (file);
}

static void
test_chunk_boundary (void)
{
  static const struct
  {
    const char *encoding;
    const char *bom;
    gsize       n_filler;
    const char *end;
    const char *target;
    gboolean    split_end;  /* whether END, rather than TARGET, straddles the boundary */
    gsize       split_at;   /* where it starts */
  } cases[] = {
    /* あ is E3 81 82: 10 + n + 1 + 2 = 65535 puts its first byte last in the first chunk. */
    { "UTF-8", "", 65522, "\n", "あい", FALSE, CHUNK - 1 },
    /* Its first two bytes in the first chunk. */
    { "UTF-8", "", 65521, "\n", "あい", FALSE, CHUNK - 2 },
    /* あ is 82 A0 in CP932: the lead byte and the trail byte in different chunks. */
    { "CP932", "", 65522, "\n", "あい", FALSE, CHUNK - 1 },
    /* 😀 is a surrogate pair in UTF-16: 2 + 2 × (10 + n + 1 + 2) = 65534 puts one unit in each chunk. */
    { "UTF-16LE", "\xFF\xFE", 32753, "\n", "😀", FALSE, CHUNK - 2 },
    { "UTF-16BE", "\xFE\xFF", 32753, "\n", "😀", FALSE, CHUNK - 2 },
    /* A CR LF pair split by the boundary (10 + n = 65535) ends one line, not two. */
    { "UTF-8", "", 65525, "\r\n", "b", TRUE, CHUNK - 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *filler = g_strnfill (cases[i].n_filler, 'x');
      gsize end_offset;
      gsize target_offset;
      ExpectedRow rows[] = {
        { 1, { "id", "text" } },
        { 2, { "1", filler } },
        { 3, { "2", cases[i].target } },
        { 4, { "3", "end" } },
        { 0 },
      };

      g_test_message ("%s, case %u", cases[i].encoding, i);
      bytes = boundary_file (cases[i].encoding, cases[i].bom, cases[i].n_filler, cases[i].end,
                             cases[i].target, &end_offset, &target_offset);
      g_assert_cmpuint (cases[i].split_end ? end_offset : target_offset, ==, cases[i].split_at);

      reader = cb_csv_reader_new_for_bytes (bytes, "boundary", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cb_csv_reader_get_encoding (reader), ==, cases[i].encoding);
      assert_rows (reader, rows);
    }
}

static void
test_invalid_byte_in_later_chunk (void)
{
  /* Row 1 "id,text\n" is 8 bytes; row 2 fills the rest of the first chunk and 100 bytes more. */
  gsize filler = CHUNK + 100 - 8 - strlen ("1,") - 1;
  g_autofree char *row = g_strnfill (filler, 'x');
  g_autofree char *text = g_strdup_printf ("id,text\n1,%s\n2,ok\n3,\xC3(\n", row);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(CbCsvReader) reader = cb_csv_reader_new_for_bytes (bytes, "late", NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint n = 0;

  g_assert_nonnull (reader);
  g_assert_cmpstr (cb_csv_reader_get_encoding (reader), ==, "UTF-8");
  while (cb_csv_reader_next_row (reader, &fields, &error))
    n++;
  g_assert_cmpuint (n, ==, 3);
  /* 8 + 2 + filler + 1 = CHUNK + 100 is where "2,ok\n" starts; "3," starts 5 bytes later. */
  g_assert_error (error, CB_CSV_ERROR, CB_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "late:4:2: invalid byte 0xC3 for UTF-8 at byte offset 65643");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cb-csv-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_large_field (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GString) text = g_string_sized_new (10 * 1000 * 1000 + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbCsvReader) reader = NULL;
  GPtrArray *fields;
  const char *blob;

  /* Ten lines of 999,999 'y' and a LF: a single field of 10,000,000 bytes. */
  g_string_append (text, "id,blob\n1,\"");
  for (guint i = 0; i < 10; i++)
    {
      for (guint j = 0; j < 999999; j++)
        g_string_append_c (text, 'y');
      g_string_append_c (text, '\n');
    }
  g_string_append (text, "\"\n2,after\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  reader = cb_csv_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cb_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (fields->len, ==, 2);
  blob = g_ptr_array_index (fields, 1);
  g_assert_cmpuint (strlen (blob), ==, 10000000);
  g_assert_cmpint (blob[999999], ==, '\n');
  g_assert_cmpint (blob[9999998], ==, 'y');
  /* Row 2 starts on line 2 and holds ten line breaks, so row 3 starts on line 13. */
  g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_cmpuint (cb_csv_reader_get_line (reader), ==, 13);
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "after");
  g_assert_false (cb_csv_reader_next_row (reader, &fields, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Writes @size bytes of @pattern after @head to @path, 64 KiB at a time. */
static void
write_repeated (const char *path,
                const char *head,
                const char *pattern,
                gsize       size)
{
  FILE *file = fopen (path, "wb");
  char buffer[CHUNK];
  gsize pattern_length = strlen (pattern);
  gsize written = 0;

  g_assert_nonnull (file);
  g_assert_cmpint (fputs (head, file), >=, 0);
  for (gsize i = 0; i < sizeof buffer; i++)
    buffer[i] = pattern[i % pattern_length];
  g_assert_cmpuint (sizeof buffer % pattern_length, ==, 0);
  while (written < size)
    {
      gsize n = MIN (sizeof buffer, size - written);

      g_assert_cmpuint (fwrite (buffer, 1, n, file), ==, n);
      written += n;
    }
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_too_large (void)
{
  static const struct
  {
    const char *head;
    const char *message;
  } cases[] = {
    /* A quote opened on line 2 and never closed, before 33 MiB of text. */
    { "id,text\n1,\"", ":2:2: quoted field longer than 32 MiB (is its closing quote missing?)" },
    /* A line of 33 MiB. */
    { "id,text\n1,", ":2:2: row longer than 32 MiB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
      g_autofree char *expected = g_strconcat (path, cases[i].message, NULL);
      g_autoptr(CbCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *fields;

      write_repeated (path, cases[i].head, "zzzz", 33 * 1024 * 1024);
      reader = cb_csv_reader_new (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (cb_csv_reader_next_row (reader, &fields, &error));
      g_assert_false (cb_csv_reader_next_row (reader, &fields, &error));
      g_assert_error (error, CB_CSV_ERROR, CB_CSV_ERROR_TOO_LARGE);
      g_assert_cmpstr (error->message, ==, expected);
      /* It stops there rather than reading the rest of the file. */
      g_assert_cmpint (cb_csv_reader_get_bytes_read (reader), <, 33 * 1024 * 1024);
      g_assert_null (cb_csv_reader_get_sha256 (reader));

      g_assert_cmpint (g_remove (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
    }
}

static gsize
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

#if defined(__SANITIZE_ADDRESS__)
# define ADDRESS_SANITIZER 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define ADDRESS_SANITIZER 1
# endif
#endif

static void
test_memory (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  gsize before;
  gsize after;
  guint n = 0;
  /* 64 bytes a row. */
  const char *row = "SUP-00000001,サンプル商事,JP,medium,2026-04-01,1234567.89\n";

#ifdef ADDRESS_SANITIZER
  g_test_skip ("AddressSanitizer keeps freed memory in quarantine, so peak RSS says nothing here");
  return;
#endif

  /* The peak is per process: measure in a fresh one, untouched by the other tests. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpuint (strlen (row), ==, 64);
  dir = make_temp_dir ();
  path = g_build_filename (dir, "large.csv", NULL);
  /* The header is 44 bytes; 50 MiB of rows is 819,200 of them. */
  write_repeated (path, "code,name,country,criticality,since,revenue\n", row, 50 * 1024 * 1024);

  before = peak_rss_kib ();
  reader = cb_csv_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cb_csv_reader_get_size (reader), ==, 44 + 50 * 1024 * 1024);
  g_assert_cmpint (cb_csv_reader_get_bytes_read (reader), ==, CHUNK);
  g_assert_null (cb_csv_reader_get_sha256 (reader));
  while (cb_csv_reader_next_row (reader, &fields, &error))
    n++;
  g_assert_no_error (error);
  after = peak_rss_kib ();

  g_assert_cmpuint (n, ==, 1 + 819200);
  g_assert_cmpuint (cb_csv_reader_get_line (reader), ==, 1 + 819200);
  g_assert_cmpint (cb_csv_reader_get_bytes_read (reader), ==, 44 + 50 * 1024 * 1024);
  g_assert_nonnull (cb_csv_reader_get_sha256 (reader));
  g_test_message ("peak RSS grew by %" G_GSIZE_FORMAT " KiB", after - before);
  g_assert_cmpuint (after - before, <, 16 * 1024);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/fixtures", test_fixtures);
  g_test_add_func ("/csv-reader/sha256", test_sha256);
  g_test_add_func ("/csv-reader/broken", test_broken);
  g_test_add_func ("/csv-reader/open-errors", test_open_errors);
  g_test_add_func ("/csv-reader/overrides", test_overrides);
  g_test_add_func ("/csv-reader/utf8-bom-override", test_utf8_bom_override);
  g_test_add_func ("/csv-reader/forced-delimiter", test_forced_delimiter);
  g_test_add_func ("/csv-reader/delimiter-detection", test_delimiter_detection);
  g_test_add_func ("/csv-reader/line-ends", test_line_ends);
  g_test_add_func ("/csv-reader/chunk-boundary", test_chunk_boundary);
  g_test_add_func ("/csv-reader/invalid-byte-in-later-chunk", test_invalid_byte_in_later_chunk);
  g_test_add_func ("/csv-reader/large-field", test_large_field);
  g_test_add_func ("/csv-reader/too-large", test_too_large);
  g_test_add_func ("/csv-reader/memory", test_memory);

  return g_test_run ();
}
