// The whole life of an import, as a user sees it in the window (issue 16's "done when"): started from the New
// import dialog against the simulator, its State cell goes Pending → Running → Completed → Building the index →
// Searchable, with exactly one notification when the import completes and one when the collection is ready to search.
// Simulated time is frozen and moved on step by step (SimEngine::freezeAt): each step's text is waited for, not
// a guessed duration.

#include "ImportService.h"
#include "JobsModel.h"
#include "MainWindow.h"
#include "NewImportDialog.h"
#include "NotificationCenter.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

namespace {
class CountingNotifier : public Notifier
{
public:
    bool isAvailable() const override { return true; }
    void show(const Notification &n) override { shown << n; }
    QList<Notification> shown;
    int count(Notification::Kind k) const
    {
        return static_cast<int>(std::count_if(shown.begin(), shown.end(), [k](const Notification &n) { return n.kind == k; }));
    }
};
} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void anImportFromTheWindowEndsSearchableWithOneNotificationPerEnd();
};

#ifndef Q_MOC_RUN
void TestEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the window's layout goes to ~/.qttest, never the user's settings
    QSettings().clear();
}

void TestEndToEnd::anImportFromTheWindowEndsSearchableWithOneNotificationPerEnd()
{
    // A new job of one file: pending 2 s, pre-import 3 s, its 100,000 rows written by 25 s, sorted and indexed by
    // the server at 37 s (Completed); the collection's index then builds at 1,000 rows/s: indexed at 125 s. The
    // collection was loaded long before, so indexed means searchable.
    SimScenario s;
    s.newSecondsPerFile = 20;
    s.newRowsPerFile = 100000;
    s.indexRowsPerSecond = 1000;
    SimFixture sim(s);
    SimEngine &engine = sim.server->engine();
    engine.freezeAt(0);

    ImportService service(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    o.collectionIntervalMs = 100;
    service.setOptions(o);
    // The service's (and so the window's) clock is the simulator's: durations and "ago" texts move only when the
    // test moves simulated time.
    service.setClock([&engine] { return engine.toUtc(engine.now()); });
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setBatchDelayMs(50);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod")), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state == ConnectionHealth::State::Ok, 10000);

    MainWindow window(&service);
    window.setDesktopIntegration(&center, nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The real dialog, as a user fills it in: collection, one file, OK.
    bool filled = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = qobject_cast<NewImportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->collectionEdit(), QStringLiteral("quick_setup"));
        QTest::keyClicks(dialog->filesEdit(), QStringLiteral("embeddings/part-0001.parquet"));
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok && ok->isEnabled());
        filled = true;
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    window.newImport(); // returns when the dialog closes: the server made the job
    QVERIFY(filled);
    QCOMPARE(engine.createdJobCount(), 1);
    const QString jobId = engine.jobs(QString(), QString()).value(0)->id;
    const QString key = jobKey(jobId);
    QCOMPARE(window.selectedJobKey(), key);

    // What the State cell of the job's row says, as painted.
    const auto cell = [&] {
        JobsModel *model = window.jobsModel();
        const int row = model->rowOf(key);
        return row < 0 ? QString() : model->index(row, JobsModel::StateColumn).data().toString();
    };
    QStringList seen;
    const auto note = [&] {
        const QString t = cell();
        if (!t.isEmpty() && seen.value(seen.size() - 1) != t)
            seen << t;
    };
    connect(window.jobsModel(), &QAbstractItemModel::dataChanged, this, note);
    note();

    QTRY_COMPARE_WITH_TIMEOUT(cell(), QStringLiteral("Pending"), 10000);
    engine.freezeAt(10); // its rows are being written
    QTRY_COMPARE_WITH_TIMEOUT(cell(), QStringLiteral("Running"), 10000);
    engine.freezeAt(60); // completed at 37 s; 35,000 of 100,000 rows indexed
    QTRY_COMPARE_WITH_TIMEOUT(service.job(key)->job.state, JobState::Completed, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(), QStringLiteral("Building the index — 35 k of 100 k rows"), 10000);
    QCOMPARE(window.phaseText(), QStringLiteral("Completed — the rows are in the collection."));
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Completed), 1, 5000);
    QCOMPARE(notifier.shown.constLast().title, QStringLiteral("Import completed"));
    QCOMPARE(notifier.shown.constLast().body, QStringLiteral("Job %1 into “quick_setup” on Prod.").arg(jobId));
    QCOMPARE(notifier.count(Notification::Kind::Searchable), 0);
    engine.freezeAt(200);
    QTRY_COMPARE_WITH_TIMEOUT(cell(), QStringLiteral("Searchable"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Searchable), 1, 5000);
    QCOMPARE(notifier.shown.constLast().title, QStringLiteral("quick_setup is ready to search"));

    // Once each: more polls of a settled collection and a finished job bring nothing new.
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->collection.settled(), 10000);
    const int from = sim.server->requestCount();
    QVERIFY(waitUntil([&] { return sim.server->requestCount() >= from + 5; }, 10000));
    QCOMPARE(notifier.count(Notification::Kind::Completed), 1);
    QCOMPARE(notifier.count(Notification::Kind::Searchable), 1);
    QCOMPARE(notifier.count(Notification::Kind::Failed), 0);
    QCOMPARE(notifier.count(Notification::Kind::IndexFailed), 0);
    QCOMPARE(notifier.shown.size(), 2);

    // The user saw the steps in this order, nothing after Searchable, and no failure on the way. "Completed" shows
    // between the job's answer and the first answer about its collection (simulated time jumped past the plateau).
    const QStringList steps{QStringLiteral("Pending"), QStringLiteral("Running"), QStringLiteral("Completed"),
                            QStringLiteral("Building the index — 35 k of 100 k rows"), QStringLiteral("Searchable")};
    qsizetype at = -1;
    for (const QString &step : steps) {
        const qsizetype i = seen.indexOf(step, at + 1);
        QVERIFY2(i > at, qPrintable(seen.join(QLatin1String(" | "))));
        at = i;
    }
    QCOMPARE(seen.constLast(), QStringLiteral("Searchable"));
    for (const QString &t : seen)
        QVERIFY2(!t.contains(QLatin1String("fail"), Qt::CaseInsensitive), qPrintable(seen.join(QLatin1String(" | "))));
}
#endif

QTEST_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
