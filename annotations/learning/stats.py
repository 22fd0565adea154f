"""Learning over time: known words per day and reviews per day, as small server-drawn SVG charts."""
from datetime import date, timedelta

from . import status

WIDTH, HEIGHT, PAD = 600, 160, 28


def known_per_day(db, days=90, today=None):
    """Return [(date, known words at the end of that day)] for the last `days` days."""
    today = today or date.today()
    start = today - timedelta(days=days - 1)
    delta = {}
    known_before = 0
    for at, old, new in db.execute("SELECT substr(at, 1, 10), old_status, new_status FROM status_changes ORDER BY id"):
        step = (new == "known") - (old == "known")
        if not step:
            continue
        day = date.fromisoformat(at)
        if day < start:
            known_before += step
        else:
            delta[day] = delta.get(day, 0) + step
    series, total = [], known_before
    for i in range(days):
        day = start + timedelta(days=i)
        total += delta.get(day, 0)
        series.append((day, total))
    return series


def reviews_per_day(db, days=30, today=None):
    """Return [(date, reviews that day)] for the last `days` days."""
    today = today or date.today()
    start = today - timedelta(days=days - 1)
    per = dict(db.execute("SELECT substr(at, 1, 10), count(*) FROM reviews WHERE at >= ? GROUP BY 1",
                          [start.isoformat()]).fetchall())
    return [(start + timedelta(days=i), per.get((start + timedelta(days=i)).isoformat(), 0)) for i in range(days)]


def _scale(series):
    top = max((v for _, v in series), default=0) or 1
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    return top, inner_w, inner_h


def line_chart(series):
    """Return the geometry of a line chart: polyline points, axis labels, the last value."""
    top, inner_w, inner_h = _scale(series)
    n = max(len(series) - 1, 1)
    points = " ".join(f"{PAD + i * inner_w / n:.1f},{PAD + inner_h - v * inner_h / top:.1f}"
                      for i, (_, v) in enumerate(series))
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "points": points, "top": top,
            "first": series[0][0].isoformat() if series else "", "last_day": series[-1][0].isoformat() if series else "",
            "last": series[-1][1] if series else 0, "base": PAD + inner_h}


def bar_chart(series):
    """Return the geometry of a bar chart: one bar per day with its label."""
    top, inner_w, inner_h = _scale(series)
    slot = inner_w / max(len(series), 1)
    bars = [{"x": round(PAD + i * slot + 1, 1), "w": round(max(slot - 2, 1), 1),
             "y": round(PAD + inner_h - v * inner_h / top, 1), "h": round(v * inner_h / top, 1),
             "day": d.isoformat(), "value": v} for i, (d, v) in enumerate(series)]
    return {"width": WIDTH, "height": HEIGHT, "pad": PAD, "bars": bars, "top": top,
            "total": sum(v for _, v in series), "base": PAD + inner_h,
            "first": series[0][0].isoformat() if series else "", "last_day": series[-1][0].isoformat() if series else ""}


def overview(db, today=None):
    """Return everything the stats page shows."""
    return {"totals": status.totals(db),
            "known": line_chart(known_per_day(db, today=today)),
            "reviews": bar_chart(reviews_per_day(db, today=today)),
            "reviewed_total": db.execute("SELECT count(*) FROM reviews").fetchone()[0]}
