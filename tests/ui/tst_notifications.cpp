// Notifications: exactly one per transition — not repeated after a restart, a reconnect or a re-poll —,
// batched when several end in one poll, each kind switchable; delivered through org.freedesktop.Notifications
// (a fake service on a private bus) with what the user reads and clicks; the window without a tray never hides.

#include "DBusNotifier.h"
#include "HistoryStore.h"
#include "ImportService.h"
#include "MainWindow.h"
#include "NotificationCenter.h"
#include "TrayIcon.h"
#include "support/FakeNotifications.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Skip.h"
#include "support/Wait.h"

#include <QDBusConnectionInterface>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

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
    QList<Notification> of(Notification::Kind k) const
    {
        QList<Notification> out;
        for (const Notification &n : shown)
            if (n.kind == k)
                out << n;
        return out;
    }
};

// A notifier on the bus that keeps what a Copy action would put on the clipboard.
class CopyingDBusNotifier : public DBusNotifier
{
public:
    void copyText(const QString &text) override { copied << text; }
    QStringList copied;
};

// Four jobs that end together at 50 s, one that fails at 25 s, and one finished before anyone watched.
SimScenario scenario()
{
    SimScenario s = basicScenario();
    for (int i = 0; i < 3; ++i)
        s.jobs << timelineJob(QStringLiteral("45324086383975093%1").arg(i));
    return s;
}

// Lets `n` more requests reach the server: proof that polling went on, rather than a guess at how long it takes.
bool morePolls(const SimFixture &sim, int n, int timeoutMs = 10000)
{
    const int from = sim.server->requestCount();
    return waitUntil([&] { return sim.server->requestCount() >= from + n; }, timeoutMs);
}
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
    PrivateSessionBus bus;
    QString busProblem;

private Q_SLOTS:
    void initTestCase();
    void init();

    void oncePerTransitionBatchedAndNeverAgainAfterARestart();

    void aFailureIsAnnouncedWithItsReasonAndKindsCanBeSwitchedOff();

    void connectionLostAndBackAreAnnouncedWhenAsked();

    void theDefaultsAnnounceEndsButNotConnectionsOrExpiry();

    void deliveredThroughTheNotificationServiceWithWhatTheUserReads();

    void clickingANotificationRaisesTheWindowOnThatJob();

    void anExpiredJobIsAnnouncedWhenAsked();

    void withoutATrayTheWindowNeverHides();

    void trayTooltipSummarisesAndMarksFailures();

    void aFailedNotificationOffersCopyReportRetryAndShow();

    void aRunningJobThatStopsMovingIsAnnouncedOncePerStall();

    void theCollectionReadyToSearchOrItsIndexFailureIsAnnouncedOnce_data();
    void theCollectionReadyToSearchOrItsIndexFailureIsAnnouncedOnce();
};

