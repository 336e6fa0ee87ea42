// bulkwatch: the window with no subcommand, the command line with one.

#include "CommandLine.h"
#include "DesktopApp.h"
#include "SavedConnections.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

int main(int argc, char **argv)
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool cli = CommandLine::isCommand(first) || first == QLatin1String("--version") || first == QLatin1String("-v")
        || first == QLatin1String("--help") || first == QLatin1String("-h");
    if (!cli)
        return runDesktopApp(argc, argv);

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
