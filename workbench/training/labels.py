"""Classification labels: validate a label column and map it to ids 0..K-1 with names.

Labels may be names ("positive") or whole numbers (0, 1). Mixing the two, names that differ only
in case or spaces, non-whole numbers, a single class, and values outside the given label names
are all reported with the line they occur on.
"""

from __future__ import annotations

from typing import Any, Callable

from workbench.errors import InputError

Where = Callable[[int], str]  # row index -> "data.csv line 12"


def label_mapping(values: list[Any], names: list[str], where: Where) -> tuple[list[int], list[str]]:
    """(label id per row, label names). `names` = [] derives them from the distinct values."""
    _no_missing(values, where)
    numeric = [_is_number(v) for v in values]
    if any(numeric) and not all(numeric):
        i = numeric.index(not numeric[0])
        raise InputError("Labels are not consistent: {where} has '{value}' but {first_where} has "
                         "'{first_value}'; use either names or numbers for every row", where=where(i),
                         value=values[i], first_where=where(0), first_value=values[0])
    if all(numeric):
        return _numeric_ids(values, names, where)
    return _name_ids([str(v).strip() for v in values], names, where)


def _no_missing(values: list[Any], where: Where) -> None:
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip()):
            raise InputError("{where} has no label", where=where(i))


def _is_number(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return True
    try:  # CSV readers may give "1" as text when another row has a name
        float(str(v).strip())
        return True
    except ValueError:
        return False


def _numeric_ids(values: list[Any], names: list[str], where: Where) -> tuple[list[int], list[str]]:
    ids = []
    for i, v in enumerate(values):
        f = float(str(v).strip()) if not isinstance(v, (int, float)) else float(v)
        if f != int(f):
            raise InputError("Labels are not consistent: {where} has {value}, which is not a whole number",
                             where=where(i), value=v)
        ids.append(int(f))
    distinct = sorted(set(ids))
    if names:
        for i, v in enumerate(ids):
            if not 0 <= v < len(names):
                raise InputError("{where} has label {value}, but there are only {count} label "
                                 "names (ids 0 to {last})", where=where(i), value=v, count=len(names),
                                 last=len(names) - 1)
    else:
        if distinct[0] < 0:
            raise InputError("{where} has a negative label ({value})", where=where(ids.index(distinct[0])),
                             value=distinct[0])
        names = [str(k) for k in range(distinct[-1] + 1)]
    _at_least_two(distinct, names)
    return ids, list(names)


def _name_ids(values: list[str], names: list[str], where: Where) -> tuple[list[int], list[str]]:
    seen: dict[str, tuple[str, int]] = {}
    for i, v in enumerate(values):  # "Positive" vs "positive " is almost always a data mistake
        key = v.casefold()
        first = seen.setdefault(key, (v, i))
        if first[0] != v:
            raise InputError("Labels are not consistent: {where} has '{value}' but {first_where} has "
                             "'{first_value}'; they differ only in case or spaces", where=where(i), value=v,
                             first_where=where(first[1]), first_value=first[0])
    if names:
        index = {n: k for k, n in enumerate(names)}
        for i, v in enumerate(values):
            if v not in index:
                raise InputError("{where} has label '{value}', which is not one of the label names "
                                 "({names})", where=where(i), value=v, names=", ".join(names))
    else:
        names = sorted({v for v in values})
        index = {n: k for k, n in enumerate(names)}
    ids = [index[v] for v in values]
    _at_least_two(sorted(set(ids)), names)
    return ids, list(names)


def _at_least_two(distinct: list[int], names: list[str]) -> None:
    if len(distinct) < 2:
        raise InputError("Every row has the label '{label}'; classification needs at "
                         "least two different labels", label=names[distinct[0]])


def label_rows(ds: Any, column: str, text_column: str, names: list[str], where: Where) -> tuple[Any, list[str]]:
    """The dataset with columns text, label (ids) and the label names."""
    ids, names = label_mapping(ds[column], list(names), where)
    ds = ds.select_columns([text_column]).rename_columns({text_column: "text"} if text_column != "text" else {})
    return ds.add_column("label", ids), names