// Bodies are hidden from moc: its tokenizer trips over some JSON test strings.
#ifndef Q_MOC_RUN
void TestNotifications::initTestCase()
{
    // Settings go to a test location (~/.qttest), never the user's ~/.config, however this test is run.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSettings().fileName().contains(QLatin1String(".qttest")), qPrintable(QSettings().fileName()));
    // A bus of our own, before anything in this process uses the session bus: the desktop's real notification
    // service never sees these tests, and the fake one can own the name.
    if (!bus.start(&busProblem))
        qWarning("no private session bus: %s", qPrintable(busProblem));
}

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
    {
        HistoryStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        ImportService service(&store, nullptr);
        service.setOptions(fastOptions());
        CountingNotifier notifier;
        NotificationCenter center(&service, &notifier);
        center.setEnabled(Notification::Kind::Searchable, false); // about the import's end; the collection's: below
        center.setBatchDelayMs(1000);
        service.start();
        service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Cluster X")), std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 6, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750922")))->hasDetails, 5000);
        center.flush(); // whatever is pending goes out now, batch delay or not
        QCOMPARE(notifier.shown.size(), 0); // finished before we watched: nothing to announce
        sim.server->engine().advance(30);    // …924 is already failed; the four others import
        QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923")))->job.state == JobState::Running, 5000);
        sim.server->engine().advance(25);    // all four complete at 50 s, in one poll
        QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Completed), 1, 8000);
        const Notification n = notifier.shown.first();
        QCOMPARE(n.title, QStringLiteral("4 imports completed on Cluster X"));
        QCOMPARE(n.jobKeys.size(), 4);
        // Re-polls and a reconnect do not repeat it.
        service.refreshNow();
        QVERIFY(morePolls(sim, 6));
        QList<ConnectionHealth::State> states;
        connect(&service, &ImportService::healthChanged, this, [&] { states << service.health(QStringLiteral("sim")).state; });
        SimFaultRule f;
        f.kind = QStringLiteral("reset");
        f.remaining = 3;
        sim.server->addFault(f);
        // The connection drops and comes back.
        QTRY_VERIFY_WITH_TIMEOUT(states.contains(ConnectionHealth::State::Backoff) || states.contains(ConnectionHealth::State::Offline), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 10000);
        QVERIFY(morePolls(sim, 6));
        center.flush();
        QCOMPARE(notifier.count(Notification::Kind::Completed), 1);
        QCOMPARE(notifier.count(Notification::Kind::Failed), 0); // the failure predates watching
        QCOMPARE(notifier.shown.size(), 1);
        service.flush();
    }
    // After a restart: the same transitions are not announced again, though every job is read again.
    HistoryStore store;
    QString error;
    QVERIFY(store.open(path, &error));
    ImportService service(&store, nullptr);
    service.setOptions(fastOptions());
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setBatchDelayMs(100);
    const int before = sim.server->requestCount();
    service.start();
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 6, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(sim.server->requestCount() >= before + 6, 10000); // the restarted service did poll
    QVERIFY(morePolls(sim, 3));
    center.flush();
    QCOMPARE(notifier.shown.size(), 0);
}

void TestNotifications::aFailureIsAnnouncedWithItsReasonAndKindsCanBeSwitchedOff()
{
    SimFixture sim(basicScenario(QStringLiteral("quota exceeded[reason=disk quota exceeded, please allocate more resources]")));
    sim.server->engine().setSpeed(0);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setEnabled(Notification::Kind::Searchable, false); // about the import's end; the collection's: below
    center.setBatchDelayMs(100);
    center.setEnabled(Notification::Kind::Completed, false);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod")), std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923")))->job.state == JobState::Pending, 5000);
    sim.server->engine().advance(60); // …923 completes while watched: switched off
    QTRY_COMPARE_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923")))->job.state, JobState::Completed, 5000);
    center.flush();
    QCOMPARE(notifier.shown.size(), 0);
    QVERIFY(!QSettings().value(NotificationCenter::settingsKey(Notification::Kind::Completed)).toBool());
    // A job that fails while watched.
    CreateRequest req;
    req.collectionName = QStringLiteral("quick_setup");
    req.fileGroups = {QStringList{QStringLiteral("will-fail.parquet")}};
    QString created;
    service.createJob(QStringLiteral("sim"), req, false, [&](const QString &key, const ApiError &) { created = key; });
    QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty() && service.job(created), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(created)->hasDetails, 10000); // watched before it ends
    sim.server->engine().advance(1000);
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Failed), 1, 8000);
    const JobRecord *failed = service.job(created);
    QCOMPARE(failed->job.state, JobState::Failed);
    QVERIFY(!failed->job.reason.isEmpty());
    const Notification n = notifier.of(Notification::Kind::Failed).first();
    QCOMPARE(n.title, QStringLiteral("Import failed on Prod")); // which connection, before anything else
    QVERIFY2(n.body.contains(QLatin1String("quick_setup")), qPrintable(n.body));
    QVERIFY2(n.body.contains(QLatin1String(" on Prod: ")), qPrintable(n.body));
    QVERIFY2(n.body.contains(failed->job.reason.left(300)), qPrintable(n.body + QStringLiteral(" / ") + failed->job.reason));
    QVERIFY(n.body.contains(failed->job.jobId));
    QCOMPARE(n.jobKeys, QStringList{created});
    QCOMPARE(notifier.shown.size(), 1);
}

