#include "QuitOnSignals.h"
#include "ServeCommand.h"

#include "HistoryStore.h"
#include "ImportService.h"
#include "JobFormatter.h"
#include "MetricsPage.h"
#include "SecretStore.h"
#include "ServeOptions.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>


namespace {
QString option(const CliArguments::Parsed &p, const char *name)
{
    return p.last(QLatin1String(name));
}

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s.left(300);
}

QString healthWords(const ConnectionHealth &h)
{
    switch (h.state) {
    case ConnectionHealth::State::Connecting: return QStringLiteral("connecting");
    case ConnectionHealth::State::Ok: return QStringLiteral("up");
    case ConnectionHealth::State::Backoff: return QStringLiteral("backing off: ") + oneLine(h.lastError.summary());
    case ConnectionHealth::State::Offline: return QStringLiteral("offline: ") + oneLine(h.lastError.summary());
    case ConnectionHealth::State::AuthFailed: return QStringLiteral("refused: ") + oneLine(h.lastError.summary());
    case ConnectionHealth::State::NoKey: return QStringLiteral("no key: ") + oneLine(h.keyProblem);
    }
    return {};
}
} // namespace

ServeCommand::ServeCommand(const CliArguments::Parsed &parsed, QTextStream &err, SecretStore *keychain, QObject *parent)
    : QObject(parent), m_parsed(parsed), m_err(err), m_keychain(keychain), m_savedPath(HistoryStore::defaultPath()),
      m_now([] { return QDateTime::currentDateTimeUtc(); }), m_keepFinished(MetricsPage::kDefaultKeepFinishedSeconds)
{
}

ServeCommand::~ServeCommand()
{
    stop();
}

void ServeCommand::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    if (m_service)
        m_service->setClock(m_now);
}

int ServeCommand::usage(const QString &message)
{
    m_err << "bulkwatch: " << message << "\nTry 'bulkwatch serve --help'.\n";
    m_err.flush();
    return 2;
}

void ServeCommand::logLine(const QString &text)
{
    m_err << "bulkwatch serve: " << text << '\n';
    m_err.flush();
}

// The connections of this run: saved ones by name (their keys stay in the keychain, read by the service), and
// one per --endpoint with the key from BULKWATCH_API_KEY or --api-key-stdin, kept in memory only.
bool ServeCommand::collectConnections(QVector<Connection> *saved, QVector<Connection> *adHoc)
{
    const QStringList names = m_parsed.values(QStringLiteral("connection"));
    if (!names.isEmpty()) {
        HistoryStore windowStore;
        QString error;
        if (!QFileInfo::exists(m_savedPath) || !windowStore.open(m_savedPath, &error)) {
            usage(QStringLiteral("no saved connections to look up '%1' in (see 'bulkwatch connections')").arg(names.first().left(100)));
            return false;
        }
        const QVector<Connection> all = windowStore.connections();
        for (const QString &name : names) {
            const auto it = std::find_if(all.cbegin(), all.cend(), [&](const Connection &c) {
                return c.name.compare(name, Qt::CaseInsensitive) == 0 || c.id == name;
            });
            if (it == all.cend()) {
                usage(QStringLiteral("no saved connection named '%1' (see 'bulkwatch connections')").arg(name.left(100)));
                return false;
            }
            if (it->hasKey && it->sessionOnlyKey) {
                usage(QStringLiteral("the key of '%1' was kept for a window session only; use --endpoint with "
                                     "BULKWATCH_API_KEY or --api-key-stdin").arg(it->name));
                return false;
            }
            *saved << *it;
        }
    }
    const QStringList endpoints = m_parsed.values(QStringLiteral("endpoint"));
    if (endpoints.isEmpty())
        return true;
    QByteArray key = m_envKey;
    if (m_parsed.flag(QStringLiteral("api-key-stdin"))) {
        key = (m_readStdin ? m_readStdin() : QByteArray()).trimmed();
        if (key.isEmpty()) {
            usage(QStringLiteral("--api-key-stdin: stdin gave no key"));
            return false;
        }
    }
    for (const QString &text : endpoints) {
        QString problem;
        Connection c;
        c.baseUrl = parseEndpointUrl(text, &problem);
        if (!problem.isEmpty()) {
            usage(problem);
            return false;
        }
        if (m_parsed.has(QStringLiteral("api")) && !dialectFromName(option(m_parsed, "api"), &c.dialect)) {
            usage(QStringLiteral("--api takes auto, cloud-v1 or v2"));
            return false;
        }
        c.clusterId = option(m_parsed, "cluster").trimmed();
        c.projectId = option(m_parsed, "project").trimmed();
        c.regionId = option(m_parsed, "region").trimmed();
        c.dbName = option(m_parsed, "db").trimmed();
        c.caFile = option(m_parsed, "ca-file").trimmed();
        c.kind = c.endpoint({}).isZillizCloud() ? Connection::Kind::ZillizCloud : Connection::Kind::Milvus;
        c.name = c.baseUrl.host() + (c.baseUrl.port() > 0 ? QStringLiteral(":%1").arg(c.baseUrl.port()) : QString())
            + (c.dbName.isEmpty() ? QString() : QLatin1Char('/') + c.dbName);
        c.sessionOnlyKey = true;
        c.hasKey = !key.isEmpty();
        // The same endpoint gets the same id on every run, so its history continues.
        const QByteArray identity = (c.baseUrl.toString() + QLatin1Char('|') + c.dbName + QLatin1Char('|') + c.clusterId
                                     + QLatin1Char('|') + c.projectId + QLatin1Char('|') + c.regionId).toUtf8();
        c.id = QStringLiteral("serve-") + QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(16));
        problem = c.problem();
        if (!problem.isEmpty()) {
            usage(problem);
            return false;
        }
        if (c.endpoint({}).isZillizCloud() && c.baseUrl.scheme() == QLatin1String("http")) {
            usage(QStringLiteral("Zilliz Cloud is reached over https:// only"));
            return false;
        }
        if (c.hasKey && c.baseUrl.scheme() == QLatin1String("http") && !isLoopbackHost(c.baseUrl.host()))
            logLine(QStringLiteral("warning: %1 is unencrypted (http://); the token travels in clear text").arg(c.baseUrl.toDisplayString()));
        *adHoc << c;
    }
    m_envKey = key; // the key for the --endpoint connections, handed to the service's memory store in start()
    return true;
}

