#!/usr/bin/python3
"""The board report's twelve charts drawn with matplotlib, for bench-report's comparison.

    charts_matplotlib.py CHARTS.json OUT.pdf

CHARTS.json is what bench-report exports from the report's own chart data. Each chart goes on a
page of its own, the size the report gives it, as a careful matplotlib user would draw it: the
same series, markers for the previous period, hollow points for small samples, labels on bars.
Prints "draw SECONDS": the time from reading the data to the closed PDF, without the interpreter's
start or the imports.
"""

import json
import math
import sys
import time

import matplotlib

matplotlib.use("pdf")

from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

# The report's page area for a chart: 482 × 300 points.
FIGSIZE = (482 / 72, 300 / 72)
CURRENT = "#0072B2"
PREVIOUS = "#E69F00"
TARGET = "#009E73"
REFERENCE = "#555555"


def values(items, key):
    return [math.nan if item[key] is None else item[key] for item in items]


def radar(fig, chart):
    axes = chart["axes"]
    n = len(axes)
    angles = [2 * math.pi * i / n for i in range(n)] + [0]
    ax = fig.add_subplot(projection="polar")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    for key, colour, label, style in (
        ("target", TARGET, chart["target_label"], ":"),
        ("previous", PREVIOUS, chart["previous_label"], "--"),
        ("current", CURRENT, chart["current_label"], "-"),
    ):
        series = values(axes, key)
        ax.plot(angles, series + series[:1], style, color=colour, label=label, marker="o", markersize=3)
    series = values(axes, "current")
    ax.fill(angles, series + series[:1], color=CURRENT, alpha=0.15)
    ax.set_xticks(angles[:-1])
    ax.set_xticklabels([axis["label"] for axis in axes], fontsize=6)
    ax.set_ylim(0, chart["max"])
    ax.legend(loc="upper right", fontsize=6, bbox_to_anchor=(1.5, 1.1))


def trend(fig, chart):
    points = chart["values"]
    ax = fig.add_subplot()
    x = list(range(len(points)))
    own = values(points, "value")
    reference = values(points, "reference")
    ax.plot(x, own, "-", color=CURRENT, label=chart["value_label"])
    for i, point in enumerate(points):
        if point["value"] is not None:
            hollow = point["small_sample"]
            ax.plot(i, point["value"], "o", color=CURRENT, markerfacecolor="white" if hollow else CURRENT)
            ax.annotate(f"{point['value']:.1f}", (i, point["value"]), textcoords="offset points",
                        xytext=(0, 5), ha="center", fontsize=6)
    if any(not math.isnan(r) for r in reference):
        ax.plot(x, reference, "--", color=REFERENCE, label=chart["reference_label"])
    ax.set_xticks(x)
    ax.set_xticklabels([point["label"] for point in points], fontsize=6)
    ax.set_ylabel(chart["axis_title"], fontsize=7)
    ax.grid(axis="y", linewidth=0.3)
    ax.legend(fontsize=6)


def bars(fig, chart):
    items = chart["bars"]
    ax = fig.add_subplot()
    positions = list(range(len(items)))
    base = [0.0] * len(items)
    colours = [CURRENT, PREVIOUS, TARGET, REFERENCE]
    for s, label in enumerate(chart["series_labels"]):
        heights = [0.0 if bar["values"][s] is None else bar["values"][s] for bar in items]
        if chart["horizontal"]:
            ax.barh(positions, heights, left=base, color=colours[s % 4], label=label)
        else:
            ax.bar(positions, heights, bottom=base, color=colours[s % 4], label=label)
        base = [b + h for b, h in zip(base, heights)]
    for i, total in enumerate(base):
        if chart["horizontal"]:
            ax.text(total, i, f" {total:.1f}", va="center", fontsize=6)
        else:
            ax.text(i, total, f"{total:.0f}", ha="center", va="bottom", fontsize=6)
    markers = [(i, bar["marker"]) for i, bar in enumerate(items) if bar["marker"] is not None]
    for i, marker in markers:
        if chart["horizontal"]:
            ax.plot([marker, marker], [i - 0.4, i + 0.4], color=PREVIOUS, linewidth=1.5)
        else:
            ax.plot([i - 0.4, i + 0.4], [marker, marker], color=PREVIOUS, linewidth=1.5)
    labels = [bar["label"] for bar in items]
    if chart["horizontal"]:
        ax.set_yticks(positions)
        ax.set_yticklabels(labels, fontsize=6)
        ax.invert_yaxis()
        ax.set_xlabel(chart["axis_title"], fontsize=7)
        if chart["axis_max"] is not None:
            ax.set_xlim(0, chart["axis_max"])
    else:
        ax.set_xticks(positions)
        ax.set_xticklabels(labels, fontsize=6)
        ax.set_ylabel(chart["axis_title"], fontsize=7)
    if len(chart["series_labels"]) > 1:
        ax.legend(fontsize=6)
    fig.tight_layout()


def matrix(fig, chart):
    counts = chart["counts"]
    ax = fig.add_subplot()
    ax.imshow(counts, cmap="Blues", aspect="auto")
    for r, row in enumerate(counts):
        for c, count in enumerate(row):
            ax.text(c, r, str(count), ha="center", va="center", fontsize=7)
    ax.set_xticks(range(len(chart["column_labels"])))
    ax.set_xticklabels(chart["column_labels"], fontsize=6)
    ax.set_yticks(range(len(chart["row_labels"])))
    ax.set_yticklabels(chart["row_labels"], fontsize=6)
    ax.set_xlabel(chart["column_title"], fontsize=7)
    ax.set_ylabel(chart["row_title"], fontsize=7)


def rating(fig, chart):
    items = chart["items"]
    ax = fig.add_subplot()
    positions = list(range(len(items)))
    ax.barh(positions, [item["rating"] for item in items], color=CURRENT)
    ax.set_yticks(positions)
    ax.set_yticklabels([item["label"] for item in items], fontsize=6)
    ax.invert_yaxis()
    ax.set_xlim(0, chart["max"])
    ax.set_xticks(range(chart["min"], chart["max"] + 1))
    ax.set_xticklabels(chart["scale_labels"], fontsize=6)
    fig.tight_layout()


DRAW = {"radar": radar, "trend": trend, "bars": bars, "matrix": matrix, "rating": rating}


def main():
    start = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as source:
        charts = json.load(source)
    with PdfPages(sys.argv[2]) as pdf:
        for chart in charts:
            fig = plt.figure(figsize=FIGSIZE)
            DRAW[chart["kind"]](fig, chart)
            fig.suptitle(chart["caption"], fontsize=7)
            pdf.savefig(fig)
            plt.close(fig)
    print(f"draw {time.perf_counter() - start:.6f}")
    print(f"charts {len(charts)}")


if __name__ == "__main__":
    main()