void TestNotifications::connectionLostAndBackAreAnnouncedWhenAsked()
{
    SimFixture sim(basicScenario());
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
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
    QVERIFY(morePolls(sim, 3, 15000)); // more failures while offline ...
    center.flush();
    QCOMPARE(notifier.count(Notification::Kind::ConnectionLost), 1); // ... still one
    sim.server->clearFaults();
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::ConnectionBack), 1, 8000);
    QVERIFY(notifier.of(Notification::Kind::ConnectionLost).first().title.contains(QLatin1String("Edge")));
    QVERIFY(notifier.of(Notification::Kind::ConnectionBack).first().title.contains(QLatin1String("Edge")));
}

void TestNotifications::theDefaultsAnnounceEndsButNotConnectionsOrExpiry()
{
    ImportService service(nullptr, nullptr);
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    QVERIFY(center.isEnabled(Notification::Kind::Completed));
    QVERIFY(center.isEnabled(Notification::Kind::Failed));
    QVERIFY(!center.isEnabled(Notification::Kind::Expired));
    QVERIFY(!center.isEnabled(Notification::Kind::ConnectionLost));
    QVERIFY(!center.isEnabled(Notification::Kind::ConnectionBack));
}

namespace {
// The fake service on the private bus, checked to be the one the app's session bus reaches.
bool fakeService(FakeNotificationServer &fake, const QString &busProblem, QString *why)
{
    if (!busProblem.isEmpty()) {
        *why = busProblem;
        return false;
    }
    if (!fake.registerOnSessionBus(why))
        return false;
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || bus.interface()->serviceOwner(QStringLiteral("org.freedesktop.Notifications")).value() != fake.uniqueName()) {
        *why = QStringLiteral("the session bus of this process is not the private one");
        return false;
    }
    return true;
}
} // namespace

void TestNotifications::deliveredThroughTheNotificationServiceWithWhatTheUserReads()
{
    FakeNotificationServer fake;
    QString why;
    if (!fakeService(fake, busProblem, &why))
        BULKWATCH_SKIP("needs dbus-daemon for a private bus with a fake notification service");
    DBusNotifier notifier;
    QVERIFY(notifier.isAvailable());
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    NotificationCenter center(&service, &notifier);
    center.setEnabled(Notification::Kind::Searchable, false); // about the import's end; the collection's: below
    center.setBatchDelayMs(100);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod")), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750923"))) && service.job(jobKey(QStringLiteral("453240863839750923")))->hasDetails, 5000);
    sim.server->engine().advance(60); // …923 completes while watched
    QTRY_COMPARE_WITH_TIMEOUT(fake.calls().size(), 1, 8000);
    const FakeNotificationServer::Call c = fake.calls().first();
    QCOMPARE(c.summary, QStringLiteral("Import completed"));
    QCOMPARE(c.body, QStringLiteral("Job 453240863839750923 into “quick_setup” on Prod."));
    QCOMPARE(c.actions, (QStringList{QStringLiteral("default"), QStringLiteral("Show")}));
    QCOMPARE(c.appName, QCoreApplication::applicationName());
    QCOMPARE(c.replacesId, 0u);
    QCOMPARE(c.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral(BULKWATCH_APP_ID));
    QCOMPARE(c.hints.value(QStringLiteral("urgency")).toInt(), 1); // normal; failures are critical
    QCOMPARE(c.expireTimeout, -1);
}

void TestNotifications::clickingANotificationRaisesTheWindowOnThatJob()
{
    FakeNotificationServer fake;
    QString why;
    if (!fakeService(fake, busProblem, &why))
        BULKWATCH_SKIP("needs dbus-daemon for a private bus with a fake notification service");
    SimFixture sim(basicScenario(QStringLiteral("disk quota exceeded")));
    sim.server->engine().setSpeed(0);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    DBusNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setEnabled(Notification::Kind::Searchable, false); // about the import's end; the collection's: below
    center.setBatchDelayMs(100);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Click")), std::nullopt);
    MainWindow window(&service);
    window.setDesktopIntegration(&center, nullptr);
    // The composition root's wiring (DesktopApp): a click on a notification opens its job.
    connect(&notifier, &Notifier::activated, &window, &MainWindow::showAndRaise);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    const QString key = jobKey(QStringLiteral("453240863839750923"));
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->hasDetails, 5000);
    window.selectJob(jobKey(QStringLiteral("453240863839750922")));
    window.hide();
    sim.server->engine().advance(60);
    QTRY_COMPARE_WITH_TIMEOUT(fake.calls().size(), 1, 8000);
    QVERIFY(!window.isVisible());
    QSignalSpy activated(&notifier, &Notifier::activated);
    fake.invokeAction(fake.calls().first().id); // the user clicks it
    QVERIFY(activated.wait(5000));
    QCOMPARE(activated.first().first().toString(), key);
    QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 5000);
    QCOMPARE(window.selectedJobKey(), key);
    // A click on a notification that is not ours (another app's id) opens nothing.
    window.hide();
    fake.invokeAction(9999);
    QVERIFY(!activated.wait(300));
    QVERIFY(!window.isVisible());
}

