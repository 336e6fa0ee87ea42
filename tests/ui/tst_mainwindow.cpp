// The real main window, offscreen, against bulkwatch-sim: what a user sees and does.

#include "AddJobDialog.h"
#include "EmptyState.h"
#include "JobsColumns.h"
#include "JobsTable.h"
#include "ConnectionDialog.h"
#include "ConnectionStatus.h"
#include "FilesModel.h"
#include "HistoryStore.h"
#include "ImportService.h"
#include "JobExport.h"
#include "JobFilterProxy.h"
#include "JobsModel.h"
#include "MainWindow.h"
#include "ProgressBarDelegate.h"
#include "StatusMessages.h"
#include "TrayIcon.h"
#include "WindowActions.h"
#include "support/ProcessRun.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Skip.h"

#include <QMessageBox>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QScrollBar>
#include <QToolBar>
#include <QTranslator>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
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

// A progress bar as the window's own delegate paints it, into an image: its cell filled with the palette's base,
// a model index holding the state and progress under the roles that delegate reads.
struct PaintedBar
{
    QImage image;
    QRect bar; // the bar inside the cell (the delegate keeps 3 px of margin)
    QColor at(double fraction) const { return image.pixelColor(bar.left() + int(bar.width() * fraction), bar.center().y()); }
};

PaintedBar paintBar(QAbstractItemDelegate *delegate, int progressRole, int stateRole, const QPalette &pal, int state, double progress,
                    bool selected = false)
{
    QStandardItemModel model(1, 1);
    auto *item = new QStandardItem;
    item->setData(progress, progressRole);
    item->setData(state, stateRole);
    model.setItem(0, 0, item);
    PaintedBar out;
    out.image = QImage(240, 28, QImage::Format_RGB32);
    out.image.fill(pal.color(QPalette::Base));
    QStyleOptionViewItem opt;
    opt.rect = out.image.rect();
    opt.palette = pal;
    opt.font = QApplication::font();
    opt.fontMetrics = QFontMetrics(opt.font);
    opt.state = QStyle::State_Enabled;
    if (selected) {
        opt.state |= QStyle::State_Selected | QStyle::State_Active;
        out.image.fill(pal.color(QPalette::Highlight)); // what the view's selection leaves under the cell
    }
    QPainter painter(&out.image);
    delegate->paint(&painter, opt, model.index(0, 0));
    painter.end();
    out.bar = out.image.rect().adjusted(3, 3, -3, -3);
    return out;
}


// The painted pixel in `area` that stands out most from `background`: the ink of the text drawn there.
QColor inkIn(const QImage &image, const QRect &area, const QColor &background)
{
    QColor best = background;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (const QColor c = image.pixelColor(x, y); contrast(c, background) > contrast(best, background))
                best = c;
    return best;
}

