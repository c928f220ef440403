/* The app's responsiveness (SPEC §5), in the real window on a display (tools/bench runs it under
 * xvfb-run): the time from opening the large demo workbook to the first frame that shows the
 * Overview's charts, and the longest main-loop stall while the import assistant checks and imports
 * a 2,000,000-row responses file. Prints the figures against their targets.
 *
 *   bench-app [WORKBOOK]     without WORKBOOK, a large demo workbook is made in a temporary folder
 */

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "cb-application.h"
#include "cb-bench-files.h"
#include "cb-chart-view.h"
#include "cb-demo.h"
#include "cb-import-assistant.h"
#include "cb-importer.h"
#include "cb-overview-page.h"
#include "cb-stats.h"
#include "cb-window.h"

#define OPEN_RUNS       5
#define OPEN_TARGET_MS  500
#define STALL_TARGET_MS 50
#define WAIT_SECONDS    600

static CbApplication *app;

/* The main thread's time on a CPU and waiting for one so far, in microseconds, as the kernel's
 * scheduler counts them (Linux); both 0 where it does not. */
typedef struct
{
  gint64 on_cpu;
  gint64 waiting;
} CpuTime;

static CpuTime
read_cpu_time (int fd)
{
  char text[128];
  ssize_t n = fd >= 0 ? pread (fd, text, sizeof text - 1, 0) : -1;
  guint64 on_cpu = 0, waiting = 0;

  if (n > 0)
    {
      text[n] = '\0';
      sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &on_cpu, &waiting);
    }
  return (CpuTime) { on_cpu / 1000, waiting / 1000 };
}

/* The longest gap between two turns of the main loop, seen by a 1 ms ticker of a priority above
 * GTK's own sources, with how much of it the main thread ran and how much it waited for a CPU (the
 * rest it slept); and, when a widget is given, the longest gap between two frames of its frame
 * clock, kept ticking for the purpose. */
typedef struct
{
  guint      ticker;
  int        schedstat;
  gint64     started;
  gint64     last_turn;
  CpuTime    last_cpu;
  gint64     longest_turn;
  gint64     longest_turn_end;  /* since started */
  CpuTime    longest_turn_cpu;
  GtkWidget *widget;
  guint      frame_ticker;
  gint64     last_frame;
  gint64     longest_frame;
  guint      n_frames;
} Meter;

static gboolean
turn_cb (gpointer user_data)
{
  Meter *meter = user_data;
  gint64 now = g_get_monotonic_time ();
  CpuTime cpu = read_cpu_time (meter->schedstat);

  if (now - meter->last_turn > meter->longest_turn)
    {
      meter->longest_turn = now - meter->last_turn;
      meter->longest_turn_end = now - meter->started;
      meter->longest_turn_cpu = (CpuTime) { cpu.on_cpu - meter->last_cpu.on_cpu,
                                            cpu.waiting - meter->last_cpu.waiting };
    }
  meter->last_turn = now;
  meter->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Meter *meter = user_data;
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  if (meter->last_frame != 0)
    meter->longest_frame = MAX (meter->longest_frame, frame_time - meter->last_frame);
  meter->last_frame = frame_time;
  meter->n_frames++;
  return G_SOURCE_CONTINUE;
}

/* Starts over: the figures so far are dropped, the next gap is measured from now. */
static void
meter_restart (Meter *meter)
{
  meter->started = meter->last_turn = g_get_monotonic_time ();
  meter->last_cpu = read_cpu_time (meter->schedstat);
  meter->longest_turn = 0;
  meter->longest_turn_end = 0;
  meter->longest_turn_cpu = (CpuTime) { 0, 0 };
  meter->last_frame = 0;
  meter->longest_frame = 0;
  meter->n_frames = 0;
}