void TestNotifications::anExpiredJobIsAnnouncedWhenAsked()
{
    SimScenario s = basicScenario();
    s.jobs[1].retentionSeconds = 10; // …923: forgotten 10 s after it ends at 50 s
    SimFixture sim(s);
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setBatchDelayMs(100);
    center.setEnabled(Notification::Kind::Expired, true);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Retention")), std::nullopt);
    const QString key = jobKey(QStringLiteral("453240863839750923"));
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->hasDetails, 5000);
    sim.server->engine().advance(100); // ended and forgotten between two polls
    QTRY_COMPARE_WITH_TIMEOUT(notifier.count(Notification::Kind::Expired), 1, 8000);
    const Notification n = notifier.of(Notification::Kind::Expired).first();
    QCOMPARE(n.title, QStringLiteral("Import expired on server"));
    QVERIFY(n.body.contains(QLatin1String("last known state")));
    QCOMPARE(n.jobKeys, QStringList{key});
    QVERIFY(service.job(key)->expired);
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
    // close() is true only when the close event was accepted: hiding into a tray ignores it.
    QVERIFY2(window.close(), "the window hid instead of closing, with no tray to come back from");
    QVERIFY(!window.isVisible());
    QCOMPARE(tray.toolTip(), QStringLiteral("Bulkwatch — nothing running"));
}

void TestNotifications::trayTooltipSummarisesAndMarksFailures()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(30);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Tray")), std::nullopt);
    MainWindow window(&service);
    TrayIcon tray(&service, &window);
    QTRY_COMPARE_WITH_TIMEOUT(service.jobs().size(), 3, 5000);
    // …924 failed before it was watched, but still within the last day: it is news in the tooltip.
    QTRY_VERIFY2_WITH_TIMEOUT(tray.toolTip().startsWith(QStringLiteral("Bulkwatch — 1 running · 1 failed · ")), qPrintable(tray.toolTip()), 5000);
    QVERIFY(tray.showsFailure());
    // The failure icon is marked: it differs from the plain one, on either panel.
    for (const bool dark : {false, true}) {
        const QImage plain = TrayIcon::iconFor(false, dark).pixmap(32, 32).toImage();
        const QImage marked = TrayIcon::iconFor(true, dark).pixmap(32, 32).toImage();
        QVERIFY(!plain.isNull());
        QVERIFY(!marked.isNull());
        QVERIFY2(plain != marked, dark ? "dark panel" : "light panel");
    }
}