// The hue family a user tells the states apart by.
bool looksLike(ProgressBarDelegate::Category category, const QColor &c)
{
    const int h = c.hsvHue(), sat = c.hsvSaturation();
    switch (category) {
    case ProgressBarDelegate::Running: return sat > 100 && h >= 195 && h <= 235;  // blue
    case ProgressBarDelegate::Completed: return sat > 100 && h >= 90 && h <= 150; // green
    case ProgressBarDelegate::Failed: return sat > 100 && (h <= 15 || h >= 345);  // red
    case ProgressBarDelegate::Waiting: return sat > 100 && h >= 25 && h <= 50;    // amber
    case ProgressBarDelegate::Expired: return sat < 40;                            // grey
    case ProgressBarDelegate::Searchable: return sat > 100 && h >= 160 && h <= 190; // teal
    }
    return false;
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
    void initTestCase();
    void init();
    void cleanup();

    void selectingAJobShowsItsFilesAndTheWholeReason();
    void aLargeFontStillFitsA1024Screen();

    void aJobStuckAt80PercentIsExplained();

    void ctrlCCopiesTheErrorOfTheSelectedJobOrFile();

    void supportReportHasTheJobAndNeverTheKey();

    void filtersAndSearchNarrowTheTable();

    void exportsHoldTheJobsAndNoKey();

    void addJobExplainsBadIdsAndWatchesGoodOnes();

    void testConnectionSaysPlainlyWhatIsWrong();

    void statusBarShowsConnectionHealthCalmly();
    void statusMessagesShowAndErrorsStayUntilDismissed();

    void progressBarsArePaintedInTheirStateColourWithReadableText_data();
    void progressBarsArePaintedInTheirStateColourWithReadableText();

    void screenshotsInLightAndDarkPalettes_data();
    void screenshotsInLightAndDarkPalettes();

    void windowStateSurvivesARestartAndClosingWithoutATrayNeverAsks();

    void jsonExportHasItsDocumentedShapeAndOnlyTheSelection();

    void emptyWindowSaysWhatToDo();

    void everyDocumentedShortcutFiresItsAction_data();
    void everyDocumentedShortcutFiresItsAction();

    void noTwoActionsShareAShortcutOnAnyPlatform_data();
    void noTwoActionsShareAShortcutOnAnyPlatform();

    void csvExportParsesBackWithFormulasDefused();

    void theDemoRefusesToAddAConnectionAndSaysWhy();
    void theDemoWritesToTheHistoryItIsGivenAndNeverTheUsers();

    void trayIconReadsOnLightAndDarkPanelsWithOrWithoutSvg_data();
    void trayIconReadsOnLightAndDarkPanelsWithOrWithoutSvg();
    void closingIntoTheTrayIsAskedOnceAndOnlyWithATray();
    void ctrlCommaOpensPreferencesAndTheMenuSaysSo();
    void theTableFitsA1024WindowWithoutScrollingSideways();
    void headerMenuHidesAndShowsColumnsAndRemembers();
    void stateTabsCountTheirJobs();
    void theHealthLineSaysEachConnectionsThroughput();
    void theCollectionFilterNarrowsTheTableAndItsCounts();
    void copyCommandSaysWhatItCopies();
    void confirmationsNameWhatTheyDo();
    void theGermanToolbarFitsA1024Window();
    void theOpeningSelectionIsTheTopJobAndStaysInView();

    void aZillizClusterNotRunningIsShownInTheStatus();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestMainWindow::initTestCase()
{
    // The window reads and writes its layout through QSettings: a test location (~/.qttest), never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSettings().fileName().contains(QLatin1String(".qttest")), qPrintable(QSettings().fileName()));
}

void TestMainWindow::init()
{
    QSettings().clear(); // every window starts from the defaults
    if (QTest::currentTestFunction() == QLatin1String("progressBarsArePaintedInTheirStateColourWithReadableText")) {
        // It paints the window's delegates into images: no server, no jobs, no wait (22 rows).
        service = std::make_unique<ImportService>(nullptr, nullptr);
        window = std::make_unique<MainWindow>(service.get());
        return;
    }
    SimScenario sc = scenario();
    if (QTest::currentTestFunction() == QLatin1String("statusMessagesShowAndErrorsStayUntilDismissed")) {
        // A two-phase job long done with its rows: it waits in Uncommitted for the user.
        SimJob staged = timelineJob(QStringLiteral("453240863839750930"), 1);
        staged.createdAt = -500;
        staged.twoPhase = true;
        sc.jobs << staged;
    }
    if (QTest::currentTestFunction() == QLatin1String("theHealthLineSaysEachConnectionsThroughput")) {
        // A job writing rows for a long time, ~1,000 rows/s.
        SimJob writing = timelineJob(QStringLiteral("453240863839750931"));
        writing.createdAt = -30;
        writing.files[0].rows = 100000000;
        writing.files[0].seconds = 100000;
        writing.files[1].rows = 100000000;
        writing.files[1].seconds = 100000;
        sc.jobs << writing;
    }
    if (QTest::currentTestFunction() == QLatin1String("theCollectionFilterNarrowsTheTableAndItsCounts"))
        sc.jobs[0].collection = QStringLiteral("books"); // the others stay in quick_setup
    if (QTest::currentTestFunction() == QLatin1String("theOpeningSelectionIsTheTopJobAndStaysInView")) {
        // More finished jobs than a short window shows at once.
        for (int i = 0; i < 14; ++i) {
            SimJob done = timelineJob(QStringLiteral("4532408638397510%1").arg(i, 2, 10, QLatin1Char('0')), 1);
            done.createdAt = -2000 - 60 * i;
            sc.jobs << done;
        }
    }
    sim = std::make_unique<SimFixture>(sc);
    sim->server->setApiKey(kKey);
    service = std::make_unique<ImportService>(nullptr, nullptr);
    ImportService::Options o;
    o.listIntervalMs = 300;
    o.selectedIntervalMs = 300;
    o.runningIntervalMs = 500;
    // The fixture waits for a finished job's files: ask for them soon (by default they wait 2 s behind running
    // jobs, which made every set-up take 2 s whenever the window happened to select another job first).
    o.finishedFirstDescribeDelayMs = 100;
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

void TestMainWindow::aLargeFontStillFitsA1024Screen()
{
    // QT_FONT_DPI=144 on a 1024 x 640 screen: one and a half times the font. The details' long times line made the
    // window's least width run off the screen's right edge.
    QFont big = window->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    window->setFont(big);
    window->selectJob(key("453240863839750924"));
    QTRY_COMPARE(window->filesModel()->rowCount(), 2);
    QVERIFY2(window->minimumSizeHint().width() <= 1024 - 16, qPrintable(QString::number(window->minimumSizeHint().width())));
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
    // The ETA of a sorting job comes from how long this server sorted before (the scenario's completed job), or
    // is a dash; either way the tooltip says which (issue 15: the ETA is to the end of the job).
    const QString etaTip = window->jobsModel()->index(row, JobsModel::EtaColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(etaTip.startsWith(QLatin1String("Sorting and building the index: about")) || etaTip.startsWith(QLatin1String("No estimate")),
             qPrintable(etaTip));
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
    // It opens ready for the ID: typing right away lands there, not in the Connection box.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog.idEdit()));
    dialog.hide();
    QTest::keyClicks(dialog.idEdit(), QStringLiteral("45324 0863"));
    QVERIFY(dialog.problemText().contains(QLatin1String("letters, digits")));
    dialog.idEdit()->setText(QStringLiteral("  \"448761313698322011\"  "));
    QVERIFY(dialog.problemText().isEmpty());
    dialog.accept();
    // The server does not know it: refused in the dialog, no ghost row (issue 15).
    QTRY_VERIFY_WITH_TIMEOUT(dialog.problemText().contains(QLatin1String("does not know job 448761313698322011")), 10000);
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(!service->job(key("448761313698322011")));
    // A watched job the server forgets still explains itself in the details.
    QCOMPARE(service->addJob(QStringLiteral("gui"), QStringLiteral("448761313698322011")), QString());
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

void TestMainWindow::statusMessagesShowAndErrorsStayUntilDismissed()
{
    StatusMessages *messages = window->statusMessages();
    QVERIFY(messages);
    QLabel *label = messages->label();
    auto *healthLine = window->findChild<ConnectionStatus *>();
    QVERIFY(healthLine && healthLine->isVisible());
    // What the user sees: the whole message, on the window's own status bar, left of the health line and clear of it.
    const auto shown = [&](const QString &text) {
        if (label->text() != text || !label->isVisible())
            return false;
        const QRect r(label->mapTo(window.get(), QPoint(0, 0)), label->size());
        const QRect h(healthLine->mapTo(window.get(), QPoint(0, 0)), healthLine->size());
        return r.width() >= label->fontMetrics().horizontalAdvance(text) && window->rect().contains(r) && !r.intersects(h);
    };
    QTRY_VERIFY(window->healthText().startsWith(QLatin1String("Staging: last answer")));

    window->selectJob(key("453240863839750924"));
    window->copySelection();
    QVERIFY2(shown(QStringLiteral("Copied.")), qPrintable(label->text() + QStringLiteral(" %1 px").arg(label->width())));
    window->copySupportReport();
    QVERIFY(shown(QStringLiteral("Support report copied — paste it into your ticket.")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.csv"));
    window->exportSelectionTo(path);
    QVERIFY(shown(QStringLiteral("Exported to %1").arg(QDir::toNativeSeparators(path))));
    QVERIFY(QFile::exists(path));
    window->refresh();
    QVERIFY(shown(QStringLiteral("Refreshing…")));
    QVERIFY(!messages->isError());
    // A confirmation goes by itself (a short timeout here, instead of seconds of wall time).
    messages->setInfoTimeout(50);
    window->refresh();
    QTRY_VERIFY(label->text().isEmpty());
    // The health line was never displaced by the messages.
    QVERIFY(window->healthText().startsWith(QLatin1String("Staging: last answer")));

    // A failed commit is said, and stays.
    const QString staged = key("453240863839750930");
    QTRY_VERIFY_WITH_TIMEOUT(service->job(staged) && service->job(staged)->job.serverState == QLatin1String("Uncommitted"), 8000);
    window->selectJob(staged);
    window->setConfirmHandler([](const QString &, const QString &) { return true; });
    SimFaultRule refuse;
    refuse.kind = QStringLiteral("status");
    refuse.status = 200;
    refuse.path = QStringLiteral("/commit");
    refuse.body = R"({"code":1100,"message":"commit refused: collection is being dropped"})";
    sim->server->addFault(refuse);
    window->refresh(); // a confirmation first, on the short timeout: the error must outlive it
    window->commitSelected();
    QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QLatin1String("Commit failed:")), 8000);
    QVERIFY2(label->text().contains(QLatin1String("commit refused")), qPrintable(label->text()));
    QVERIFY(messages->isError());
    // Well past the confirmation's timeout (a timer started later fires later): still there.
    bool later = false;
    QTimer::singleShot(4 * messages->infoTimeout(), this, [&later] { later = true; });
    QTRY_VERIFY(later);
    QVERIFY(shown(label->text()));
    QVERIFY(label->text().startsWith(QLatin1String("Commit failed:")));
    // Dismissed by its close button.
    auto *close = messages->findChild<QToolButton *>();
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(label->text().isEmpty());
    QVERIFY(!close->isVisible());
    // Replaced: the next message takes its place, and goes by itself.
    messages->showError(QStringLiteral("History: disk full"));
    window->copySelection();
    QVERIFY(shown(QStringLiteral("Copied.")));
    QTRY_VERIFY(label->text().isEmpty());
    // The service's history errors are errors too.
    Q_EMIT service->historyError(QStringLiteral("Could not write the history: disk full"));
    QVERIFY(shown(QStringLiteral("Could not write the history: disk full")));
    QVERIFY(messages->isError());
}

void TestMainWindow::progressBarsArePaintedInTheirStateColourWithReadableText_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("file"); // the files table's bars, else the jobs table's
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("category");
    using D = ProgressBarDelegate;
    const QList<std::tuple<const char *, bool, int, int>> states = {
        {"job running", false, int(JobState::Running), D::Running},
        {"job completed", false, int(JobState::Completed), D::Completed},
        {"job failed", false, int(JobState::Failed), D::Failed},
        {"job cancelled", false, int(JobState::Cancelled), D::Failed},
        {"job expired", false, int(JobState::Expired), D::Expired},
        {"job pending", false, int(JobState::Pending), D::Waiting},
        {"job awaiting commit", false, int(JobState::Finalizing), D::Waiting},
        {"file running", true, int(FileState::Running), D::Running},
        {"file completed", true, int(FileState::Completed), D::Completed},
        {"file failed", true, int(FileState::Failed), D::Failed},
        {"file pending", true, int(FileState::Pending), D::Waiting},
    };
    for (const bool dark : {false, true})
        for (const auto &[name, file, state, category] : states)
            QTest::addRow("%s, %s", dark ? "dark" : "light", name) << dark << file << state << category;
}

void TestMainWindow::progressBarsArePaintedInTheirStateColourWithReadableText()
{
    QFETCH(bool, dark);
    QFETCH(bool, file);
    QFETCH(int, state);
    QFETCH(int, category);
    const QPalette pal = dark ? darkPalette() : QApplication::palette();
    // The delegates the window's tables really use, with the roles they read.
    QAbstractItemDelegate *delegate = file ? window->filesView()->itemDelegateForColumn(FilesModel::ProgressColumn)
                                           : window->jobsView()->itemDelegateForColumn(JobsModel::ProgressColumn);
    QVERIFY(qobject_cast<ProgressBarDelegate *>(delegate));
    const int progressRole = file ? int(FilesModel::ProgressRole) : int(JobsModel::ProgressRole);
    const int stateRole = file ? int(FilesModel::StateRole) : int(JobsModel::StateRole);
    const auto paint = [&](double progress) { return paintBar(delegate, progressRole, stateRole, pal, state, progress); };
    const bool failed = category == ProgressBarDelegate::Failed;
    const auto name = [](const QColor &c) { return c.name(); };

    // At 40 %, the filled part has the state's colour, in a hue of its own; the rest is the track over the base.
    const PaintedBar at40 = paint(40);
    const QColor chunk = at40.at(0.1);
    QVERIFY2(looksLike(ProgressBarDelegate::Category(category), chunk), qPrintable(name(chunk)));
    QCOMPARE(name(chunk), name(ProgressBarDelegate::chunkColor(pal, category)));
    QCOMPARE(name(at40.at(0.35)), name(chunk));
    const QColor rest = at40.at(0.8);
    if (failed) {
        // Milvus resets a failed job's progress to 0: its bar is red all along, whatever the number.
        QCOMPARE(name(rest), name(chunk));
        QCOMPARE(name(paint(0).at(0.8)), name(chunk));
    } else {
        // The track: the base under a faint overlay, far nearer the base than the chunk is.
        QVERIFY2(contrast(rest, pal.color(QPalette::Base)) < 1.6, qPrintable(name(rest)));
        QVERIFY2(contrast(rest, chunk) >= 2.0, qPrintable(name(rest)));
    }

    // The text over the filled part (a full bar), measured on the painted pixels: at least 3:1.
    const PaintedBar full = paint(100);
    const QRect textArea(full.bar.center().x() - 40, full.bar.top() + 1, 80, full.bar.height() - 2);
    const QColor fullChunk = full.at(0.05);
    QCOMPARE(name(fullChunk), name(chunk));
    const QColor inkOnChunk = inkIn(full.image, textArea, fullChunk);
    QVERIFY2(contrast(inkOnChunk, fullChunk) >= 3.0,
             qPrintable(QStringLiteral("text %1 on %2: %3:1").arg(name(inkOnChunk), name(fullChunk)).arg(contrast(inkOnChunk, fullChunk), 0, 'f', 2)));
    // And over the empty track (0 %): the body-text promise, 4.5:1.
    if (!failed) {
        const PaintedBar empty = paint(0);
        const QColor track = empty.at(0.05);
        const QColor inkOnTrack = inkIn(empty.image, textArea, track);
        QVERIFY2(contrast(inkOnTrack, track) >= 4.5,
                 qPrintable(QStringLiteral("text %1 on %2: %3:1").arg(name(inkOnTrack), name(track)).arg(contrast(inkOnTrack, track), 0, 'f', 2)));
        // On a selected row the track lies over the selection colour: the percentage stays readable there too.
        const PaintedBar sel = paintBar(delegate, progressRole, stateRole, pal, state, 0, true);
        const QColor selTrack = sel.at(0.05);
        const QColor inkOnSel = inkIn(sel.image, textArea, selTrack);
        QVERIFY2(contrast(inkOnSel, selTrack) >= 4.5,
                 qPrintable(QStringLiteral("selected: text %1 on %2: %3:1").arg(name(inkOnSel), name(selTrack)).arg(contrast(inkOnSel, selTrack), 0, 'f', 2)));
    }

}

void TestMainWindow::screenshotsInLightAndDarkPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestMainWindow::screenshotsInLightAndDarkPalettes()
{
    // A screenshot of the window in each palette, for people to look at (CI keeps them).
    QFETCH(bool, dark);
    const QString dir = qEnvironmentVariable("BULKWATCH_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("BULKWATCH_SCREENSHOT_DIR is not set");
    QApplication::setPalette(dark ? darkPalette() : QApplication::palette());
    window->selectJob(key("453240863839750924"));
    QTest::qWait(200);
    QDir().mkpath(dir);
    QVERIFY(window->grab().save(dir + (dark ? QStringLiteral("/window-dark.png") : QStringLiteral("/window-light.png"))));
    QApplication::setPalette(QPalette());
}

void TestMainWindow::windowStateSurvivesARestartAndClosingWithoutATrayNeverAsks()
{
    QHeaderView *header = window->jobsView()->horizontalHeader();
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    // What a fresh window does not have: the collection wider, Size hidden, ETA second, sorted by progress
    // ascending, another window size and a smaller details pane.
    // A fresh window: newest first by Created (on a first run every job has the same First seen).
    QCOMPARE(header->sortIndicatorSection(), int(JobsModel::CreatedColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(header->sectionSize(JobsModel::CollectionColumn) != 237);
    header->resizeSection(JobsModel::CollectionColumn, 237);
    header->hideSection(JobsModel::SizeColumn);
    header->moveSection(header->visualIndex(JobsModel::EtaColumn), 1);
    window->jobsView()->sortByColumn(JobsModel::ProgressColumn, Qt::AscendingOrder);
    // Smaller than the offscreen screen (800 × 600): Qt 6.8 fits a restored geometry onto its screen.
    window->resize(777, 555);
    QTRY_COMPARE(window->size(), QSize(777, 555));
    const QList<int> before = splitter->sizes();
    QCOMPARE(before.size(), 2);
    splitter->setSizes({before[0] + before[1] - 330, 330});
    const QList<int> sizes = splitter->sizes();
    QVERIFY2(sizes.value(1) >= before[1] + 60, "the splitter did not move");

    // Closing saves the layout; without a tray it closes (accepted) and never asks about the tray.
    QVERIFY2(window->close(), "the window hid instead of closing");
    QVERIFY(!QSettings().contains(QStringLiteral("window/closeAction")));
    window.reset();

    // The restart: a new window on the same settings.
    window = std::make_unique<MainWindow>(service.get());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(window->size(), QSize(777, 555));
    header = window->jobsView()->horizontalHeader();
    QCOMPARE(header->sectionSize(JobsModel::CollectionColumn), 237);
    QVERIFY(header->isSectionHidden(JobsModel::SizeColumn));
    QCOMPARE(header->visualIndex(JobsModel::EtaColumn), 1);
    QCOMPARE(header->sortIndicatorSection(), int(JobsModel::ProgressColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    // Sorted for real, not just the arrow: the rows go up in progress.
    QCOMPARE(window->proxy()->sortColumn(), int(JobsModel::ProgressColumn));
    QCOMPARE(window->proxy()->sortOrder(), Qt::AscendingOrder);
    QTRY_COMPARE(window->proxy()->rowCount(), 3);
    for (int row = 1; row < window->proxy()->rowCount(); ++row)
        QVERIFY(window->proxy()->index(row - 1, 0).data(JobsModel::ProgressRole).toDouble()
                <= window->proxy()->index(row, 0).data(JobsModel::ProgressRole).toDouble());
    splitter = window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    // The splitter comes back where it was, give or take the few pixels Qt's layout shares out when the restored
    // sizes meet the window's final size (here 4-7 px once, then stable across further restarts).
    const QList<int> restored = splitter->sizes();
    QCOMPARE(restored.size(), 2);
    QCOMPARE(restored[0] + restored[1], sizes[0] + sizes[1]);
    QVERIFY2(std::abs(restored[1] - sizes[1]) <= 12,
             qPrintable(QStringLiteral("details pane %1 px, saved at %2 px (default %3 px)").arg(restored[1]).arg(sizes[1]).arg(before[1])));
}

void TestMainWindow::jsonExportHasItsDocumentedShapeAndOnlyTheSelection()
{
    const auto exportJson = [&](QJsonObject *root) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jobs.json"));
        QString error;
        QVERIFY2(window->exportTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(!data.contains(kKey));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QVERIFY(doc.isObject());
        *root = doc.object();
    };
    const auto ids = [](const QJsonObject &root) {
        QStringList out;
        for (const QJsonValue &j : root.value(QLatin1String("jobs")).toArray())
            out << j.toObject().value(QLatin1String("jobId")).toString();
        out.sort();
        return out;
    };

    // One job selected: that job, and only it.
    const QString failedKey = key("453240863839750924");
    window->selectJob(failedKey);
    QTRY_COMPARE(window->jobsView()->selectionModel()->selectedRows().size(), 1);
    QJsonObject root;
    exportJson(&root);
    if (QTest::currentTestFailed())
        return;
    // {"jobs": [...]} like `list --json`; each job has the fields of `status --json` (README), plus its connection,
    // when Bulkwatch first saw it and whether the server has forgotten it.
    QCOMPARE(root.keys(), QStringList{QStringLiteral("jobs")});
    const QJsonArray jobs = root.value(QLatin1String("jobs")).toArray();
    QCOMPARE(jobs.size(), 1);
    const QJsonObject job = jobs.first().toObject();
    QStringList expectedKeys = {QStringLiteral("jobId"), QStringLiteral("collectionName"), QStringLiteral("state"),
                                QStringLiteral("serverState"), QStringLiteral("progress"), QStringLiteral("importedRows"),
                                QStringLiteral("totalRows"), QStringLiteral("fileSize"), QStringLiteral("completeTime"),
                                QStringLiteral("reason"), QStringLiteral("files"), QStringLiteral("connection"),
                                QStringLiteral("firstSeen"), QStringLiteral("expiredOnServer")};
    expectedKeys.sort();
    QCOMPARE(job.keys(), expectedKeys); // QJsonObject keys come sorted
    const JobRecord *r = service->job(failedKey);
    QVERIFY(r);
    QCOMPARE(job.value(QLatin1String("jobId")).toString(), QStringLiteral("453240863839750924"));
    QCOMPARE(job.value(QLatin1String("collectionName")).toString(), r->job.collectionName.value_or(QString()));
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(job.value(QLatin1String("serverState")).toString(), r->job.serverState);
    QVERIFY(job.value(QLatin1String("progress")).isDouble());
    QCOMPARE(job.value(QLatin1String("reason")).toString(), r->job.reason); // quotes and all, unchanged
    const QRegularExpression utc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    QVERIFY2(utc.match(job.value(QLatin1String("completeTime")).toString()).hasMatch(), qPrintable(job.value(QLatin1String("completeTime")).toString()));
    QVERIFY2(utc.match(job.value(QLatin1String("firstSeen")).toString()).hasMatch(), qPrintable(job.value(QLatin1String("firstSeen")).toString()));
    QCOMPARE(job.value(QLatin1String("expiredOnServer")), QJsonValue(false));
    const QJsonObject connection = job.value(QLatin1String("connection")).toObject();
    QCOMPARE(connection.keys(), (QStringList{QStringLiteral("endpoint"), QStringLiteral("name")}));
    QCOMPARE(connection.value(QLatin1String("name")).toString(), QStringLiteral("Staging"));
    QVERIFY2(connection.value(QLatin1String("endpoint")).toString().startsWith(
                 QStringLiteral("127.0.0.1:%1").arg(sim->server->baseUrl().port())),
             qPrintable(connection.value(QLatin1String("endpoint")).toString()));
    const QJsonArray files = job.value(QLatin1String("files")).toArray();
    QCOMPARE(files.size(), r->job.files.size());
    QCOMPARE(files.size(), 2);
    QStringList fileKeys = {QStringLiteral("fileName"), QStringLiteral("fileSize"), QStringLiteral("state"),
                            QStringLiteral("serverState"), QStringLiteral("progress"), QStringLiteral("importedRows"),
                            QStringLiteral("totalRows"), QStringLiteral("completeTime"), QStringLiteral("reason")};
    fileKeys.sort();
    for (int i = 0; i < files.size(); ++i) {
        const QJsonObject f = files[i].toObject();
        QCOMPARE(f.keys(), fileKeys);
        QCOMPARE(f.value(QLatin1String("fileName")).toString(), r->job.files[i].fileName);
        QCOMPARE(f.value(QLatin1String("reason")).toString(), r->job.files[i].reason);
    }
    QCOMPARE(files[1].toObject().value(QLatin1String("state")).toString(), QStringLiteral("failed"));

    // Two of the three selected (the running one left out): those two, in JSON and in CSV.
    const QString otherKey = key("453240863839750922");
    QItemSelectionModel *selection = window->jobsView()->selectionModel();
    const QModelIndex other = window->proxy()->mapFromSource(window->jobsModel()->index(window->jobsModel()->rowOf(otherKey), 0));
    QVERIFY(other.isValid());
    selection->select(other, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(selection->selectedRows().size(), 2);
    exportJson(&root);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(ids(root), (QStringList{QStringLiteral("453240863839750922"), QStringLiteral("453240863839750924")}));
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("jobs.csv"));
    QString error;
    QVERIFY2(window->exportTo(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.readAll()));
    QCOMPARE(rows.size(), 3); // header + the two
    QStringList csvIds = {rows[1].value(0), rows[2].value(0)};
    csvIds.sort();
    QCOMPARE(csvIds, (QStringList{QStringLiteral("453240863839750922"), QStringLiteral("453240863839750924")}));
}

void TestMainWindow::emptyWindowSaysWhatToDo()
{
    ImportService empty(nullptr, nullptr);
    empty.start();
    MainWindow w(&empty);
    QStringList started;
    w.setProcessStarter([&started](const QStringList &args) { started = args; return true; });
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // What Bulkwatch does, and the two ways to begin, as buttons on the table itself.
    EmptyState *first = w.jobsTable()->firstRun();
    QVERIFY(first && first->isVisible());
    QVERIFY2(w.emptyText().contains(QLatin1String("bulk-import jobs on Zilliz Cloud and Milvus")), qPrintable(w.emptyText()));
    QVERIFY(first->addConnectionButton()->isVisible());
    QVERIFY(first->demoButton()->isVisible());
    // Inside the table's viewport and not cut off.
    const QRect area = w.jobsView()->viewport()->rect();
    for (QWidget *b : {static_cast<QWidget *>(first->addConnectionButton()), static_cast<QWidget *>(first->demoButton())})
        QVERIFY(area.contains(QRect(b->mapTo(w.jobsView()->viewport(), QPoint(0, 0)), b->size())));
    QVERIFY(w.healthText().contains(QLatin1String("No connections")));
    // Nothing else competes with it: no empty details pane, no sideways scroll bar under an empty header.
    QVERIFY(!w.filesView()->isVisible());
    QTRY_COMPARE(w.jobsView()->horizontalScrollBar()->maximum(), 0);
    QStringList opened;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&opened] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            opened << QString::fromLatin1(modal->metaObject()->className());
            modal->close();
        }
    });
    closer.start(20);
    QTest::mouseClick(first->addConnectionButton(), Qt::LeftButton);
    QCOMPARE(opened, QStringList{QStringLiteral("ConnectionDialog")});
    QTest::mouseClick(first->demoButton(), Qt::LeftButton);
    QCOMPARE(started, QStringList{QStringLiteral("--demo")});
    QVERIFY(w.statusMessages()->text().contains(QLatin1String("demo")));
    // With a connection the first-run state goes, and the table's own placeholder speaks.
    Connection c;
    c.name = QStringLiteral("Somewhere");
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    empty.saveConnection(c, std::nullopt);
    QTRY_VERIFY(!first->isVisible());
    QVERIFY(w.filesView()->isVisible());
    QVERIFY2(w.emptyText().startsWith(QLatin1String("No import jobs yet")), qPrintable(w.emptyText()));
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

void TestMainWindow::theDemoRefusesToAddAConnectionAndSaysWhy()
{
    window->setDemoMode(true);
    // The platform appends the application's name: the title must not carry it a second time.
    QVERIFY2(!window->windowTitle().contains(QLatin1String("Bulkwatch")), qPrintable(window->windowTitle()));
    QVERIFY(window->windowTitle().contains(QLatin1String("Demo")));
    auto *actions = window->findChild<WindowActions *>();
    QVERIFY(actions);
    // Any dialog that opens is recorded and closed (a real one would wait for a user).
    QStringList opened;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&opened] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            opened << QString::fromLatin1(modal->metaObject()->className());
            modal->close();
        }
    });
    closer.start(20);
    const qsizetype before = service->connections().size();
    // Disabled, with the reason as its tooltip, rather than enabled and then refused.
    QVERIFY(!actions->addConnection->isEnabled());
    QVERIFY(actions->addConnection->toolTip().contains(QLatin1String("without --demo")));
    actions->addConnection->trigger();
    QCOMPARE(opened, QStringList());
    QCOMPARE(service->connections().size(), before);
    // Outside the demo the same command opens the connection dialog.
    window->setDemoMode(false);
    actions->addConnection->trigger();
    QCOMPARE(opened, QStringList{QStringLiteral("ConnectionDialog")});
}

void TestMainWindow::theDemoWritesToTheHistoryItIsGivenAndNeverTheUsers()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("BULKWATCH_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    // The user's own places: nothing may appear there.
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    const QString history = home.filePath(QStringLiteral("demo.sqlite"));
    for (int run = 0; run < 2; ++run) {
        const ProcessResult r = runProcess(QStringLiteral(BULKWATCH_BINARY), {QStringLiteral("--demo"), QStringLiteral("--history"), history}, env);
        QVERIFY2(r.ok(), qPrintable(r.failure() + r.output));
        QVERIFY2(r.output.contains(QLatin1String("first-paint")), qPrintable(r.output));
    }
    HistoryStore store;
    QString error;
    QVERIFY2(store.open(history, &error), qPrintable(error));
    const QVector<Connection> conns = store.connections();
    // The demo's connection is in the history it was given, once, however often the demo ran.
    QCOMPARE(conns.size(), 1);
    QCOMPARE(conns.first().name, QStringLiteral("Demo"));
    QCOMPARE(conns.first().baseUrl.host(), QStringLiteral("127.0.0.1"));
    QStringList written;
    for (QDirIterator it(home.filePath(QStringLiteral("data")), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        written << it.next();
    QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char(' ')))); // the user's own history untouched
}

