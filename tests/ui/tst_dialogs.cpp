// The dialogs, offscreen, against the real simulator: Watch by ID (pasted JSON, checked with the server, no ghost
// rows), Add connection (validation per type, what was tried, a stable layout), New import (bucket keys, the
// server's collections), Preferences.

#include "AddJobDialog.h"
#include "ConnectionDialog.h"
#include "ImportService.h"
#include "DesktopPreferences.h"
#include "NewImportDialog.h"
#include "NotificationCenter.h"
#include "SettingsDialog.h"
#include "SecretStore.h"
#include "support/Skip.h"
#include "support/ServiceFixture.h"
#include "support/SimFixture.h"
#include "support/Wait.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

namespace {
// A keychain that is not there (no Secret Service on the bus): what a minimal desktop has.
class NoBackendStore : public SecretStore
{
public:
    Result none() const
    {
        Result r;
        r.status = Status::NoBackend;
        r.message = QStringLiteral("No keychain service (Secret Service) is running.");
        return r;
    }
    void write(const QString &, const QByteArray &, QObject *, Callback cb) override { cb(none()); }
    void read(const QString &, QObject *, Callback cb) override { cb(none()); }
    void remove(const QString &, QObject *, Callback cb) override { cb(none()); }
    QString backendName() const override { return QStringLiteral("none"); }
};

// A simulator whose job list fails: the service knows no job by itself, so each watched ID is the dialog's doing.
struct Watching
{
    explicit Watching(const SimScenario &s = basicScenario()) : sim(s), service(nullptr, nullptr)
    {
        SimFaultRule listDown;
        listDown.kind = QStringLiteral("status");
        listDown.status = 503;
        listDown.path = QStringLiteral("/jobs/import/list");
        sim.server->addFault(listDown);
        service.setOptions(fastOptions());
        service.start();
        service.saveConnection(simConnection(sim, QStringLiteral("sim"), QStringLiteral("Staging")), std::nullopt);
    }
    int describes() const { return sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/describe")); }
    SimFixture sim;
    ImportService service;
};
} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void listClustersFillsThePickerFromEveryPage();

    void theJobIdIsFoundInWhatWasPasted_data();
    void theJobIdIsFoundInWhatWasPasted();
    void aPastedJsonLineOfAKnownJobIsCheckedAndWatched();
    void anIdTheServerDoesNotKnowIsRefusedWithoutAGhostRow();
    void whenTheServerCannotBeAskedTheUserMayAddAnywayOrCheckAgain();

    void aConnectionIsValidatedForItsType_data();
    void aConnectionIsValidatedForItsType();
    void switchingTheTypeStartsFromThatTypesAddress();
    void aMissingKeyAndAWrongKeyAreToldApartAndTheTriedUrlIsNamed();
    void theFormStaysPutWhenTheStatusGrows();
    void browseFillsTheCaFileAndTheKeyCanBeShown();

    void aSecretKeyWithoutItsAccessKeyIsRefused_data();
    void aSecretKeyWithoutItsAccessKeyIsRefused();
    void rememberingBucketKeysNeedsAKeychain();
    void theCollectionFieldSuggestsTheServersCollections();
    void aServerWithoutACollectionListJustGivesNoSuggestions();
    void anUnansweredImportSentAgainKeepsItsKey_data();
    void anUnansweredImportSentAgainKeepsItsKey();

    void preferencesSetPaceRetentionLanguageAndTheStallAlert();
};

#ifndef Q_MOC_RUN
void TestDialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSettings().fileName().contains(QLatin1String(".qttest")), qPrintable(QSettings().fileName()));
}

void TestDialogs::init()
{
    QSettings().clear();
}

void TestDialogs::theJobIdIsFoundInWhatWasPasted_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("id");
    QTest::newRow("bare") << "453240863839750922" << "453240863839750922";
    QTest::newRow("quoted, spaces") << "  \"448761313698322011\"  " << "448761313698322011";
    QTest::newRow("a JSON line with its comma") << "\"jobId\": \"453240863839750922\"," << "453240863839750922";
    QTest::newRow("a JSON line, indented") << "    \"jobId\":\"job-01fa0e5d42cjxudhpuehyp\",\n" << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("a whole answer") << "{\"code\":0,\"data\":{\"jobId\":\"453240863839750923\"}}" << "453240863839750923";
    QTest::newRow("a request body") << "{\"jobId\": \"453240863839750924\", \"dbName\": \"default\"}" << "453240863839750924";
    QTest::newRow("a log line") << "2026-01-02 import started jobID=453240863839750925 collection=x" << "453240863839750925";
    QTest::newRow("snake case") << "job_id: 'job-01fa0e5d42cjxudhpuehyp'" << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("cloud id") << "job-01fa0e5d42cjxudhpuehyp," << "job-01fa0e5d42cjxudhpuehyp";
    QTest::newRow("not an id") << "45324 0863" << "45324 0863";
}

