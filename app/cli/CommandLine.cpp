// Runs the commands. What the command line accepts, and its help, are in CliArguments.cpp.

#include "CommandLine.h"

#include "Backoff.h"
#include "CliText.h"
#include "FileLabel.h"
#include "ImportApiClient.h"
#include "ImportService.h"
#include "JobFormatter.h"
#include "WatchAll.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTimer>

// `status --exit-status`: a script can branch on the job without parsing (README, `status --help`).
int exitStatusOf(JobState state)
{
    switch (state) {
    case JobState::Completed: return 0;
    case JobState::Failed:
    case JobState::Cancelled:
    case JobState::Expired: return 1;
    default: return 7; // pending, running, waiting for a commit, or a state not known to be final
    }
}

CommandLine::CommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_args(arguments), m_out(out), m_err(err)
{
}

CommandLine::~CommandLine() = default;

bool CommandLine::handles(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    return !CliArguments::opensWindow(arguments.at(1));
}

void CommandLine::finish(int code)
{
    if (m_exitCode >= 0)
        return;
    m_exitCode = code;
    if (m_watchTimer)
        m_watchTimer->stop();
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(code);
}

void CommandLine::usage(const QString &message)
{
    const QString help = m_command.isEmpty() ? QStringLiteral("bulkwatch --help") : QStringLiteral("bulkwatch %1 --help").arg(m_command);
    m_err << "bulkwatch: " << message << "\nTry '" << help << "'.\n";
    finish(2);
}