void TestMainWindow::trayIconReadsOnLightAndDarkPanelsWithOrWithoutSvg_data()
{
    QTest::addColumn<bool>("withSvg");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QColor>("panel");
    for (const bool withSvg : {true, false})
        for (const bool failed : {false, true})
            for (const auto &[name, colour] : {std::pair{"light panel", QColor(0xef, 0xf0, 0xf1)}, std::pair{"dark panel", QColor(0x23, 0x26, 0x29)},
                                               std::pair{"white panel", QColor(Qt::white)}, std::pair{"black panel", QColor(Qt::black)}})
                QTest::addRow("%s, %s, %s", withSvg ? "svg" : "png only", failed ? "failed" : "plain", name) << withSvg << failed << colour;
}

void TestMainWindow::trayIconReadsOnLightAndDarkPanelsWithOrWithoutSvg()
{
    QFETCH(bool, withSvg);
    QFETCH(bool, failed);
    QFETCH(QColor, panel);
    if (withSvg && !TrayIcon::svgAvailable())
        BULKWATCH_SKIP("Qt's SVG image plugin is not installed");
    // Painting the icon warns nothing (without the SVG plugin, painting a blank .svg icon printed thousands).
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
        if (type != QtDebugMsg)
            warnings << msg;
    });
    const QIcon icon = TrayIcon::iconFrom(failed, withSvg);
    for (int size : {16, 22, 24, 32, 48}) {
        // The icon over the panel, as the panel draws it.
        QImage shown(size, size, QImage::Format_RGB32);
        shown.fill(panel);
        QPainter p(&shown);
        icon.paint(&p, shown.rect());
        p.end();
        // A user sees a shape: a good part of the square (a quarter, with the failure mark and the antialiased rim
        // at 16 px) stands out from the panel at 3:1 or more; a dark glyph on a dark panel has none.
        int standsOut = 0;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                standsOut += contrast(shown.pixelColor(x, y), panel) >= 3.0;
        QVERIFY2(standsOut >= size * size / 4, qPrintable(QStringLiteral("%1 px: %2 of %3 pixels stand out").arg(size).arg(standsOut).arg(size * size)));
        if (failed) {
            // The failure mark: red near the bottom right corner.
            const QColor mark = shown.pixelColor(size - 1 - int(size * 0.22), size - 1 - int(size * 0.22));
            QVERIFY2(looksLike(ProgressBarDelegate::Failed, mark), qPrintable(mark.name()));
        }
    }
    qInstallMessageHandler(previous);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    // The application's icon too has pixels without the SVG plugin.
    QVERIFY(!TrayIcon::appIcon().pixmap(32, 32).isNull());
    QVERIFY(!QImage(QStringLiteral(":/icons/bulkwatch-32.png")).isNull());
}

