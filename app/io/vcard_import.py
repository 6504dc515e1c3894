"""People from vCard files (2.1, 3.0, 4.0), as phones and mail programs export them.

Cards are cut apart before vobject sees them, so one broken card is refused on its own and the others import.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.io.report import ImportRefused, ImportReport, Refusal
from app.io.rows import LinkRow, PersonRow, parse_role
from app.io.table_rows import full_name
from app.io.text_encoding import decoded_sample, detect_encoding

MAX_BYTES = 64 * 1024 * 1024
KNOWN = frozenset({"BEGIN", "END", "VERSION", "FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "NOTE", "UID",
                   "RELATED", "X-MS-MANAGER", "X-ABRELATEDNAMES", "X-ABLABEL", "PRODID", "REV", "KIND", "SOURCE",
                   "CATEGORIES"})
_QP = re.compile(r"^[^:]*QUOTED-PRINTABLE[^:]*:", re.IGNORECASE)
_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


def _join_soft_breaks(lines: list[str]) -> list[str]:
    """Quoted-printable values (vCard 2.1) continue on the next line after a trailing '='; vobject does not
    know that, and splitting a UTF-8 sequence there breaks the decoding."""
    out: list[str] = []
    carrying = False
    for line in lines:
        if carrying:
            out[-1] = out[-1][:-1] + line.lstrip(" \t") if out[-1].endswith("=") else out[-1] + line
        else:
            out.append(line)
        carrying = bool(_QP.match(out[-1])) and out[-1].endswith("=")
    return out


def _decode_quoted_printable(lines: list[str], encoding: str) -> list[str]:
    """Quoted-printable values decoded here, in their CHARSET or else in the file's encoding (Outlook writes
    2.1 cards without CHARSET), and handed on as plain escaped text."""
    import quopri

    out = []
    for line in lines:
        if not _QP.match(line):
            out.append(line)
            continue
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        charset = encoding
        kept = []
        for param in params:
            key, _, val = param.partition("=")
            if key.upper() == "CHARSET" and val:
                charset = val.strip('"')
            elif param.upper() not in ("QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE"):
                kept.append(param)
        raw = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            text = raw.decode(charset, errors="replace")
        except LookupError:
            text = raw.decode(encoding, errors="replace")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if name.upper() not in ("N", "ADR", "ORG"):  # structured values keep their ';' separators
            text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        out.append(";".join([name, *kept]) + ":" + text.replace("\n", "\\n"))
    return out


def _garbled_property(lines: list[str]) -> str | None:
    """The name and parameters of the first line whose ones are not printable ASCII with balanced quotes.

    vCard property names and parameters are plain ASCII and end at a ":"; a garbled line (a damaged file, the
    wrong encoding, a line without its ":") sends vobject's line pattern into minutes of backtracking, so such
    a card is refused before it is parsed.
    """
    logical: list[str] = []
    for line in lines:  # folded lines (a space or tab first) continue the line before
        if line[:1] in (" ", "\t") and logical:
            logical[-1] += line[1:]
        else:
            logical.append(line)
    for line in logical:
        if not line.strip():
            continue
        quoted = False
        for position, char in enumerate(line):
            if char == '"':
                quoted = not quoted
            elif char == ":" and not quoted:
                break
            elif not (" " <= char <= "~") and char != "\t":
                return line[:min(position + 1, 40)]
        else:  # no ":" at all: nothing says where the value starts
            return line[:40]
    return None


def split_cards(text: str) -> list[tuple[int, list[str] | None, str]]:
    """(card number, lines or None, why not) for every BEGIN:VCARD in the text."""
    cards: list[tuple[int, list[str] | None, str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if _BEGIN.match(line):
            if current is not None:
                cards.append((len(cards) + 1, None, "the card ends without END:VCARD"))
            current = [line]
        elif current is not None:
            current.append(line)
            if _END.match(line):
                cards.append((len(cards) + 1, current, ""))
                current = None
    if current is not None:
        cards.append((len(cards) + 1, None, "the file ends inside this card (no END:VCARD)"))
    return cards


def read_vcard(path: Path, report: ImportReport, encoding: str | None = None) -> tuple[list[PersonRow], list[LinkRow]]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ImportRefused(source, f"the file is larger than {MAX_BYTES // 2**20} MB")
    encoding = encoding or detect_encoding(data[:64 * 1024], source)
    report.encoding = encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportRefused(source, f"not readable as {encoding}\n{exc}") from None
    report.sample = decoded_sample(data[:8192], encoding)
    cards = split_cards(text.lstrip("\ufeff"))
    if not cards:
        raise ImportRefused(source, "no vCard in the file (no BEGIN:VCARD line)")
    import vobject

    people: list[PersonRow] = []
    relations: list[tuple[str, str, int]] = []
    unknown: set[str] = set()
    for number, lines, why in cards:
        if lines is None:
            report.refused.append(Refusal(number, f"card {number}: {why}"))
            continue
        try:
            unfolded = _decode_quoted_printable(_join_soft_breaks(lines), encoding)
            bad = _garbled_property(unfolded)
            if bad is not None:
                report.refused.append(Refusal(number, f"card {number}: unreadable (the property “{bad}” is not "
                                                      f"plain text)"))
                continue
            card = vobject.readOne("\r\n".join(unfolded) + "\r\n", ignoreUnreadable=False)
            row, related = _person(card, number, unknown)
        except Exception as exc:  # vobject raises many kinds (ParseError, UnicodeDecodeError, binascii.Error…)
            report.refused.append(Refusal(number, f"card {number}: unreadable\n{type(exc).__name__}: {exc}"))
            continue
        if row is None:
            report.refused.append(Refusal(number, f"card {number}: no name (FN or N)"))
            continue
        people.append(row)
        relations.extend((row.key, target, number) for target in related)
    report.unknown_columns.extend(sorted(unknown))
    links = [LinkRow(source, target, "reports_to", 3, number) for source, target, number in relations]
    return people, links


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return ";".join(_text(v) for v in value)
    return str(value or "").strip()


def _first(card, name: str, preferred: tuple[str, ...]) -> str:
    items = card.contents.get(name.lower(), [])
    best, best_rank = "", len(preferred) + 1
    for item in items:
        types = {t.upper() for key, values in item.params.items() for t in ([key] if not values else values)}
        types |= {k.upper() for k in item.params}
        rank = next((i for i, p in enumerate(preferred) if p in types), len(preferred))
        value = _text(item.value)
        if value and rank < best_rank:
            best, best_rank = value, rank
    return best


def _strip_urn(value: str) -> str:
    value = value.strip()
    return value[9:] if value.lower().startswith("urn:uuid:") else value


def _person(card, number: int, unknown: set[str]) -> tuple[PersonRow | None, list[str]]:
    for child in card.getChildren():
        if child.name.upper() not in KNOWN:
            unknown.add(child.name.upper())
    name = _first(card, "fn", ())
    if hasattr(card, "n"):
        n = card.n.value
        structured = full_name(_text(n.given), _text(n.family), _text(n.additional))
        # Phones often fill FN with "Family Given" in Latin order; N says what the parts are.
        name = structured or name
    if not name:
        return None, []
    fields: dict[str, object] = {"name": name}
    if hasattr(card, "org"):
        parts = card.org.value if isinstance(card.org.value, list) else [card.org.value]
        units = [p.strip() for p in parts[1:] if p and p.strip()]
        if units:
            fields["department"] = " / ".join(units)
    for prop, target in (("title", "title"), ("note", "notes")):
        value = _first(card, prop, ())
        if value:
            fields[target] = value
    email = _first(card, "email", ("PREF", "WORK", "INTERNET"))
    if email:
        fields["email"] = email
    phone = _first(card, "tel", ("PREF", "WORK", "CELL"))
    if phone:
        fields["phone"] = phone[4:] if phone.lower().startswith("tel:") else phone
    role = _first(card, "role", ())
    if role:
        try:
            fields["role"] = parse_role(role)
        except ValueError:
            # A vCard ROLE is usually a job function, not a buying role: keep it where it will be read.
            fields["notes"] = "\n".join(filter(None, [fields.get("notes"), f"ROLE: {role}"]))
    uid = _strip_urn(_first(card, "uid", ()))
    related = []
    for item in card.contents.get("x-ms-manager", []):
        if _text(item.value):
            related.append(_text(item.value))
    for item in card.contents.get("related", []) + card.contents.get("x-abrelatednames", []):
        types = {t.lower() for t in item.params.get("TYPE", [])}
        label = ""
        if item.group:
            label = next((_text(c.value).lower() for c in card.contents.get("x-ablabel", []) if c.group == item.group),
                         "")
        if "manager" in types or "manager" in label:
            target = _strip_urn(_text(item.value))
            if target:
                related.append(target)
    return PersonRow(number, fields, uid or f"#card{number}", external_id=uid or None), related
