#include "CommandLine.h"

#include <QApplication>
#include <QLabel>

int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel l(QStringLiteral("Bulkwatch"));
    l.show();
    return app.exec();
}

void configureCommandLine(CommandLine &)
{
}
