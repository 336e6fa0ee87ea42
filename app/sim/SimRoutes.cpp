// bulkwatch-sim: what each endpoint answers, rendered as each dialect does (the transport, faults and rate
// limits are in SimServer.cpp).

#include "SimServer.h"

#include "SimDescribeRenderer.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QString kV2 = QStringLiteral("/v2/vectordb/jobs/import/");
const QString kV1 = QStringLiteral("/v1/vector/collections/import");
} // namespace

SimServer::Answer SimServer::json(const QJsonObject &o, int status) const
{
    Answer a;
    a.status = status;
    a.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return a;
}

SimServer::Answer SimServer::ok(const QJsonValue &data) const
{
    // Legacy cloud and old Milvus answer 200; current servers 0.
    return json(QJsonObject{{QStringLiteral("code"), m_dialect == SimDialect::CloudV1 ? 200 : 0},
                            {QStringLiteral("data"), data}});
}

SimServer::Answer SimServer::error(qint64 code, const QString &message, int status) const
{
    return json(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}, status);
}

bool SimServer::authorized(const QHttpServerRequest &request) const
{
    if (m_apiKey.isEmpty())
        return true;
    return request.value("Authorization") == "Bearer " + m_apiKey;
}

QString SimServer::jobStateText(SimState s) const
{
    if (m_dialect == SimDialect::CloudV1) {
        switch (s) {
        case SimState::Completed: return QStringLiteral("ImportCompleted");
        case SimState::Failed: return QStringLiteral("ImportFailed");
        case SimState::Pending: return QStringLiteral("ImportPending");
        default: return QStringLiteral("ImportRunning");
        }
    }
    switch (s) {
    case SimState::Pending: return QStringLiteral("Pending");
    case SimState::Importing: return QStringLiteral("Importing");
    case SimState::Uncommitted: return m_dialect == SimDialect::Milvus ? QStringLiteral("Uncommitted") : QStringLiteral("Importing");
    case SimState::Committing: return m_dialect == SimDialect::Milvus ? QStringLiteral("Committing") : QStringLiteral("Importing");
    case SimState::Completed: return QStringLiteral("Completed");
    case SimState::Failed: return QStringLiteral("Failed");
    }
    return QStringLiteral("None");
}

QString SimServer::stateTextOf(const SimJobStatus &st) const
{
    return m_dialect == SimDialect::Milvus && !st.v3State.isEmpty() ? st.v3State : jobStateText(st.state);
}

QString SimServer::renderTime(double simSeconds) const
{
    if (!simTimeSet(simSeconds))
        return {};
    const QDateTime utc = m_engine->toUtc(simSeconds);
    if (m_dialect == SimDialect::Milvus)
        return utc.toOffsetFromUtc(8 * 3600).toString(Qt::ISODate); // the server's local zone
    return utc.toString(Qt::ISODate);
}