void TestDialogs::theJobIdIsFoundInWhatWasPasted()
{
    QFETCH(QString, pasted);
    QFETCH(QString, id);
    QCOMPARE(ImportService::extractJobId(pasted), id);
}

void TestDialogs::aPastedJsonLineOfAKnownJobIsCheckedAndWatched()
{
    Watching w;
    AddJobDialog dialog(&w.service, QStringLiteral("sim"));
    dialog.idEdit()->setText(QStringLiteral("\"jobId\": \"453240863839750922\","));
    QVERIFY2(dialog.problemText().isEmpty(), qPrintable(dialog.problemText()));
    QVERIFY(dialog.watchButton()->isEnabled());
    // It says which ID it found, so a paste that went wrong shows.
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    const auto found = std::find_if(labels.begin(), labels.end(), [](QLabel *l) { return l->accessibleName() == QLatin1String("Job ID found"); });
    QVERIFY(found != labels.end());
    QCOMPARE((*found)->text(), QStringLiteral("Will watch job 453240863839750922"));
    const int before = w.describes();
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QVERIFY(w.describes() > before); // it was asked, not assumed
    QCOMPARE(dialog.addedKey(), jobKey(QStringLiteral("453240863839750922")));
    QVERIFY(w.service.job(jobKey(QStringLiteral("453240863839750922"))));
    QTRY_VERIFY_WITH_TIMEOUT(w.service.job(jobKey(QStringLiteral("453240863839750922")))->hasDetails, 10000);
}

void TestDialogs::anIdTheServerDoesNotKnowIsRefusedWithoutAGhostRow()
{
    Watching w;
    AddJobDialog dialog(&w.service, QStringLiteral("sim"));
    dialog.idEdit()->setText(QStringLiteral("448761313698322011"));
    const int before = w.describes();
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking() && w.describes() > before, 10000);
    QVERIFY2(dialog.problemText().contains(QLatin1String("Staging does not know job 448761313698322011")), qPrintable(dialog.problemText()));
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(!dialog.watchButton()->isEnabled()); // not again, until the ID or the connection changes
    dialog.accept();                              // Enter pressed again
    QVERIFY(w.service.jobs().isEmpty());
    QVERIFY(!w.service.job(jobKey(QStringLiteral("448761313698322011"))));
    // Nothing polls it later either.
    const int now = w.describes();
    QVERIFY(waitUntil([&] { return w.sim.server->requestCount() >= now + 5; }, 10000)); // the service went on (list)
    QCOMPARE(w.describes(), now);
    QVERIFY(w.service.jobs().isEmpty());
    // Editing the ID makes it checkable again.
    dialog.idEdit()->setText(QStringLiteral("453240863839750923"));
    QVERIFY(dialog.watchButton()->isEnabled());
    QVERIFY(dialog.problemText().isEmpty());
}