int ServeCommand::start()
{
    QHostAddress address(QHostAddress::LocalHost);
    quint16 port = 9464;
    if (m_parsed.has(QStringLiteral("listen"))) {
        QString problem;
        if (!ServeOptions::parseListen(option(m_parsed, "listen"), &address, &port, &problem))
            return usage(problem);
    }
    if (m_parsed.has(QStringLiteral("keep-finished"))) {
        m_keepFinished = ServeOptions::parseDuration(option(m_parsed, "keep-finished"));
        if (m_keepFinished < 0)
            return usage(QStringLiteral("--keep-finished takes a duration such as 30m, 24h or 2d"));
    }
    QByteArray token;
    if (m_parsed.has(QStringLiteral("auth-token-file"))) {
        QFile f(option(m_parsed, "auth-token-file"));
        if (!f.open(QIODevice::ReadOnly))
            return usage(QStringLiteral("--auth-token-file: cannot read %1").arg(f.fileName()));
        token = f.read(4096).trimmed();
        if (token.isEmpty() || token.contains('\n') || token.contains(' '))
            return usage(QStringLiteral("--auth-token-file: the file must hold one token on one line"));
    }
    if (!m_parsed.has(QStringLiteral("connection")) && !m_parsed.has(QStringLiteral("endpoint")))
        return usage(QStringLiteral("serve needs --endpoint URL or --connection NAME (each may be given more than once)"));

    QVector<Connection> saved, adHoc;
    if (!collectConnections(&saved, &adHoc))
        return 2;

    // Serve keeps a history of its own: the window's holds connections this run does not watch, and pruning
    // those out of it would remove them from the window.
    const QString historyPath = m_parsed.has(QStringLiteral("history"))
        ? option(m_parsed, "history")
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/serve-history.sqlite");
    const auto canonical = [](const QString &p) {
        const QFileInfo fi(p);
        return fi.exists() ? fi.canonicalFilePath() : fi.absoluteFilePath();
    };
    if (canonical(historyPath) == canonical(m_savedPath))
        return usage(QStringLiteral("--history: serve keeps its own history; give it a file other than the window's"));
    QDir().mkpath(QFileInfo(historyPath).absolutePath());
    m_store = std::make_unique<HistoryStore>();
    QString error;
    if (!m_store->open(historyPath, &error)) {
        m_err << "bulkwatch: " << error << '\n';
        m_err.flush();
        return 1;
    }
    QSet<QString> wanted;
    for (const Connection &c : saved + adHoc)
        wanted.insert(c.id);
    for (const Connection &c : m_store->connections())
        if (!wanted.contains(c.id))
            m_store->removeConnection(c.id); // this file only: never a keychain entry
    for (const Connection &c : saved + adHoc)
        m_store->saveConnection(c);

    // Labels are the connections' names, made unique (two series with the same labels would spoil the page).
    QSet<QString> used;
    QVector<QPair<QString, QUrl>> urls;
    for (const Connection &c : saved + adHoc) {
        QString label = c.name;
        for (int n = 2; used.contains(label); ++n)
            label = c.name + QStringLiteral(" (%1)").arg(n);
        used.insert(label);
        m_labels.insert(c.id, label);
        urls.append({c.id, c.baseUrl});
    }
    m_tally.setConnections(urls);

    m_service = std::make_unique<ImportService>(m_store.get(), m_keychain);
    m_service->setClock(m_now);
    m_startedAt = m_now();
    if (m_parsed.has(QStringLiteral("timeout"))) {
        bool ok = false;
        const double t = option(m_parsed, "timeout").toDouble(&ok);
        if (!ok || t <= 0 || t > 3600)
            return usage(QStringLiteral("--timeout takes seconds between 0 and 3600"));
        ImportService::Options o = m_service->options();
        o.deadlineMs = static_cast<int>(t * 1000);
        m_service->setOptions(o);
    }
    const bool verbose = m_parsed.flag(QStringLiteral("verbose"));
    m_service->setRequestLogger([this, verbose](const QString &line) {
        m_tally.count(line);
        if (verbose)
            logLine(line);
    });
    // The keys of --endpoint connections go to the service's memory before it starts (ConnectionKeys reads a
    // session-only key from there), so they are never "missing" for a moment.
    for (const Connection &c : std::as_const(adHoc))
        m_service->saveConnection(c, c.hasKey ? m_envKey : QByteArray());
    m_envKey.fill('\0');
    m_envKey.clear();
    m_service->start();
    for (const JobRecord &r : m_service->jobs())
        m_seenJobs.insert(r.key());

    connect(m_service.get(), &ImportService::healthChanged, this, &ServeCommand::onHealth);
    connect(m_service.get(), &ImportService::historyError, this, [this](const QString &m) { logLine(QStringLiteral("history: ") + m); });
    connect(m_service.get(), &JobSource::jobTransition, this, [this](const JobRecord &r, JobState from, JobState to) {
        QString line = QStringLiteral("%1 job %2 (%3): %4 -> %5")
                           .arg(labelOf(r.connectionId), r.job.jobId, r.job.collectionName.value_or(QStringLiteral("?")),
                                jobStateName(from), jobStateName(to));
        if (to == JobState::Failed && !r.job.reason.isEmpty())
            line += QStringLiteral(": ") + oneLine(r.job.reason);
        logLine(line);
    });
    connect(m_service.get(), &JobSource::jobChanged, this, [this](const JobRecord &r) {
        if (m_seenJobs.contains(r.key()))
            return;
        m_seenJobs.insert(r.key());
        if (!isTerminal(r.displayState()))
            logLine(QStringLiteral("%1 job %2 (%3): %4").arg(labelOf(r.connectionId), r.job.jobId,
                                                             r.job.collectionName.value_or(QStringLiteral("?")), jobStateName(r.displayState())));
    });

    m_http = std::make_unique<ExporterServer>(ExporterServer::Pages{[this] { return metricsPage(); }, [this] { return jobsJson(); },
                                                                    [this] { return unhealthy(); }});
    m_http->setToken(token);
    if (!m_http->listen(address, port, &error)) {
        m_err << "bulkwatch: cannot listen on " << address.toString() << ':' << port << ": " << error << '\n';
        m_err.flush();
        return 1;
    }
    logLine(QStringLiteral("listening on http://%1:%2/metrics, watching %3 connection(s)%4")
                .arg(address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + address.toString() + QLatin1Char(']') : address.toString())
                .arg(m_http->port())
                .arg(saved.size() + adHoc.size())
                .arg(token.isEmpty() ? QString() : QStringLiteral(", bearer token required")));
    if (!address.isLoopback())
        logLine(QStringLiteral("warning: listening beyond this machine (%1)%2").arg(address.toString(),
                token.isEmpty() ? QStringLiteral(" without --auth-token-file: anyone who reaches it reads the job list") : QString()));
    return 0;
}

