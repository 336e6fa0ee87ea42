// bulkwatch: the window with no subcommand, the command line with one.

#include "CommandLine.h"
#include "DesktopApp.h"
#include "SavedConnections.h"
#include "ServeCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace {
// Somewhere to show a window: X11, Wayland, or a platform chosen by hand (QT_QPA_PLATFORM, -platform offscreen).
bool hasDisplay(int argc, char **argv)
{
    for (const char *v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        if (!qEnvironmentVariableIsEmpty(v))
            return true;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "-platform") == 0 || qstrcmp(argv[i], "--platform") == 0
            || QByteArray(argv[i]).startsWith("-platform=") || QByteArray(argv[i]).startsWith("--platform="))
            return true;
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    // Only no arguments or window options (--demo, --history FILE, Qt's -style ...) open the window; any other
    // first word is a command, and an unknown one is the command line's usage error, not a window.
    QStringList arguments;
    for (int i = 0; i < std::min(argc, 2); ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!CommandLine::handles(arguments)) {
        if (!hasDisplay(argc, argv)) {
            // QApplication would abort (exit 134) with advice to reinstall; over ssh or in CI that misleads.
            fputs("bulkwatch: no display: the window needs X11 or Wayland (DISPLAY or WAYLAND_DISPLAY); the command line "
                  "works without one (status, list, watch, ...) — see bulkwatch --help\n", stderr);
            return 2;
        }
        return runDesktopApp(argc, argv);
    }
    if (arguments.value(1) == QLatin1String("serve"))
        return runServe(argc, argv); // headless: no window, no widgets on its path

    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BULKWATCH_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine command(app.arguments(), out, err);
    command.setEnvironmentKey(qgetenv("BULKWATCH_API_KEY"));
    command.setStdin([] {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return QByteArray();
        return in.readLine(64 * 1024);
    });
    useSavedConnections(command);
    QObject::connect(&command, &CommandLine::finished, &app, [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &command, &CommandLine::start);
    return app.exec();
}