void TestNotifications::aFailedNotificationOffersCopyReportRetryAndShow()
{
    FakeNotificationServer fake;
    QString why;
    if (!fakeService(fake, busProblem, &why))
        BULKWATCH_SKIP("needs dbus-daemon for a private bus with a fake notification service");
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->setApiKey("notify-secret-31");
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    CopyingDBusNotifier notifier;
    NotificationCenter center(&service, &notifier);
    center.setEnabled(Notification::Kind::Searchable, false); // about the import's end; the collection's: below
    center.setBatchDelayMs(100);
    center.setEnabled(Notification::Kind::Completed, false);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod")), QByteArray("notify-secret-31"));
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 5000);
    CreateRequest req;
    req.collectionName = QStringLiteral("quick_setup");
    req.fileGroups = {QStringList{QStringLiteral("will-fail.parquet")}};
    QString created;
    service.createJob(QStringLiteral("sim"), req, false, [&](const QString &key, const ApiError &) { created = key; });
    QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty() && service.job(created) && service.job(created)->hasDetails, 10000);
    sim.server->engine().advance(1000);
    QTRY_COMPARE_WITH_TIMEOUT(fake.calls().size(), 1, 8000);
    const FakeNotificationServer::Call c = fake.calls().first();
    const JobRecord *failed = service.job(created);
    QCOMPARE(c.summary, QStringLiteral("Import failed on Prod"));
    QVERIFY2(c.body.startsWith(QStringLiteral("Job %1 into “quick_setup” on Prod: ").arg(failed->job.jobId)), qPrintable(c.body));
    QCOMPARE(c.actions, (QStringList{QStringLiteral("default"), QStringLiteral("Show"), QStringLiteral("copy-report"), QStringLiteral("Copy report"),
                                     QStringLiteral("retry"), QStringLiteral("Retry")}));
    QCOMPARE(c.hints.value(QStringLiteral("urgency")).toInt(), 2);

    // Copy report: the job's support report, never the key.
    QSignalSpy activated(&notifier, &Notifier::activated);
    fake.invokeAction(c.id, QStringLiteral("copy-report"));
    QTRY_COMPARE_WITH_TIMEOUT(notifier.copied.size(), 1, 5000);
    QVERIFY2(notifier.copied.first().contains(failed->job.jobId), qPrintable(notifier.copied.first()));
    QVERIFY(notifier.copied.first().contains(failed->job.reason.left(40)));
    QVERIFY(!notifier.copied.first().contains(QLatin1String("notify-secret-31")));
    QCOMPARE(activated.size(), 0); // copying does not open the window

    // Retry: the same import is started again on the server, and watched.
    QSignalSpy retried(&center, &NotificationCenter::retryStarted);
    const int creates = sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create"));
    fake.invokeAction(c.id, QStringLiteral("retry"));
    QVERIFY(retried.wait(10000));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create")), creates + 1);
    const QString again = retried.first().first().toString();
    QVERIFY(again != created);
    QVERIFY(service.job(again));
    QCOMPARE(service.job(again)->job.collectionName.value_or(QString()), QStringLiteral("quick_setup"));

    // Show (the notification's default action): the window opens on that job.
    fake.invokeAction(c.id, QStringLiteral("default"));
    QVERIFY(activated.wait(5000));
    QCOMPARE(activated.first().first().toString(), created);

    // A job created elsewhere cannot be retried from here: no Retry offered.
    sim.server->engine().advance(30);
    QVERIFY(waitUntil([&] { return fake.calls().size() >= 2; }, 8000)); // …924 (watched) fails, the retried job too
    for (const FakeNotificationServer::Call &later : fake.calls().mid(1))
        if (later.body.contains(QLatin1String("453240863839750924")))
            QVERIFY2(!later.actions.contains(QLatin1String("retry")), qPrintable(later.actions.join(QLatin1Char(','))));
}