void TestMainWindow::closingIntoTheTrayIsAskedOnceAndOnlyWithATray()
{
    int asked = 0;
    bool trayThere = true;
    window->setCloseToTrayHandlers([&trayThere] { return trayThere; }, [&asked] { ++asked; return true; });
    // First close: asked, and the window goes into the tray (close() is false: the close event was ignored).
    QVERIFY2(!window->close(), "the window closed instead of hiding into the tray");
    QCOMPARE(asked, 1);
    QVERIFY(!window->isVisible());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    // Second close: not asked again, into the tray again.
    QVERIFY(!window->close());
    QCOMPARE(asked, 1);
    QVERIFY(!window->isVisible());
    // A new window (a restart) keeps the answer.
    window = std::make_unique<MainWindow>(service.get());
    window->setCloseToTrayHandlers([&trayThere] { return trayThere; }, [&asked] { ++asked; return true; });
    window->show();
    QVERIFY(!window->close());
    QCOMPARE(asked, 1);
    // The tray went away (or shows no icon): the window closes, and nothing is asked.
    window->show();
    trayThere = false;
    QVERIFY2(window->close(), "the window hid into a tray that is not there");
    QCOMPARE(asked, 1);

    // "Quit" as the answer: asked once, then closing just closes.
    QSettings().remove(QStringLiteral("window/closeAction"));
    window = std::make_unique<MainWindow>(service.get());
    int askedQuit = 0;
    window->setCloseToTrayHandlers([] { return true; }, [&askedQuit] { ++askedQuit; return false; });
    window->show();
    QVERIFY(window->close());
    window->show();
    QVERIFY(window->close());
    QCOMPARE(askedQuit, 1);
    // The real tray of this offscreen platform cannot hold the window.
    TrayIcon tray(service.get(), window.get());
    QVERIFY(!tray.canHoldTheWindow());
}

