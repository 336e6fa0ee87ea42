// The real main window, offscreen, against bulkwatch-sim: what a user sees and does.

#include "AddJobDialog.h"
#include "ConnectionDialog.h"
#include "FilesModel.h"
#include "ImportService.h"
#include "JobFilterProxy.h"
#include "JobsModel.h"
#include "MainWindow.h"
#include "ProgressBarDelegate.h"
#include "support/SimFixture.h"

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

#endif

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