void TestNotifications::aRunningJobThatStopsMovingIsAnnouncedOncePerStall()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    sim.server->engine().advance(22); // …923 imports its files
    QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone(0));
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    service.setClock([&] { return now; });
    CountingNotifier notifier;
    NotificationCenter center(&service, &notifier);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Batch")), std::nullopt);
    const QString key = jobKey(QStringLiteral("453240863839750923"));
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key) && service.job(key)->hasDetails && service.job(key)->job.state == JobState::Running, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(service.health(QStringLiteral("sim")).state, ConnectionHealth::State::Ok, 5000);
    // Off by default: an hour without movement says nothing.
    QCOMPARE(center.stallMinutes(), 0);
    QVERIFY(!center.isEnabled(Notification::Kind::Stalled));
    now = now.addSecs(3600);
    center.checkStalls();
    QCOMPARE(notifier.count(Notification::Kind::Stalled), 0);

    center.setStallMinutes(10);
    QVERIFY(center.isEnabled(Notification::Kind::Stalled));
    // The job moves now (at the clock's 10:00), then stands still.
    sim.server->engine().advance(2);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(key)->lastChange, now, 5000);
    now = now.addSecs(9 * 60);
    center.checkStalls();
    QCOMPARE(notifier.count(Notification::Kind::Stalled), 0); // 9 minutes: not yet
    now = now.addSecs(2 * 60);
    center.checkStalls();
    QCOMPARE(notifier.count(Notification::Kind::Stalled), 1);
    const Notification n = notifier.of(Notification::Kind::Stalled).first();
    QCOMPARE(n.title, QStringLiteral("Import not moving on Batch"));
    QCOMPARE(n.body, QStringLiteral("Job 453240863839750923 into “quick_setup” has not moved for 11 minutes."));
    QCOMPARE(n.jobKeys, QStringList{key});
    // Polls go on; the same stall is not announced again.
    QVERIFY(morePolls(sim, 5));
    now = now.addSecs(30 * 60);
    center.checkStalls();
    center.checkStalls();
    QCOMPARE(notifier.count(Notification::Kind::Stalled), 1);
    // It moves, and stalls again: that is a new stall.
    sim.server->engine().advance(2);
    QTRY_COMPARE_WITH_TIMEOUT(service.job(key)->lastChange, now, 5000);
    now = now.addSecs(10 * 60);
    center.checkStalls();
    QCOMPARE(notifier.count(Notification::Kind::Stalled), 2);
    // A job that ended is never stalled.
    sim.server->engine().advance(100);
    QTRY_VERIFY_WITH_TIMEOUT(isTerminal(service.job(key)->job.state), 5000);
    now = now.addSecs(3600);
    center.checkStalls();
    QCOMPARE(notifier.count(Notification::Kind::Stalled), 2);
}

void TestNotifications::theCollectionReadyToSearchOrItsIndexFailureIsAnnouncedOnce_data()
{
    QTest::addColumn<QString>("failReason");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("urgency");
    QTest::newRow("searchable") << QString() << QStringLiteral("quick_setup is ready to search")
                                << QStringLiteral("Indexed and loaded on Prod after job 453240863839750922.") << 1;
    QTest::newRow("index failed") << QStringLiteral("build index failed: knowhere error: out of memory")
                                  << QStringLiteral("Index failed on Prod")
                                  << QStringLiteral("The index of “quick_setup” could not be built: build index failed: knowhere error: out of memory") << 2;
}

void TestNotifications::theCollectionReadyToSearchOrItsIndexFailureIsAnnouncedOnce()
{
    QFETCH(QString, failReason);
    QFETCH(QString, summary);
    QFETCH(QString, body);
    QFETCH(int, urgency);
    FakeNotificationServer fake;
    QString why;
    if (!fakeService(fake, busProblem, &why))
        BULKWATCH_SKIP("needs dbus-daemon for a private bus with a fake notification service");
    DBusNotifier notifier;
    QVERIFY(notifier.isAvailable());
    SimScenario s;
    s.indexRowsPerSecond = 50; // 2,000 rows written at 30 s: indexed at 70 s, 20 s after the job completed
    s.jobs << timelineJob(QStringLiteral("453240863839750922"));
    if (!failReason.isEmpty()) {
        SimCollectionSpec spec;
        spec.name = QStringLiteral("quick_setup");
        spec.indexFailReason = failReason;
        s.collectionSpecs << spec;
    }
    SimFixture sim(s);
    sim.server->engine().setSpeed(20);
    ImportService service(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    o.collectionIntervalMs = 100;
    service.setOptions(o);
    NotificationCenter center(&service, &notifier);
    center.setBatchDelayMs(50);
    service.start();
    service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Prod")), std::nullopt);
    const QString key = jobKey(QStringLiteral("453240863839750922"));
    const auto times = [&] {
        int n = 0;
        for (const FakeNotificationServer::Call &k : fake.calls())
            n += k.summary == summary;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(times() > 0, 30000);
    for (const FakeNotificationServer::Call &k : fake.calls())
        if (k.summary == summary) {
            QCOMPARE(k.body, body);
            QCOMPARE(k.hints.value(QStringLiteral("urgency")).toInt(), urgency);
        }
    // Once: the collection settles, and more polls bring nothing new.
    QTRY_VERIFY_WITH_TIMEOUT(service.job(key)->collection.settled(), 20000);
    QVERIFY(morePolls(sim, 5));
    QCOMPARE(times(), 1);
}
#endif

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