void TestMainWindow::ctrlCommaOpensPreferencesAndTheMenuSaysSo()
{
    // Linux binds QKeySequence::Preferences to nothing: the explicit Ctrl+, must be on the menu entry.
    QMenu *edit = nullptr;
    for (QAction *top : window->menuBar()->actions())
        if (top->menu() && top->text().remove(QLatin1Char('&')) == QLatin1String("Edit"))
            edit = top->menu();
    QVERIFY(edit);
    QAction *prefs = nullptr;
    for (QAction *a : edit->actions())
        if (a->text().remove(QLatin1Char('&')).startsWith(QLatin1String("Preferences")))
            prefs = a;
    QVERIFY(prefs);
    QCOMPARE(prefs->shortcut().toString(QKeySequence::NativeText), QKeySequence(Qt::CTRL | Qt::Key_Comma).toString(QKeySequence::NativeText));
    // Pressed on the real window, it opens the Preferences dialog.
    QStringList opened;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&opened] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            opened << QString::fromLatin1(modal->metaObject()->className());
            modal->close();
        }
    });
    closer.start(20);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->jobsView()->setFocus();
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QCOMPARE(opened, QStringList{QStringLiteral("SettingsDialog")});
}

void TestMainWindow::theTableFitsA1024WindowWithoutScrollingSideways()
{
    // A first start (no saved layout) in a 1024 × 640 window, with jobs in the history.
    window.reset();
    window = std::make_unique<MainWindow>(service.get());
    window->resize(1024, 640);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_COMPARE(window->width(), 1024);
    QTableView *view = window->jobsView();
    QHeaderView *header = view->horizontalHeader();
    QTRY_COMPARE(window->proxy()->rowCount(), 3);
    QTRY_VERIFY(header->length() <= view->viewport()->width());
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0); // nothing to scroll to sideways
    const QFontMetrics fm = view->fontMetrics();
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c))
            continue;
        // Every shown column has room for its title, and for a whole value where values have a known shape.
        const QString title = window->jobsModel()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY2(header->sectionSize(c) >= fm.horizontalAdvance(title), qPrintable(title));
    }
    QVERIFY(header->sectionSize(JobsModel::RowsColumn) >= fm.horizontalAdvance(QStringLiteral("4,600,000 / 4,600,000")));
    QVERIFY(header->sectionSize(JobsModel::ProgressColumn) >= fm.horizontalAdvance(QStringLiteral("100 %")) + 12);
    // The job ID: elided in the middle, with room for its head and its tail (the digits that differ).
    auto *idDelegate = qobject_cast<MiddleElideDelegate *>(view->itemDelegateForColumn(JobsModel::JobIdColumn));
    QVERIFY(idDelegate);
    QCOMPARE(MiddleElideDelegate::elideMode, Qt::ElideMiddle);
    const QString id = QStringLiteral("453240863839750924");
    const QString shown = fm.elidedText(id, Qt::ElideMiddle, header->sectionSize(JobsModel::JobIdColumn) - 12);
    QVERIFY2(shown.startsWith(QLatin1String("4532")) && shown.endsWith(QLatin1String("0924")), qPrintable(shown));
    // The most telling columns stay.
    for (int c : {int(JobsModel::JobIdColumn), int(JobsModel::CollectionColumn), int(JobsModel::StateColumn), int(JobsModel::ProgressColumn),
                  int(JobsModel::RowsColumn), int(JobsModel::EtaColumn)})
        QVERIFY2(!header->isSectionHidden(c), qPrintable(window->jobsModel()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));

    // A wide window: the last column does not soak up the spare room.
    window.reset();
    window = std::make_unique<MainWindow>(service.get());
    window->resize(1600, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_COMPARE(window->proxy()->rowCount(), 3);
    header = window->jobsView()->horizontalHeader();
    QTRY_VERIFY(header->sectionSize(JobsModel::JobIdColumn) != 170); // fitted (170 px is the unfitted default)
    int last = -1;
    for (int v = header->count() - 1; v >= 0 && last < 0; --v)
        if (!header->isSectionHidden(header->logicalIndex(v)))
            last = header->logicalIndex(v);
    QVERIFY(!header->stretchLastSection());
    QVERIFY2(header->sectionSize(last) <= 30 * fm.averageCharWidth(), qPrintable(QString::number(header->sectionSize(last))));
}

