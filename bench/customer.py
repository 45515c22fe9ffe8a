"""How well the simulated customer understands agents: the phrasing corpus of tests/, per SOP.

    python -m bench.customer [--corpus DIR] [--json]

Prints per SOP how many phrasings of its questions were understood right, not at all (the
customer asks to clarify: not right, not wrong) or wrong (another question answered), the
confusion pairs, talk taken as a SOP question, caller details, several-question messages, the
holdout lines (corpus/holdout.yaml, written after the lexicon was tuned and never tuned on), and
the time per message (p50/p95 of the median of --repeats replies). Targets: >= 97% right,
0 wrong, 0 talk taken as a question, p95 < 5 ms.
"""

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scenarios import engine
from scenarios.customer import probe_state, reply
from scenarios.models.sop import Sop

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "scenarios" / "understanding" / "corpus"
TARGET_RIGHT = 0.97
TARGET_P95_MS = 5.0


@dataclass(frozen=True)
class Sample:
    """One corpus line and what the customer must make of it in one SOP."""

    sop: str
    kind: str
    """question | multi | holdout (a question never tuned against) | talk | caller"""
    text: str
    expect: tuple[str, ...] = ()
    """SOP question ids (question, multi) or the talk category / caller detail."""


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def samples(sops: dict[str, Sop], root: Path = CORPUS) -> Iterator[Sample]:
    """Every corpus line in every SOP it applies to."""
    for path in sorted(root.glob("sop-*.yaml")):
        doc = _load(path)
        for qid, texts in (doc.get("questions") or {}).items():
            yield from (Sample(doc["sop"], "question", t, (qid,)) for t in texts)
        for item in doc.get("multi") or ():
            yield Sample(doc["sop"], "multi", item["text"], tuple(item["expect"]))
    shared = _load(root / "shared.yaml")
    for qid, spec in shared["questions"].items():
        for sop in spec["sops"]:
            yield from (Sample(sop, "question", t, (qid,)) for t in spec["phrasings"])
    holdout = root / "holdout.yaml"
    for sop, questions in (_load(holdout) if holdout.exists() else {}).items():
        targets = sorted(sops) if sop == "shared" else [sop]
        for qid, texts in questions.items():
            for target in targets:
                if sops[target].question(qid) is not None:
                    yield from (Sample(target, "holdout", t, (qid,)) for t in texts)
    talk = _load(root / "talk.yaml")
    for sop in sorted(sops):
        for category, texts in talk["talk"].items():
            yield from (Sample(sop, "talk", t, (category,)) for t in texts)
    for name, spec in talk["caller"].items():
        for sop in spec["sops"]:
            yield from (Sample(sop, "caller", t, (name,)) for t in spec["phrasings"])


@dataclass
class Tally:
    """Counts of one SOP (or of all)."""

    right: int = 0
    none: int = 0
    wrong: int = 0
    confusions: Counter = field(default_factory=Counter)


def verdict(sample: Sample, detail: dict[str, Any]) -> str:
    """right, none or wrong for one reply's trace detail."""
    got = tuple(detail["question_ids"])
    if sample.kind in ("question", "multi", "holdout"):
        if got == sample.expect or (sample.kind == "multi" and set(got) == set(sample.expect)):
            return "right"
        return "none" if not got else "wrong"
    if got:
        return "wrong"
    if sample.kind == "talk":
        return "right" if sample.expect[0] in detail["talks"] else "none"
    return "right" if list(sample.expect) == detail["caller"] else "none"