void TestDialogs::whenTheServerCannotBeAskedTheUserMayAddAnywayOrCheckAgain()
{
    Watching w;
    SimFaultRule reset;
    reset.kind = QStringLiteral("reset");
    reset.path = QStringLiteral("/jobs/import/describe");
    w.sim.server->addFault(reset);
    AddJobDialog dialog(&w.service, QStringLiteral("sim"));
    dialog.idEdit()->setText(QStringLiteral("453240863839750922"));
    QVERIFY(!dialog.checkAgainButton()->isVisible());
    dialog.show();
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking(), 15000);
    QVERIFY2(dialog.problemText().contains(QLatin1String("Could not check job 453240863839750922 with Staging")), qPrintable(dialog.problemText()));
    QVERIFY2(dialog.problemText().contains(QLatin1String("Cannot reach the server")), qPrintable(dialog.problemText()));
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(w.service.jobs().isEmpty());
    // The whole message fits its room (no last line cut off) and the fields keep their height.
    QLabel *message = nullptr;
    for (QLabel *l : dialog.findChildren<QLabel *>())
        if (l->text() == dialog.problemText())
            message = l;
    QVERIFY(message);
    QVERIFY2(message->heightForWidth(dialog.problemArea()->width()) <= dialog.problemArea()->height(), "the message does not fit its room");
    QCOMPARE(dialog.connectionBox()->height(), dialog.connectionBox()->sizeHint().height());
    QCOMPARE(dialog.watchButton()->text(), QStringLiteral("&Watch anyway"));
    QVERIFY(dialog.watchButton()->isEnabled());
    QVERIFY(dialog.checkAgainButton()->isVisible());
    // Check again, once the server answers: it knows the job, and it is watched.
    w.sim.server->clearFaults();
    SimFaultRule listDown;
    listDown.kind = QStringLiteral("status");
    listDown.status = 503;
    listDown.path = QStringLiteral("/jobs/import/list");
    w.sim.server->addFault(listDown);
    QTest::mouseClick(dialog.checkAgainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QVERIFY(w.service.job(jobKey(QStringLiteral("453240863839750922"))));

    // Watch anyway: the user's choice, taken without asking again.
    w.sim.server->addFault(reset);
    AddJobDialog second(&w.service, QStringLiteral("sim"));
    second.show();
    second.idEdit()->setText(QStringLiteral("453240863839750923"));
    second.accept();
    QTRY_VERIFY_WITH_TIMEOUT(!second.isChecking() && second.checkAgainButton()->isVisible(), 15000);
    QTest::mouseClick(second.watchButton(), Qt::LeftButton);
    QCOMPARE(second.result(), int(QDialog::Accepted));
    QVERIFY(w.service.job(jobKey(QStringLiteral("453240863839750923"))));
}

void TestDialogs::aConnectionIsValidatedForItsType_data()
{
    QTest::addColumn<bool>("cloud");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("status"); // a part of what the dialog says
    QTest::addColumn<bool>("savable");
    QTest::addColumn<QString>("used");   // the URL it would save ("" = none)
    QTest::newRow("cloud over http") << true << "http://api.cloud.zilliz.com" << "k" << "https:// only" << false << "";
    QTest::newRow("cloud to another host") << true << "https://milvus.example.com" << "k" << "milvus.example.com is not a Zilliz Cloud address" << false << "";
    QTest::newRow("cloud to a Milvus port") << true << "http://10.0.0.5:19530" << "k" << "choose the type Milvus" << false << "";
    QTest::newRow("cloud without a key") << true << "https://api.cloud.zilliz.com" << "" << "needs an API key" << false << "";
    QTest::newRow("cloud, no scheme: https assumed") << true << "api.cloud.zilliz.com" << "k" << "No scheme given: https:// assumed (https://api.cloud.zilliz.com)." << true << "https://api.cloud.zilliz.com";
    QTest::newRow("cloud, legacy controller") << true << "https://controller.api.gcp-us-west1.zillizcloud.com" << "k" << "" << true << "https://controller.api.gcp-us-west1.zillizcloud.com";
    QTest::newRow("milvus without a token") << false << "http://10.0.0.5:19530" << "" << "" << true << "http://10.0.0.5:19530";
    QTest::newRow("milvus, no scheme: http assumed") << false << "localhost:19530" << "" << "No scheme given: http:// assumed (http://localhost:19530)." << true << "http://localhost:19530";
    QTest::newRow("milvus over ftp") << false << "ftp://10.0.0.5" << "" << "Only http:// and https://" << false << "";
    QTest::newRow("milvus, credentials in the URL") << false << "http://root:Milvus@10.0.0.5:19530" << "" << "not in the URL" << false << "";
}

void TestDialogs::aConnectionIsValidatedForItsType()
{
    QFETCH(bool, cloud);
    QFETCH(QString, url);
    QFETCH(QString, key);
    QFETCH(QString, status);
    QFETCH(bool, savable);
    QFETCH(QString, used);
    ImportService service(nullptr, nullptr);
    ConnectionDialog dialog(&service, nullptr);
    dialog.kindBox()->setCurrentIndex(cloud ? 0 : 1);
    dialog.nameEdit()->setText(QStringLiteral("Check"));
    dialog.clusterEdit()->setText(QStringLiteral("in01-0123456789abcdef"));
    dialog.urlEdit()->setText(url);
    dialog.keyEdit()->setText(key);
    QVERIFY2(status.isEmpty() ? dialog.statusText().isEmpty() : dialog.statusText().contains(status), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.saveButton()->isEnabled(), savable);
    QCOMPARE(dialog.testButton()->isEnabled(), savable);
    if (savable)
        QCOMPARE(dialog.connection().baseUrl.toString(), used);
}

