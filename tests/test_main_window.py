"""The main window as a user drives it: pick an account, edit, restart, filter, undo, switch language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES
from tests.pdf_reading import page_size, pdf_text

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture
def demo_db(tmp_path) -> Path:
    from app.demo import load_demo
    from app.storage.database import Database

    path = tmp_path / "demo.db"
    with Database.open(path) as db, db.session() as session:
        load_demo(session)
    return path


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of showing them; answers can be queued per kind."""

    class Recorder:
        def __init__(self):
            self.shown: list[tuple[str, str]] = []
            self.answers: list[QMessageBox.StandardButton] = []

        def _make(self, kind):
            def show(parent, title, text, *args, **kwargs):
                self.shown.append((kind, text))
                if kind == "question":
                    return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No
                return QMessageBox.StandardButton.Ok

            return show

    recorder = Recorder()
    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder._make(kind)))
    return recorder


def start(qtbot, path: Path, language: str = "en"):
    """Open ``path`` the way the app does: the frame first, then the database from the worker."""
    from app.i18n import language as lang
    from app.ui.main.application import AppController
    from app.ui.main.settings import AppSettings

    controller = AppController(AppSettings(), lang.install(language))
    window = controller.create_window(path)
    qtbot.addWidget(window)
    window.show()
    controller.open_database(path, wait=True)
    qtbot.waitUntil(lambda: window.workspace is not None or window.loading_label.text().startswith(
        window.tr("No database")), timeout=10000)
    return controller, window


def stop(controller) -> None:
    controller.window.close()
    controller.shutdown()


def account_id(window, name: str) -> int:
    return window.workspace.account_id_by_name(name)


def visible_account_names(window) -> list[str]:
    proxy = window.account_list.proxy
    return sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))


def test_select_account_edit_a_field_and_see_it_after_restart(qtbot, demo_db, dialogs):
    controller, window = start(qtbot, demo_db)
    bank = DEMO_ACCOUNT_NAMES[1]
    assert window.select_account(account_id(window, bank))
    assert window.account_page.title.text() == bank
    region = window.profile.region
    region.setText("华东（浙江杭州）")
    region.editingFinished.emit()
    assert window.workspace.account(account_id(window, bank)).region == "华东（浙江杭州）"
    assert "Edit profile" in window.undo_action.text()
    stop(controller)

    controller, window = start(qtbot, demo_db)
    assert window.account_page.title.text() == bank  # the last account comes back too
    assert window.profile.region.text() == "华东（浙江杭州）"
    stop(controller)
    assert not dialogs.shown


def test_window_geometry_and_language_come_back(qtbot, demo_db, dialogs):
    from app.ui.main.settings import AppSettings

    controller, window = start(qtbot, demo_db)
    window.resize(790, 700)
    window.profile_dock.hide()
    controller._on_language_requested("zh_CN")
    assert controller.window is not window
    window = controller.window
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    stop(controller)
    settings = AppSettings()
    assert settings.language == "zh_CN"
    assert settings.last_database == demo_db.absolute()

    controller, window = start(qtbot, demo_db, settings.language)
    assert window.height() == 700
    assert window.profile_dock.isHidden() and not window.accounts_dock.isHidden()
    assert window.accounts_dock.windowTitle() == "大客户"
    stop(controller)