QString SimServer::fileNameOf(SimDialect dialect, const SimJob &job, const SimFileStatus &f, int index)
{
    if (dialect != SimDialect::Milvus)
        return f.paths.join(QLatin1Char(','));
    if (job.legacyFileNames) {
        QString s = QStringLiteral("id:%1 ").arg(461643605473513461LL + index);
        for (const QString &p : f.paths)
            s += QStringLiteral("paths:\"%1\" ").arg(p);
        return s;
    }
    return QLatin1Char('[') + f.paths.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QJsonObject SimServer::renderProgress(const SimJobStatus &st) const
{
    const SimJob &job = *st.job;
    QJsonObject d;
    d.insert(QStringLiteral("jobId"), job.id);
    d.insert(QStringLiteral("collectionName"), job.collection);
    QJsonArray details;
    for (int i = 0; i < st.files.size(); ++i) {
        const SimFileStatus &f = st.files[i];
        QJsonObject fo;
        fo.insert(QStringLiteral("fileName"), fileNameOf(m_dialect, job, f, i));
        fo.insert(QStringLiteral("fileSize"), f.size);
        const QString reason = f.reason;
        if (m_dialect == SimDialect::CloudV1) {
            fo.insert(QStringLiteral("readyPercentage"), f.progress / 100.0);
            fo.insert(QStringLiteral("completeTime"), simTimeSet(f.completedAt) ? QJsonValue(renderTime(f.completedAt)) : QJsonValue());
            fo.insert(QStringLiteral("errorMessage"), reason.isEmpty() ? QJsonValue() : QJsonValue(reason));
        } else {
            QString state;
            switch (f.state) {
            case SimFileStatus::Pending: state = QStringLiteral("Pending"); break;
            case SimFileStatus::InProgress: state = m_dialect == SimDialect::Milvus ? QStringLiteral("InProgress") : QStringLiteral("Importing"); break;
            case SimFileStatus::Completed: state = QStringLiteral("Completed"); break;
            case SimFileStatus::Failed: state = QStringLiteral("Failed"); break;
            }
            fo.insert(QStringLiteral("state"), state);
            fo.insert(QStringLiteral("progress"), qRound(f.progress));
            fo.insert(QStringLiteral("completeTime"), renderTime(f.completedAt));
            if (m_dialect == SimDialect::Milvus) {
                fo.insert(QStringLiteral("importedRows"), f.importedRows);
                fo.insert(QStringLiteral("totalRows"), f.rows);
                if (!reason.isEmpty())
                    fo.insert(QStringLiteral("reason"), reason);
            } else {
                fo.insert(QStringLiteral("reason"), reason);
            }
        }
        details.append(fo);
    }
    d.insert(QStringLiteral("details"), details);
    d.insert(QStringLiteral("fileSize"), st.size);
    if (m_dialect == SimDialect::CloudV1) {
        d.insert(QStringLiteral("fileName"), st.files.isEmpty() ? QString() : st.files.first().paths.join(QLatin1Char(',')));
        d.insert(QStringLiteral("readyPercentage"), st.state == SimState::Completed ? 1.0 : st.progress / 100.0);
        d.insert(QStringLiteral("completeTime"), simTimeSet(st.completedAt) ? QJsonValue(renderTime(st.completedAt)) : QJsonValue());
        d.insert(QStringLiteral("errorMessage"), st.state == SimState::Failed ? QJsonValue(st.reason) : QJsonValue());
        return d;
    }
    d.insert(QStringLiteral("state"), stateTextOf(st));
    d.insert(QStringLiteral("progress"), qRound(st.progress));
    d.insert(QStringLiteral("completeTime"), renderTime(st.completedAt));
    d.insert(QStringLiteral("totalRows"), st.totalRows);
    if (m_dialect == SimDialect::Milvus) {
        d.insert(QStringLiteral("importedRows"), st.importedRows);
        d.insert(QStringLiteral("createTime"), renderTime(job.createdAt));
        if (!st.reason.isEmpty())
            d.insert(QStringLiteral("reason"), st.reason);
    } else {
        d.insert(QStringLiteral("fileName"), st.files.isEmpty() ? QString() : st.files.first().paths.join(QLatin1Char(',')));
        d.insert(QStringLiteral("reason"), st.reason);
    }
    return d;
}

QJsonObject SimServer::renderSummary(const SimJobStatus &st) const
{
    QJsonObject r{{QStringLiteral("collectionName"), st.job->collection},
                  {QStringLiteral("jobId"), st.job->id},
                  {QStringLiteral("state"), stateTextOf(st)}};
    if (m_dialect == SimDialect::Milvus) {
        r.insert(QStringLiteral("progress"), qRound(st.progress));
        if (!st.reason.isEmpty())
            r.insert(QStringLiteral("reason"), st.reason);
    }
    return r;
}

SimServer::Answer SimServer::route(const QHttpServerRequest &request, const QString &path)
{
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    Answer notFound;
    notFound.status = 404;
    notFound.contentType = "text/plain";
    notFound.body = "404 page not found";

    QString op;
    if (m_dialect == SimDialect::CloudV1) {
        if (path == kV1 && post) op = QStringLiteral("create");
        else if (path == kV1 + QStringLiteral("/get") && get) op = QStringLiteral("describe");
        else if (path == kV1 + QStringLiteral("/list") && get) op = QStringLiteral("list");
    } else if (path.startsWith(kV2) && post) {
        const QString tail = path.mid(kV2.size());
        if (tail == QLatin1String("describe") || tail == QLatin1String("get_progress")) op = QStringLiteral("describe");
        else if (tail == QLatin1String("getProgress") && m_dialect == SimDialect::CloudV2) op = QStringLiteral("describe");
        else if (tail == QLatin1String("list") || tail == QLatin1String("create")) op = tail;
        else if ((tail == QLatin1String("commit") || tail == QLatin1String("abort")) && m_dialect == SimDialect::Milvus) op = tail;
    }
    // Milvus' collection list (the New import dialog's suggestions); the cloud's control plane has none.
    if (path == QLatin1String("/v2/vectordb/collections/list") && post && m_dialect == SimDialect::Milvus)
        op = QStringLiteral("collections");
    if (op.isEmpty())
        return notFound; // Milvus never served /getProgress: a plain-text 404 like gin's

    if (!authorized(request)) {
        switch (m_dialect) {
        case SimDialect::Milvus: return error(1800, QStringLiteral("user hasn't authenticated"), 401);
        case SimDialect::CloudV2: return error(21119, QStringLiteral("The apikey is illegal."));
        case SimDialect::CloudV1: return error(80002, QStringLiteral("Token not found or unauthorized: invalid token"));
        }
    }

    QJsonObject body;
    if (post) {
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &perr);
        if (!request.body().isEmpty() && (perr.error != QJsonParseError::NoError || !doc.isObject()))
            return error(1801, QStringLiteral("can only accept json format request, error: %1").arg(perr.errorString()));
        body = doc.object();
    }
    const QUrlQuery query = request.query();
    auto param = [&](const char *name) {
        const QString key = QLatin1String(name);
        return post ? body.value(key).toVariant().toString() : query.queryItemValue(key);
    };
    const bool cloud = m_dialect != SimDialect::Milvus;
    if (cloud && param("clusterId").isEmpty() && (param("projectId").isEmpty() || param("regionId").isEmpty()))
        return error(1802, QStringLiteral("missing required parameter: clusterId (or projectId and regionId)"));

    // Milvus learns the database of describe/commit/abort only from the DB-Name header.
    const QString headerDb = QString::fromUtf8(request.value("DB-Name"));
    if (op == QLatin1String("collections")) {
        // The scenario's collections, and those its jobs of this database import into.
        const QString db = param("dbName").isEmpty() ? QStringLiteral("default") : param("dbName");
        QStringList names = db == QLatin1String("default") ? m_engine->scenario().collections : QStringList();
        for (const SimJob *j : m_engine->jobs(db, QString()))
            if (!names.contains(j->collection))
                names << j->collection;
        names.sort();
        if (names.isEmpty() && db != QLatin1String("default"))
            return error(800, QStringLiteral("database not found[database=%1]").arg(db));
        return ok(QJsonArray::fromStringList(names));
    }
    if (op == QLatin1String("describe")) {
        const QString jobId = param("jobId");
        if (jobId.isEmpty())
            return error(1802, QStringLiteral("missing required parameters, error: Key: 'JobIDReq.JobID' Error:Field validation for 'JobID' failed on the 'required' tag"));
        const SimJob *j = m_engine->find(jobId, m_dialect == SimDialect::Milvus ? headerDb : QString());
        if (!j)
            return error(2100, QStringLiteral("import job does not exist, jobID=%1").arg(jobId));
        const SimJobStatus st = m_engine->status(*j);
        if (m_referenceRender || !SimDescribeRenderer::handles(m_dialect))
            return ok(renderProgress(st));
        Answer a;
        a.body = m_renderer->render(st, stateTextOf(st));
        return a;
    }
    if (op == QLatin1String("list")) {
        const QString db = m_dialect == SimDialect::Milvus ? param("dbName") : QString();
        const auto jobs = m_engine->jobs(db, param("collectionName"));
        QJsonArray records;
        if (m_dialect == SimDialect::Milvus) {
            for (const SimJob *j : jobs)
                records.append(renderSummary(m_engine->summary(*j)));
            return ok(QJsonObject{{QStringLiteral("records"), records}});
        }
        // The cloud pages and caps pageSize at 100, reporting what it applied.
        const int pageSize = std::clamp(param("pageSize").toInt() > 0 ? param("pageSize").toInt() : 10, 1, 100);
        const int page = std::max(1, param("currentPage").toInt());
        for (int i = (page - 1) * pageSize; i < jobs.size() && i < page * pageSize; ++i)
            records.append(renderSummary(m_engine->summary(*jobs[i])));
        return ok(QJsonObject{{QStringLiteral("count"), static_cast<int>(jobs.size())},
                              {QStringLiteral("currentPage"), page},
                              {QStringLiteral("pageSize"), pageSize},
                              {m_dialect == SimDialect::CloudV1 ? QStringLiteral("tasks") : QStringLiteral("records"), records}});
    }
    if (op == QLatin1String("create")) {
        // An empty header counts as none (Qt 6.4's request cannot tell the two apart).
        const QByteArray idem = request.value("Idempotency-Key");
        const SimCreateResult r = m_engine->create(body, cloud, m_dialect == SimDialect::Milvus ? body.value(QLatin1String("dbName")).toString() : QString(), idem);
        if (r.code)
            return error(r.code, r.message);
        return ok(QJsonObject{{QStringLiteral("jobId"), r.jobId}});
    }
    QString message;
    const int code = op == QLatin1String("commit") ? m_engine->commit(param("jobId"), headerDb, &message)
                                                  : m_engine->abort(param("jobId"), headerDb, &message);
    if (code)
        return error(code, message);
    return ok(QJsonObject{});
}

