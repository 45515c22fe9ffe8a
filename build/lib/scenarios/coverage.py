"""Which cases exercise each SOP branch (a case covers what its `covers` list claims)."""

from scenarios.library import Library


def coverage(library: Library) -> dict[str, dict[str, list[str]]]:
    """{sop id: {branch id: [case ids]}} for every branch of every SOP (empty list: uncovered)."""
    result: dict[str, dict[str, list[str]]] = {}
    for sop_id in sorted(library.sops):
        sop = library.sops[sop_id]
        branches: dict[str, list[str]] = {b.id: [] for b in sop.branches}
        for case_id in sorted(library.cases):
            case = library.cases[case_id]
            if case.sop != sop_id:
                continue
            for branch_id in case.covers:
                branches.setdefault(branch_id, []).append(case_id)
        result[sop_id] = branches
    return result


def uncovered(table: dict[str, dict[str, list[str]]]) -> list[tuple[str, str]]:
    """(sop, branch) pairs with no case."""
    return [
        (sop, branch)
        for sop, branches in table.items()
        for branch, cases in branches.items()
        if not cases
    ]
