#include "CommandLine.h"

#include "ImportApiClient.h"
#include "JobFormatter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

namespace {
const QStringList kCommands = {QStringLiteral("status"), QStringLiteral("list"), QStringLiteral("watch"),
                               QStringLiteral("create"), QStringLiteral("commit"), QStringLiteral("abort"),
                               QStringLiteral("connections")};
// Options that take a value; every other --word is a flag.
const QStringList kValued = {QStringLiteral("endpoint"), QStringLiteral("job"), QStringLiteral("cluster"),
                             QStringLiteral("project"), QStringLiteral("region"), QStringLiteral("db"),
                             QStringLiteral("collection"), QStringLiteral("api"), QStringLiteral("interval"),
                             QStringLiteral("timeout"), QStringLiteral("partition"), QStringLiteral("file"),
                             QStringLiteral("object-url"), QStringLiteral("option"), QStringLiteral("connection"),
                             QStringLiteral("access-key-env"), QStringLiteral("secret-key-env"), QStringLiteral("ca-file")};
const QStringList kFlags = {QStringLiteral("json"), QStringLiteral("api-key-stdin"), QStringLiteral("verbose"),
                            QStringLiteral("two-phase"), QStringLiteral("help")};

const char *kHelp =
    "Usage: bulkwatch [--demo]                      open the window\n"
    "       bulkwatch COMMAND [options]\n"
    "\n"
    "Commands:\n"
    "  status   --endpoint URL --job ID      one job's state, progress, rows and files\n"
    "  list     --endpoint URL               the import jobs the server knows\n"
    "  watch    --endpoint URL --job ID      a line per change until the job ends\n"
    "                                        (exit 0 completed, 1 failed/cancelled/expired)\n"
    "  create   --endpoint URL --collection NAME (--file PATH ... | --object-url URL ...)\n"
    "  commit   --endpoint URL --job ID      commit a two-phase (Uncommitted) import\n"
    "  abort    --endpoint URL --job ID      abort a two-phase import\n"
    "  connections                           list saved connections (no secrets)\n"
    "\n"
    "Options:\n"
    "  --endpoint URL        https://api.cloud.zilliz.com, https://controller.api.REGION.zillizcloud.com,\n"
    "                        or a Milvus URL such as http://localhost:19530\n"
    "  --connection NAME     use a saved connection (endpoint, ids and the key from the keychain)\n"
    "  --cluster ID          Zilliz Cloud cluster id (or --project ID --region ID)\n"
    "  --db NAME             database (Milvus: sent as DB-Name; needed for RBAC users)\n"
    "  --collection NAME     filter (list) or target (create)\n"
    "  --partition NAME      create: target partition\n"
    "  --file PATH           create: one file group; several NumPy files as a,b,c (repeatable)\n"
    "  --object-url URL      create: one object URL group on the cloud (repeatable)\n"
    "  --option KEY=VALUE    create: a Milvus option, e.g. timeout=300s (repeatable)\n"
    "  --two-phase           create: a two-phase import that waits for commit/abort\n"
    "  --access-key-env VAR  create: bucket access key from environment variable VAR\n"
    "  --secret-key-env VAR  create: bucket secret key from environment variable VAR\n"
    "  --api auto|cloud-v1|v2  API dialect (default auto: from the URL)\n"
    "  --interval SECONDS    watch: polling interval (default 5)\n"
    "  --timeout SECONDS     deadline for each request's whole answer (default 30)\n"
    "  --ca-file PATH        also trust this CA certificate (PEM) for https\n"
    "  --json                machine-readable output (watch: one object per line)\n"
    "  --verbose             log each request (method, URL, status; never headers) to stderr\n"
    "  --api-key-stdin       read the API key / token from the first line of stdin\n"
    "\n"
    "The key comes from BULKWATCH_API_KEY, --api-key-stdin or a saved connection, never from an argument.\n"
    "Exit codes: 0 ok, 2 usage, 3 auth/forbidden, 4 not found/expired, 5 network/timeout/tls/rate limited/server,\n"
    "            6 malformed/unsupported answer.\n";
} // namespace