void TestMainWindow::headerMenuHidesAndShowsColumnsAndRemembers()
{
    QMenu *menu = window->jobsTable()->columnsMenu();
    QAction *size = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == QLatin1String("Size"))
            size = a;
    QVERIFY(size && size->isCheckable());
    QHeaderView *header = window->jobsView()->horizontalHeader();
    QCOMPARE(size->isChecked(), !header->isSectionHidden(JobsModel::SizeColumn));
    if (!size->isChecked())
        size->setChecked(true);
    QVERIFY(!header->isSectionHidden(JobsModel::SizeColumn));
    size->setChecked(false);
    QVERIFY(header->isSectionHidden(JobsModel::SizeColumn));
    delete menu;
    // Remembered at once (not only when the window closes): a new window, as after a crash, has it hidden.
    window.reset();
    window = std::make_unique<MainWindow>(service.get());
    window->show();
    QVERIFY(window->jobsView()->horizontalHeader()->isSectionHidden(JobsModel::SizeColumn));
    // And the menu shows it unticked, and brings it back.
    menu = window->jobsTable()->columnsMenu();
    for (QAction *a : menu->actions())
        if (a->text() == QLatin1String("Size")) {
            QVERIFY(!a->isChecked());
            a->setChecked(true);
        }
    QVERIFY(!window->jobsView()->horizontalHeader()->isSectionHidden(JobsModel::SizeColumn));
    QVERIFY(window->jobsView()->horizontalHeader()->sectionSize(JobsModel::SizeColumn) >= 30);
    delete menu;
}

