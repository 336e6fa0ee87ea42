#include "WindowActions.h"

#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QStyle>
#include <QToolBar>

namespace {
struct Command
{
    QString text;
    QString themeIcon; // empty: a menu-only command, no icon
    QStyle::StandardPixmap fallbackIcon;
    void (MainWindow::*slot)(); // nullptr: wired by hand below
};
} // namespace

QList<WindowActions::Shortcut> WindowActions::shortcutTable()
{
    using K = QKeySequence;
    return {
        {K::UnknownKey, K(tr("Ctrl+Shift+N"))}, // addConnection
        {K::UnknownKey, K(tr("Ctrl+E"))},       // editConnection
        {},                                     // removeConnection
        {K::New, {}},                           // addJob
        {K::Refresh, K(Qt::Key_F5)},            // refresh
        {K::Copy, {}},                          // copy
        {K::UnknownKey, K(tr("Ctrl+Shift+C"))}, // copyReport
        {K::UnknownKey, K(tr("Ctrl+Shift+S"))}, // exportJobs
        {K::Delete, {}},                        // removeJob
        {K::UnknownKey, K(tr("Ctrl+I"))},       // newImport
        {K::UnknownKey, K(tr("Ctrl+R"))},       // retry
        {},                                     // commit
        {},                                     // abort
        {K::Find, {}},                          // find
        {K::Preferences, K(tr("Ctrl+,"))},      // preferences
        {K::Quit, {}},                          // quit
    };
}

QList<QKeySequence> WindowActions::resolveShortcuts(const QList<Shortcut> &table, const KeyBindings &bindings)
{
    QList<QKeySequence> out(table.size());
    QSet<QKeySequence> claimed;
    // Our own sequences first: they are what the README documents, whatever the platform.
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (table[i].standard == QKeySequence::UnknownKey && !table[i].fallback.isEmpty() && !claimed.contains(table[i].fallback)) {
            out[i] = table[i].fallback;
            claimed.insert(table[i].fallback);
        }
    }
    // Then the platform's primary binding (the only one QKeySequence(StandardKey) would give), if still free.
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (table[i].standard == QKeySequence::UnknownKey)
            continue;
        const QList<QKeySequence> platform = bindings(table[i].standard);
        for (const QKeySequence &candidate : {platform.value(0), table[i].fallback}) {
            if (!candidate.isEmpty() && !claimed.contains(candidate)) {
                out[i] = candidate;
                claimed.insert(candidate);
                break;
            }
        }
    }
    return out;
}