CommandLine::CommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent), m_args(arguments), m_out(out), m_err(err)
{
}

CommandLine::~CommandLine() = default;

bool CommandLine::isCommand(const QString &word)
{
    return kCommands.contains(word);
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
    m_err << "bulkwatch: " << message << "\nTry 'bulkwatch --help'.\n";
    finish(2);
}

void CommandLine::printJson(const QJsonObject &o)
{
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

void CommandLine::fail(const ApiError &e)
{
    if (m_flags.contains(QStringLiteral("json")))
        printJson(JobFormatter::errorToJson(e));
    else
        m_err << "bulkwatch: " << e.summary() << '\n';
    finish(exitCodeFor(e.kind));
}

void CommandLine::start()
{
    // Parse: COMMAND [--opt value | --opt=value | --flag]...
    QStringList args = m_args.mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        m_out << kHelp;
        return finish(0);
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v")) {
        m_out << "bulkwatch " BULKWATCH_VERSION "\n";
        return finish(0);
    }
    m_command = args.takeFirst();
    if (!isCommand(m_command))
        return usage(QStringLiteral("unknown command '%1'").arg(m_command));
    while (!args.isEmpty()) {
        QString a = args.takeFirst();
        if (!a.startsWith(QLatin1String("--")))
            return usage(QStringLiteral("unexpected argument '%1'").arg(a.left(100)));
        a = a.mid(2);
        QString value;
        bool hasValue = false;
        const int eq = a.indexOf(QLatin1Char('='));
        if (eq > 0) {
            value = a.mid(eq + 1);
            a = a.left(eq);
            hasValue = true;
        }
        if (a == QLatin1String("api-key") || a == QLatin1String("token") || a == QLatin1String("key"))
            return usage(QStringLiteral("keys are never taken from arguments (other users can read them in the process list); "
                                        "set BULKWATCH_API_KEY, use --api-key-stdin, or a saved --connection"));
        if (kFlags.contains(a)) {
            m_flags.insert(a);
        } else if (kValued.contains(a)) {
            if (!hasValue) {
                if (args.isEmpty())
                    return usage(QStringLiteral("--%1 needs a value").arg(a));
                value = args.takeFirst();
            }
            m_opts[a] << value;
        } else {
            return usage(QStringLiteral("unknown option --%1").arg(a.left(100)));
        }
    }
    if (m_flags.contains(QStringLiteral("help"))) {
        m_out << kHelp;
        return finish(0);
    }
    if (m_command == QLatin1String("connections")) {
        m_out << (m_listConnections ? m_listConnections() : QStringLiteral("No saved connections.\n"));
        return finish(0);
    }
    if (!buildEndpoint(&m_ep))
        return;

    m_nam = new QNetworkAccessManager(this);
    m_client = new ImportApiClient(*m_nam, this);
    if (m_opts.contains(QStringLiteral("timeout"))) {
        bool ok = false;
        const double t = m_opts.value(QStringLiteral("timeout")).last().toDouble(&ok);
        if (!ok || t <= 0 || t > 3600)
            return usage(QStringLiteral("--timeout takes seconds between 0 and 3600"));
        m_client->setDeadlineMs(static_cast<int>(t * 1000));
    }
    if (m_flags.contains(QStringLiteral("verbose")))
        m_client->setLogger([this](const QString &line) { m_err << "bulkwatch: " << line << '\n'; m_err.flush(); });

    const bool needsJob = m_command == QLatin1String("status") || m_command == QLatin1String("watch")
        || m_command == QLatin1String("commit") || m_command == QLatin1String("abort");
    if (needsJob) {
        const QString raw = m_opts.value(QStringLiteral("job")).value(0);
        if (!m_opts.contains(QStringLiteral("job")))
            return usage(QStringLiteral("%1 needs --job ID").arg(m_command));
        m_jobId = normalisedJobId(raw);
        const QString problem = jobIdProblem(m_jobId);
        if (!problem.isEmpty())
            return usage(QStringLiteral("invalid job ID: ") + problem);
    }
    if (m_command == QLatin1String("status")) runStatus();
    else if (m_command == QLatin1String("list")) runList();
    else if (m_command == QLatin1String("watch")) runWatch();
    else if (m_command == QLatin1String("create")) runCreate();
    else runCommitOrAbort(m_command == QLatin1String("commit"));
}

