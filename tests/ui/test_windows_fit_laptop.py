"""Every window fits a 1366×768 laptop: on such a screen (Qt's offscreen platform given
that size) each window of the program, opened on the demo, is at most 90 % of the free
area each way, its layout could shrink to that, and all its buttons are inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.demo.gavleborg import build_demo

LAPTOP = {"width": 1366, "height": 768}
SHARE = 0.9
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def windows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("laptop")
    db = folder / "demo.sqlite3"
    build_demo(db)
    screen = folder / "screen.json"
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, **LAPTOP, "logicalDpi": 96, "dpr": 1}]}
        ),
        encoding="utf-8",
    )
    out = folder / "windows.json"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.laptop_windows", str(db), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return result


def test_the_child_saw_a_laptop_screen_and_every_window(windows: dict[str, object]) -> None:
    assert windows["screen"] == [LAPTOP["width"], LAPTOP["height"]]
    names = [w["name"] for w in windows["windows"]]  # type: ignore[index, union-attr]
    # issue 14: the Utvärderingar tab; "diagram för period", "mått och målvärden",
    # "sök i alla år", "serieredigeraren", "utvärdering", "enkätsvar, förhandsvisning"
    # issue 15: the Ekonomi tab; "ny kostnad", "kostnad från huvudboken", "budget",
    # "budgetrader", "bedömning av regelkontroll", "huvudboksutdrag"
    assert len(names) == 8 + 32, names


def test_every_window_fits_with_its_buttons_inside(windows: dict[str, object]) -> None:
    most_w, most_h = int(LAPTOP["width"] * SHARE), int(LAPTOP["height"] * SHARE)
    too_big = [
        f"{w['name']}: {w['width']}×{w['height']} (minst {w['min_width']}×{w['min_height']}), "
        f"knappar utanför: {w['buttons_outside']}"
        for w in windows["windows"]  # type: ignore[union-attr]
        if w["width"] > most_w
        or w["height"] > most_h
        or w["min_width"] > most_w
        or w["min_height"] > most_h
        or w["buttons_outside"]
    ]
    assert too_big == []
