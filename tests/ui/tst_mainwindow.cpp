// The real main window, offscreen, against bulkwatch-sim: what a user sees and does.

#include "AddJobDialog.h"
#include "ConnectionDialog.h"
#include "FilesModel.h"
#include "ImportService.h"
#include "JobExport.h"
#include "JobFilterProxy.h"
#include "JobsModel.h"
#include "MainWindow.h"
#include "ProgressBarDelegate.h"
#include "WindowActions.h"
#include "support/SimFixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
const QByteArray kKey = "gui-secret-key-4242";

SimScenario scenario()
{
    SimScenario s = basicScenario(QStringLiteral("failed to parse row, error: invalid character '\"' after array element: importing data failed"));
    s.jobs[1].createdAt = -35; // all files written, sorting for a long time
    s.jobs[1].sortSeconds = 100000;
    return s;
}

QString key(const char *id)
{
    return JobRecord::keyOf(QStringLiteral("gui"), QLatin1String(id));
}

// RFC 4180 as spreadsheets read it: quoted cells may hold commas, doubled quotes and newlines.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += ch;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

// The standard keys Bulkwatch uses, as Qt 6's key-binding table (qplatformtheme.cpp) binds them per keyboard
// scheme; the primary binding first, as QKeySequence::keyBindings() returns them.
using Table = QHash<QKeySequence::StandardKey, QList<QKeySequence>>;
Table platformTable(const QString &scheme)
{
    using K = QKeySequence;
    const bool win = scheme == QLatin1String("windows"), mac = scheme == QLatin1String("macos"),
               gnome = scheme == QLatin1String("gnome"), x11 = scheme == QLatin1String("kde") || gnome;
    Table t;
    t[K::New] = {K(Qt::CTRL | Qt::Key_N)};
    t[K::Find] = {K(Qt::CTRL | Qt::Key_F)};
    t[K::Copy] = {K(Qt::CTRL | Qt::Key_C)};
    if (win || x11)
        t[K::Copy] << K(Qt::CTRL | Qt::Key_Insert);
    t[K::Delete] = {K(Qt::Key_Delete)};
    if (mac)
        t[K::Delete] << K(Qt::META | Qt::Key_D);
    if (x11)
        t[K::Delete] << K(Qt::CTRL | Qt::Key_D);
    if (gnome || mac)
        t[K::Refresh] << K(Qt::CTRL | Qt::Key_R);
    if (win || x11)
        t[K::Refresh] << K(Qt::Key_F5);
    if (mac)
        t[K::Preferences] = {K(Qt::CTRL | Qt::Key_Comma)};
    if (mac || x11)
        t[K::Quit] = {K(Qt::CTRL | Qt::Key_Q)};
    return t;
}

double luminance(const QColor &c)
{
    const auto ch = [](double v) { v /= 255.0; return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x21));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2a));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x98));
    return p;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
    std::unique_ptr<SimFixture> sim;
    std::unique_ptr<ImportService> service;
    std::unique_ptr<MainWindow> window;

