#pragma once
// The main window's commands: every QAction, its shortcut, and where it sits (menus, toolbar). MainWindow owns the
// slots; this class only builds and wires them, so the shortcut table lives in one place and can be checked.

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <functional>

class MainWindow;
class QAction;

class WindowActions : public QObject
{
    Q_OBJECT
public:
    // One row of the shortcut table: the platform's standard key, if the command has one, and our own sequence.
    struct Shortcut
    {
        QKeySequence::StandardKey standard = QKeySequence::UnknownKey;
        QKeySequence fallback;
    };
    // What a platform's key-binding table binds a standard key to (QKeySequence::keyBindings; tests pass others).
    using KeyBindings = std::function<QList<QKeySequence>(QKeySequence::StandardKey)>;

    explicit WindowActions(MainWindow *window);

    // The shortcut table, in the order of all(). Documented in the README; tests press each one.
    static QList<Shortcut> shortcutTable();
    // One sequence per command, none shared: a command's own sequence is claimed first; a standard key gets the
    // platform's primary binding unless another command claimed it (GNOME and macOS bind Refresh to Ctrl+R, which
    // is Retry's), else its own sequence (Linux binds Preferences to nothing: Ctrl+,).
    static QList<QKeySequence> resolveShortcuts(const QList<Shortcut> &table, const KeyBindings &bindings);

    // Every command with a shortcut, in the order of shortcutTable().
    QList<QAction *> all() const;

    QAction *addConnection, *editConnection, *removeConnection, *addJob, *refresh, *copy, *copyReport, *exportJobs,
            *removeJob, *newImport, *retry, *commit, *abort, *find, *preferences, *quit;

private:
    void buildMenus(MainWindow *window);
};