void TestDialogs::switchingTheTypeStartsFromThatTypesAddress()
{
    ImportService service(nullptr, nullptr);
    ConnectionDialog dialog(&service, nullptr);
    QCOMPARE(dialog.kindBox()->currentIndex(), 1);
    QCOMPARE(dialog.urlEdit()->text(), QStringLiteral("http://localhost:19530"));
    dialog.urlEdit()->setText(QStringLiteral("http://milvus.internal:19530"));
    dialog.kindBox()->setCurrentIndex(0);
    QCOMPARE(dialog.urlEdit()->text(), QStringLiteral("https://api.cloud.zilliz.com"));
    QVERIFY(dialog.clusterEdit()->isVisibleTo(&dialog));
    dialog.kindBox()->setCurrentIndex(1);
    QCOMPARE(dialog.urlEdit()->text(), QStringLiteral("http://localhost:19530"));
    QVERIFY(!dialog.clusterEdit()->isVisibleTo(&dialog));
    // Editing a saved connection keeps its address until the type is switched.
    Connection saved = connectionTo(QUrl(QStringLiteral("http://milvus.internal:19530")));
    ConnectionDialog edit(&service, &saved);
    QCOMPARE(edit.urlEdit()->text(), QStringLiteral("http://milvus.internal:19530"));
}

void TestDialogs::aMissingKeyAndAWrongKeyAreToldApartAndTheTriedUrlIsNamed()
{
    SimFixture sim(basicScenario());
    sim.server->setApiKey("dialog-secret-7");
    ImportService service(nullptr, nullptr);
    service.start();
    ConnectionDialog dialog(&service, nullptr);
    dialog.nameEdit()->setText(QStringLiteral("Check"));
    const QString base = sim.server->baseUrl().toString();
    dialog.urlEdit()->setText(base);
    QSignalSpy tested(&dialog, &ConnectionDialog::tested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 10000);
    const QString none = dialog.statusText();
    QVERIFY2(none.contains(QLatin1String("none was given")), qPrintable(none));
    QVERIFY2(none.contains(QStringLiteral("Tried %1.").arg(base)), qPrintable(none));
    dialog.keyEdit()->setText(QStringLiteral("wrong"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 10000);
    const QString wrong = dialog.statusText();
    QVERIFY2(wrong.contains(QLatin1String("key was refused")), qPrintable(wrong));
    QVERIFY2(!wrong.contains(QLatin1String("none was given")), qPrintable(wrong));
    QVERIFY2(wrong.contains(QStringLiteral("Tried %1.").arg(base)), qPrintable(wrong));
    dialog.keyEdit()->setText(QStringLiteral("dialog-secret-7"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 3, 10000);
    QCOMPARE(tested.last().first().toBool(), true);
    QCOMPARE(dialog.statusText(), QStringLiteral("Connected to %1: the server lists 3 import jobs.").arg(base));
    // Typed without a scheme: the test says the URL it really used.
    dialog.urlEdit()->setText(base.mid(int(strlen("http://"))));
    QVERIFY2(dialog.statusText().contains(QLatin1String("http:// assumed")), qPrintable(dialog.statusText()));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 4, 10000);
    QCOMPARE(dialog.statusText(), QStringLiteral("Connected to %1: the server lists 3 import jobs.").arg(base));
    QVERIFY(!dialog.statusText().contains(QLatin1String("dialog-secret-7")));
}

void TestDialogs::theFormStaysPutWhenTheStatusGrows()
{
    ImportService service(nullptr, nullptr);
    ConnectionDialog dialog(&service, nullptr);
    dialog.nameEdit()->setText(QStringLiteral("Check"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.statusText(), QString());
    const QRect url = dialog.urlEdit()->geometry();
    const QRect status = dialog.statusArea()->geometry();
    const QSize size = dialog.size();
    const int save = dialog.saveButton()->mapTo(&dialog, QPoint()).y();
    // A long message: several lines of a pasted command that is not a URL.
    dialog.urlEdit()->setText(QStringLiteral("curl -X POST http://10.0.0.5:19530/v2/vectordb/jobs/import/list -H Content-Type ").repeated(3));
    QVERIFY(dialog.statusText().size() > 150);
    QApplication::sendPostedEvents();
    QApplication::processEvents();
    QCOMPARE(dialog.urlEdit()->geometry(), url);
    QCOMPARE(dialog.statusArea()->geometry(), status);
    QCOMPARE(dialog.size(), size);
    QCOMPARE(dialog.saveButton()->mapTo(&dialog, QPoint()).y(), save);
    // And the whole message can be read: it wraps in its room, and scrolls when longer.
    QVERIFY(dialog.statusArea()->height() >= dialog.fontMetrics().lineSpacing() * 4);
}

void TestDialogs::browseFillsTheCaFileAndTheKeyCanBeShown()
{
    ImportService service(nullptr, nullptr);
    ConnectionDialog dialog(&service, nullptr);
    dialog.nameEdit()->setText(QStringLiteral("Check"));
    QTemporaryFile pem;
    QVERIFY(pem.open());
    QString answer = pem.fileName();
    QString askedWith = QStringLiteral("unset");
    dialog.setFilePicker([&](const QString &current) { askedWith = current; return answer; });
    QTest::mouseClick(dialog.browseButton(), Qt::LeftButton);
    QCOMPARE(askedWith, QString());
    QCOMPARE(dialog.caFileEdit()->text(), pem.fileName());
    QCOMPARE(dialog.connection().caFile, pem.fileName());
    QVERIFY(dialog.saveButton()->isEnabled());
    answer.clear(); // cancelled: the field keeps what it had
    QTest::mouseClick(dialog.browseButton(), Qt::LeftButton);
    QCOMPARE(askedWith, pem.fileName());
    QCOMPARE(dialog.caFileEdit()->text(), pem.fileName());

    // The row's mnemonic reaches the field.
    bool buddied = false;
    for (QLabel *l : dialog.findChildren<QLabel *>())
        buddied = buddied || (l->buddy() == dialog.caFileEdit() && l->text().contains(QLatin1String("CA certificate")));
    QVERIFY(buddied);

    QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
    bool shownAsButton = false;
    for (QToolButton *b : dialog.findChildren<QToolButton *>())
        shownAsButton = shownAsButton || b->defaultAction() == dialog.showKeyAction();
    QVERIFY(shownAsButton);
    dialog.showKeyAction()->trigger();
    QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Normal);
    QCOMPARE(dialog.showKeyAction()->text(), QStringLiteral("Hide key"));
    dialog.showKeyAction()->trigger();
    QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.showKeyAction()->text(), QStringLiteral("Show key"));
}

