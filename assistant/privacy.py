"""Personal data out of what is stored: e-mail addresses, phone numbers, IBANs and BSNs are masked.

Residents are asked not to type personal details, but some will. Questions are kept (conversation
history, feedback) only with these replaced. A nine-digit number counts as a BSN only when it passes
the 11-test, so amounts and dates stay readable.
"""

from __future__ import annotations

import re

MARKER = "[persoonsgegeven]"
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w€])(?:\+31[\s-]?|0031[\s-]?|0)(?:\d[\s-]?){9}(?!\d)")
# Nine digits, perhaps grouped, that do not continue a longer number or an amount ("123.456.789,00").
_NOT_BEFORE, _NOT_AFTER = r"(?<!\d)(?<!\d[.,])", r"(?!\d)(?![.,]\d)"
_NINE_DIGITS = re.compile(_NOT_BEFORE + r"(?:\d{3}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{2}|\d{9})" + _NOT_AFTER)


def is_bsn(digits: str) -> bool:
    """The Dutch 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0 and total != 0


def is_iban(text: str) -> bool:
    """ISO 13616 mod-97 check."""
    compact = re.sub(r"\s", "", text).upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def mask(text: str) -> str:
    """The text with personal data replaced by one neutral marker.

    One marker for all kinds on purpose: "[e-mail]" or "[telefoonnummer]" would make the question
    look as if it asked for an e-mail address or a phone number.
    """
    text = _EMAIL.sub(MARKER, text)
    text = _IBAN.sub(lambda m: MARKER if is_iban(m.group(0)) else m.group(0), text)
    text = _NINE_DIGITS.sub(lambda m: MARKER if is_bsn(re.sub(r"\D", "", m.group(0))) else m.group(0), text)
    return _PHONE.sub(MARKER, text)
