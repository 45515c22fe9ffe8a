"""How the simulated customer words things in each temperament (cooperative, vague, impatient).

Every choice among variants is a CRC of a salt (the message and the episode's history length),
so the same episode and message always get the same words.
"""

import zlib
from collections.abc import Sequence

from scenarios.understanding.talk import talk_data

HEDGES = ("Hmm, sebentar ya... ", "Kalau tidak salah, ", "Aduh, saya agak lupa... tapi ")
HEDGE_TAILS = (" Tapi saya kurang yakin juga.", " Kira-kira begitu.", " Sepertinya sih begitu.")
RUSH = ("Aduh kak, ", "Sudah saya bilang, ", "Cepat ya kak, ")
RUSH_TAILS = (" Tolong cepat dibantu!", " Saya buru-buru ini.", " Kenapa lama sekali sih?")
CLARIFY = {
    "cooperative": "Maaf kak, maksudnya bagaimana ya? Bisa diulang pertanyaannya?",
    "vague": "Hmm... saya kurang paham, maksudnya apa ya?",
    "impatient": "Maksudnya apa sih kak? Langsung saja, tolong masalah saya dibereskan!",
}
CLARIFY_AGAIN = {
    "cooperative": "Maaf kak, saya masih belum menangkap maksudnya. Bisa ditanyakan dengan "
    "kata lain?",
    "vague": "Aduh... saya makin bingung. Maksudnya yang mana ya?",
    "impatient": "Saya tidak mengerti pertanyaannya, kak! Tanya yang jelas saja.",
}
CLARIFY_BETWEEN = {
    "cooperative": "Maaf kak, maksudnya soal {a} atau soal {b}?",
    "vague": "Hmm... yang ditanyakan itu {a}, atau {b} ya?",
    "impatient": "Yang mana sih kak, {a} atau {b}? Tolong yang jelas.",
}
CLARIFY_ONE = {
    "cooperative": "Maaf kak, maksudnya soal {a}?",
    "vague": "Hmm... maksudnya {a} ya?",
    "impatient": "Maksudnya soal {a}? Tolong yang jelas, kak.",
}
DONT_KNOW = {
    "cooperative": "Maaf kak, untuk itu saya tidak tahu.",
    "vague": "Waduh, saya tidak ingat sama sekali...",
    "impatient": "Mana saya tahu, kak! Itu kan urusan Telkomsel.",
}
DONT_KNOW_AGAIN = {
    "cooperative": "Seperti tadi kak, untuk itu saya memang tidak tahu.",
    "vague": "Tadi kan sudah saya bilang... saya tidak ingat.",
    "impatient": "Sudah saya bilang saya tidak tahu, kak!",
}
REFER_BACK = {
    "cooperative": ("Tadi sudah saya sebutkan, kak. ", "Seperti yang tadi saya sampaikan, "),
    "vague": ("Lho, tadi kan sudah saya bilang... ", "Hmm, sepertinya tadi sudah saya sebut... "),
    "impatient": ("Kan tadi sudah saya bilang! ", "Sudah saya sebutkan tadi, kak! "),
}
REFER_BACK_TAIL = {"impatient": " Jangan ditanya berulang-ulang, kak."}


def pick(options: Sequence[str], salt: str) -> str:
    """One of the options, chosen by the salt (deterministic)."""
    return options[zlib.crc32(salt.encode()) % len(options)]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def in_temperament(text: str, temperament: str, salt: str) -> str:
    """The same content, worded cooperatively, vaguely (hedged) or impatiently (terse)."""
    if temperament == "vague":
        return pick(HEDGES, salt) + _lower_first(text) + pick(HEDGE_TAILS, salt)
    if temperament == "impatient":
        return pick(RUSH, salt) + _lower_first(text) + pick(RUSH_TAILS, salt)
    return text


def referred_back(text: str, temperament: str, salt: str) -> str:
    """An answer given again: the customer says they already said it."""
    head = pick(REFER_BACK.get(temperament, REFER_BACK["cooperative"]), salt)
    body = text if head.endswith(". ") or head.endswith("! ") else _lower_first(text)
    return head + body + REFER_BACK_TAIL.get(temperament, "")


def dont_know(temperament: str, again: bool) -> str:
    """The customer does not know the answer (and says so again when asked again)."""
    table = DONT_KNOW_AGAIN if again else DONT_KNOW
    return table.get(temperament, table["cooperative"])


def clarify(temperament: str, again: bool) -> str:
    """The customer did not understand the message."""
    table = CLARIFY_AGAIN if again else CLARIFY
    return table.get(temperament, table["cooperative"])


def clarify_between(*topics: str, temperament: str) -> str:
    """The customer asks which of the (one or two) closest topics is meant."""
    table = CLARIFY_BETWEEN if len(topics) > 1 else CLARIFY_ONE
    template = table.get(temperament, table["cooperative"])
    return template.format(a=topics[0], b=topics[-1])


def talk_reply(category: str, temperament: str, salt: str, name: str, daypart: str | None) -> str:
    """The customer's answer to a greeting, thanks, hold line, apology ..."""
    replies = talk_data().replies.get(category, {})
    options = replies.get(temperament) or replies.get("cooperative") or ("Iya kak.",)
    if category == "greeting" and daypart is None:
        options = tuple(o for o in options if "{daypart}" not in o) or options
    return pick(options, salt).format(name=name, daypart=daypart or "siang")