def _timed(state: dict[str, Any], text: str, repeats: int) -> tuple[dict[str, Any], float]:
    """The reply's detail and the median time of `repeats` replies in ms (the first reply of a
    message is cold: its words were never stemmed in this process)."""
    spent = []
    for _ in range(repeats):
        start = time.perf_counter()
        detail = reply(state, text).detail()
        spent.append((time.perf_counter() - start) * 1000)
    return detail, sorted(spent)[len(spent) // 2]


def evaluate(sops: dict[str, Sop], root: Path = CORPUS, repeats: int = 1) -> dict[str, Any]:
    """Run the corpus: tallies per SOP and kind, the misses, and the time per message."""
    states = {sop_id: probe_state(sop) for sop_id, sop in sops.items()}
    for state in states.values():
        reply(state, "halo")  # compile each SOP's bank before timing
    tallies: dict[str, Tally] = {}
    misses: list[dict[str, Any]] = []
    times: list[float] = []
    for sample in samples(sops, root):
        detail, spent = _timed(states[sample.sop], sample.text, repeats)
        times.append(spent)
        result = verdict(sample, detail)
        tally = tallies.setdefault(f"{sample.sop} {sample.kind}", Tally())
        setattr(tally, result, getattr(tally, result) + 1)
        if result != "right":
            got = ",".join(detail["question_ids"]) or detail["talk"] or "-"
            tally.confusions[(",".join(sample.expect), got)] += 1
            misses.append(
                {
                    "sop": sample.sop,
                    "kind": sample.kind,
                    "text": sample.text,
                    "expect": list(sample.expect),
                    "verdict": result,
                    "got": got,
                    "understood": detail["understood"],
                }
            )
    times.sort()
    return {
        "tallies": tallies,
        "misses": misses,
        "p50_ms": times[len(times) // 2],
        "p95_ms": times[int(len(times) * 0.95)],
        "messages": len(times),
    }


def _row(name: str, tally: Tally) -> str:
    total = tally.right + tally.none + tally.wrong
    rate = tally.right / total if total else 0.0
    return f"{name:<24} {total:>5} {tally.right:>6} {tally.none:>5} {tally.wrong:>6} {rate:>7.1%}"


def totals(result: dict[str, Any], kinds: tuple[str, ...]) -> Tally:
    """The counts of some kinds (question, multi, talk, caller) over every SOP."""
    total = Tally()
    for name, tally in result["tallies"].items():
        if name.split()[1] in kinds:
            for verdict_name in ("right", "none", "wrong"):
                value = getattr(total, verdict_name) + getattr(tally, verdict_name)
                setattr(total, verdict_name, value)
    return total


def report(result: dict[str, Any]) -> str:
    """The printed table."""
    lines = [f"{'sop kind':<24} {'total':>5} {'right':>6} {'none':>5} {'wrong':>6} {'right%':>7}"]
    for name, tally in sorted(result["tallies"].items()):
        lines.append(_row(name, tally))
        for (want, got), n in sorted(tally.confusions.items()):
            lines.append(f"    {want} -> {got}: {n}")
    lines.append(_row("SOP questions", totals(result, ("question", "multi"))))
    lines.append(_row("holdout (never tuned on)", totals(result, ("holdout",))))
    lines.append(_row("talk and caller", totals(result, ("talk", "caller"))))
    lines.append(
        f"p50 {result['p50_ms']:.2f} ms, p95 {result['p95_ms']:.2f} ms "
        f"over {result['messages']} messages (target p95 < {TARGET_P95_MS} ms)"
    )
    return "\n".join(lines)


def main() -> None:
    """Print the figures (or JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--repeats", type=int, default=3, help="replies per message timed")
    args = parser.parse_args()
    sops = engine.get_library().sops
    engine_start = time.perf_counter()
    result = evaluate(sops, args.corpus, args.repeats)
    questions = totals(result, ("question", "multi"))
    talk = totals(result, ("talk", "caller"))
    targets = {
        "right": questions.right / max(1, questions.right + questions.none) >= TARGET_RIGHT,
        "wrong": questions.wrong == 0 and totals(result, ("holdout",)).wrong == 0,
        "talk_taken_as_question": talk.wrong == 0,
        "p95": result["p95_ms"] < TARGET_P95_MS,
    }
    if args.json:
        figures = {
            name: vars(t) | {"confusions": {f"{a} -> {b}": n for (a, b), n in t.confusions.items()}}
            for name, t in result["tallies"].items()
        }
        print(
            json.dumps(
                {
                    "targets": targets,
                    "sop_questions": vars(questions) | {"confusions": {}},
                    "tallies": figures,
                    "p50_ms": result["p50_ms"],
                    "p95_ms": result["p95_ms"],
                    "messages": result["messages"],
                }
            )
        )
    else:
        print(report(result))
        if args.misses:
            for miss in result["misses"]:
                print(json.dumps(miss, ensure_ascii=False))
        print(f"total {time.perf_counter() - engine_start:.1f} s")
        print(
            "targets: " + ", ".join(f"{k} {'met' if v else 'NOT met'}" for k, v in targets.items())
        )
    if not all(targets.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