static void
meter_start (Meter     *meter,
             GtkWidget *widget)
{
  *meter = (Meter) {
    .widget = widget,
    .schedstat = open ("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC),
  };
  meter_restart (meter);
  meter->ticker = g_timeout_add_full (G_PRIORITY_HIGH, 1, turn_cb, meter, NULL);
  if (widget != NULL)
    meter->frame_ticker = gtk_widget_add_tick_callback (widget, frame_cb, meter, NULL);
}

static void
meter_stop (Meter *meter)
{
  g_clear_handle_id (&meter->ticker, g_source_remove);
  if (meter->schedstat >= 0)
    close (meter->schedstat);
  meter->schedstat = -1;
  if (meter->frame_ticker != 0)
    gtk_widget_remove_tick_callback (meter->widget, meter->frame_ticker);
  meter->frame_ticker = 0;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("gave up after %d s", WAIT_SECONDS);
  g_source_remove (timeout);
}

static gboolean
window_idle (gpointer data)
{
  return !cb_window_is_busy (data);
}

static gboolean
nothing_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gpointer
window_part (CbWindow   *window,
             const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), CB_TYPE_WINDOW, name);
}

/* Whether every chart view under @widget that is on screen has its chart, and there is one. */
static gboolean
charts_shown (GtkWidget *widget,
              guint     *n_charts)
{
  if (CB_IS_CHART_VIEW (widget) && gtk_widget_get_mapped (widget))
    {
      if (cb_chart_view_get_kind (CB_CHART_VIEW (widget)) == CB_CHART_KIND_NONE
          || gtk_widget_get_width (widget) == 0 || gtk_widget_get_height (widget) == 0)
        return FALSE;
      (*n_charts)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!charts_shown (child, n_charts))
      return FALSE;
  return TRUE;
}

/* Asked after a frame's paint: GTK draws every mapped widget that queued a drawing in the next
 * frame's paint, and a chart view queues one when given its chart, so a mapped view holding its
 * chart has been drawn with it by the end of that paint (and in that frame, not earlier: the
 * views are filled between frames, never during one). */
static gboolean
overview_drawn (CbWindow *window)
{
  GtkWidget *page = gtk_stack_get_visible_child (window_part (window, "page_stack"));
  guint n_charts = 0;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window_part (window, "main_stack")), "workbook") == 0
         && CB_IS_OVERVIEW_PAGE (page) && gtk_widget_get_mapped (page)
         && charts_shown (page, &n_charts) && n_charts > 0;
}

typedef struct
{
  CbWindow *window;
  gint64    built;    /* the window's construction, before cb_window_open */
  gint64    opened;   /* cb_window_open called */
  gint64    loaded;   /* the workbook loaded and the Overview filled */
  gint64    drawn;    /* the end of the first frame with the Overview's charts */
  gint64    shown;    /* the end of the first frame with the crossfade to them over */
  Meter     meter;
} Opening;

static void
busy_changed_cb (CbWindow   *window,
                 GParamSpec *pspec,
                 Opening    *opening)
{
  if (opening->loaded == 0 && !cb_window_is_busy (window))
    opening->loaded = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Opening       *opening)
{
  gint64 now = g_get_monotonic_time ();

  if (opening->drawn == 0 && overview_drawn (opening->window))
    opening->drawn = now;
  if (opening->drawn != 0 && opening->shown == 0
      && !gtk_stack_get_transition_running (window_part (opening->window, "main_stack")))
    opening->shown = now;
}

static gboolean
opening_shown (gpointer data)
{
  return ((Opening *) data)->shown != 0;
}

static double
ms (gint64 microseconds)
{
  return microseconds / 1000.0;
}

/* Opens @file in a new window as the application does, waits for the dashboard, closes the window. */
static void
time_opening (GFile   *file,
              Opening *opening,
              char   **renderer)
{
  GdkFrameClock *clock;
  gulong painted;
  gint64 start = g_get_monotonic_time ();

  *opening = (Opening) { .window = cb_window_new (app) };
  opening->built = g_get_monotonic_time () - start;
  g_signal_connect (opening->window, "notify::busy", G_CALLBACK (busy_changed_cb), opening);
  meter_start (&opening->meter, NULL);
  opening->opened = g_get_monotonic_time ();
  cb_window_open (opening->window, file, FALSE);
  gtk_window_present (GTK_WINDOW (opening->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (opening->window));
  g_assert (clock != NULL);
  painted = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), opening);

  wait_until (opening_shown, opening);
  meter_stop (&opening->meter);
  g_signal_handler_disconnect (clock, painted);
  if (*renderer == NULL)
    *renderer = g_strdup (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (opening->window))));

  g_object_add_weak_pointer (G_OBJECT (opening->window), (gpointer *) &opening->window);
  gtk_window_destroy (GTK_WINDOW (opening->window));
  wait_until (pointer_cleared, &opening->window);
  wait_until (nothing_pending, NULL);
}

