"""A run of some benchmarks (``--only``) keeps the other numbers of BENCHMARKS.md."""

from __future__ import annotations

from benchmarks._report import merged


def _report(rows: dict[str, str], sections: dict[str, str], profiles: dict[str, str]) -> str:
    lines = ["# Benchmarks", "", "## Machine", "", "| date | x |", "", "## Targets", ""]
    lines += ["| benchmark | target | measured | |", "|---|---|---|---|"]
    lines += [f"| {name} | t | {value} | met |" for name, value in rows.items()]
    lines.append("")
    for title, body in sections.items():
        lines += [f"## {title}", "", body, ""]
    if profiles:
        lines += ["## Where the client's CPU goes", ""]
        for title, body in profiles.items():
            lines += [f"### {title}", "", body, ""]
    lines += ["## Notes", "", "<!-- notes:start -->", "kept by hand", "<!-- notes:end -->", ""]
    return "\n".join(lines)


PREVIOUS = _report(
    {"1. listing": "1.1x", "2. details": "0.8x", "2. details, own": "5x", "6. apply": "2.1x"},
    {"1. Listing": "old listing", "2. Bulk details": "old details", "6. Apply": "old apply"},
    {"Listing": "old listing profile", "Bulk details": "old details profile"},
)


def test_a_run_of_one_benchmark_replaces_its_numbers_and_keeps_the_rest() -> None:
    fresh = _report(
        {"2. details": "1.1x", "2. details, own": "6x"},
        {"2. Bulk details": "new details"},
        {"Bulk details": "new details profile"},
    )
    result = merged(PREVIOUS, fresh)
    assert result == PREVIOUS.replace("0.8x", "1.1x").replace("| 5x", "| 6x").replace(
        "old details", "new details"
    )


def test_a_benchmark_new_to_the_file_joins_its_rows_in_order_and_its_section() -> None:
    fresh = _report({"4. policies": "0.9x"}, {"4. Policies": "new policies"}, {})
    result = merged(PREVIOUS, fresh)
    rows = [
        line.split(" | ")[0]
        for line in result.splitlines()
        if line[:3] in ("| 1", "| 2", "| 4", "| 6")
    ]
    assert rows == [
        "| 1. listing",
        "| 2. details",
        "| 2. details, own",
        "| 4. policies",
        "| 6. apply",
    ]
    titles = [line for line in result.splitlines() if line.startswith("## ")]
    assert titles == [
        "## Machine",
        "## Targets",
        "## 1. Listing",
        "## 2. Bulk details",
        "## 6. Apply",
        "## 4. Policies",
        "## Where the client's CPU goes",
        "## Notes",
    ]
    assert "kept by hand" in result
    assert "old details profile" in result


def test_without_a_report_to_keep_the_fresh_one_is_written() -> None:
    fresh = _report({"2. details": "1.1x"}, {"2. Bulk details": "new"}, {})
    assert merged("not a report\n", fresh) == fresh
