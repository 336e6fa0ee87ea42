// The command line after the import and around it (issue 16): a create that is resent with its Idempotency-Key
// when its answer is lost, the job's collection in `status` and `watch --until`, and `clusters`.

#include "CommandLine.h"
#include "CliText.h"

#include "CollectionApi.h"
#include "ImportApiClient.h"
#include "JobFormatter.h"
#include "SafeCreate.h"

#include <QJsonArray>
#include <QTimer>

void CommandLine::sendCreate(const CreateRequest &req, int resend)
{
    m_client->createJob(m_ep, req, this, [this, req, resend](const QString &jobId, const ApiError &e) {
        if (SafeCreate::answerLost(e) && resend < SafeCreate::MaxResends) {
            // The job may exist: the same request with the same key makes it or names it, never a second one.
            if (!m_parsed.flag(QStringLiteral("json")))
                m_err << "bulkwatch: " << e.summary() << " — sending the same create again (same idempotency key)\n";
            m_err.flush();
            QTimer::singleShot(SafeCreate::resendDelayMs(resend + 1, e.retryAfterMs), this, [this, req, resend] { sendCreate(req, resend + 1); });
            return;
        }
        if (SafeCreate::answerLost(e) && !m_parsed.flag(QStringLiteral("json")))
            // The job may exist: the key is what lets a later run find it instead of importing the files again.
            m_err << "bulkwatch: no answer came; to send it again without importing twice, run the same command with"
                     " --idempotency-key " << req.idempotencyKey << '\n';
        if (e.isError())
            return fail(e);
        if (m_parsed.flag(QStringLiteral("json")))
            printJson(QJsonObject{{QStringLiteral("jobId"), jobId}, {QStringLiteral("idempotencyKey"), req.idempotencyKey}});
        else
            m_out << "Created import job " << jobId << '\n';
        finish(0);
    });
}

void CommandLine::fetchCollectionFor(const JobProgress &job, std::function<void(const CollectionState &, const ApiError &)> done)
{
    const QString collection = job.collectionName.value_or(QString());
    if (collection.isEmpty() || m_ep.effectiveDialect() == Dialect::CloudV1)
        return done({}, {}); // the legacy cloud API has no collection endpoints
    auto fetch = [this, collection, done] {
        CollectionApi::fetchCollection(*m_client, m_collectionEp, collection, m_ep.dbName, this, done);
    };
    if (m_collectionEpKnown)
        return fetch();
    m_collectionEp = m_ep;
    // Zilliz Cloud: the collection endpoints are the cluster's own (its connectAddress), with the same key.
    if (m_ep.effectiveDialect() == Dialect::V2 && !m_ep.clusterId.isEmpty()) {
        CollectionApi::describeCluster(*m_client, m_ep, m_ep.clusterId, this, [this, fetch, done](const ClusterInfo &c, const ApiError &e) {
            if (e.isError())
                return done({}, e);
            QString problem;
            const QUrl url = parseEndpointUrl(c.connectAddress, &problem);
            if (!problem.isEmpty() || url.isEmpty())
                return done({}, {}); // no address: the section stays absent
            m_collectionEp.baseUrl = url;
            m_collectionEp.clusterId.clear();
            m_collectionEpKnown = true;
            fetch();
        });
        return;
    }
    m_collectionEpKnown = true;
    fetch();
}

void CommandLine::runStatusWithCollection(const JobProgress &job)
{
    auto print = [this, job](const CollectionState &c) {
        if (m_parsed.flag(QStringLiteral("json"))) {
            QJsonObject o = CliText::json(job); // the server's own file entries: scripts may match on them
            o.insert(QStringLiteral("collection"), collectionToJson(c));
            printJson(o);
        } else {
            m_out << CliText::status(job) << collectionText(c);
        }
        finish(m_parsed.flag(QStringLiteral("exit-status")) ? exitStatusOf(job.state) : 0);
    };
    // The collection is followed once the job has completed; before that it is null.
    if (job.state != JobState::Completed)
        return print({});
    fetchCollectionFor(job, [this, print](const CollectionState &c, const ApiError &e) {
        if (e.isError())
            m_err << "bulkwatch: the collection could not be read: " << e.summary() << '\n';
        print(e.isError() ? CollectionState() : c);
    });
}