void TestDialogs::aSecretKeyWithoutItsAccessKeyIsRefused_data()
{
    QTest::addColumn<QString>("access");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("problem");
    QTest::newRow("secret only") << "" << "wJalrXUtnFEMI/K7MDENG" << "A secret key needs its access key";
    QTest::newRow("access only") << "AKIAIOSFODNN7EXAMPLE" << "" << "An access key needs its secret key";
    QTest::newRow("both") << "AKIAIOSFODNN7EXAMPLE" << "wJalrXUtnFEMI/K7MDENG" << "";
    QTest::newRow("neither") << "" << "" << "";
}

void TestDialogs::aSecretKeyWithoutItsAccessKeyIsRefused()
{
    QFETCH(QString, access);
    QFETCH(QString, secret);
    QFETCH(QString, problem);
    SimFixture sim(basicScenario(), SimDialect::CloudV2);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    dialog.collectionEdit()->setText(QStringLiteral("quick_setup"));
    dialog.filesEdit()->setPlainText(QStringLiteral("s3://bucket/folder/1.parquet"));
    dialog.accessKeyEdit()->setText(access);
    dialog.secretKeyEdit()->setText(secret);
    QVERIFY2(problem.isEmpty() ? dialog.problem().isEmpty() : dialog.problem().startsWith(problem), qPrintable(dialog.problem()));
    QCOMPARE(dialog.statusText(), dialog.problem());
    if (problem.isEmpty())
        return;
    QVERIFY(!dialog.statusText().contains(secret.isEmpty() ? QStringLiteral("\x01") : secret)); // the key is not echoed
    dialog.accept();
    const int before = sim.server->requestCount();
    QVERIFY(waitUntil([&] { return sim.server->requestCount() >= before + 3; }, 10000));
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/jobs/import/create")), 0); // nothing sent
    QVERIFY(dialog.result() != int(QDialog::Accepted));
}