static const char *
verdict (double value,
         double target)
{
  return value < target ? "met" : "MISSED";
}

static void
bench_opening (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *renderer = NULL;
  double built[OPEN_RUNS], loaded[OPEN_RUNS], drawn[OPEN_RUNS], shown[OPEN_RUNS], stall[OPEN_RUNS];
  double first_drawn = 0;
  double drawn_median = 0, loaded_median = 0, shown_median = 0, stall_median = 0;

  printf ("opening %s in a new window, %d times in one process (the first cold: page types, styles, fonts)\n",
          path, OPEN_RUNS);
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      Opening opening;

      time_opening (file, &opening, &renderer);
      built[i] = ms (opening.built);
      loaded[i] = ms (opening.loaded - opening.opened);
      drawn[i] = ms (opening.drawn - opening.opened);
      shown[i] = ms (opening.shown - opening.opened);
      stall[i] = ms (opening.meter.longest_turn);
      if (i == 0)
        first_drawn = drawn[i];
      printf ("  run %u: Overview filled %6.1f ms, charts drawn %6.1f ms, crossfade over %6.1f ms; "
              "longest main-loop stall %5.1f ms; window built beforehand in %5.1f ms\n",
              i + 1, loaded[i], drawn[i], shown[i], stall[i], built[i]);
    }
  cb_stats_median (drawn, OPEN_RUNS, &drawn_median);
  cb_stats_median (loaded, OPEN_RUNS, &loaded_median);
  cb_stats_median (shown, OPEN_RUNS, &shown_median);
  cb_stats_median (stall, OPEN_RUNS, &stall_median);
  printf ("renderer:                                  %s\n", renderer);
  printf ("open to the first frame with the charts:   %6.1f ms median (first run %.1f ms), target < %d ms: %s\n",
          drawn_median, first_drawn, OPEN_TARGET_MS, verdict (drawn_median, OPEN_TARGET_MS));
  printf ("  of it, loading and the Overview filled:  %6.1f ms median (figures on a worker thread, then the page)\n",
          loaded_median);
  printf ("open to the crossfade's end:               %6.1f ms median (the main stack's animation)\n",
          shown_median);
  printf ("longest main-loop stall while opening:     %6.1f ms median\n", stall_median);
}

static CbWorkbook *
create_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  CbWorkbook *workbook = cb_workbook_create (path,
                                             &(CbOrganisation) {
                                               .name_ja = "ベンチマーク株式会社",
                                               .fiscal_year_start = 4,
                                               .time_zone = "Asia/Tokyo",
                                               .language = "ja",
                                             },
                                             &error);

  g_assert_no_error (error);
  return workbook;
}

