#include "MetricsPage.h"

#include "PromText.h"

#include <QHash>
#include <algorithm>
#include <functional>
#include <optional>
#include <tuple>

namespace MetricsPage {
namespace {

double seconds(const QDateTime &t)
{
    return static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0;
}

const JobState kStates[] = {JobState::Pending, JobState::Running, JobState::Finalizing, JobState::Completed,
                            JobState::Failed, JobState::Cancelled, JobState::Expired, JobState::Unknown};

} // namespace

QDateTime endedAt(const JobRecord &r)
{
    for (const QDateTime &t : {r.endedAt, r.job.completeTime, r.expiredAt, r.lastChange, r.firstSeen})
        if (t.isValid())
            return t;
    return {};
}

bool shows(const JobRecord &r, const QDateTime &now, qint64 keepFinishedSeconds)
{
    if (!isTerminal(r.displayState()))
        return true;
    const QDateTime ended = endedAt(r);
    return ended.isValid() && ended.secsTo(now) <= keepFinishedSeconds;
}

QByteArray render(const QVector<JobRecord> &jobs, const QVector<ConnectionSample> &connections, const QDateTime &now,
                  qint64 keepFinishedSeconds)
{
    QHash<QString, const ConnectionSample *> byId;
    for (const ConnectionSample &c : connections)
        byId.insert(c.id, &c);

    struct Row
    {
        PromText::Labels labels;
        const JobRecord *record;
    };
    QVector<Row> rows;
    for (const JobRecord &r : jobs) {
        const ConnectionSample *c = byId.value(r.connectionId);
        if (!c || !shows(r, now, keepFinishedSeconds))
            continue; // a job of a connection not watched, or finished long ago
        rows.append({{{"connection", c->name}, {"job_id", r.job.jobId}, {"collection", r.job.collectionName.value_or(QString())},
                      {"database", c->database}},
                     &r});
    }
    // A stable order: the same state gives the same page (and a readable diff between two scrapes).
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.labels[0].second, a.labels[1].second) < std::tie(b.labels[0].second, b.labels[1].second);
    });

    PromText t;
    const auto perJob = [&](const QByteArray &name, const QString &help, const std::function<std::optional<double>(const JobRecord &)> &value) {
        t.family(name, "gauge", help);
        for (const Row &row : std::as_const(rows))
            if (const std::optional<double> v = value(*row.record))
                t.sample(row.labels, *v);
    };
    perJob("bulkwatch_import_progress_ratio", QStringLiteral("Progress of the import job, 0 to 1."), [](const JobRecord &r) {
        return std::optional<double>(r.job.state == JobState::Completed ? 1.0 : std::clamp(r.job.progress / 100.0, 0.0, 1.0));
    });
    perJob("bulkwatch_import_rows_imported", QStringLiteral("Rows imported so far, when the server says."), [](const JobRecord &r) {
        return r.job.importedRows ? std::optional<double>(double(*r.job.importedRows)) : std::nullopt;
    });
    perJob("bulkwatch_import_rows_total", QStringLiteral("Rows the import will bring, when the server says."), [](const JobRecord &r) {
        return r.job.totalRows ? std::optional<double>(double(*r.job.totalRows)) : std::nullopt;
    });
    perJob("bulkwatch_import_rows_per_second", QStringLiteral("Smoothed import rate in rows per second, while it is known."), [](const JobRecord &r) {
        return r.rowsPerSecond >= 0 && !isTerminal(r.displayState()) ? std::optional<double>(r.rowsPerSecond) : std::nullopt;
    });

    t.family("bulkwatch_import_state", "gauge", QStringLiteral("1 for the state the import job is in, 0 for the others."));
    for (const Row &row : std::as_const(rows)) {
        const JobState current = row.record->displayState();
        for (const JobState s : kStates) {
            PromText::Labels labels = row.labels;
            labels.append({"state", jobStateName(s)});
            t.sample(labels, s == current ? 1 : 0);
        }
    }
    const auto time = [](const QDateTime &d) { return d.isValid() ? std::optional<double>(seconds(d)) : std::nullopt; };
    perJob("bulkwatch_import_last_change_timestamp_seconds", QStringLiteral("When the job's state or progress last moved (Unix time)."),
           [&](const JobRecord &r) { return time(r.lastChange); });
    perJob("bulkwatch_import_created_timestamp_seconds",
           QStringLiteral("When the job was created, as the server says; else when Bulkwatch first saw it (Unix time)."),
           [&](const JobRecord &r) { return time(r.job.createTime.isValid() ? r.job.createTime : r.firstSeen); });
    perJob("bulkwatch_import_completed_timestamp_seconds", QStringLiteral("When the job ended, when known (Unix time)."),
           [&](const JobRecord &r) {
               return isTerminal(r.job.state) ? time(r.job.completeTime.isValid() ? r.job.completeTime : r.endedAt) : std::nullopt;
           });
    // After the import (issue 16): only for jobs whose collection the service follows and the server describes.
    perJob("bulkwatch_collection_index_pending_rows",
           QStringLiteral("Rows of the job's collection not yet indexed (summed over its indexes), once followed."),
           [](const JobRecord &r) {
               if (!r.collection.present || !r.collection.indexesKnown)
                   return std::optional<double>();
               double pending = 0;
               for (const IndexStatus &ix : r.collection.indexes)
                   pending += double(ix.pendingRows.value_or(0));
               return std::optional<double>(pending);
           });
    perJob("bulkwatch_collection_searchable",
           QStringLiteral("1 once the job's collection is indexed and loaded (ready to search), else 0; once followed."),
           [](const JobRecord &r) {
               return r.collection.present ? std::optional<double>(r.collection.searchable() ? 1 : 0) : std::nullopt;
           });

    QVector<const ConnectionSample *> conns;
    for (const ConnectionSample &c : connections)
        conns << &c;
    std::sort(conns.begin(), conns.end(), [](const ConnectionSample *a, const ConnectionSample *b) { return a->name < b->name; });
    t.family("bulkwatch_connection_up", "gauge", QStringLiteral("1 while the server answers, 0 while it does not (offline, backing off, no key, refused)."));
    for (const ConnectionSample *c : std::as_const(conns))
        t.sample({{"connection", c->name}}, c->up ? 1 : 0);
    t.family("bulkwatch_requests_total", "counter",
             QStringLiteral("HTTP requests to the server since start, by status code (\"error\": no HTTP answer)."));
    for (const ConnectionSample *c : std::as_const(conns))
        for (auto it = c->requestsByCode.cbegin(); it != c->requestsByCode.cend(); ++it)
            t.sample({{"connection", c->name}, {"code", it.key()}}, double(it.value()));
    t.family("bulkwatch_rate_limited_total", "counter", QStringLiteral("Answers that asked Bulkwatch to slow down, since start."));
    for (const ConnectionSample *c : std::as_const(conns))
        t.sample({{"connection", c->name}}, double(c->rateLimited));
    t.family("bulkwatch_last_answer_timestamp_seconds", "gauge", QStringLiteral("When the server last answered (Unix time)."));
    for (const ConnectionSample *c : std::as_const(conns))
        if (c->lastAnswer.isValid())
            t.sample({{"connection", c->name}}, seconds(c->lastAnswer));
    return t.page();
}

} // namespace MetricsPage