void ServeCommand::stop()
{
    if (m_stopping || !m_service)
        return;
    m_stopping = true;
    m_service->flush();
}

void ServeCommand::onHealth(const QString &connectionId)
{
    const ConnectionHealth h = m_service->health(connectionId);
    // Each answer that asked to slow down backs the connection off once, and says so here once.
    if (h.lastError.kind == ErrorKind::RateLimited && h.state == ConnectionHealth::State::Backoff)
        ++m_rateLimited[connectionId];
    const int state = int(h.state);
    if (m_healthState.value(connectionId, -1) == state)
        return;
    m_healthState.insert(connectionId, state);
    if (h.state != ConnectionHealth::State::Connecting)
        logLine(QStringLiteral("connection %1: %2").arg(labelOf(connectionId), healthWords(h)));
}

QByteArray ServeCommand::metricsPage() const
{
    if (!m_service)
        return {};
    QVector<MetricsPage::ConnectionSample> conns;
    for (const Connection &c : m_service->connections()) {
        const ConnectionHealth h = m_service->health(c.id);
        MetricsPage::ConnectionSample s;
        s.id = c.id;
        s.name = labelOf(c.id);
        s.database = c.dbName;
        s.up = h.state == ConnectionHealth::State::Ok;
        s.lastAnswer = h.lastAnswer;
        s.requestsByCode = m_tally.byCode(c.id);
        s.rateLimited = m_rateLimited.value(c.id);
        conns << s;
    }
    return MetricsPage::render(m_service->jobs(), conns, m_now(), m_keepFinished);
}