void TestDialogs::rememberingBucketKeysNeedsAKeychain()
{
    SimFixture sim(basicScenario(), SimDialect::CloudV2);
    for (const char *which : {"none", "no backend"}) {
        NoBackendStore broken;
        ImportService service(nullptr, qstrcmp(which, "none") == 0 ? nullptr : &broken);
        service.start();
        service.saveConnection(simConnection(sim), QByteArray(), {});
        NewImportDialog dialog(&service, QStringLiteral("sim"), {});
        QTRY_VERIFY_WITH_TIMEOUT(dialog.keychainChecked(), 10000);
        QVERIFY2(!dialog.rememberBox()->isEnabled(), which);
        QVERIFY(!dialog.rememberBox()->isChecked());
        QVERIFY2(dialog.rememberBox()->toolTip().startsWith(QLatin1String("No keychain is available, so the keys are used for this request only.")),
                 qPrintable(dialog.rememberBox()->toolTip()));
        if (qstrcmp(which, "no backend") == 0)
            QVERIFY(dialog.rememberBox()->toolTip().contains(QLatin1String("Secret Service")));
    }
    // With a working keychain it can be ticked.
    KeychainSecretStore keychain(QStringLiteral("io.github.bulkwatch.tst_dialogs"));
    ImportService service(nullptr, &keychain);
    service.start();
    Connection c = simConnection(sim);
    c.sessionOnlyKey = true; // the connection's own key stays out of the keychain
    service.saveConnection(c, QByteArray(), {});
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    QTRY_VERIFY_WITH_TIMEOUT(dialog.keychainChecked(), 20000);
    if (!dialog.rememberBox()->isEnabled())
        BULKWATCH_SKIP("no working keychain in this session (run under scripts/with-keyring.sh)");
    QVERIFY(dialog.rememberBox()->toolTip().contains(QLatin1String("keychain")));
}

void TestDialogs::theCollectionFieldSuggestsTheServersCollections()
{
    SimScenario s = basicScenario();
    s.collections = {QStringLiteral("movies"), QStringLiteral("books")};
    SimFixture sim(s);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    QTRY_VERIFY_WITH_TIMEOUT(dialog.suggestionsAnswered(), 10000);
    QCOMPARE(dialog.collectionSuggestions(), (QStringList{QStringLiteral("books"), QStringLiteral("movies"), QStringLiteral("quick_setup")}));
    QCOMPARE(dialog.collectionEdit()->completer(), dialog.collectionCompleter());
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/collections/list")), 1);
    // What the user sees while typing: the matching names.
    dialog.collectionCompleter()->setCompletionPrefix(QStringLiteral("OV"));
    QCOMPARE(dialog.collectionCompleter()->completionCount(), 1);
    QCOMPARE(dialog.collectionCompleter()->currentCompletion(), QStringLiteral("movies"));
    // A name the server did not list is still taken (the collection may be made before the import runs).
    dialog.collectionEdit()->setText(QStringLiteral("not_listed_yet"));
    dialog.filesEdit()->setPlainText(QStringLiteral("a.parquet"));
    QCOMPARE(dialog.problem(), QString());
    // Another database: asked again, and a database the server does not have gives no suggestions.
    dialog.findChildren<QLineEdit *>().first();
    QLineEdit *db = nullptr;
    for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
        if (e->placeholderText() == QLatin1String("default"))
            db = e;
    QVERIFY(db);
    db->setText(QStringLiteral("nowhere"));
    Q_EMIT db->editingFinished();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.suggestionsAnswered(), 10000);
    QCOMPARE(sim.server->requestCount(QStringLiteral("/v2/vectordb/collections/list")), 2);
    QCOMPARE(dialog.collectionSuggestions(), QStringList());
}

