// The window's entry point (bulkwatch with no subcommand): composes store, keychain, service, window, tray and
// notifications.

#include "DesktopApp.h"
#include "HistoryStore.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "DBusNotifier.h"
#include "DesktopNotifier.h"
#include "DesktopPreferences.h"
#include "NotificationCenter.h"
#include "TrayIcon.h"
#include "SecretStore.h"
#include "SimServer.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QTranslator>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPalette>
#include <QPushButton>
#include <QStyle>
#include <QTemporaryDir>
#include <QTimer>

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BULKWATCH_VERSION));
}

// BULKWATCH_COLOR_SCHEME=dark: Fusion with a dark palette, for desktops whose dark theme Qt cannot see (Qt 6.4 has
// no colour-scheme hint, and without a platform-theme plugin the palette is always light).
void applyColorScheme()
{
    if (qEnvironmentVariable("BULKWATCH_COLOR_SCHEME").compare(QLatin1String("dark"), Qt::CaseInsensitive) != 0)
        return;
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x21), text(0xe8, 0xe8, 0xe8), disabled(0x80, 0x80, 0x88);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2a));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x98));
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x34));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, r, disabled);
    QApplication::setPalette(p);
}
} // namespace

int runDesktopApp(int argc, char **argv)
{
    QApplication app(argc, argv);
    setIdentity();
    applyColorScheme();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Bulkwatch"));
    QGuiApplication::setDesktopFileName(QStringLiteral(BULKWATCH_APP_ID));
    QApplication::setWindowIcon(TrayIcon::appIcon());
    // The language chosen in Preferences, else the system's, picks the translation (German is the first); Qt's own
    // strings come with it. Any other language gets the English file, which holds the plural forms ("1 minute",
    // "2 minutes") that the %n source strings only spell as "minute(s)".
    const QLocale locale = DesktopPreferences::startLocale();
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("bulkwatch"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || appTranslator->load(QStringLiteral(":/i18n/bulkwatch_en.qm")))
        QCoreApplication::installTranslator(appTranslator);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Monitor bulk-import jobs on Zilliz Cloud and Milvus."));
    parser.addHelpOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Open on a built-in simulated server (no account, no network)."));
    const QCommandLineOption history(QStringLiteral("history"), QApplication::translate("main", "Use this history database."), QStringLiteral("FILE"));
    parser.addOptions({demo, history});
    parser.process(app);

    // The demo runs the simulator inside the app, on a free loopback port, with a history of its own: a throw-away
    // one, or the file --history names. Never the user's own history, unless named.
    std::unique_ptr<SimServer> sim;
    QTemporaryDir demoDir;
    QString historyPath = parser.isSet(history) ? parser.value(history) : HistoryStore::defaultPath();
    if (parser.isSet(demo)) {
        sim = std::make_unique<SimServer>(SimScenario::demo(), SimDialect::Milvus);
        if (!sim->start(0)) {
            QMessageBox::critical(nullptr, QStringLiteral("Bulkwatch"), QApplication::translate("main", "The demo server could not start on 127.0.0.1."));
            return 1;
        }
        if (!parser.isSet(history))
            historyPath = demoDir.filePath(QStringLiteral("demo-history.sqlite"));
    }

    HistoryStore store;
    QString error;
    if (!store.open(historyPath, &error)) {
        QMessageBox box(QMessageBox::Critical, QStringLiteral("Bulkwatch"),
                        error + QStringLiteral("\n\n") + QApplication::translate("main", "Continue without a history for this session?"));
        QPushButton *go = box.addButton(QApplication::translate("main", "Continue without history"), QMessageBox::AcceptRole);
        box.addButton(QApplication::translate("main", "Quit"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != go)
            return 1;
    }
    KeychainSecretStore keychain(QStringLiteral(BULKWATCH_APP_ID));
    ImportService service(&store, &keychain);
    service.start();
    DesktopPreferences::apply(service);
    if (sim) {
        // One demo connection, kept under its own id and pointed at this run's port (a history named with
        // --history keeps it between runs).
        const QString demoId = QStringLiteral("demo");
        Connection c = service.connection(demoId) ? *service.connection(demoId) : Connection();
        c.id = demoId;
        if (c.name.isEmpty())
            c.name = QApplication::translate("main", "Demo");
        c.kind = Connection::Kind::Milvus;
        c.baseUrl = sim->baseUrl();
        service.saveConnection(c, std::nullopt);
    }
    MainWindow window(&service);
    window.setDemoMode(sim != nullptr);
    TrayIcon tray(&service, &window);
    DBusNotifier dbus;
    DesktopNotifier notifier(&dbus, &tray);
    NotificationCenter notifications(&service, &notifier);
    window.setDesktopIntegration(&notifications, &tray);
    QObject::connect(&notifier, &Notifier::activated, &window, &MainWindow::showAndRaise);
    // With a tray the window may close into it; the app then ends only by Quit.
    QApplication::setQuitOnLastWindowClosed(false);
    if (qEnvironmentVariableIsSet("BULKWATCH_EXIT_AFTER_FIRST_PAINT")) {
        // For the start-up benchmark: say when the window first painted, then leave.
        struct FirstPaint : QObject
        {
            bool eventFilter(QObject *, QEvent *e) override
            {
                if (e->type() == QEvent::Paint && !done) {
                    done = true;
                    QTimer::singleShot(0, qApp, [] {
                        fprintf(stdout, "first-paint\n");
                        fflush(stdout);
                        QCoreApplication::exit(0);
                    });
                }
                return false;
            }
            bool done = false;
        };
        auto *firstPaint = new FirstPaint;
        firstPaint->setParent(&window); // freed with the window (LeakSanitizer saw it left at exit)
        window.installEventFilter(firstPaint);
    }
    window.show();
    return app.exec();
}
