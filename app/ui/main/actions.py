"""The main window's actions, menus and toolbars, in one place. Mixed into MainWindow, whose slots the actions
call; strings keep the "MainWindow" context, where a mixin's self.tr would look them up at run time anyway."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from app.i18n import translate
from app.ui.common.widgets import button_text, plain_text


class MainActionsMixin:
    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        # Qt's own tooltip and toolbar button keep a Chinese mnemonic's "(F)"; neither has a key to press.
        action.setToolTip(plain_text(text))
        action.setIconText(button_text(text))
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        K = QKeySequence
        self.new_db_action = self._action(translate("MainWindow", "&New database…"), self._on_new_database)
        self.open_db_action = self._action(
            translate("MainWindow", "&Open database…"), self._on_open_database, K(K.StandardKey.Open)
        )
        self.demo_action = self._action(translate("MainWindow", "Load &demo accounts"), self._on_load_demo)
        self.import_action = self._action(
            translate("MainWindow", "&Import people…"),
            self._on_import,
            K("Ctrl+I"),
            tip=translate("MainWindow", "CSV, vCard, GraphML, GEXF or a Stakemap JSON file"),
        )
        self.export_action = self._action(
            translate("MainWindow", "Account &data (Excel, CSV, GraphML, GEXF, JSON)…"),
            lambda: self._on_export("xlsx"),
            K("Ctrl+E"),
        )
        self.export_pdf_action = self._action(
            translate("MainWindow", "Decision map as &PDF…"), lambda: self._on_export("pdf"), K("Ctrl+Shift+E")
        )
        self.export_png_action = self._action(
            translate("MainWindow", "Map as P&NG picture…"), lambda: self._on_export("png")
        )
        self.export_svg_action = self._action(
            translate("MainWindow", "Map as &SVG drawing…"), lambda: self._on_export("svg")
        )
        self.meeting_pack_action = self._action(
            translate("MainWindow", "&Meeting pack…"),
            self._on_meeting_pack,
            K("Ctrl+Shift+B"),
            tip=translate(
                "MainWindow",
                "A PDF to read before a meeting: the attendees, the map around them, their needs and "
                "history, open actions and routes to the decision-makers",
            ),
        )
        self.backup_action = self._action(
            translate("MainWindow", "&Back up now"),
            self.backup_requested.emit,
            tip=translate("MainWindow", "Write a verified copy of the database to the backups folder"),
        )
        self.restore_action = self._action(
            translate("MainWindow", "&Restore from backup…"),
            self._on_restore_backup,
            tip=translate("MainWindow", "Put a backup in place of this database; the current file is kept aside"),
        )
        self.second_backup_action = self._action(
            translate("MainWindow", "Second backup &folder…"),
            self._on_second_backup_folder,
            tip=translate("MainWindow", "Also write every backup to another disk or a share"),
        )
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.close, K(K.StandardKey.Quit))

        self.undo_action = self._action(translate("MainWindow", "&Undo"), self._on_undo, K(K.StandardKey.Undo))
        self.redo_action = self._action(
            translate("MainWindow", "&Redo"), self._on_redo, [K("Ctrl+Shift+Z"), K("Ctrl+Y")]
        )
        self.find_action = self._action(translate("MainWindow", "&Find account"), self._on_find, K("Ctrl+Shift+F"))
        self.dashboard_action = self._action(
            translate("MainWindow", "Portfolio &dashboard"),
            self._on_dashboard,
            K("Ctrl+Shift+D"),
            tip=translate("MainWindow", "Coverage and risk across all key accounts"),
        )
        self.team_action = self._action(
            translate("MainWindow", "Our &team"),
            lambda: self.team_host.open(),
            K("Ctrl+Shift+T"),
            tip=translate("MainWindow", "Roles, workload and risk of every member of our team"),
        )

        self.new_account_action = self._action(
            translate("MainWindow", "&New account…"), self._on_new_account, K("Ctrl+N")
        )
        self.rename_account_action = self._action(
            translate("MainWindow", "&Rename account…"), self._on_rename_account, K("Shift+F2")
        )
        self.delete_account_action = self._action(translate("MainWindow", "&Delete account…"), self._on_delete_account)

        self.add_person_action = self._action(
            translate("MainWindow", "Add &person…"), self._on_add_person, K("Ctrl+Shift+P")
        )
        self.edit_person_action = self._action(translate("MainWindow", "&Edit person…"), self._on_edit_person)
        self.archive_person_action = self._action(
            translate("MainWindow", "&Archive or restore person"), self._on_archive_person
        )
        self.delete_person_action = self._action(translate("MainWindow", "De&lete person…"), self._on_delete_person)
        self.add_member_action = self._action(
            translate("MainWindow", "New &team member…"), self._on_add_member, K("Ctrl+Shift+M")
        )
        self.add_existing_member_action = self._action(
            translate("MainWindow", "Add e&xisting team member…"), self._on_add_existing_member
        )
        self.edit_member_action = self._action(translate("MainWindow", "Edit team &member…"), self._on_edit_member)
        self.remove_member_action = self._action(
            translate("MainWindow", "Remove from this account's team"), self._on_remove_member
        )
        self.archive_member_action = self._action(
            translate("MainWindow", "Archive or restore team member"), self._on_archive_member
        )
        self.cadence_action = self._action(
            translate("MainWindow", "Contact &cadence by role…"),
            self._on_cadence_defaults,
            tip=translate("MainWindow", "How often each buying role should hear from us"),
        )
        self.add_link_action = self._action(translate("MainWindow", "Add &link…"), self._on_add_link, K("Ctrl+L"))
        self.edit_link_action = self._action(translate("MainWindow", "Edit link…"), self._on_edit_link)
        self.delete_link_action = self._action(translate("MainWindow", "Delete link"), self._on_delete_link)

        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.language)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.about_action = self._action(translate("MainWindow", "&About Stakemap"), self._on_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        for a in (self.new_db_action, self.open_db_action, None, self.import_action):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        self.export_menu = file_menu.addMenu(translate("MainWindow", "&Export"))
        for a in (self.export_pdf_action, self.export_png_action, self.export_svg_action, None, self.export_action):
            self.export_menu.addSeparator() if a is None else self.export_menu.addAction(a)
        file_menu.addAction(self.meeting_pack_action)
        for a in (None, self.sync_host.sync_action, self.sync_host.settings_action):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        for a in (None, self.demo_action, self.backup_action, self.restore_action, self.second_backup_action, None,
                  self.quit_action):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        for a in (self.undo_action, self.redo_action, None, self.find_action):
            edit_menu.addSeparator() if a is None else edit_menu.addAction(a)
        account_menu = bar.addMenu(translate("MainWindow", "&Account"))
        for a in (self.new_account_action, self.rename_account_action, self.delete_account_action):
            account_menu.addAction(a)
        people_menu = bar.addMenu(translate("MainWindow", "&People"))
        for a in (
            self.add_person_action,
            self.edit_person_action,
            self.archive_person_action,
            self.delete_person_action,
            None,
            self.add_member_action,
            self.add_existing_member_action,
            self.edit_member_action,
            self.remove_member_action,
            self.archive_member_action,
            None,
            self.add_link_action,
            self.edit_link_action,
            self.delete_link_action,
            None,
            self.cadence_action,
        ):
            people_menu.addSeparator() if a is None else people_menu.addAction(a)
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addAction(self.dashboard_action)
        view_menu.addAction(self.team_action)
        view_menu.addSeparator()
        view_menu.addAction(self.accounts_dock.toggleViewAction())
        view_menu.addAction(self.profile_dock.toggleViewAction())
        view_menu.addAction(self.analysis_dock.toggleViewAction())
        view_menu.addAction(self.record_dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.focus_map_action)
        view_menu.addAction(self.reset_layout_action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        from app.ui.main.help_pages import help_actions

        self.shortcuts_action, self.card_help_action = help_actions(self)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.card_help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _on_cadence_defaults(self) -> None:
        from app.ui.records.cadence_dialog import RoleCadenceDialog

        if self.workspace is None or self.undo_stack is None:
            return
        RoleCadenceDialog(self.workspace, self.undo_stack, self).exec()

    def _create_toolbar(self) -> None:
        toolbar = self.addToolBar(translate("MainWindow", "Main toolbar"))
        toolbar.setObjectName("MainToolbar")
        self.main_toolbar = toolbar
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (
            self.new_account_action,
            self.add_person_action,
            self.add_member_action,
            self.add_link_action,
            None,
            self.undo_action,
            self.redo_action,
            None,
            self.meeting_pack_action,
            self.dashboard_action,
        ):
            toolbar.addSeparator() if a is None else toolbar.addAction(a)

    def _fill_page_toolbars(self) -> None:
        page = self.account_page
        page.empty.set_actions([self.demo_action, self.new_account_action, self.import_action])
        page.add_actions(
            page.people_toolbar,
            [self.add_person_action, self.edit_person_action, self.archive_person_action, self.delete_person_action],
        )
        page.add_actions(
            page.team_toolbar,
            [
                self.add_member_action,
                self.add_existing_member_action,
                self.edit_member_action,
                self.remove_member_action,
            ],
        )
        page.add_actions(page.links_toolbar, [self.add_link_action, self.edit_link_action, self.delete_link_action])