WindowActions::WindowActions(MainWindow *window) : QObject(window)
{
    const QList<Command> commands = {
        {tr("Add &connection…"), QStringLiteral("network-server"), QStyle::SP_DriveNetIcon, &MainWindow::addConnection},
        {tr("&Edit connection…"), QStringLiteral("document-properties"), QStyle::SP_FileDialogDetailedView, &MainWindow::editConnection},
        {tr("&Remove connection…"), QStringLiteral("list-remove"), QStyle::SP_TrashIcon, &MainWindow::removeConnection},
        {tr("&Watch job by ID…"), QStringLiteral("list-add"), QStyle::SP_FileDialogNewFolder, &MainWindow::addJob},
        {tr("&Refresh now"), QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, &MainWindow::refresh},
        {tr("&Copy error"), QStringLiteral("edit-copy"), QStyle::SP_FileIcon, &MainWindow::copySelection},
        {tr("Copy &support report"), QStringLiteral("edit-copy"), QStyle::SP_FileDialogInfoView, &MainWindow::copySupportReport},
        {tr("E&xport selection…"), QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton, &MainWindow::exportSelection},
        {tr("Remove from &history"), QStringLiteral("edit-delete"), QStyle::SP_DialogDiscardButton, &MainWindow::removeSelectedJobs},
        {tr("&New import…"), QStringLiteral("document-new"), QStyle::SP_FileDialogStart, &MainWindow::newImport},
        {tr("Re&try import"), QStringLiteral("view-refresh"), QStyle::SP_BrowserReload, &MainWindow::retrySelected},
        {tr("&Commit import…"), QStringLiteral("dialog-ok-apply"), QStyle::SP_DialogApplyButton, &MainWindow::commitSelected},
        {tr("A&bort import…"), QStringLiteral("process-stop"), QStyle::SP_BrowserStop, &MainWindow::abortSelected},
        {tr("&Find…"), QStringLiteral("edit-find"), QStyle::SP_FileDialogContentsView, &MainWindow::focusSearch},
        {tr("&Preferences…"), QString(), QStyle::SP_CustomBase, &MainWindow::showPreferences},
        {tr("&Quit"), QString(), QStyle::SP_CustomBase, nullptr},
    };
    const QList<QKeySequence> shortcuts = resolveShortcuts(shortcutTable(), &QKeySequence::keyBindings);
    QList<QAction *> actions;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const Command &c = commands[i];
        const QKeySequence &shortcut = shortcuts[i];
        auto *a = c.themeIcon.isEmpty()
            ? new QAction(c.text, window)
            : new QAction(QIcon::fromTheme(c.themeIcon, window->style()->standardIcon(c.fallbackIcon)), c.text, window);
        a->setShortcut(shortcut);
        if (c.slot) {
            a->setToolTip(shortcut.isEmpty() ? c.text
                                             : QStringLiteral("%1 (%2)").arg(QString(c.text).remove(QLatin1Char('&')), shortcut.toString(QKeySequence::NativeText)));
            connect(a, &QAction::triggered, window, c.slot);
        }
        actions << a;
    }
    addConnection = actions[0];
    editConnection = actions[1];
    removeConnection = actions[2];
    addJob = actions[3];
    refresh = actions[4];
    copy = actions[5];
    copyReport = actions[6];
    exportJobs = actions[7];
    removeJob = actions[8];
    newImport = actions[9];
    retry = actions[10];
    commit = actions[11];
    abort = actions[12];
    find = actions[13];
    preferences = actions[14];
    quit = actions[15];
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    // The window-wide shortcuts; Preferences and Quit work through their menu entries.
    window->addActions({addConnection, editConnection, removeConnection, addJob, refresh, copy, copyReport, exportJobs,
                        removeJob, newImport, retry, commit, abort, find});
    // Ctrl+C and Delete belong to whichever table has focus, not to the search field.
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    removeJob->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    buildMenus(window);
}

QList<QAction *> WindowActions::all() const
{
    return {addConnection, editConnection, removeConnection, addJob, refresh, copy, copyReport, exportJobs,
            removeJob, newImport, retry, commit, abort, find, preferences, quit};
}

void WindowActions::buildMenus(MainWindow *window)
{
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addActions({addConnection, editConnection, removeConnection});
    file->addSeparator();
    file->addAction(exportJobs);
    file->addSeparator();
    file->addAction(quit);
    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addActions({copy, copyReport});
    edit->addSeparator();
    edit->addAction(find);
    edit->addSeparator();
    edit->addAction(preferences);
    QMenu *jobs = bar->addMenu(tr("&Jobs"));
    jobs->addActions({newImport, addJob, refresh});
    jobs->addSeparator();
    jobs->addActions({retry, commit, abort});
    jobs->addSeparator();
    jobs->addAction(removeJob);
    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(tr("&About Bulkwatch"), window, [window] {
        QMessageBox::about(window, tr("About Bulkwatch"),
                           tr("<b>Bulkwatch %1</b><p>A desktop monitor for bulk-import jobs on Zilliz Cloud and Milvus.</p>"
                              "<p>API keys are kept in the system keychain only.</p>").arg(QStringLiteral(BULKWATCH_VERSION)));
    });

    // Short labels beside the icons (the menus keep the full ones): the German toolbar overflowed 1024 px.
    addConnection->setIconText(tr("Add connection"));
    newImport->setIconText(tr("New import"));
    addJob->setIconText(tr("Watch ID"));
    refresh->setIconText(tr("Refresh"));
    copyReport->setIconText(tr("Report"));
    exportJobs->setIconText(tr("Export"));
    QToolBar *tools = window->addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addActions({addConnection, newImport, addJob, refresh});
    tools->addSeparator();
    tools->addActions({copyReport, exportJobs});
}