def test_search_and_filter_the_account_list(qtbot, demo_db, dialogs):
    controller, window = start(qtbot, demo_db)
    panel = window.account_list
    assert visible_account_names(window) == sorted(DEMO_ACCOUNT_NAMES)

    qtbot.keyClicks(panel.search, "bank")
    assert visible_account_names(window) == [DEMO_ACCOUNT_NAMES[1]]
    panel.search.clear()
    panel.search.setText("超市")  # QTest types ASCII only; an input method delivers Chinese as one commit
    assert visible_account_names(window) == [DEMO_ACCOUNT_NAMES[2]]
    panel.search.clear()

    panel.tier_filter.setCurrentIndex(panel.tier_filter.findData("strategic"))
    assert visible_account_names(window) == [DEMO_ACCOUNT_NAMES[0]]
    panel.tier_filter.setCurrentIndex(0)

    bank = window.workspace.account(account_id(window, DEMO_ACCOUNT_NAMES[1]))
    panel.industry_filter.setCurrentIndex(panel.industry_filter.findData(bank.industry))
    assert visible_account_names(window) == [DEMO_ACCOUNT_NAMES[1]]
    panel.industry_filter.setCurrentIndex(0)

    owned = sorted(s.name for s in window.workspace.account_summaries() if s.owner_id == bank.owner_id)
    panel.owner_filter.setCurrentIndex(panel.owner_filter.findData(bank.owner_id))
    assert visible_account_names(window) == owned
    assert len(owned) < 3
    stop(controller)


def test_add_rename_and_delete_an_account_with_confirmation(qtbot, demo_db, dialogs, monkeypatch):
    controller, window = start(qtbot, demo_db)
    answers = iter([("星河物流 Galaxy Logistics", True), ("星河物流集团", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))

    window.new_account_action.trigger()
    new_id = account_id(window, "星河物流 Galaxy Logistics")
    assert new_id is not None
    assert window.account_id == new_id
    assert window.undo_action.text() == "&Undo Add account 星河物流 Galaxy Logistics"

    window.rename_account_action.trigger()
    assert window.workspace.account(new_id).name == "星河物流集团"
    assert window.account_page.title.text() == "星河物流集团"

    dialogs.answers.append(QMessageBox.StandardButton.No)
    window.delete_account_action.trigger()
    assert dialogs.shown[-1][0] == "question" and "星河物流集团" in dialogs.shown[-1][1]
    assert account_id(window, "星河物流集团") == new_id  # refused: still there

    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    window.delete_account_action.trigger()
    assert account_id(window, "星河物流集团") is None
    assert "星河物流集团" not in visible_account_names(window)

    window.undo_action.trigger()
    assert account_id(window, "星河物流集团") == new_id
    assert "星河物流集团" in visible_account_names(window)
    stop(controller)


def test_duplicate_account_name_is_refused_with_a_message(qtbot, demo_db, dialogs, monkeypatch):
    controller, window = start(qtbot, demo_db)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (DEMO_ACCOUNT_NAMES[0], True)))
    before = window.workspace.account_summaries()
    window.new_account_action.trigger()
    assert dialogs.shown and dialogs.shown[-1][0] == "warning"
    assert DEMO_ACCOUNT_NAMES[0] in dialogs.shown[-1][1]
    assert window.workspace.account_summaries() == before
    assert not window.undo_stack.canUndo()
    stop(controller)


def test_add_edit_and_archive_a_person_through_the_forms(qtbot, demo_db, dialogs, monkeypatch):
    from app.ui.map.person_dialogs import PersonDialog

    controller, window = start(qtbot, demo_db)
    retail = account_id(window, DEMO_ACCOUNT_NAMES[2])
    window.select_account(retail)
    before = window.account_page.people_model.rowCount()

    def fill_and_accept(dialog):
        if not dialog.name.text():
            dialog.name.setText("欧阳明")
            dialog.title.setText("门店运营总监")
            dialog.department.setText("运营中心")
        dialog.role.setCurrentIndex(dialog.role.findData("decision_maker"))
        dialog.stance.setCurrentIndex(dialog.stance.findData("skeptic"))
        dialog.influence.setCurrentIndex(dialog.influence.findData(4))
        return PersonDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonDialog, "exec", fill_and_accept)
    window.add_person_action.trigger()
    people = {p.name: p for p in window.workspace.people(retail)}
    assert people["欧阳明"].role == "decision_maker" and people["欧阳明"].influence == 4
    assert window.account_page.people_model.rowCount() == before + 1
    assert window.account_page.current_person() == people["欧阳明"].id

    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    window.archive_person_action.trigger()
    assert window.workspace.person(people["欧阳明"].id).archived
    assert window.account_page.people_model.rowCount() == before  # archived people are hidden
    window.account_page.show_archived.setChecked(True)
    assert window.account_page.people_model.rowCount() > before

    window.undo_action.trigger()
    assert not window.workspace.person(people["欧阳明"].id).archived
    stop(controller)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(qtbot, tmp_path, dialogs):
    path = tmp_path / "notes.db"
    path.write_text("客户名单\n张三, 李四\n", encoding="utf-8")
    before = path.read_bytes()
    controller, window = start(qtbot, path)
    assert window.workspace is None
    assert dialogs.shown and dialogs.shown[0][0] == "critical"
    assert str(path) in dialogs.shown[0][1] and "not a Stakemap database" in dialogs.shown[0][1]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]
    assert not window.new_account_action.isEnabled()
    stop(controller)