void TestDialogs::aServerWithoutACollectionListJustGivesNoSuggestions()
{
    // An older Milvus, or a proxy that passes only the import API: gin's plain-text 404.
    SimFixture sim(basicScenario());
    SimFaultRule missing;
    missing.kind = QStringLiteral("status");
    missing.status = 404;
    missing.body = "404 page not found";
    missing.path = QStringLiteral("/collections/list");
    sim.server->addFault(missing);
    ImportService service(nullptr, nullptr);
    service.setOptions(fastOptions());
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    QTRY_VERIFY_WITH_TIMEOUT(sim.server->statusCount(404) >= 1, 10000);
    QVERIFY(waitUntil([&] { return service.health(QStringLiteral("sim")).state == ConnectionHealth::State::Ok; }, 10000));
    QCOMPARE(dialog.collectionSuggestions(), QStringList());
    dialog.collectionEdit()->setText(QStringLiteral("quick_setup"));
    dialog.filesEdit()->setPlainText(QStringLiteral("a.parquet"));
    QCOMPARE(dialog.problem(), QString());
    QVERIFY2(dialog.statusText().isEmpty(), qPrintable(dialog.statusText())); // no complaint about suggestions
    dialog.accept();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);

    // Zilliz Cloud's control plane has no collection list: not even asked.
    SimFixture cloud(basicScenario(), SimDialect::CloudV2);
    ImportService cloudService(nullptr, nullptr);
    cloudService.start();
    cloudService.saveConnection(simConnection(cloud), std::nullopt);
    NewImportDialog cloudDialog(&cloudService, QStringLiteral("sim"), {});
    QVERIFY(waitUntil([&] { return cloud.server->requestCount() >= 1; }, 10000));
    QCOMPARE(cloudDialog.collectionSuggestions(), QStringList());
    QCOMPARE(cloud.server->requestCount(QStringLiteral("/v2/vectordb/collections/list")), 0);
}

void TestDialogs::anUnansweredImportSentAgainKeepsItsKey_data()
{
    QTest::addColumn<bool>("changed");
    QTest::addColumn<int>("jobs");
    QTest::newRow("the same import: the server names the job it made") << false << 1;
    QTest::newRow("other files: a new import, not the first one's job") << true << 2;
}

void TestDialogs::anUnansweredImportSentAgainKeepsItsKey()
{
    QFETCH(bool, changed);
    QFETCH(int, jobs);
    const QString create = QStringLiteral("/v2/vectordb/jobs/import/create");
    SimFixture sim(SimScenario{});
    SimFaultRule lost; // carried out, then the connection closes: the first try and both resends
    lost.kind = QStringLiteral("drop");
    lost.path = create;
    lost.remaining = 3;
    sim.server->addFault(lost);
    ImportService service(nullptr, nullptr);
    ImportService::Options o = fastOptions();
    o.createResendDelayMs = 50;
    service.setOptions(o);
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    NewImportDialog dialog(&service, QStringLiteral("sim"), {});
    dialog.collectionEdit()->setText(QStringLiteral("quick_setup"));
    dialog.filesEdit()->setPlainText(QStringLiteral("folder/1.parquet"));
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(sim.server->requestCount(create) == 3 && dialog.statusText() != QStringLiteral("Starting…"), 20000);
    // Told as what it is: the import may exist. Not a refusal, and not a network to check.
    QVERIFY2(dialog.statusText().startsWith(QLatin1String("No answer came, so the import may have started.")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QLatin1String("same key")), qPrintable(dialog.statusText()));
    QVERIFY2(!dialog.statusText().contains(QLatin1String("check the URL")), qPrintable(dialog.statusText()));
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QCOMPARE(sim.server->engine().createdJobCount(), 1);
    const QString first = sim.server->engine().jobs(QString(), QString()).value(0)->id;

    if (changed)
        dialog.filesEdit()->setPlainText(QStringLiteral("folder/2.parquet"));
    dialog.accept();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.result() == int(QDialog::Accepted), 20000);
    QCOMPARE(sim.server->requestCount(create), 4);
    QCOMPARE(sim.server->engine().createdJobCount(), jobs);
    const QString followed = sim.server->engine().jobs(QString(), QString()).value(jobs - 1)->id;
    QCOMPARE(dialog.createdKey(), jobKey(changed ? followed : first));
}