void CommandLine::printJson(const QJsonObject &object)
{
    QJsonObject o = object;
    // Each line of a watch says when it was seen, so a script that logs the lines has a timeline.
    if (m_command == QLatin1String("watch"))
        o.insert(QStringLiteral("observedAt"), JobFormatter::utcText(m_clock()));
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

void CommandLine::fail(const ApiError &error)
{
    // A control plane behind another name (a proxy, the simulator) asks for the cluster in its own words: the
    // same mistake as the Zilliz hostnames without --cluster, so the same usage error, not a retryable exit 5.
    if (error.code == 1802 && error.message.contains(QLatin1String("clusterId")))
        return usage(QStringLiteral("%1 asks for the cluster: name it with --cluster ID (or --project ID --region ID)"
                                    " (the server said: %2)").arg(m_ep.displayUrl(), error.message.left(300)));
    const ApiError e = CliErrors::classify(error, m_ep);
    if (m_parsed.flag(QStringLiteral("json")))
        printJson(JobFormatter::errorToJson(e));
    else
        m_err << "bulkwatch: " << CliErrors::text(e, m_ep, m_keySource) << '\n';
    finish(exitCodeFor(e.kind));
}

void CommandLine::start()
{
    m_parsed = CliArguments::parse(m_args);
    m_command = m_parsed.command;
    switch (m_parsed.outcome) {
    case CliArguments::Parsed::Outcome::Help:
        m_out << m_parsed.text;
        return finish(0);
    case CliArguments::Parsed::Outcome::Version:
        m_out << "bulkwatch " BULKWATCH_VERSION "\n";
        return finish(0);
    case CliArguments::Parsed::Outcome::Usage:
        return usage(m_parsed.text);
    case CliArguments::Parsed::Outcome::Run:
        break;
    }
    if (m_command == QLatin1String("serve"))
        return usage(QStringLiteral("serve is started by bulkwatch itself (app/serve), not by this runner"));
    if (m_command == QLatin1String("connections")) {
        m_out << (m_listConnections ? m_listConnections() : QStringLiteral("No saved connections.\n"));
        return finish(0);
    }
    const QString connection = m_parsed.first(QStringLiteral("connection"));
    if (connection.isEmpty())
        return startWithEndpoint();
    const auto notFound = QStringLiteral("no saved connection named '%1'").arg(connection);
    if (!m_resolve)
        return usage(notFound);
    // The key may come from the keychain, which answers through the event loop: go on when it has.
    m_resolve(connection, this, [this, notFound](bool ok, const Endpoint &ep, const QString &error) {
        if (m_exitCode >= 0)
            return;
        if (!ok)
            return usage(error.isEmpty() ? notFound : error);
        m_ep = ep;
        if (!ep.token.isEmpty())
            m_keySource = CliErrors::KeySource::Connection;
        startWithEndpoint();
    });
}

void CommandLine::startWithEndpoint()
{
    if (!completeEndpoint(&m_ep))
        return;

    m_nam = new QNetworkAccessManager(this);
    m_client = new ImportApiClient(*m_nam, this);
    if (m_parsed.has(QStringLiteral("timeout"))) {
        bool ok = false;
        const double t = m_parsed.last(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || t <= 0 || t > 3600)
            return usage(QStringLiteral("--timeout takes seconds between 0 and 3600"));
        m_client->setDeadlineMs(static_cast<int>(t * 1000));
    }
    if (m_parsed.flag(QStringLiteral("verbose")))
        m_client->setLogger([this](const QString &line) { m_err << "bulkwatch: " << line << '\n'; m_err.flush(); });

    const bool all = m_command == QLatin1String("watch") && m_parsed.flag(QStringLiteral("all"));
    if (all && m_parsed.has(QStringLiteral("job")))
        return usage(QStringLiteral("watch takes --job ID or --all, not both"));
    const bool needsJob = !all && (m_command == QLatin1String("status") || m_command == QLatin1String("watch")
        || m_command == QLatin1String("commit") || m_command == QLatin1String("abort"));
    if (needsJob) {
        if (!m_parsed.has(QStringLiteral("job")))
            return usage(m_command == QLatin1String("watch") ? QStringLiteral("watch needs --job ID, or --all for every unfinished job")
                                                             : QStringLiteral("%1 needs --job ID").arg(m_command));
        m_jobId = ImportService::extractJobId(m_parsed.first(QStringLiteral("job"))); // as Watch by ID: pasted JSON too
        const QString problem = jobIdProblem(m_jobId);
        if (!problem.isEmpty())
            return usage(QStringLiteral("invalid job ID: ") + problem);
    }
    if (m_command == QLatin1String("status")) runStatus();
    else if (m_command == QLatin1String("list")) runList();
    else if (m_command == QLatin1String("watch")) runWatch();
    else if (m_command == QLatin1String("create")) runCreate();
    else if (m_command == QLatin1String("clusters")) runClusters();
    else runCommitOrAbort(m_command == QLatin1String("commit"));
}

// Completes the endpoint of a saved connection (or an empty one) from the options; false after a usage error.
bool CommandLine::completeEndpoint(Endpoint *ep)
{
    if (m_parsed.has(QStringLiteral("endpoint"))) {
        QString problem;
        ep->baseUrl = parseEndpointUrl(m_parsed.last(QStringLiteral("endpoint")), &problem);
        if (!problem.isEmpty()) {
            usage(problem);
            return false;
        }
    }
    if (ep->baseUrl.isEmpty()) {
        usage(QStringLiteral("%1 needs --endpoint URL or --connection NAME").arg(m_command));
        return false;
    }
    if (m_parsed.has(QStringLiteral("api")) && !dialectFromName(m_parsed.last(QStringLiteral("api")), &ep->dialect)) {
        usage(QStringLiteral("--api takes auto, cloud-v1 or v2"));
        return false;
    }
    const auto opt = [&](const char *name, QString *target) {
        const QString key = QLatin1String(name);
        if (m_parsed.has(key))
            *target = m_parsed.last(key).trimmed();
    };
    opt("cluster", &ep->clusterId);
    opt("project", &ep->projectId);
    opt("region", &ep->regionId);
    opt("db", &ep->dbName);
    opt("ca-file", &ep->caFile);
    if (ep->dbName.contains(QLatin1Char(' '))) {
        usage(QStringLiteral("database names have no spaces: '%1'").arg(ep->dbName.left(100)));
        return false;
    }
    if (!ep->projectId.isEmpty() && ep->regionId.isEmpty()) {
        usage(QStringLiteral("--project needs --region too"));
        return false;
    }
    if (m_parsed.flag(QStringLiteral("api-key-stdin"))) {
        const QByteArray line = m_readStdin ? m_readStdin() : QByteArray();
        ep->token = line.trimmed();
        if (ep->token.isEmpty()) {
            usage(QStringLiteral("--api-key-stdin: stdin gave no key"));
            return false;
        }
        m_keySource = CliErrors::KeySource::Stdin;
    } else if (!m_envKey.isEmpty()) {
        ep->token = m_envKey;
        m_keySource = CliErrors::KeySource::Environment;
    }
    if (ep->isZillizCloud() && ep->baseUrl.scheme() == QLatin1String("http")) {
        usage(QStringLiteral("Zilliz Cloud is reached over https:// only; an http:// URL would send the API key in "
                             "clear text. Use https://%1").arg(ep->baseUrl.host()));
        return false;
    }
    // The control plane serves every cluster of the account: without one named, each request would be refused
    // (or reach no job), which is the command's mistake, not the network's.
    if (CliErrors::needsClusterId(*ep) && ep->clusterId.isEmpty() && ep->projectId.isEmpty()) {
        const bool legacy = ep->effectiveDialect() == Dialect::CloudV1;
        usage(QStringLiteral("%1 is Zilliz Cloud's control plane: name the cluster with --cluster ID (e.g. in01-…)%2")
                  .arg(ep->baseUrl.host(), legacy ? QString() : QStringLiteral(", or --project ID --region ID")));
        return false;
    }
    if (ep->baseUrl.scheme() == QLatin1String("http") && !ep->token.isEmpty()) {
        if (!isLoopbackHost(ep->baseUrl.host()))
            m_err << "bulkwatch: warning: " << ep->displayUrl() << " is unencrypted (http://); the token travels in clear text\n";
    }
    return true;
}

void CommandLine::runStatus()
{
    m_client->fetchProgress(m_ep, m_jobId, this, [this](const JobProgress &job, const ApiError &e) {
        if (e.isError())
            return fail(e);
        runStatusWithCollection(job);
    });
}

void CommandLine::runList()
{
    QSet<JobState> states;
    for (const QString &value : m_parsed.values(QStringLiteral("state"))) {
        for (const QString &word : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = word.trimmed().toLower();
            const JobState st = jobStateFromName(name);
            if (st == JobState::Unknown && name != QLatin1String("unknown")) {
                QStringList names;
                for (int i = 0; i <= int(JobState::Unknown); ++i)
                    names << jobStateName(JobState(i));
                const QString guess = CliArguments::nearest(name, names);
                return usage(QStringLiteral("--state takes %1; not '%2'%3")
                                 .arg(names.join(QStringLiteral(", ")), word.trimmed().left(100),
                                      guess.isEmpty() ? QString() : QStringLiteral(". Did you mean '%1'?").arg(guess)));
            }
            states.insert(st);
        }
    }
    const QString collection = m_parsed.first(QStringLiteral("collection"));
    m_client->listJobs(m_ep, collection, this, [this, states](const QVector<JobSummary> &all, const ApiError &e) {
        if (e.isError())
            return fail(e);
        QVector<JobSummary> jobs;
        for (const JobSummary &s : all)
            if (states.isEmpty() || states.contains(s.state))
                jobs << s;
        if (m_parsed.flag(QStringLiteral("json"))) {
            QJsonArray arr;
            for (const JobSummary &s : jobs)
                arr.append(JobFormatter::toJson(s));
            printJson(QJsonObject{{QStringLiteral("jobs"), arr}});
        } else {
            m_out << CliText::list(jobs);
        }
        finish(0);
    });
}

void CommandLine::runWatch()
{
    if (m_parsed.has(QStringLiteral("interval"))) {
        bool ok = false;
        const double s = m_parsed.last(QStringLiteral("interval")).toDouble(&ok);
        if (!ok || s < 0.05 || s > 86400)
            return usage(QStringLiteral("--interval takes seconds (at least 0.05)"));
        m_intervalMs = static_cast<int>(s * 1000);
    }
    // "Searchable" or " indexed" as typed: the words are the point, not their case.
    m_until = m_parsed.has(QStringLiteral("until")) ? m_parsed.last(QStringLiteral("until")).trimmed().toLower() : QStringLiteral("completed");
    if (m_until != QLatin1String("completed") && m_until != QLatin1String("indexed") && m_until != QLatin1String("searchable"))
        return usage(QStringLiteral("--until takes completed, indexed or searchable"));
    m_watchTimer = new QTimer(this);
    m_watchTimer->setSingleShot(true);
    if (m_parsed.flag(QStringLiteral("all")))
        return startWatchAll();
    connect(m_watchTimer, &QTimer::timeout, this, &CommandLine::pollWatch);
    pollWatch();
}

void CommandLine::pollWatch()
{
    m_client->fetchProgress(m_ep, m_jobId, this, [this](const JobProgress &job, const ApiError &e) {
        const bool json = m_parsed.flag(QStringLiteral("json"));
        if (e.isError()) {
            if (e.kind == ErrorKind::NotFound && m_seen && CliErrors::classify(e, m_ep).kind == ErrorKind::NotFound) {
                // It was there a moment ago: the server's retention ended it.
                ApiError expired = e;
                expired.kind = ErrorKind::Expired;
                if (json)
                    printJson(JobFormatter::errorToJson(expired));
                else
                    m_err << "bulkwatch: the job expired on the server; last known state: " << jobStateName(m_lastSeen.state) << '\n';
                return finish(1);
            }
            return retryWatchAfter(e, json);
        }
        m_failures = 0;
        m_lastError.clear();
        if (!m_seen || job != m_lastSeen) {
            if (json)
                printJson(CliText::json(job));
            else
                m_out << CliText::watchLine(job) << '\n';
            m_out.flush();
        }
        m_seen = true;
        m_lastSeen = job;
        if (job.state == JobState::Completed && watchGoalReached(job))
            return;
        if (job.state == JobState::Failed || job.state == JobState::Cancelled)
            return finish(1);
        if (job.state != JobState::Completed)
            m_watchTimer->start(m_intervalMs);
    });
}

void CommandLine::runCreate()
{
    CreateRequest req;
    req.collectionName = m_parsed.first(QStringLiteral("collection")).trimmed();
    req.partitionName = m_parsed.first(QStringLiteral("partition")).trimmed();
    req.dbName = m_ep.dbName;
    if (req.collectionName.isEmpty())
        return usage(QStringLiteral("create needs --collection NAME"));
    for (const QString &g : m_parsed.values(QStringLiteral("file")) + m_parsed.values(QStringLiteral("object-url"))) {
        QStringList group;
        for (const QString &p : g.split(QLatin1Char(','), Qt::SkipEmptyParts))
            group << p.trimmed();
        if (!group.isEmpty())
            req.fileGroups << group;
    }
    if (req.fileGroups.isEmpty())
        return usage(QStringLiteral("create needs at least one --file PATH or --object-url URL"));
    for (const QString &kv : m_parsed.values(QStringLiteral("option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--option takes KEY=VALUE"));
        req.options.insert(kv.left(eq).trimmed(), kv.mid(eq + 1).trimmed());
    }
    if (m_parsed.flag(QStringLiteral("two-phase")))
        req.options.insert(QStringLiteral("auto_commit"), QStringLiteral("false"));
    if (m_parsed.has(QStringLiteral("access-key-env")))
        req.accessKey = qgetenv(m_parsed.last(QStringLiteral("access-key-env")).toLocal8Bit().constData());
    if (m_parsed.has(QStringLiteral("secret-key-env")))
        req.secretKey = qgetenv(m_parsed.last(QStringLiteral("secret-key-env")).toLocal8Bit().constData());
    req.idempotencyKey = m_parsed.has(QStringLiteral("idempotency-key")) ? m_parsed.last(QStringLiteral("idempotency-key")) : newIdempotencyKey();
    const QString keyProblem = idempotencyKeyProblem(req.idempotencyKey);
    if (!keyProblem.isEmpty())
        return usage(QStringLiteral("--idempotency-key: ") + keyProblem);
    sendCreate(req, 0);
}

void CommandLine::runCommitOrAbort(bool commit)
{
    auto done = [this, commit](const ApiError &e) {
        if (e.isError() && e.code == 1100)
            return refused(commit, e);
        if (e.isError())
            return fail(e);
        if (m_parsed.flag(QStringLiteral("json")))
            printJson(QJsonObject{{QStringLiteral("jobId"), m_jobId}, {QStringLiteral("result"), commit ? QStringLiteral("committed") : QStringLiteral("aborted")}});
        else
            m_out << (commit ? "Committed" : "Aborted") << " import job " << m_jobId << '\n';
        finish(0);
    };
    if (commit)
        m_client->commitJob(m_ep, m_jobId, this, done);
    else
        m_client->abortJob(m_ep, m_jobId, this, done);
}

// The server refused a commit or abort for the job's state (code 1100): retrying will not change it. Says in
// which state the job is, and exits 1 (the job, not the network).
void CommandLine::refused(bool commit, const ApiError &e)
{
    m_client->fetchProgress(m_ep, m_jobId, this, [this, commit, e](const JobProgress &job, const ApiError &pe) {
        const QString verb = commit ? QStringLiteral("committed") : QStringLiteral("aborted");
        QString why;
        if (pe.isError())
            why = QStringLiteral("its state did not allow it");
        else if (job.state == JobState::Failed || job.state == JobState::Completed || job.state == JobState::Cancelled)
            why = QStringLiteral("it has %1").arg(job.state == JobState::Cancelled ? QStringLiteral("been cancelled") : jobStateName(job.state));
        else if (job.state == JobState::Finalizing && !commit)
            why = QStringLiteral("it is being committed");
        else
            why = QStringLiteral("it is %1, not waiting for a commit (Uncommitted)").arg(jobStateName(job.state));
        ApiError shown = e;
        shown.retryable = false;
        shown.message = QStringLiteral("job %1 cannot be %2: %3; only a two-phase import waiting in Uncommitted can be %2 "
                                       "(the server said: %4)").arg(m_jobId, verb, why, e.message.left(300));
        if (m_parsed.flag(QStringLiteral("json")))
            printJson(JobFormatter::errorToJson(shown));
        else
            m_err << "bulkwatch: " << shown.message << '\n';
        finish(1);
    });
}

void CommandLine::retryWatchAfter(const ApiError &e, bool json)
{
    if (!e.retryable)
        return fail(e);
    ++m_failures;
    const QString text = CliErrors::text(e, m_ep, m_keySource);
    if (text != m_lastError && !json)
        m_err << "bulkwatch: " << text << " — retrying\n";
    m_lastError = text;
    m_err.flush();
    // The service's backoff (exponential, jitter, Retry-After wins), never sooner than the interval asked for.
    const qint64 delay = std::max<qint64>(m_intervalMs, Backoff::delayMs(m_failures, kMaxWatchBackoffMs, e.retryAfterMs));
    m_watchTimer->start(static_cast<int>(delay));
}