bool CommandLine::watchGoalReached(const JobProgress &job)
{
    if (m_until.isEmpty() || m_until == QLatin1String("completed")) {
        finish(0);
        return true;
    }
    fetchCollectionFor(job, [this](const CollectionState &c, const ApiError &e) {
        const bool json = m_parsed.flag(QStringLiteral("json"));
        if (e.isError()) {
            if (!e.retryable)
                return fail(e);
            m_err << "bulkwatch: " << e.summary() << " — retrying\n";
            m_err.flush();
            m_watchTimer->start(std::max(m_intervalMs, 1000));
            return;
        }
        if (!c.present) {
            m_err << "bulkwatch: the server reports no index or load state (it has none of the collection endpoints); "
                     "--until " << m_until << " cannot be watched there\n";
            return finish(exitCodeFor(ErrorKind::Unsupported));
        }
        if (c != m_lastCollection) {
            if (json)
                printJson(QJsonObject{{QStringLiteral("collection"), collectionToJson(c)}});
            else
                m_out << c.name << ": " << collectionPhaseText(c) << '\n';
            m_out.flush();
            m_lastCollection = c;
        }
        if (c.indexFailed())
            return finish(1);
        if (m_until == QLatin1String("indexed") ? c.indexed() : c.searchable())
            return finish(0);
        m_watchTimer->start(m_intervalMs);
    });
    return true;
}

void CommandLine::runClusters()
{
    CollectionApi::listClusters(*m_client, m_ep, this, [this](const QVector<ClusterInfo> &clusters, const ApiError &e) {
        // A Milvus server (or any other) has no /v2/clusters: say what the command is for, not "is it Milvus?".
        if (e.isError() && e.httpStatus == 404)
            return usage(QStringLiteral("clusters lists Zilliz Cloud clusters: %1 has none (HTTP 404 on /v2/clusters). "
                                        "Give the Zilliz Cloud control plane, e.g. https://api.cloud.zilliz.com")
                             .arg(m_ep.displayUrl()));
        if (e.isError())
            return fail(e);
        if (m_parsed.flag(QStringLiteral("json"))) {
            QJsonArray list;
            for (const ClusterInfo &c : clusters)
                list.append(QJsonObject{{QStringLiteral("clusterId"), c.clusterId},
                                        {QStringLiteral("clusterName"), c.clusterName},
                                        {QStringLiteral("regionId"), c.regionId},
                                        {QStringLiteral("status"), c.status},
                                        {QStringLiteral("connectAddress"), c.connectAddress}});
            printJson(QJsonObject{{QStringLiteral("clusters"), list}});
        } else if (clusters.isEmpty()) {
            m_out << "No clusters.\n";
        } else {
            // Columns padded to their widest cell, under a header (scripts use --json).
            QVector<QStringList> rows{{QStringLiteral("CLUSTER ID"), QStringLiteral("NAME"), QStringLiteral("REGION"),
                                       QStringLiteral("STATUS"), QStringLiteral("CONNECT ADDRESS")}};
            for (const ClusterInfo &c : clusters)
                rows << QStringList{c.clusterId, c.clusterName, c.regionId, c.status, c.connectAddress};
            QVector<qsizetype> width(5, 0);
            for (const QStringList &row : std::as_const(rows))
                for (int i = 0; i < 5; ++i)
                    width[i] = std::max(width[i], row[i].size());
            for (const QStringList &row : std::as_const(rows)) {
                QString line;
                for (int i = 0; i < 4; ++i)
                    line += row[i].leftJustified(width[i] + 2);
                m_out << line << row[4] << '\n';
            }
        }
        finish(0);
    });
}