void TestDialogs::preferencesSetPaceRetentionLanguageAndTheStallAlert()
{
    SimFixture sim(basicScenario());
    sim.server->engine().setSpeed(0);
    QDateTime now = QDateTime::currentDateTimeUtc();
    ImportService service(nullptr, nullptr);
    service.setClock([&] { return now; });
    service.start();
    service.saveConnection(simConnection(sim), std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750922"))) && service.job(jobKey(QStringLiteral("453240863839750923"))), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(service.job(jobKey(QStringLiteral("453240863839750922")))->endedAt.isValid(), 10000);
    struct Quiet : Notifier
    {
        bool isAvailable() const override { return true; }
        void show(const Notification &) override {}
    } quiet;
    NotificationCenter center(&service, &quiet);
    {
        SettingsDialog dialog(&center);
        // The defaults: normal pace, history kept for ever, the system's language, no stall alert.
        QCOMPARE(dialog.paceBox()->currentData().toInt(), int(DesktopPreferences::Pace::Normal));
        QCOMPARE(dialog.retentionBox()->currentData().toInt(), 0);
        QCOMPARE(dialog.languageBox()->currentData().toString(), QString());
        QVERIFY(!dialog.stallBox()->isChecked());
        QCOMPARE(dialog.languageNote()->text(), QStringLiteral("Applied at the next start."));
        dialog.paceBox()->setCurrentIndex(dialog.paceBox()->findData(int(DesktopPreferences::Pace::Gentle)));
        dialog.retentionBox()->setCurrentIndex(dialog.retentionBox()->findData(30));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
        dialog.stallBox()->setChecked(true);
        dialog.stallMinutesBox()->setValue(15);
        now = now.addDays(40); // …922 ended more than 30 days ago; …923 still runs
        dialog.accept();
    }
    QCOMPARE(center.stallMinutes(), 15);
    QCOMPARE(service.options().runningIntervalMs, 2 * ImportService::Options().runningIntervalMs);
    QCOMPARE(service.options().listIntervalMs, 2 * ImportService::Options().listIntervalMs);
    QVERIFY(service.options().requestsPerSecond < ImportService::Options().requestsPerSecond);
    QVERIFY(!service.job(jobKey(QStringLiteral("453240863839750922")))); // forgotten by the retention
    QVERIFY(service.job(jobKey(QStringLiteral("453240863839750923"))));  // running: kept
    QCOMPARE(DesktopPreferences::startLocale().language(), QLocale::German);
    // Shown again as saved.
    SettingsDialog again(&center);
    QCOMPARE(again.paceBox()->currentData().toInt(), int(DesktopPreferences::Pace::Gentle));
    QCOMPARE(again.retentionBox()->currentData().toInt(), 30);
    QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("de"));
    QVERIFY(again.stallBox()->isChecked());
    QCOMPARE(again.stallMinutesBox()->value(), 15);
    // Turning the alert off turns it off.
    again.stallBox()->setChecked(false);
    again.accept();
    QCOMPARE(center.stallMinutes(), 0);
    QCOMPARE(service.options().runningIntervalMs, 2 * ImportService::Options().runningIntervalMs); // pace unchanged
}
// Zilliz Cloud: List clusters asks the control plane (the simulator, 12 clusters: two pages) with the typed key and
// fills a picker; picking one is the cluster ID the connection uses; a cluster not RUNNING says so.
void TestDialogs::listClustersFillsThePickerFromEveryPage()
{
    SimScenario s;
    for (int i = 0; i < 12; ++i)
        s.clusters << SimClusterSpec{QStringLiteral("in01-c%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("cluster-%1").arg(i),
                                     QStringLiteral("aws-us-west-2"), i == 11 ? QStringLiteral("FROZEN") : QStringLiteral("RUNNING")};
    SimFixture sim(s, SimDialect::CloudV2);
    ImportService service(nullptr, nullptr);
    ConnectionDialog dialog(&service, nullptr);
    dialog.kindBox()->setCurrentIndex(0); // Zilliz Cloud
    dialog.nameEdit()->setText(QStringLiteral("Cloud"));
    dialog.urlEdit()->setText(sim.server->baseUrl().toString());
    dialog.keyEdit()->setText(QStringLiteral("cloud-key-7"));
    auto *list = dialog.findChild<QPushButton *>(QStringLiteral("listClusters"));
    auto *picker = dialog.findChild<QComboBox *>(QStringLiteral("clusterPicker"));
    QVERIFY(list && picker);
    QVERIFY(picker->isHidden());
    list->click();
    QTRY_COMPARE_WITH_TIMEOUT(picker->count(), 12, 10000);
    QVERIFY(!picker->isHidden());
    QCOMPARE(dialog.connection().clusterId, QStringLiteral("in01-c00"));
    QCOMPARE(picker->itemText(11), QStringLiteral("cluster-11 (in01-c11, aws-us-west-2) — FROZEN"));
    picker->setCurrentIndex(5);
    Q_EMIT picker->activated(5);
    QCOMPARE(dialog.connection().clusterId, QStringLiteral("in01-c05"));
}
#endif

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
