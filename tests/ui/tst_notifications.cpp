// Notifications: exactly one per transition — not repeated after a restart, a reconnect or a re-poll —,
// batched when several end in one poll, each kind switchable; the window without a tray never hides.

#include "HistoryStore.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "NotificationCenter.h"
#include "TrayIcon.h"
#include "support/SimFixture.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

ImportService::Options fast()
{
    ImportService::Options o;
    o.requestsPerSecond = 20;
    o.selectedIntervalMs = 100;
    o.runningIntervalMs = 100;
    o.pendingIntervalMs = 100;
    o.listIntervalMs = 150;
    o.saveDelayMs = 20;
    o.maxBackoffMs = 1000;
    return o;
}

// Four jobs that end together at 50 s, one that fails at 25 s, and one finished before anyone watched.
SimScenario scenario()
{
    SimScenario s = basicScenario();
    for (int i = 0; i < 3; ++i)
        s.jobs << timelineJob(QStringLiteral("45324086383975093%1").arg(i));
    return s;
}
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void oncePerTransitionBatchedAndNeverAgainAfterARestart();

    void aFailureIsAnnouncedWithItsReasonAndKindsCanBeSwitchedOff();

    void connectionLostAndBackAreAnnouncedWhenAsked();

    void clickingANotificationRaisesTheWindowOnThatJob();

    void withoutATrayTheWindowNeverHides();

    void trayTooltipSummarisesAndMarksFailures();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestNotifications::init()
{
    QSettings().clear();
}

void TestNotifications::oncePerTransitionBatchedAndNeverAgainAfterARestart()
{
    SimFixture sim(scenario());
    sim.server->engine().setSpeed(0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    Connection c;
    c.id = QStringLiteral("sim");
    c.name = QStringLiteral("Cluster X");
    c.baseUrl = sim.server->baseUrl();
    {
        HistoryStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        ImportService service(&store, nullptr);
        service.setOptions(fast());
        CountingNotifier notifier;
        NotificationCenter center(&service, &notifier);
        center.setBatchDelayMs(1000);
        service.start();
        service.saveConnection(c, std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 6, 5000);
        QTest::qWait(500);
        QCOMPARE(notifier.shown.size(), 0); // finished before we watched: nothing to announce
        sim.server->engine().advance(30);    // …924 is already failed; the four others import
        sim.server->engine().advance(25);    // all four complete at 50 s, in one poll
        QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Completed), 1, 8000);
        const Notification n = notifier.shown.first();
        QCOMPARE(n.title, QStringLiteral("4 imports completed on Cluster X"));
        QCOMPARE(n.jobKeys.size(), 4);
        // Re-polls and a reconnect do not repeat it.
        service.refreshNow();
        QTest::qWait(800);
        SimFaultRule f;
        f.kind = QStringLiteral("reset");
        f.remaining = 3;
        sim.server->addFault(f);
        QTest::qWait(2500);
        QCOMPARE(notifier.count(Notification::Kind::Completed), 1);
        QCOMPARE(notifier.count(Notification::Kind::Failed), 0); // the failure predates watching
        service.flush();
    }
    // After a restart: the same transitions are not announced again.
    HistoryStore store;
    QString error;
    QVERIFY(store.open(path, &error));
    ImportService service(&store, nullptr);
    service.setOptions(fast());
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setBatchDelayMs(100);
    service.start();
    QTest::qWait(1500);
    QCOMPARE(notifier.shown.size(), 0);
}

void TestNotifications::aFailureIsAnnouncedWithItsReasonAndKindsCanBeSwitchedOff()
{
    SimFixture sim(basicScenario(QStringLiteral("quota exceeded[reason=disk quota exceeded, please allocate more resources]")));
    sim.server->engine().setSpeed(0);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setBatchDelayMs(100);
    center.setEnabled(Notification::Kind::Completed, false);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod")), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    sim.server->engine().advance(60); // …923 completes: switched off
    QTRY_COMPARE_WITH_TIMEOUT(service.job(JobRecord::keyOf(QStringLiteral("sim"), QStringLiteral("453240863839750923")))->job.state, JobState::Completed, 5000);
    QTest::qWait(400);
    QCOMPARE(notifier.shown.size(), 0);
    QVERIFY(!QSettings().value(NotificationCenter::settingsKey(Notification::Kind::Completed)).toBool());
    // A job that fails while watched.
    CreateRequest req;
    req.collectionName = QStringLiteral("quick_setup");
    req.fileGroups = {QStringList{QStringLiteral("will-fail.parquet")}};
    service.createJob(QStringLiteral("sim"), req, false, [](const QString &, const ApiError &) {});
    QTest::qWait(500);
    sim.server->engine().advance(1000);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Failed), 1, 8000);
    QCOMPARE(notifier.shown.first().title, QStringLiteral("Import failed"));
    QVERIFY(notifier.shown.first().body.contains(QLatin1String("quick_setup")));
}

void TestNotifications::connectionLostAndBackAreAnnouncedWhenAsked()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setEnabled(Notification::Kind::ConnectionLost, true);
    center.setEnabled(Notification::Kind::ConnectionBack, true);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Edge")), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 5000);
    SimFaultRule f;
    f.kind = QStringLiteral("reset");
    sim.server->addFault(f);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::ConnectionLost), 1, 8000);
    QTest::qWait(1500); // more failures while offline: still one
    QCOMPARE(notifier.count(Notification::Kind::ConnectionLost), 1);
    sim.server->clearFaults();
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::ConnectionBack), 1, 8000);
    QVERIFY(notifier.shown.first().title.contains(QLatin1String("Edge")));
}

void TestNotifications::clickingANotificationRaisesTheWindowOnThatJob()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Click")), std::nullopt);
    MainWindow window(&service);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    window.hide();
    const QString key = JobRecord::keyOf(QStringLiteral("sim"), QStringLiteral("453240863839750924"));
    window.showAndRaise(key);
    QVERIFY(window.isVisible());
    QCOMPARE(window.selectedJobKey(), key);
}

void TestNotifications::withoutATrayTheWindowNeverHides()
{
    // The offscreen platform has no system tray, like some GNOME/Wayland sessions.
    ImportService service(nullptr, nullptr);
    service.start();
    MainWindow window(&service);
    TrayIcon tray(&service, &window);
    window.setDesktopIntegration(nullptr, &tray);
    window.show();
    QVERIFY(!tray.isVisible());
    QVERIFY(!tray.isAvailable());
    QSettings().setValue(QStringLiteral("window/closeAction"), QStringLiteral("tray"));
    QSignalSpy quit(qApp, &QCoreApplication::aboutToQuit);
    window.close();
    QVERIFY(!window.isVisible()); // closed, not hidden into a tray that is not there
    QCOMPARE(tray.toolTip(), QStringLiteral("Bulkwatch — nothing running"));
}

void TestNotifications::trayTooltipSummarisesAndMarksFailures()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30);
    ImportService service(nullptr, nullptr);
    service.setOptions(fast());
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Tray")), std::nullopt);
    MainWindow window(&service);
    TrayIcon tray(&service, &window);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    // …924 failed before it was watched, but still within the last day: it is news in the tooltip.
    QTRY_VERIFY2_WITH_TIMEOUT(tray.toolTip().startsWith(QStringLiteral("Bulkwatch — 1 running")), qPrintable(tray.toolTip()), 5000);
    QVERIFY(!TrayIcon::iconFor(true, false).isNull());
    QVERIFY(!TrayIcon::iconFor(false, true).isNull());
}

#endif

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