QByteArray ServeCommand::unhealthy() const
{
    if (m_stopping || !m_service)
        return "stopping";
    // Healthy while some connection answered within the window (or serve started within it): a watcher whose
    // servers have all been silent that long is to be restarted or looked at, not trusted.
    const QDateTime now = m_now();
    QDateTime newest = m_startedAt;
    for (const Connection &c : m_service->connections()) {
        const QDateTime last = m_service->health(c.id).lastAnswer;
        if (last.isValid() && (!newest.isValid() || last > newest))
            newest = last;
    }
    if (newest.isValid() && newest.secsTo(now) <= kHealthWindowSecs)
        return {};
    return QByteArrayLiteral("no server has answered for ") + QByteArray::number(newest.isValid() ? newest.secsTo(now) : -1) + " s";
}

QByteArray ServeCommand::jobsJson() const
{
    QJsonArray arr;
    if (m_service) {
        const QDateTime now = m_now();
        QVector<JobRecord> jobs = m_service->jobs();
        std::sort(jobs.begin(), jobs.end(), [](const JobRecord &a, const JobRecord &b) { return a.key() < b.key(); });
        for (const JobRecord &r : std::as_const(jobs)) {
            if (!m_service->connection(r.connectionId) || !MetricsPage::shows(r, now, m_keepFinished))
                continue;
            // The entries of `bulkwatch list --json`, and which connection each came from.
            JobSummary s;
            s.jobId = r.job.jobId;
            s.collectionName = r.job.collectionName;
            s.state = r.displayState();
            s.serverState = r.job.serverState;
            s.progress = r.job.progress;
            s.reason = r.job.reason;
            QJsonObject o = JobFormatter::toJson(s);
            o.insert(QStringLiteral("connection"), labelOf(r.connectionId));
            arr.append(o);
        }
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("jobs"), arr}}).toJson(QJsonDocument::Compact) + '\n';
}


int runServe(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // no QGuiApplication: serve runs where there is no display
    QCoreApplication::setOrganizationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("bulkwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BULKWATCH_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const CliArguments::Parsed parsed = CliArguments::parse(app.arguments());
    switch (parsed.outcome) {
    case CliArguments::Parsed::Outcome::Help:
        out << parsed.text;
        return 0;
    case CliArguments::Parsed::Outcome::Version:
        out << "bulkwatch " BULKWATCH_VERSION "\n";
        return 0;
    case CliArguments::Parsed::Outcome::Usage:
        err << "bulkwatch: " << parsed.text << "\nTry 'bulkwatch serve --help'.\n";
        return 2;
    case CliArguments::Parsed::Outcome::Run:
        break;
    }
    KeychainSecretStore keychain(QStringLiteral(BULKWATCH_APP_ID));
    ServeCommand serve(parsed, err, &keychain);
    serve.setEnvironmentKey(qgetenv("BULKWATCH_API_KEY"));
    serve.setStdin([] {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return QByteArray();
        return in.readLine(64 * 1024);
    });
    if (const int code = serve.start())
        return code;
    quitOnStopSignals(app);
    const int rc = app.exec();
    serve.stop();
    err << "bulkwatch serve: stopped, history written\n";
    return rc;
}
