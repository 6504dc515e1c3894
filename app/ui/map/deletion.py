"""What deleting cards from a map really does, said before it is done: people go with their links and
personal needs and are taken out of the history; team members only leave this account's team."""

from __future__ import annotations

from app.document import Workspace
from app.i18n import translate


def deletion_question(workspace: Workspace, account_id: int, keys: list, name_of) -> str:
    """The confirmation text for deleting the cards ``keys`` (("person"|"member", id)) of ``account_id``."""
    separator = translate("Lists", ", ")
    people = {k[1] for k in keys if k[0] == "person"}
    members = [k for k in keys if k[0] == "member"]
    names = separator.join(name_of(k) for k in keys[:5]) + ("…" if len(keys) > 5 else "")
    lines = [translate("MapController", "Delete %1 from this account?").replace("%1", names)]
    if people:
        person_keys = {("person", p) for p in people}
        links = sum(1 for link in workspace.links(account_id)
                    if link.source in person_keys or link.target in person_keys)
        needs = sum(1 for need in workspace.needs(account_id) if need.person_id in people)
        interactions = sum(1 for i in workspace.interactions(account_id)
                           if any(kind == "person" and ident in people for kind, ident in i.participants))
        actions = sum(1 for a in workspace.actions(account_id) if a.person_id in people)
        gone = []
        if links:
            gone.append(translate("MapController", "%n link(s)", None, links))
        if needs:
            gone.append(translate("MapController", "%n personal need(s)", None, needs))
        if gone:
            lines.append(translate("MapController", "Deleted with them: %1.").replace("%1", separator.join(gone)))
        if interactions:
            lines.append(translate("MapController", "They are taken out of %n interaction(s); the interactions "
                                                    "stay in the history.", None, interactions))
        if actions:
            lines.append(translate("MapController", "%n next action(s) about them stay, without a person.", None,
                                   actions))
        lines.append(translate("MapController", "To keep a person's history, archive them instead."))
    if members:
        lines.append(translate("MapController", "Members of our team only leave this account's team; nothing of "
                                                "theirs is deleted."))
    lines.append(translate("MapController", "You can undo this with Edit ▸ Undo."))
    return "\n".join(lines)