bool CommandLine::buildEndpoint(Endpoint *ep)
{
    const QString connection = m_opts.value(QStringLiteral("connection")).value(0);
    if (!connection.isEmpty()) {
        QString error;
        if (!m_resolve || !m_resolve(connection, ep, &error)) {
            usage(error.isEmpty() ? QStringLiteral("no saved connection named '%1'").arg(connection) : error);
            return false;
        }
    }
    if (m_opts.contains(QStringLiteral("endpoint"))) {
        QString problem;
        ep->baseUrl = parseEndpointUrl(m_opts.value(QStringLiteral("endpoint")).last(), &problem);
        if (!problem.isEmpty()) {
            usage(problem);
            return false;
        }
    }
    if (ep->baseUrl.isEmpty()) {
        usage(QStringLiteral("%1 needs --endpoint URL or --connection NAME").arg(m_command));
        return false;
    }
    if (m_opts.contains(QStringLiteral("api")) && !dialectFromName(m_opts.value(QStringLiteral("api")).last(), &ep->dialect)) {
        usage(QStringLiteral("--api takes auto, cloud-v1 or v2"));
        return false;
    }
    const auto opt = [&](const char *name, QString *target) {
        const QString key = QLatin1String(name);
        if (m_opts.contains(key))
            *target = m_opts.value(key).last().trimmed();
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
    if (m_flags.contains(QStringLiteral("api-key-stdin"))) {
        const QByteArray line = m_readStdin ? m_readStdin() : QByteArray();
        ep->token = line.trimmed();
        if (ep->token.isEmpty()) {
            usage(QStringLiteral("--api-key-stdin: stdin gave no key"));
            return false;
        }
    } else if (!m_envKey.isEmpty()) {
        ep->token = m_envKey;
    }
    if (ep->isZillizCloud() && ep->baseUrl.scheme() == QLatin1String("http")) {
        usage(QStringLiteral("Zilliz Cloud is reached over https:// only; an http:// URL would send the API key in "
                             "clear text. Use https://%1").arg(ep->baseUrl.host()));
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
        if (m_flags.contains(QStringLiteral("json")))
            printJson(JobFormatter::toJson(job));
        else
            m_out << JobFormatter::toText(job);
        finish(0);
    });
}

void CommandLine::runList()
{
    const QString collection = m_opts.value(QStringLiteral("collection")).value(0);
    m_client->listJobs(m_ep, collection, this, [this](const QVector<JobSummary> &jobs, const ApiError &e) {
        if (e.isError())
            return fail(e);
        if (m_flags.contains(QStringLiteral("json"))) {
            QJsonArray arr;
            for (const JobSummary &s : jobs)
                arr.append(JobFormatter::toJson(s));
            printJson(QJsonObject{{QStringLiteral("jobs"), arr}});
        } else {
            m_out << JobFormatter::listText(jobs);
        }
        finish(0);
    });
}

void CommandLine::runWatch()
{
    if (m_opts.contains(QStringLiteral("interval"))) {
        bool ok = false;
        const double s = m_opts.value(QStringLiteral("interval")).last().toDouble(&ok);
        if (!ok || s < 0.05 || s > 86400)
            return usage(QStringLiteral("--interval takes seconds (at least 0.05)"));
        m_intervalMs = static_cast<int>(s * 1000);
    }
    m_watchTimer = new QTimer(this);
    m_watchTimer->setSingleShot(true);
    connect(m_watchTimer, &QTimer::timeout, this, &CommandLine::pollWatch);
    pollWatch();
}

