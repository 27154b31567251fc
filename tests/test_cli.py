import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.attendance import Attendance
from app.core.finsam_followup import followup_dict, followup_years
from app.core.summary import YearSummary
from app.core.vocabulary import Scope, Status
from app.store.database import DB_ENV, Store
from tests.conftest import stamp_revision

ROOT = Path(__file__).resolve().parent.parent


def as_printed(summary: YearSummary) -> dict[str, object]:
    """What ``summary --json`` prints: the year summary, then its Uppföljning Finsam, and
    its Ekonomi (null: no budget or cost in these tests' databases)."""
    return {
        **summary.to_dict(),
        "uppfoljning_finsam": followup_dict(followup_years([summary])),
        "ekonomi": None,
    }


@pytest.fixture
def filled(store, add_activity):
    # The insats runs 2018–2021: 2019 is compared with 2018, 2018 with nothing.
    add_activity("Seminarium", "Gävle", date(2019, 3, 1), attendance=Attendance.build(30, women=20))
    add_activity("Workshop", Scope.LANSOVERGRIPANDE, date(2019, 9, 1), Status.PLANERAD)
    add_activity("Frukostmöte", "Hofors", date(2018, 5, 1), attendance=Attendance.build(12))
    return store


def test_summary_json_is_the_year_summary(filled, insats, db_path, capsys):
    code = main(["summary", "--year", "2019", "--json", "--db", str(db_path)])

    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert data == as_printed(filled.summaries.year_summary(insats.id, 2019))
    assert (data["year"], data["previous_year"], data["insats"]) == (2019, 2018, insats.name)
    key_figures = data["tables"][0]
    assert key_figures["rows"][3] == {
        "label": "Deltagare (volym)",
        "values": {"2019": 30, "2018": 12, "Förändring": 18},
    }
    assert "Länsövergripande" in out  # not escaped as \u00e4


def test_db_option_before_the_command(filled, insats, db_path, capsys):
    assert main(["--db", str(db_path), "summary", "--year", "2017", "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data == as_printed(filled.summaries.year_summary(insats.id, 2017))


def test_summary_as_text(filled, insats, db_path, capsys):
    assert main(["summary", "--year", "2019", "--db", str(db_path)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{insats.name} – 2019"  # the en dash, as in every title
    key_line = next(line for line in lines if line.startswith("Deltagare (volym)"))
    assert key_line.split()[-3:] == ["30", "12", "+18"]
    gavle = next(line for line in lines if line.startswith("Gävle "))
    assert gavle.split()[1:] == ["1", "0", "0", "0", "+1"]  # Aktiviteter per kommun


def test_the_insats_first_year_is_compared_with_nothing(filled, db_path, capsys):
    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 0

    lines = capsys.readouterr().out.splitlines()
    key_line = next(line for line in lines if line.startswith("Deltagare (volym)"))
    assert key_line.split()[-3:] == ["12", "–", "–"]  # 2017 is before the insats


def test_database_from_the_environment(filled, insats, db_path, capsys, monkeypatch):
    monkeypatch.setenv(DB_ENV, str(db_path))

    assert main(["summary", "--year", "2018", "--json"]) == 0

    data = json.loads(capsys.readouterr().out)
    assert data == as_printed(filled.summaries.year_summary(insats.id, 2018))


def test_db_option_wins_over_the_environment(
    filled, insats, db_path, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv(DB_ENV, str(tmp_path / "finns-inte.sqlite3"))

    assert main(["summary", "--year", "2018", "--json", "--db", str(db_path)]) == 0
    assert json.loads(capsys.readouterr().out)["insats"] == insats.name


def test_missing_database_file(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    missing = tmp_path / "saknas.sqlite3"

    code = main(["summary", "--year", "2018", "--db", str(missing)])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err == f"insatslogg: Databasfilen {missing} finns inte.\n"
    assert "Traceback" not in err
    assert not missing.exists()  # not created as a side effect


def test_database_without_insats(empty_store, db_path, capsys):
    code = main(["summary", "--year", "2018", "--db", str(db_path)])

    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("insatslogg: Databasen har ingen insats ännu.")


def test_database_from_a_newer_version(db_path, capsys):
    Store.open(db_path).close()
    stamp_revision(db_path, "ffff")

    code = main(["summary", "--year", "2018", "--db", str(db_path)])

    _, err = capsys.readouterr()
    assert code == 1
    assert "nyare version av Insatslogg" in err
    assert "Traceback" not in err


def test_year_is_required(capsys):
    with pytest.raises(SystemExit) as info:
        main(["summary", "--json"])

    assert info.value.code == 2
    assert "--year" in capsys.readouterr().err


def test_python_dash_m_app(filled, insats, db_path):
    result = subprocess.run(
        [sys.executable, "-m", "app", "summary", "--year", "2018", "--json", "--db", str(db_path)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == as_printed(filled.summaries.year_summary(insats.id, 2018))


def test_summary_json_lists_the_findings_of_the_record(store, insats, db_path, capsys):
    from app.core.county_stats import CountyStats
    from app.core.vocabulary import PlacedSource

    store.county_stats.save(
        CountyStats(
            None,
            insats.forbund_id,
            2018,
            placed_total=244,
            placed_by_source={
                PlacedSource.ARBETSFORMEDLINGEN: 152,
                PlacedSource.KOMMUN: 74,
                PlacedSource.OVRIGA: 17,
            },
        )
    )
    assert main(["summary", "--year", "2018", "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    county = [f for f in data["findings"] if f["where"].startswith("Länsstatistik 2018")]
    assert [(f["expected"], f["found"]) for f in county] == [("243 (152 + 74 + 17)", "244")]
    assert "lansstatistik" in {t["key"] for t in data["tables"]}

    assert main(["summary", "--year", "2018", "--db", str(db_path)]) == 0
    text = capsys.readouterr().out
    assert "Avvikelser (1)" in text and "väntat 243 (152 + 74 + 17), angivet 244" in text
