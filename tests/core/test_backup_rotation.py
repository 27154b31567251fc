from __future__ import annotations

from datetime import datetime, timedelta

from app.core.backup_rotation import RotationPolicy, backups_to_keep


def test_the_ten_newest_are_always_kept() -> None:
    start = datetime(2026, 11, 22, 8, 0)
    taken = [start + timedelta(minutes=i) for i in range(25)]  # all on one day
    keep = backups_to_keep(taken)
    assert sorted(keep) == taken[-10:]


def test_one_a_week_for_twelve_weeks_then_one_a_month_for_a_year() -> None:
    # One backup a day for two years.
    first = datetime(2024, 11, 23, 17, 0)
    taken = [first + timedelta(days=i) for i in range(730)]
    keep = backups_to_keep(taken)
    newest = taken[-1]
    assert set(taken[-10:]) <= keep
    weeks = {t.isocalendar()[:2] for t in keep if newest - t < timedelta(weeks=11)}
    assert len(weeks) == 11  # no week of the last 11 without a backup
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12
    assert min(keep) >= datetime(2025, 12, 1)
    # Each week and month keeps its newest backup, the state at its end.
    assert datetime(2026, 3, 31, 17, 0) in keep
    assert len(keep) <= 10 + 12 + 12


def test_a_quiet_month_still_keeps_its_last_backup() -> None:
    taken = [datetime(2026, 1, 5), datetime(2026, 1, 20), datetime(2026, 6, 1)]
    assert backups_to_keep(taken, RotationPolicy(keep_last=1, weekly=0, monthly=12)) == {
        datetime(2026, 1, 20),
        datetime(2026, 6, 1),
    }


def test_nothing_to_keep_from_nothing() -> None:
    assert backups_to_keep([]) == set()


def test_the_policy_describes_itself_in_swedish() -> None:
    text = RotationPolicy().describe()
    assert "10 senaste" in text and "12 senaste veckorna" in text and "12 senaste månaderna" in text
