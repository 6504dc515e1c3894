"""File ▸ Import on workbooks and text files: every sheet offered, the encoding and a decoded sample shown and
switchable, matches on the name alone listed; the command line speaks Chinese with --lang zh_CN."""

from __future__ import annotations

import argparse

from tests.test_import_sources import WECOM, WECOM_ROWS, write_csv, write_xlsx


def _preview(qtbot, dialog) -> None:
    dialog.report = None
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or "refused" in dialog.summary.text(), timeout=10000)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=5000)


def test_the_dialog_offers_every_sheet_and_previews_the_one_chosen(qtbot, workspace, tmp_path):
    from app.ui.transfer.file_transfer import ImportDialog

    path = write_xlsx(tmp_path / "book.xlsx", {"说明": [["导出说明"]], "成员": [WECOM, *WECOM_ROWS],
                                               "离职": [["姓名"], ["刘洋"]]})
    dialog = ImportDialog(workspace, [], "华东")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    assert not dialog._form.isRowVisible(dialog.encoding) and dialog._form.isRowVisible(dialog.sheet)
    _preview(qtbot, dialog)
    assert dialog.report.created == ["张伟", "张伟", "李娜"]
    assert [dialog.sheet.itemText(i) for i in range(1, dialog.sheet.count())] == ["说明", "成员", "离职"]
    assert dialog.sheet.currentText() == "成员"
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("离职"))
    _preview(qtbot, dialog)
    assert dialog.report.sheet == "离职" and dialog.report.created == ["刘洋"]


def test_the_dialog_shows_the_encoding_and_a_sample_and_can_switch(qtbot, workspace, tmp_path):
    from app.ui.transfer.file_transfer import ImportDialog

    path = write_csv(tmp_path / "gbk.csv", ["姓名", "职位"], [["张伟", "首席信息官"]], "gbk")
    dialog = ImportDialog(workspace, [], "华东")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    _preview(qtbot, dialog)
    assert "GB18030" in dialog.summary.text() and "张伟,首席信息官" in dialog.sample.text()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("big5"))
    _preview(qtbot, dialog)
    # Read as Big5 the same bytes are other characters (or refused): the user sees it before importing.
    assert "张伟" not in dialog.sample.text() or dialog.report is None


def test_the_dialog_lists_matches_on_the_name_alone(qtbot, workspace, tmp_path):
    from app.io.apply import import_file
    from app.ui.transfer.file_transfer import ImportDialog

    with workspace.database.session() as session:
        import_file(session, write_csv(tmp_path / "a.csv", ["姓名"], [["张伟"]]), "华东", "csv")
    dialog = ImportDialog(workspace, ["华东"], "华东")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(write_csv(tmp_path / "b.csv", ["姓名", "职位"], [["张伟", "首席信息官"]])))
    _preview(qtbot, dialog)
    groups = {dialog.details.topLevelItem(i).text(0): dialog.details.topLevelItem(i)
              for i in range(dialog.details.topLevelItemCount())}
    matched = next(item for title, item in groups.items() if title.startswith("Matched by name only"))
    assert matched.childCount() == 1 and matched.child(0).text(0) == "张伟"


def test_the_command_line_reports_in_chinese(db_path, tmp_path, capsys, qapp):
    from app.cli.commands import import_
    from app.i18n import language

    path = tmp_path / "broken.graphml"
    path.write_text("<graphml><graph><node id='a'>", encoding="utf-8")
    args = argparse.Namespace(db=db_path, file=path, account="华东", format=None, dry_run=False, encoding=None,
                              sheet=None, lang="zh_CN")
    try:
        assert import_.run(args) == 1
        err = capsys.readouterr().err
        # Our sentence, translated and saying where; the parser's own words on the next line.
        assert "XML 格式不正确（第 1 行" in err and "no element found" in err.splitlines()[1]
        wide = write_csv(tmp_path / "wide.csv", ["姓名", "影响力"], [["张伟", "老板"]])
        assert import_.run(argparse.Namespace(**{**vars(args), "file": wide, "dry_run": True})) == 0
        out = capsys.readouterr().out
        assert "试运行" in out and "第 2 行" in out and "该项保留为未知" in out
    finally:
        language.install("en")