SimServer::Answer SimServer::controlRoute(const QHttpServerRequest &request, const QString &path)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (path == QLatin1String("/_sim/stats"))
        return json(stats());
    if (path == QLatin1String("/_sim/stats/reset")) {
        resetStats();
        return json(stats());
    }
    if (path == QLatin1String("/_sim/snapshot")) {
        // Every visible job's state and progress as the dialect reports them, for freshness measurements.
        QJsonObject jobs;
        for (const SimJob *j : m_engine->jobs(QString(), QString())) {
            const SimJobStatus st = m_engine->summary(*j);
            jobs.insert(j->id, QJsonArray{jobStateText(st.state), m_dialect == SimDialect::CloudV1 ? st.progress : double(qRound(st.progress))});
        }
        return json(QJsonObject{{QStringLiteral("simTime"), m_engine->now()}, {QStringLiteral("jobs"), jobs}});
    }
    if (path == QLatin1String("/_sim/advance")) {
        m_engine->advance(body.value(QLatin1String("seconds")).toDouble());
        return json(QJsonObject{{QStringLiteral("simTime"), m_engine->now()}});
    }
    if (path == QLatin1String("/_sim/speed")) {
        m_engine->setSpeed(body.value(QLatin1String("speed")).toDouble(1));
        return json(QJsonObject{{QStringLiteral("speed"), m_engine->speed()}});
    }
    if (path == QLatin1String("/_sim/faults")) {
        if (request.method() == QHttpServerRequest::Method::Delete) {
            clearFaults();
        } else {
            QVector<SimFaultRule> rules;
            for (const QJsonValue &v : body.value(QLatin1String("faults")).toArray())
                rules << SimScenario::faultFromJson(v.toObject());
            setFaults(rules);
        }
        return json(QJsonObject{{QStringLiteral("faults"), static_cast<int>(m_faults.size())}});
    }
    if (path == QLatin1String("/_sim/rate-limit")) {
        setRateLimit(body.value(QLatin1String("perSecond")).toInt(20));
        return json(QJsonObject{{QStringLiteral("perSecond"), m_rateLimit}});
    }
    return json(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown control path")}}, 404);
}