void CommandLine::pollWatch()
{
    m_client->fetchProgress(m_ep, m_jobId, this, [this](const JobProgress &job, const ApiError &e) {
        const bool json = m_flags.contains(QStringLiteral("json"));
        if (e.isError()) {
            if (e.kind == ErrorKind::NotFound && m_seen) {
                // It was there a moment ago: the server's retention ended it.
                ApiError expired = e;
                expired.kind = ErrorKind::Expired;
                if (json)
                    printJson(JobFormatter::errorToJson(expired));
                else
                    m_err << "bulkwatch: the job expired on the server; last known state: " << jobStateName(m_lastSeen.state) << '\n';
                return finish(1);
            }
            if (!e.retryable)
                return fail(e);
            ++m_failures;
            const QString text = e.summary();
            if (text != m_lastError && !json)
                m_err << "bulkwatch: " << text << " — retrying\n";
            m_lastError = text;
            m_err.flush();
            // Exponential backoff with jitter, honouring Retry-After.
            const int exp = std::min(m_failures, 6);
            int delay = std::min(60000, m_intervalMs * (1 << exp) / 2);
            delay += static_cast<int>(QRandomGenerator::global()->bounded(std::max(1, delay / 4)));
            if (e.retryAfterMs > delay)
                delay = e.retryAfterMs;
            m_watchTimer->start(delay);
            return;
        }
        m_failures = 0;
        m_lastError.clear();
        if (!m_seen || job != m_lastSeen) {
            if (json)
                printJson(JobFormatter::toJson(job));
            else
                m_out << JobFormatter::watchLine(job) << '\n';
            m_out.flush();
        }
        m_seen = true;
        m_lastSeen = job;
        if (job.state == JobState::Completed)
            return finish(0);
        if (job.state == JobState::Failed || job.state == JobState::Cancelled)
            return finish(1);
        m_watchTimer->start(m_intervalMs);
    });
}

void CommandLine::runCreate()
{
    CreateRequest req;
    req.collectionName = m_opts.value(QStringLiteral("collection")).value(0).trimmed();
    req.partitionName = m_opts.value(QStringLiteral("partition")).value(0).trimmed();
    req.dbName = m_ep.dbName;
    if (req.collectionName.isEmpty())
        return usage(QStringLiteral("create needs --collection NAME"));
    for (const QString &g : m_opts.value(QStringLiteral("file")) + m_opts.value(QStringLiteral("object-url"))) {
        QStringList group;
        for (const QString &p : g.split(QLatin1Char(','), Qt::SkipEmptyParts))
            group << p.trimmed();
        if (!group.isEmpty())
            req.fileGroups << group;
    }
    if (req.fileGroups.isEmpty())
        return usage(QStringLiteral("create needs at least one --file PATH or --object-url URL"));
    for (const QString &kv : m_opts.value(QStringLiteral("option"))) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--option takes KEY=VALUE"));
        req.options.insert(kv.left(eq).trimmed(), kv.mid(eq + 1).trimmed());
    }
    if (m_flags.contains(QStringLiteral("two-phase")))
        req.options.insert(QStringLiteral("auto_commit"), QStringLiteral("false"));
    if (m_opts.contains(QStringLiteral("access-key-env")))
        req.accessKey = qgetenv(m_opts.value(QStringLiteral("access-key-env")).last().toLocal8Bit().constData());
    if (m_opts.contains(QStringLiteral("secret-key-env")))
        req.secretKey = qgetenv(m_opts.value(QStringLiteral("secret-key-env")).last().toLocal8Bit().constData());
    m_client->createJob(m_ep, req, this, [this](const QString &jobId, const ApiError &e) {
        if (e.isError())
            return fail(e);
        if (m_flags.contains(QStringLiteral("json")))
            printJson(QJsonObject{{QStringLiteral("jobId"), jobId}});
        else
            m_out << "Created import job " << jobId << '\n';
        finish(0);
    });
}

void CommandLine::runCommitOrAbort(bool commit)
{
    auto done = [this, commit](const ApiError &e) {
        if (e.isError())
            return fail(e);
        if (m_flags.contains(QStringLiteral("json")))
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