static void
import_direct (CbWorkbook *workbook,
               const char *kind,
               const char *path)
{
  g_autoptr(CbImportResult) result = cb_import_result_new ();
  g_autoptr(GError) error = NULL;

  cb_import_file (workbook, path, &(CbImportOptions) { .kind = kind }, result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
assistant_idle (gpointer data)
{
  return !cb_import_assistant_is_busy (data);
}

/* Presses the assistant's Check or Import button. */
static void
activate_next (CbImportAssistant *assistant)
{
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  if (!cb_import_assistant_is_busy (assistant))
    g_error ("the assistant did not start");
}

typedef struct
{
  const char *name;
  double      seconds;
  double      longest_turn;
  double      longest_turn_end;
  double      longest_turn_on_cpu;
  double      longest_turn_waiting;
  double      longest_frame;
  guint       n_frames;
} Phase;

static void
end_phase (Phase      *phase,
           const char *name,
           gint64      start,
           Meter      *meter)
{
  *phase = (Phase) {
    .name = name,
    .seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
    .longest_turn = ms (meter->longest_turn),
    .longest_turn_end = meter->longest_turn_end / (double) G_USEC_PER_SEC,
    .longest_turn_on_cpu = ms (meter->longest_turn_cpu.on_cpu),
    .longest_turn_waiting = ms (meter->longest_turn_cpu.waiting),
    .longest_frame = ms (meter->longest_frame),
    .n_frames = meter->n_frames,
  };
  meter_restart (meter);
}

static void
remove_workbook (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* A fresh workbook with the suppliers and the questionnaire, open in a window; the responses go in
 * through the import assistant, checked first as a person would. */
static void
bench_import (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "import.cyberboard", NULL);
  g_autoptr(CbBenchFiles) files = cb_bench_files_write (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) responses = g_file_new_for_path (files->responses);
  const CbImportResult *result;
  CbImportAssistant *assistant;
  CbWindow *window;
  Phase phases[3];
  double longest = 0;
  gint64 start;
  Meter meter;

  {
    g_autoptr(CbWorkbook) workbook = create_workbook (path);

    import_direct (workbook, "suppliers", files->suppliers);
    import_direct (workbook, "questionnaire", files->questionnaire);
  }

  window = cb_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open (window, file, FALSE);
  wait_until (window_idle, window);

  assistant = cb_import_assistant_new (window);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  gtk_window_present (GTK_WINDOW (assistant));
  cb_import_assistant_set_kind (assistant, "responses");
  cb_import_assistant_open_file (assistant, responses);
  wait_until (nothing_pending, NULL);

  meter_start (&meter, GTK_WIDGET (window));
  start = g_get_monotonic_time ();
  activate_next (assistant);
  wait_until (assistant_idle, assistant);
  end_phase (&phases[0], "check (dry run)", start, &meter);
  result = cb_import_assistant_get_result (assistant);
  if (result->rows != CB_BENCH_N_RESPONSES || result->n_errors != 0)
    g_error ("the check found %" G_GINT64_FORMAT " rows and %" G_GUINT64_FORMAT " errors", result->rows,
             result->n_errors);

  start = g_get_monotonic_time ();
  activate_next (assistant);
  /* A finished import closes the assistant and has the window recompute its figures. */
  wait_until (pointer_cleared, &assistant);
  end_phase (&phases[1], "import", start, &meter);

  start = g_get_monotonic_time ();
  wait_until (window_idle, window);
  wait_until (nothing_pending, NULL);
  end_phase (&phases[2], "window refresh after it", start, &meter);
  meter_stop (&meter);

  printf ("importing %d responses with the import assistant into a workbook of %d suppliers open in a window;\n"
          "per step its longest main-loop stall, when it ended, how much of it the main thread ran and waited\n"
          "for a CPU (the rest it slept), and the window's longest frame interval:\n",
          CB_BENCH_N_RESPONSES, CB_BENCH_N_SUPPLIERS);
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      printf ("  %-24s %6.2f s   stall %6.1f ms at %5.2f s (ran %5.1f ms, waited %5.1f ms)   frames %6.1f ms (%u)\n",
              phases[i].name, phases[i].seconds, phases[i].longest_turn, phases[i].longest_turn_end,
              phases[i].longest_turn_on_cpu, phases[i].longest_turn_waiting, phases[i].longest_frame,
              phases[i].n_frames);
      longest = MAX (longest, phases[i].longest_turn);
    }
  printf ("longest main-loop stall during import:     %6.1f ms, target < %d ms: %s\n", longest, STALL_TARGET_MS,
          verdict (longest, STALL_TARGET_MS));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (pointer_cleared, &window);
  remove_workbook (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *made = NULL;
  const char *path = argc > 1 ? argv[1] : NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, CB_BENCH_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The build tree's schema, and settings kept in memory: the benchmark leaves the user's alone. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", CB_BENCH_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  dir = g_dir_make_tmp ("cb-bench-app-XXXXXX", &error);
  g_assert_no_error (error);
  if (path == NULL)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CbWorkbook) workbook = NULL;

      made = g_build_filename (dir, "large.cyberboard", NULL);
      workbook = cb_workbook_create (made, cb_demo_organisation (), &error);
      g_assert_no_error (error);
      cb_demo_generate (workbook, CB_DEMO_LARGE, 1, NULL, NULL, &error);
      g_assert_no_error (error);
      printf ("large demo workbook made in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
      path = made;
    }

  /* Never the remote of a Cyberboard already running on the session bus. */
  app = cb_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  bench_opening (path);
  bench_import (dir);

  g_clear_object (&app);
  if (made != NULL)
    remove_workbook (made);
  g_rmdir (dir);
  return 0;
}