def test_a_second_window_on_the_same_file_is_told_it_is_open(qtbot, demo_db, dialogs):
    first, _ = start(qtbot, demo_db)
    second, window = start(qtbot, demo_db)
    assert window.workspace is None
    assert "already open" in dialogs.shown[-1][1]
    stop(second)
    stop(first)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshot_of_the_main_window(qtbot, demo_db, dialogs, language):
    controller, window = start(qtbot, demo_db, language)
    window.resize(1500, 900)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[0]))
    qtbot.wait(50)
    SCREENSHOTS.mkdir(exist_ok=True)
    image = window.grab()
    assert image.save(str(SCREENSHOTS / f"main_window_{language}.png"))
    assert image.width() >= 1500
    for index, name in ((2, "team"), (3, "relationships")):
        window.account_page.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert window.grab().save(str(SCREENSHOTS / f"main_window_{name}_{language}.png"))

    from app.ui.map.link_dialog import LinkDialog
    from app.ui.map.person_dialogs import MemberDialog, PersonDialog

    account = window.account_id
    person = window.workspace.people(account)[3]
    link = window.workspace.links(account)[0]
    ends = window.editor._ends(account)
    for name, dialog in (("person_dialog", PersonDialog(person, window)),
                         ("member_dialog", MemberDialog(window.workspace.account_members(account)[0], window)),
                         ("link_dialog", LinkDialog(ends, link, window))):
        dialog.show()
        qtbot.wait(20)
        assert dialog.grab().save(str(SCREENSHOTS / f"{name}_{language}.png"))
        dialog.close()
    stop(controller)


def test_first_run_opens_a_demo_database_and_backs_it_up(qtbot, tmp_path, dialogs, monkeypatch):
    from app.i18n import language as lang
    from app.storage.backup import backup_is_due, list_backups
    from app.ui.main import application
    from app.ui.main.settings import AppSettings

    default = tmp_path / "data" / "stakemap.db"
    monkeypatch.setattr(application, "default_database_path", lambda: default)
    settings = AppSettings()
    path, first_run = application.choose_database(None, settings)
    assert (path, first_run) == (default, True)

    controller = application.AppController(settings, lang.install("en"))
    window = controller.create_window(path)
    qtbot.addWidget(window)
    window.show()
    controller.open_database(path, load_demo=first_run, wait=True)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    assert visible_account_names(window) == sorted(DEMO_ACCOUNT_NAMES)
    assert window.account_id is not None  # an account is selected, its people shown
    assert window.account_page.people_model.rowCount() >= 15

    assert backup_is_due(path)
    thread = controller.backup_in_background()
    thread.join(30)
    assert len(list_backups(path)) == 1 and not backup_is_due(path)
    assert controller.backup_in_background() is None  # not again the same day
    stop(controller)

    # The next start opens the same file (no --db), without loading the demo again.
    assert application.choose_database(None, AppSettings()) == (default.absolute(), False)