void TestMainWindow::stateTabsCountTheirJobs()
{
    QTabBar *tabs = window->stateTabs();
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("All (3)"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Running (1)"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Failed (1)"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Completed (1)"));
    QCOMPARE(tabs->tabText(4), QStringLiteral("Expired")); // none: no number
    // Counts follow the jobs: one removed from the history leaves its tab.
    service->removeJob(key("453240863839750924"));
    QTRY_COMPARE(tabs->tabText(2), QStringLiteral("Failed"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("All (2)"));
}

void TestMainWindow::copyCommandSaysWhatItCopies()
{
    auto *actions = window->findChild<WindowActions *>();
    QVERIFY(actions);
    window->selectJob(key("453240863839750924"));
    QCOMPARE(actions->copy->text(), QStringLiteral("&Copy error"));
    window->selectJob(key("453240863839750922")); // completed: no error to copy
    QCOMPARE(actions->copy->text(), QStringLiteral("&Copy job ID"));
    QVERIFY(actions->copy->toolTip().startsWith(QLatin1String("Copy job ID")));
    window->jobsView()->setFocus();
    QApplication::clipboard()->clear();
    QTest::keyClick(window->jobsView(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("453240863839750922"));
}

void TestMainWindow::theGermanToolbarFitsA1024Window()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/bulkwatch_de.qm")));
    QCoreApplication::installTranslator(&german);
    window.reset();
    window = std::make_unique<MainWindow>(service.get());
    QCoreApplication::removeTranslator(&german);
    window->resize(1024, 640);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_COMPARE(window->width(), 1024);
    auto *toolbar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolbar);
    QVERIFY2(toolbar->actions().first()->text() != QLatin1String("Add &connection…"), "the German translation did not load");
    // Every button shows: no overflow (») button hiding the last ones.
    QVERIFY2(toolbar->sizeHint().width() <= window->width(), qPrintable(QString::number(toolbar->sizeHint().width())));
    for (QWidget *ext : toolbar->findChildren<QWidget *>(QStringLiteral("qt_toolbar_ext_button")))
        QVERIFY(!ext->isVisible());
}

void TestMainWindow::theOpeningSelectionIsTheTopJobAndStaysInView()
{
    // The window made after the jobs are known (a start with a history): it opens on the top job of the sorted table.
    QTRY_COMPARE_WITH_TIMEOUT(int(service->jobs().size()), 17, 8000);
    // As from a history: every job described, so no creation time arrives later to re-sort the table under the
    // check (the budget now describes on-screen jobs first, and a late one moved the opening row to 12 or 13).
    const auto allDescribed = [this] {
        const QVector<JobRecord> jobs = service->jobs();
        return std::all_of(jobs.cbegin(), jobs.cend(), [](const JobRecord &r) { return r.hasDetails || r.expired || r.lastError.isError(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDescribed(), 15000);
    window.reset();
    window = std::make_unique<MainWindow>(service.get());
    window->resize(900, 420); // a few rows only
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTableView *view = window->jobsView();
    QTRY_VERIFY(view->currentIndex().isValid());
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(window->selectedJobKey(), view->currentIndex().data(JobsModel::KeyRole).toString());
    // While the answers come in and the table re-sorts, the selected row stays on screen, with its details.
    const auto inView = [view] {
        const QRect r = view->visualRect(view->currentIndex());
        return r.isValid() && view->viewport()->rect().contains(r);
    };
    QVERIFY(inView());
    window->refresh();
    bool later = false;
    QTimer::singleShot(1500, this, [&later] { later = true; }); // a few polls (300 ms apart here)
    QTRY_VERIFY(later);
    QVERIFY(inView());
    QVERIFY(window->phaseText().size() > 0);
    // Re-sorted by another column, the selection is kept in view too.
    view->sortByColumn(JobsModel::JobIdColumn, Qt::AscendingOrder);
    QTRY_VERIFY(inView());
}

// A confirmation's button says what it does ("Remove 1 job(s)" here, "Remove 1 job" with the English plural file),
// never Yes/No; Cancel is the default, and cancelling keeps the job.
void TestMainWindow::confirmationsNameWhatTheyDo()
{
    const char *id = "453240863839750922";
    QTRY_VERIFY(service->job(key(id)));
    window->selectJob(key(id));
    QStringList buttons;
    QString defaultButton;
    QTimer answer;
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        answer.stop();
        for (QAbstractButton *b : box->buttons())
            buttons << b->text().remove(QLatin1Char('&'));
        defaultButton = box->defaultButton() ? box->defaultButton()->text().remove(QLatin1Char('&')) : QString();
        box->button(QMessageBox::Cancel)->click();
    });
    answer.start(20);
    window->removeSelectedJobs();
    QVERIFY2(buttons.contains(QLatin1String("Remove 1 job(s)")) || buttons.contains(QLatin1String("Remove 1 job")),
             qPrintable(buttons.join(QLatin1String(", "))));
    QVERIFY(!buttons.contains(QLatin1String("Yes")));
    QCOMPARE(defaultButton, QStringLiteral("Cancel"));
    QVERIFY2(service->job(key(id)), "cancelled, yet the job was removed");
}

void TestMainWindow::theCollectionFilterNarrowsTheTableAndItsCounts()
{
    QComboBox *filter = window->jobsTable()->collectionFilter();
    QTabBar *tabs = window->stateTabs();
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("All (3)"));
    // Shown once there are two collections to choose from, each named once, sorted.
    QTRY_VERIFY(filter->isVisible());
    QCOMPARE(filter->count(), 3);
    QCOMPARE(filter->itemText(1), QStringLiteral("books"));
    QCOMPARE(filter->itemText(2), QStringLiteral("quick_setup"));
    filter->setCurrentIndex(1);
    QTRY_COMPARE(window->jobsView()->model()->rowCount(), 1);
    QCOMPARE(window->jobsView()->model()->index(0, JobsModel::CollectionColumn).data().toString(), QStringLiteral("books"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("All (1)"));
    filter->setCurrentIndex(2);
    QTRY_COMPARE(window->jobsView()->model()->rowCount(), 2);
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("All (2)"));
}

void TestMainWindow::aZillizClusterNotRunningIsShownInTheStatus()
{
    SimScenario s;
    s.jobs << timelineJob(QStringLiteral("453240863839750922"));
    s.clusterId = QStringLiteral("in01-sim"); // the id simConnection() gives a cloud connection
    s.clusters << SimClusterSpec{s.clusterId, QStringLiteral("prod"), QStringLiteral("aws-us-west-2"), QStringLiteral("RESIZING")};
    SimFixture cloud(s, SimDialect::CloudV2);
    cloud.server->engine().setSpeed(20);
    ImportService svc(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    o.collectionIntervalMs = 100;
    svc.setOptions(o);
    ConnectionStatus status(&svc);
    svc.start();
    svc.saveConnection(simConnection(cloud, QStringLiteral("sim"), QStringLiteral("Cloud")), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(status.fullText().contains(QStringLiteral(" · cluster RESIZING")), 25000);
    QVERIFY2(status.fullText().startsWith(QStringLiteral("Cloud: ")), qPrintable(status.fullText()));
}
// Throughput per connection (issue 16): the health line sums the smoothed rates of the connection's jobs that are
// writing rows, and says nothing of the kind when none is.
void TestMainWindow::theHealthLineSaysEachConnectionsThroughput()
{
    QTRY_VERIFY_WITH_TIMEOUT(service->job(key("453240863839750931")) && service->job(key("453240863839750931"))->rowsPerSecond > 0, 20000);
    // The line ticks every second while jobs move, every 10 s otherwise: generous limits, no timing asserted.
    QTRY_VERIFY2_WITH_TIMEOUT(window->healthText().contains(QLatin1String(" rows/s")), qPrintable(window->healthText()), 30000);
    service->removeJob(key("453240863839750931")); // the only job writing rows
    QTRY_VERIFY2_WITH_TIMEOUT(!window->healthText().contains(QLatin1String(" rows/s")), qPrintable(window->healthText()), 30000);
}

#endif

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