private Q_SLOTS:
    void init();
    void cleanup();

    void selectingAJobShowsItsFilesAndTheWholeReason();

    void aJobStuckAt80PercentIsExplained();

    void ctrlCCopiesTheErrorOfTheSelectedJobOrFile();

    void supportReportHasTheJobAndNeverTheKey();

    void filtersAndSearchNarrowTheTable();

    void exportsHoldTheJobsAndNoKey();

    void addJobExplainsBadIdsAndWatchesGoodOnes();

    void testConnectionSaysPlainlyWhatIsWrong();

    void statusBarShowsConnectionHealthCalmly();

    void progressColoursAreReadableInLightAndDarkPalettes_data();
    void progressColoursAreReadableInLightAndDarkPalettes();

    void emptyWindowSaysWhatToDo();

    void everyDocumentedShortcutFiresItsAction_data();
    void everyDocumentedShortcutFiresItsAction();

    void noTwoActionsShareAShortcutOnAnyPlatform_data();
    void noTwoActionsShareAShortcutOnAnyPlatform();

    void csvExportParsesBackWithFormulasDefused();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestMainWindow::init()
{
    sim = std::make_unique<SimFixture>(scenario());
    sim->server->setApiKey(kKey);
    service = std::make_unique<ImportService>(nullptr, nullptr);
    ImportService::Options o;
    o.listIntervalMs = 300;
    o.selectedIntervalMs = 300;
    o.runningIntervalMs = 500;
    service->setOptions(o);
    service->start();
    Connection c;
    c.id = QStringLiteral("gui");
    c.name = QStringLiteral("Staging");
    c.baseUrl = sim->server->baseUrl();
    c.dbName = QStringLiteral("default");
    service->saveConnection(c, kKey);
    window = std::make_unique<MainWindow>(service.get());
    window->resize(1300, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(service->job(key("453240863839750924")) && service->job(key("453240863839750924"))->hasDetails, 8000);
    QTRY_VERIFY_WITH_TIMEOUT(service->job(key("453240863839750923")) && service->job(key("453240863839750923"))->hasDetails, 8000);
}

void TestMainWindow::cleanup()
{
    window.reset();
    service.reset();
    sim.reset();
}

void TestMainWindow::selectingAJobShowsItsFilesAndTheWholeReason()
{
    window->selectJob(key("453240863839750924"));
    QTRY_COMPARE(window->filesModel()->rowCount(), 2);
    QVERIFY(window->errorText().contains(QLatin1String("invalid character '\"' after array element: importing data failed")));
    QVERIFY(window->phaseText().startsWith(QLatin1String("Failed")));
    QCOMPARE(window->filesModel()->index(1, FilesModel::StateColumn).data().toString(), QStringLiteral("Failed"));
    QVERIFY(window->filesModel()->index(1, FilesModel::ReasonColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("invalid character")));
}

void TestMainWindow::aJobStuckAt80PercentIsExplained()
{
    window->selectJob(key("453240863839750923"));
    QTRY_VERIFY(window->phaseText().contains(QLatin1String("sorting and building the index")));
    const int row = window->jobsModel()->rowOf(key("453240863839750923"));
    QCOMPARE(window->jobsModel()->index(row, JobsModel::EtaColumn).data().toString(), QStringLiteral("—"));
}

void TestMainWindow::ctrlCCopiesTheErrorOfTheSelectedJobOrFile()
{
    window->selectJob(key("453240863839750924"));
    QTRY_COMPARE(window->filesModel()->rowCount(), 2);
    window->jobsView()->setFocus();
    QApplication::clipboard()->clear();
    QTest::keyClick(window->jobsView(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), service->job(key("453240863839750924"))->job.reason);
    window->filesView()->setFocus();
    window->filesView()->setCurrentIndex(window->filesModel()->index(0, 0));
    QTest::keyClick(window->filesView(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("[part-0.parquet]")); // no reason: its name
    window->filesView()->setCurrentIndex(window->filesModel()->index(1, 0));
    QTest::keyClick(window->filesView(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("invalid character")));
}

void TestMainWindow::supportReportHasTheJobAndNeverTheKey()
{
    window->selectJob(key("453240863839750924"));
    window->copySupportReport();
    const QString report = QApplication::clipboard()->text();
    QVERIFY(report.contains(QLatin1String("Job ID: 453240863839750924")));
    QVERIFY(report.contains(sim->server->baseUrl().toString()));
    QVERIFY(report.contains(QLatin1String("Database: default")));
    QVERIFY(report.contains(QLatin1String("State: failed (server: Failed)")));
    QVERIFY(report.contains(QLatin1String("reason: failed to parse row")));
    QVERIFY(report.contains(QLatin1String("Bulkwatch " BULKWATCH_VERSION)));
    QVERIFY(QRegularExpression(QStringLiteral("Completed \\(UTC\\): \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")).match(report).hasMatch());
    QVERIFY(!report.contains(QString::fromLatin1(kKey)));
}

void TestMainWindow::filtersAndSearchNarrowTheTable()
{
    QTRY_COMPARE(window->proxy()->rowCount(), 3);
    window->stateTabs()->setCurrentIndex(2); // Failed
    QCOMPARE(window->proxy()->rowCount(), 1);
    window->stateTabs()->setCurrentIndex(1); // Running
    QCOMPARE(window->proxy()->rowCount(), 1);
    window->stateTabs()->setCurrentIndex(0);
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(window->searchEdit()->hasFocus());
    QTest::keyClicks(window->searchEdit(), QStringLiteral("invalid character"));
    QTRY_COMPARE(window->proxy()->rowCount(), 1);
    window->searchEdit()->setText(QStringLiteral("no such thing"));
    QTRY_COMPARE(window->proxy()->rowCount(), 0);
    QCOMPARE(window->emptyText(), QStringLiteral("No jobs match the filter."));
}

void TestMainWindow::exportsHoldTheJobsAndNoKey()
{
    window->jobsView()->selectAll();
    QTemporaryDir dir;
    QString error;
    for (const QString &name : {QStringLiteral("jobs.csv"), QStringLiteral("jobs.json")}) {
        const QString path = dir.filePath(name);
        QVERIFY2(window->exportTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.contains("453240863839750922"));
        QVERIFY(data.contains("453240863839750924"));
        QVERIFY(!data.contains(kKey));
    }
}

void TestMainWindow::addJobExplainsBadIdsAndWatchesGoodOnes()
{
    AddJobDialog dialog(service.get(), QStringLiteral("gui"), window.get());
    QTest::keyClicks(dialog.idEdit(), QStringLiteral("45324 0863"));
    QVERIFY(dialog.problemText().contains(QLatin1String("letters, digits")));
    dialog.idEdit()->setText(QStringLiteral("  \"448761313698322011\"  "));
    QVERIFY(dialog.problemText().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(service->job(key("448761313698322011")));
    QTRY_VERIFY_WITH_TIMEOUT(service->job(key("448761313698322011"))->lastError.kind == ErrorKind::NotFound, 5000);
    window->selectJob(key("448761313698322011"));
    QTRY_VERIFY(window->errorText().contains(QLatin1String("does not know this job")));
}

void TestMainWindow::testConnectionSaysPlainlyWhatIsWrong()
{
    ConnectionDialog dialog(service.get(), nullptr, window.get());
    dialog.urlEdit()->setText(sim->server->baseUrl().toString());
    dialog.nameEdit()->setText(QStringLiteral("Check"));
    dialog.keyEdit()->setText(QStringLiteral("wrong"));
    QSignalSpy tested(&dialog, &ConnectionDialog::tested);
    dialog.testConnection();
    QTRY_COMPARE(tested.size(), 1);
    QVERIFY2(dialog.statusText().contains(QLatin1String("key was refused")), qPrintable(dialog.statusText()));
    dialog.keyEdit()->setText(QString::fromLatin1(kKey));
    dialog.testConnection();
    QTRY_COMPARE(tested.size(), 2);
    QVERIFY2(dialog.statusText().startsWith(QLatin1String("Connected")), qPrintable(dialog.statusText()));
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:1"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 3, 10000);
    QVERIFY2(dialog.statusText().contains(QLatin1String("Cannot reach the server")), qPrintable(dialog.statusText()));
    dialog.urlEdit()->setText(QStringLiteral("http://"));
    QVERIFY(!dialog.testButton()->isEnabled());
    dialog.kindBox()->setCurrentIndex(0); // Zilliz Cloud
    dialog.urlEdit()->setText(QStringLiteral("http://api.cloud.zilliz.com"));
    QVERIFY(dialog.statusText().contains(QLatin1String("https://")));
    QVERIFY(!dialog.statusText().contains(QString::fromLatin1(kKey)));
}

void TestMainWindow::statusBarShowsConnectionHealthCalmly()
{
    QTRY_VERIFY(window->healthText().startsWith(QLatin1String("Staging: last answer")));
    SimFaultRule f;
    f.kind = QStringLiteral("html5xx");
    f.status = 502;
    f.remaining = 50;
    sim->server->addFault(f);
    QTRY_VERIFY_WITH_TIMEOUT(window->healthText().contains(QLatin1String("retrying in")), 8000);
    sim->server->clearFaults();
    window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window->healthText().contains(QLatin1String("last answer")), 8000);
    QCOMPARE(service->jobs().size(), 3);
}

void TestMainWindow::progressColoursAreReadableInLightAndDarkPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestMainWindow::progressColoursAreReadableInLightAndDarkPalettes()
{
    QFETCH(bool, dark);
    const QPalette pal = dark ? darkPalette() : QApplication::palette();
    for (int category = ProgressBarDelegate::Running; category <= ProgressBarDelegate::Waiting; ++category) {
        const QColor chunk = ProgressBarDelegate::chunkColor(pal, category);
        QVERIFY2(contrast(chunk, Qt::white) >= 3.0, qPrintable(QStringLiteral("category %1: %2").arg(category).arg(contrast(chunk, Qt::white))));
    }
    QVERIFY(contrast(pal.color(QPalette::Text), pal.color(QPalette::Base)) >= 4.5);
    // A screenshot of each, for people to look at (CI keeps them).
    const QString dir = qEnvironmentVariable("BULKWATCH_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QApplication::setPalette(pal);
        window->selectJob(key("453240863839750924"));
        QTest::qWait(200);
        QDir().mkpath(dir);
        QVERIFY(window->grab().save(dir + (dark ? QStringLiteral("/window-dark.png") : QStringLiteral("/window-light.png"))));
        QApplication::setPalette(QPalette());
    }
}

void TestMainWindow::emptyWindowSaysWhatToDo()
{
    ImportService empty(nullptr, nullptr);
    empty.start();
    MainWindow w(&empty);
    w.show();
    QVERIFY(w.emptyText().contains(QLatin1String("No connections yet")));
    QVERIFY(w.healthText().contains(QLatin1String("No connections")));
}

void TestMainWindow::everyDocumentedShortcutFiresItsAction_data()
{
    QTest::addColumn<QString>("sequence");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("inTable"); // Ctrl+C and Delete act on the focused table
    // The README's shortcuts, and those the menus show.
    QTest::newRow("add connection") << QStringLiteral("Ctrl+Shift+N") << QStringLiteral("addConnection") << false;
    QTest::newRow("edit connection") << QStringLiteral("Ctrl+E") << QStringLiteral("editConnection") << false;
    QTest::newRow("watch job by ID") << QStringLiteral("Ctrl+N") << QStringLiteral("addJob") << false;
    QTest::newRow("refresh") << QStringLiteral("F5") << QStringLiteral("refresh") << false;
    QTest::newRow("copy error") << QStringLiteral("Ctrl+C") << QStringLiteral("copy") << true;
    QTest::newRow("support report") << QStringLiteral("Ctrl+Shift+C") << QStringLiteral("copyReport") << false;
    QTest::newRow("export") << QStringLiteral("Ctrl+Shift+S") << QStringLiteral("exportJobs") << false;
    QTest::newRow("remove from history") << QStringLiteral("Del") << QStringLiteral("removeJob") << true;
    QTest::newRow("new import") << QStringLiteral("Ctrl+I") << QStringLiteral("newImport") << false;
    QTest::newRow("retry") << QStringLiteral("Ctrl+R") << QStringLiteral("retry") << false;
    QTest::newRow("find") << QStringLiteral("Ctrl+F") << QStringLiteral("find") << false;
    QTest::newRow("preferences") << QStringLiteral("Ctrl+,") << QStringLiteral("preferences") << false;
}

void TestMainWindow::everyDocumentedShortcutFiresItsAction()
{
    QFETCH(QString, sequence);
    QFETCH(QString, action);
    QFETCH(bool, inTable);
    auto *actions = window->findChild<WindowActions *>();
    QVERIFY(actions);
    const QHash<QString, QAction *> byName = {
        {QStringLiteral("addConnection"), actions->addConnection}, {QStringLiteral("editConnection"), actions->editConnection},
        {QStringLiteral("addJob"), actions->addJob}, {QStringLiteral("refresh"), actions->refresh},
        {QStringLiteral("copy"), actions->copy}, {QStringLiteral("copyReport"), actions->copyReport},
        {QStringLiteral("exportJobs"), actions->exportJobs}, {QStringLiteral("removeJob"), actions->removeJob},
        {QStringLiteral("newImport"), actions->newImport}, {QStringLiteral("retry"), actions->retry},
        {QStringLiteral("find"), actions->find}, {QStringLiteral("preferences"), actions->preferences}};
    QAction *expected = byName.value(action);
    QVERIFY(expected);
    // The failed job enables every job action (Retry included).
    window->selectJob(key("453240863839750924"));
    QTRY_VERIFY(actions->retry->isEnabled());
    // Count triggers without running the commands: their dialogs would wait for a user.
    QHash<QAction *, int> fired;
    for (QAction *a : actions->all()) {
        QObject::disconnect(a, &QAction::triggered, nullptr, nullptr);
        connect(a, &QAction::triggered, this, [&fired, a] { ++fired[a]; });
    }
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->jobsView()->setFocus();
    QTRY_VERIFY(window->jobsView()->hasFocus());
    QWidget *target = inTable ? static_cast<QWidget *>(window->jobsView()) : static_cast<QWidget *>(window.get());
    QTest::keySequence(target, QKeySequence(sequence, QKeySequence::PortableText));
    QCOMPARE(fired.value(expected), 1);
    QCOMPARE(fired.size(), 1); // and nothing else
    // The menus and tooltips show the same sequence.
    QCOMPARE(expected->shortcut(), QKeySequence(sequence, QKeySequence::PortableText));
}

void TestMainWindow::noTwoActionsShareAShortcutOnAnyPlatform_data()
{
    QTest::addColumn<QString>("scheme");
    for (const char *scheme : {"windows", "macos", "kde", "gnome", "this platform"})
        QTest::newRow(scheme) << QString::fromLatin1(scheme);
}

void TestMainWindow::noTwoActionsShareAShortcutOnAnyPlatform()
{
    QFETCH(QString, scheme);
    const Table table = platformTable(scheme);
    const WindowActions::KeyBindings bindings = scheme == QLatin1String("this platform")
        ? WindowActions::KeyBindings(&QKeySequence::keyBindings)
        : WindowActions::KeyBindings([&table](QKeySequence::StandardKey k) { return table.value(k); });
    const QList<WindowActions::Shortcut> spec = WindowActions::shortcutTable();
    const QList<QKeySequence> resolved = WindowActions::resolveShortcuts(spec, bindings);
    QCOMPARE(resolved.size(), spec.size());
    QSet<QKeySequence> seen;
    for (const QKeySequence &k : resolved) {
        if (k.isEmpty())
            continue;
        QVERIFY2(!seen.contains(k), qPrintable(k.toString() + QStringLiteral(" is shared")));
        seen.insert(k);
    }
    // The README's promises hold everywhere: F5 refreshes, Ctrl+R retries, Ctrl+, opens the preferences.
    QVERIFY(seen.contains(QKeySequence(Qt::Key_F5)));
    QVERIFY(seen.contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
    QVERIFY(seen.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    if (scheme != QLatin1String("this platform"))
        return;
    // The live window: every shortcut of every action, whichever widget it sits on, belongs to one action.
    QHash<QKeySequence, QString> owner;
    for (QAction *a : window->findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts()) {
            QVERIFY2(!owner.contains(k) || owner.value(k) == a->text(),
                     qPrintable(QStringLiteral("%1: %2 and %3").arg(k.toString(), owner.value(k), a->text())));
            owner.insert(k, a->text());
        }
    }
    auto *actions = window->findChild<WindowActions *>();
    QVERIFY(actions);
    QVERIFY(actions->preferences->text().contains(QLatin1String("Preferences")));
    QCOMPARE(actions->preferences->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
}

void TestMainWindow::csvExportParsesBackWithFormulasDefused()
{
    JobRecord r;
    r.connectionId = QStringLiteral("c1");
    r.job.jobId = QStringLiteral("@SUM(A1)");
    r.job.collectionName = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
    r.job.state = JobState::Failed;
    r.job.serverState = QStringLiteral("-Failed");
    r.job.reason = QStringLiteral("line one, with a comma\nline \"two\"\n+three");
    r.firstSeen = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone(0));
    JobRecord plain = r;
    plain.job.jobId = QStringLiteral("448761313698322011");
    plain.job.collectionName = QStringLiteral("books");
    plain.job.serverState = QStringLiteral("Failed");
    plain.job.reason = QStringLiteral("a = b");
    Connection c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("+Staging, EU");
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:19530"));

    const QList<QStringList> rows = parseCsv(QString::fromUtf8(JobExport::toCsv({r, plain}, {c})));
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows[0];
    QCOMPARE(header.first(), QStringLiteral("jobId"));
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), header.size());
    const auto cell = [&](int row, const char *column) { return rows[row].value(header.indexOf(QLatin1String(column))); };
    // Each risky cell comes back whole, behind one apostrophe.
    QCOMPARE(cell(1, "jobId"), QStringLiteral("'@SUM(A1)"));
    QCOMPARE(cell(1, "collection"), QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"click\")"));
    QCOMPARE(cell(1, "serverState"), QStringLiteral("'-Failed"));
    QCOMPARE(cell(1, "connection"), QStringLiteral("'+Staging, EU"));
    QCOMPARE(cell(1, "reason"), QStringLiteral("line one, with a comma\nline \"two\"\n+three")); // starts with a letter
    QCOMPARE(cell(1, "endpoint"), QStringLiteral("127.0.0.1:19530"));
    QCOMPARE(cell(1, "state"), QStringLiteral("failed"));
    // Harmless cells are left as they are.
    QCOMPARE(cell(2, "jobId"), QStringLiteral("448761313698322011"));
    QCOMPARE(cell(2, "collection"), QStringLiteral("books"));
    QCOMPARE(cell(2, "reason"), QStringLiteral("a = b"));
    for (const QStringList &row : rows)
        for (const QString &v : row)
            QVERIFY2(v.isEmpty() || !QStringLiteral("=+-@").contains(v.front()), qPrintable(v));

    // The window's own export of the simulator's jobs: its reason (quote, comma) comes back unchanged.
    window->jobsView()->selectAll();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.csv"));
    QString error;
    QVERIFY2(window->exportTo(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QStringList> exported = parseCsv(QString::fromUtf8(f.readAll()));
    QCOMPARE(exported.size(), 4);
    const int reasonColumn = exported[0].indexOf(QStringLiteral("reason"));
    const int idColumn = exported[0].indexOf(QStringLiteral("jobId"));
    bool found = false;
    for (const QStringList &row : exported) {
        if (row.value(idColumn) == QLatin1String("453240863839750924")) {
            QCOMPARE(row.value(reasonColumn), service->job(key("453240863839750924"))->job.reason);
            found = true;
        }
    }
    QVERIFY(found);
}

#endif

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