def test_selecting_a_card_shows_the_person_profile_for_editing_in_place(qtbot, demo_db, dialogs):
    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[2]))
    scene = window.account_page.map_panel.scene
    card = next(c for c in scene.card_items() if c.key[0] == "person")
    card.setSelected(True)
    assert window.profile_stack.currentWidget() is window.person_profile
    assert window.profile_dock.windowTitle() == "Person profile"
    title = window.person_profile.fields["title"]
    original = card.record.title
    assert title.text() == (original or "")
    title.setText("首席运营官")
    title.editingFinished.emit()
    assert window.workspace.person(card.key[1]).title == "首席运营官"
    assert scene.card(card.key).record.title == "首席运营官"  # the map follows the panel
    window.undo_action.trigger()
    assert window.workspace.person(card.key[1]).title == original
    assert title.text() == (original or "")
    scene.clearSelection()
    assert window.profile_stack.currentWidget() is window.profile
    stop(controller)


def test_panels_below_the_map_follow_the_map_selection(qtbot, demo_db, dialogs):
    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[1]))
    scene = window.account_page.map_panel.scene
    needs = window.record_panels["needs"]
    all_needs = needs.model.rowCount()
    person_id = next(n.person_id for n in window.workspace.needs(window.account_id) if n.person_id)
    scene.card(("person", person_id)).setSelected(True)
    expected = [n for n in window.workspace.needs(window.account_id) if n.person_id == person_id]
    assert 0 < needs.model.rowCount() == len(expected) < all_needs
    scene.clearSelection()
    assert needs.model.rowCount() == all_needs
    # People with overdue open actions carry a badge on the map.
    from app.views.actions_model import overdue_people

    late = overdue_people(window.workspace.actions(window.account_id))
    assert late
    assert {c.key[1] for c in scene.card_items() if c.overdue} == late
    stop(controller)


def test_a_participant_in_the_history_is_shown_on_the_map(qtbot, demo_db, dialogs):
    from app.views.history_model import HistoryModel

    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[0]))
    history = window.record_panels["history"]
    model = history.model
    row = next(r for r in range(model.rowCount())
               if len([k for k in model.interaction_at(r).participants if k[0] == "person"]) == 1)
    person = next(k for k in model.interaction_at(row).participants if k[0] == "person")
    history._on_clicked(model.index(row, HistoryModel.PARTICIPANTS))
    assert window.account_page.map_panel.scene.selected_keys() == [person]
    assert window.account_page.tabs.currentWidget() is window.account_page.map_panel
    stop(controller)


def test_import_with_a_preview_then_export_from_the_file_menu(qtbot, demo_db, dialogs, monkeypatch, tmp_path):
    from pathlib import Path

    from app.ui.transfer import file_transfer

    fixtures = Path(__file__).resolve().parent / "fixtures" / "import"
    controller, window = start(qtbot, demo_db)
    shown = []

    def drive(dialog):
        shown.append(dialog)
        dialog.path.setText(str(fixtures / "chinese_gbk.csv"))
        dialog.account.setCurrentText("新客户 New Co")
        dialog.preview_button.click()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
        assert "nothing written yet" in dialog.summary.text()
        assert window.workspace.account_id_by_name("新客户 New Co") is None  # the preview wrote nothing
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.result() == file_transfer.QDialog.DialogCode.Accepted, timeout=10000)
        return dialog.result()

    monkeypatch.setattr(file_transfer.ImportDialog, "exec", drive)
    window.import_action.trigger()
    new_id = window.workspace.account_id_by_name("新客户 New Co")
    assert new_id is not None and window.account_id == new_id
    assert {p.name for p in window.workspace.people(new_id)} >= {"张伟", "李娜", "王强"}
    assert window.account_page.map_panel.scene.card_items()  # the map shows them

    out = tmp_path / "export.xlsx"
    monkeypatch.setattr(file_transfer, "ask_export_target", lambda *_a: (out, "xlsx", False, {}))
    window.export_action.trigger()
    qtbot.waitUntil(out.exists, timeout=10000)
    import openpyxl

    sheet = openpyxl.load_workbook(out)["People"]
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"张伟", "李娜", "王强"} <= names
    stop(controller)


def test_a_cancelled_import_writes_nothing(qtbot, workspace):
    from pathlib import Path

    from app.ui.transfer.file_transfer import ImportWorker

    fixtures = Path(__file__).resolve().parent / "fixtures" / "import"
    worker = ImportWorker(workspace.database, fixtures / "salesforce_contacts.csv", "取消的导入", "csv", None, False)
    cancelled = []
    worker.cancelled.connect(lambda: cancelled.append(True))
    worker.cancel()
    worker.start()
    worker.wait()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert workspace.account_id_by_name("取消的导入") is None


def test_export_the_map_to_pdf_from_the_file_menu(qtbot, demo_db, dialogs, monkeypatch, tmp_path):

    from app.ui.transfer import file_transfer

    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[2]))
    out = tmp_path / "map.pdf"
    offered = []

    def ask(parent, name, chosen=None):
        offered.append(chosen)
        return out, "pdf", True, {"paper": "letter", "dpi": 150}

    monkeypatch.setattr(file_transfer, "ask_export_target", ask)
    assert window.export_pdf_action in window.export_menu.actions()
    window.export_pdf_action.trigger()
    assert offered == ["pdf"]  # File ▸ Export ▸ Decision map as PDF… offers PDF first
    assert window._export_worker is not None  # the pages are written by a worker, the window stays responsive
    qtbot.waitUntil(lambda: window._export_worker is None, timeout=20000)
    assert out.exists()
    from app.ui.transfer.destinations import ExportDone

    assert window.statusBar().findChild(ExportDone).path == out  # Open and Show in folder beside the bar
    assert page_size(out) == [612, 792]  # Letter, as chosen
    text = pdf_text(out, layout=False)
    person = next(p for p in window.workspace.people(window.account_id) if not p.archived)
    assert person.name in text and DEMO_ACCOUNT_NAMES[2] in text
    assert "Shareable" in text
    stop(controller)


def test_meeting_pack_for_the_people_selected_on_the_map(qtbot, demo_db, dialogs, monkeypatch, tmp_path):

    from PySide6.QtWidgets import QFileDialog

    from app.ui.transfer.meeting_pack_dialog import MeetingPackDialog

    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[0]))
    scene = window.account_page.map_panel.scene
    chosen = [c for c in scene.card_items() if c.key[0] == "person"][2:4]
    for card in chosen:
        card.setSelected(True)
    seen = {}

    def accept(dialog):
        seen["ticked"] = dialog.attendee_ids()
        dialog.date.setDate(dialog.date.date().addDays(3))
        return MeetingPackDialog.DialogCode.Accepted

    out = tmp_path / "pack"
    monkeypatch.setattr(MeetingPackDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(out), "")))
    window.meeting_pack_action.trigger()
    assert seen["ticked"] == [c.key[1] for c in chosen]
    qtbot.waitUntil(lambda: window._export_worker is None, timeout=20000)
    written = tmp_path / "pack.pdf"  # the extension is added when the user leaves it out
    text = pdf_text(written, layout=False)
    assert all(card.record.name in text for card in chosen)
    assert "Meeting pack" in text
    stop(controller)


def test_two_exports_side_by_side_both_land(qtbot, demo_db, dialogs, monkeypatch, tmp_path):
    from app.ui.transfer import file_transfer

    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[0]))
    targets = iter([(tmp_path / "one.pdf", "pdf", False, {"paper": "a4", "dpi": 150}),
                    (tmp_path / "two.png", "png", False, {"paper": "a4", "dpi": 100})])
    monkeypatch.setattr(file_transfer, "ask_export_target", lambda *_a: next(targets))
    window.export_action.trigger()
    window.export_action.trigger()
    assert len(window._writers) >= 1
    dialogs.answers = [QMessageBox.StandardButton.Yes]  # "close once they are done?" (if still running)
    stop(controller)  # closing waits for both
    assert (tmp_path / "one.pdf").stat().st_size > 1000 and (tmp_path / "two.png").stat().st_size > 1000
