#include "JobsModel.h"

#include "JobSource.h"
#include "JobFormatter.h"

#include <QTimer>
#include <algorithm>

JobsModel::JobsModel(JobSource *service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service), m_applyTimer(new QTimer(this)), m_clockTimer(new QTimer(this))
{
    m_applyTimer->setSingleShot(true);
    // Each describe answer is a network event of its own, and several often arrive close together; applied each on
    // its own, every one repainted the window. Gathered for 30 ms, one repaint serves a burst, and nobody sees
    // 30 ms. The selected job's answer is applied at once (MainWindow calls applyPending).
    m_applyTimer->setInterval(30);
    connect(m_applyTimer, &QTimer::timeout, this, &JobsModel::applyPending);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &JobsModel::tick);
    if (service) {
        connect(service, &JobSource::jobChanged, this, &JobsModel::upsert);
        connect(service, &JobSource::jobRemoved, this, &JobsModel::remove);
        connect(service, &JobSource::connectionsChanged, this, [this] {
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, ConnectionColumn), index(m_rows.size() - 1, ConnectionColumn), {Qt::DisplayRole});
        });
        for (const JobRecord &r : service->jobs())
            upsert(r);
        applyPending();
    }
}

// Finished jobs read from the history come without their files, which carry when the rows were done. The most
// recent few per connection are enough to estimate sorting and indexing; reading every file list would undo the
// lazy start-up.
void JobsModel::learnFromHistory(QVector<JobRecord> added, const QDateTime &now)
{
    constexpr int PerConnection = 8;
    std::sort(added.begin(), added.end(), [](const JobRecord &a, const JobRecord &b) { return a.job.completeTime > b.job.completeTime; });
    for (const JobRecord &r : std::as_const(added)) {
        if (r.filesLoaded || r.job.state != JobState::Completed || !r.job.completeTime.isValid()
            || m_eta.samples(r.connectionId) >= PerConnection)
            continue;
        if (const JobRecord *full = m_service ? m_service->job(r.key()) : nullptr)
            m_eta.observe(*full, now);
    }
}

qint64 JobsModel::retentionOf(const JobRecord &r) const
{
    const Connection *c = m_service ? m_service->connection(r.connectionId) : nullptr;
    return c ? c->retentionSeconds : 0;
}

QDateTime JobsModel::now() const
{
    return m_service ? m_service->now() : QDateTime::currentDateTimeUtc();
}

bool JobsModel::bandedProgress(const JobRecord &r) const
{
    const Connection *c = m_service ? m_service->connection(r.connectionId) : nullptr;
    return c && c->kind == Connection::Kind::Milvus;
}

EtaEstimate JobsModel::eta(const JobRecord &r) const
{
    return m_eta.estimate(r, m_service ? m_service->now() : QDateTime::currentDateTimeUtc());
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const JobRecord *JobsModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int JobsModel::rowOf(const QString &key) const
{
    return m_index.value(key, -1);
}

QString JobsModel::stateText(JobState s)
{
    switch (s) {
    case JobState::Pending: return tr("Pending");
    case JobState::Running: return tr("Running");
    case JobState::Finalizing: return tr("Awaiting commit");
    case JobState::Completed: return tr("Completed");
    case JobState::Failed: return tr("Failed");
    case JobState::Cancelled: return tr("Cancelled");
    case JobState::Expired: return tr("Expired on server");
    case JobState::Unknown: break;
    }
    return tr("Unknown");
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case FirstSeenColumn: return tr("When Bulkwatch first saw the job (its own clock).");
        case CreatedColumn: return tr("When the server created the job (only the newest servers say).");
        case CompletedColumn: return tr("When the server finished the job, or when Bulkwatch saw it end.");
        case DurationColumn: return tr("From the creation (or first sight) to the end, or to now while it runs.");
        default: return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JobIdColumn: return tr("Job ID");
    case ConnectionColumn: return tr("Connection");
    case CollectionColumn: return tr("Collection");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case RowsColumn: return tr("Rows");
    case SizeColumn: return tr("Size");
    case FirstSeenColumn: return tr("First seen");
    case CreatedColumn: return tr("Created");
    case CompletedColumn: return tr("Completed");
    case DurationColumn: return tr("Duration");
    case EtaColumn: return tr("ETA");
    case ThroughputColumn: return tr("Rows/s");
    case ActivityColumn: return tr("Activity");
    default: return {};
    }
}

static QString timeTooltip(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return {};
    return JobFormatter::localText(t) + QStringLiteral(" (") + JobFormatter::utcText(t) + QStringLiteral(", ")
        + JobsModel::agoText(t, now) + QLatin1Char(')');
}

QVariant JobsModel::data(const QModelIndex &idx, int role) const
{
    const JobRecord *r = idx.isValid() ? record(idx.row()) : nullptr;
    if (!r)
        return {};
    const JobProgress &j = r->job;
    const QDateTime now = m_service ? m_service->now() : QDateTime::currentDateTimeUtc();
    const JobState shown = r->displayState();
    switch (role) {
    case StateRole: return int(shown);
    case ProgressRole: return shownProgress(*r);
    case ServerProgressRole: return j.progress;
    case CollectionRole: return j.collectionName.value_or(QString());
    case CollectionPhaseRole: return int(collectionPhase(r->collection));
    case KeyRole: return r->key();
    case ConnectionIdRole: return r->connectionId;
    case ErrorTextRole:
        if (!j.reason.isEmpty())
            return j.reason;
        if (r->lastError.isError())
            return r->lastError.summary();
        return (j.state == JobState::Failed) ? tr("The server gave no reason for this failure.") : QString();
    case SearchTextRole: {
        const Connection *c = m_service ? m_service->connection(r->connectionId) : nullptr;
        return QStringList{j.jobId, j.collectionName.value_or(QString()), j.reason, stateText(shown), j.serverState,
                           c ? c->name : QString()}.join(QLatin1Char('\n'));
    }
    default: break;
    }

    const int col = idx.column();
    if (role == Qt::DisplayRole) {
        switch (col) {
        case JobIdColumn: return j.jobId;
        case ConnectionColumn: {
            const Connection *c = m_service ? m_service->connection(r->connectionId) : nullptr;
            return c ? c->name : QString();
        }
        case CollectionColumn: return j.collectionName.value_or(QStringLiteral("—"));
        case StateColumn: return stateLabel(*r);
        case ProgressColumn: return JobFormatter::percentText(shownProgress(*r));
        case RowsColumn: return rowsLabel(*r);
        case ThroughputColumn: return throughputText(*r, m_eta.rowsPerSecond(*r));
        case SizeColumn: return JobFormatter::bytesText(j.fileSize);
        case FirstSeenColumn: return JobFormatter::localText(JobFormatter::firstSeenAt(*r));
        case CreatedColumn: {
            const QDateTime created = JobFormatter::createdAt(*r);
            return created.isValid() ? JobFormatter::localText(created) : QStringLiteral("—");
        }
        case CompletedColumn: {
            const QDateTime done = JobFormatter::completedAt(*r);
            return done.isValid() ? JobFormatter::localText(done) : QStringLiteral("—");
        }
        case DurationColumn: return JobFormatter::durationText(JobFormatter::durationSeconds(*r, now));
        case EtaColumn: {
            const qint64 eta = m_eta.estimate(*r, now).seconds;
            return eta < 0 ? QStringLiteral("—") : JobFormatter::durationText(eta);
        }
        case ActivityColumn: return activityText(*r, now, retentionOf(*r));
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (col) {
        case StateColumn: return int(shown);
        case ProgressColumn: return shownProgress(*r);
        case RowsColumn: return static_cast<qlonglong>(j.importedRows.value_or(-1));
        case ThroughputColumn: {
            const double rate = m_eta.rowsPerSecond(*r);
            return throughputText(*r, rate) == QStringLiteral("—") ? -1.0 : rate;
        }
        case SizeColumn: return static_cast<qlonglong>(j.fileSize.value_or(-1));
        case FirstSeenColumn: return JobFormatter::firstSeenAt(*r).toMSecsSinceEpoch();
        case CreatedColumn: // unknown (older servers): when Bulkwatch first saw it, so the newest still come first
            return (JobFormatter::createdAt(*r).isValid() ? JobFormatter::createdAt(*r) : JobFormatter::firstSeenAt(*r)).toMSecsSinceEpoch();
        case CompletedColumn: return JobFormatter::completedAt(*r).isValid() ? JobFormatter::completedAt(*r).toMSecsSinceEpoch() : 0;
        case DurationColumn: return static_cast<qlonglong>(JobFormatter::durationSeconds(*r, now));
        case EtaColumn: return static_cast<qlonglong>(m_eta.estimate(*r, now).seconds);
        case ActivityColumn: return static_cast<qlonglong>(r->stalledSeconds(now));
        default: return data(idx, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (col) {
        case FirstSeenColumn: return timeTooltip(JobFormatter::firstSeenAt(*r), now);
        case CreatedColumn:
            return JobFormatter::createdAt(*r).isValid() ? timeTooltip(JobFormatter::createdAt(*r), now)
                                                         : tr("The server sends no creation time (only the newest servers do).");
        case CompletedColumn: return timeTooltip(JobFormatter::completedAt(*r), now);
        case DurationColumn:
            if (JobFormatter::durationSeconds(*r, now) < 0)
                return tr("Unknown: Bulkwatch first saw this job already finished, and the server sends no creation time.");
            return JobFormatter::createdAt(*r).isValid() ? tr("From the server's creation time.") : tr("From when Bulkwatch first saw the job.");
        case StateColumn:
            if (r->expired)
                return tr("Expired: the server no longer lists this job; its last state was %1.").arg(stateText(j.state));
            return j.serverState.isEmpty() ? stateText(shown) : tr("%1 — the server says “%2”").arg(stateText(shown), j.serverState);
        case ActivityColumn: {
            const QString tip = activityTooltip(*r, now, retentionOf(*r));
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case ProgressColumn: return progressTooltip(*r, bandedProgress(*r));
        case RowsColumn: {
            const QString tip = rowsTooltip(*r);
            return tip.isEmpty() ? data(idx, Qt::DisplayRole) : tip;
        }
        case ThroughputColumn: return tr("Rows written per second, smoothed over the last answers.");
        case EtaColumn: return m_eta.estimate(*r, now).reason;
        default: {
            const QString text = data(idx, Qt::DisplayRole).toString();
            return text.size() > 20 ? text : QVariant();
        }
        }
    }
    if (role == Qt::TextAlignmentRole && (col == RowsColumn || col == SizeColumn || col == DurationColumn || col == EtaColumn || col == ThroughputColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void JobsModel::upsert(const JobRecord &r)
{
    m_pending.insert(r.key(), r);
    if (!m_applyTimer->isActive())
        m_applyTimer->start();
}

void JobsModel::remove(const QString &key)
{
    m_pending.remove(key);
    const int row = m_index.value(key, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.remove(row);
    m_index.remove(key);
    for (int i = row; i < m_rows.size(); ++i)
        m_index[m_rows[i].key()] = i;
    endRemoveRows();
}

void JobsModel::applyPending()
{
    if (m_pending.isEmpty())
        return;
    QVector<JobRecord> added;
    QVector<int> changed;
    const QDateTime now = m_service ? m_service->now() : QDateTime::currentDateTimeUtc();
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        m_eta.observe(it.value(), now);
        const int row = m_index.value(it.key(), -1);
        if (row < 0) {
            added << it.value();
        } else {
            m_rows[row] = it.value();
            changed << row;
        }
    }
    m_pending.clear();
    // One dataChanged per contiguous span of changed rows.
    std::sort(changed.begin(), changed.end());
    for (int i = 0; i < changed.size();) {
        int j = i;
        while (j + 1 < changed.size() && changed[j + 1] == changed[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(changed[i], 0), index(changed[j], ColumnCount - 1));
        i = j + 1;
    }
    if (!added.isEmpty()) {
        std::sort(added.begin(), added.end(), [](const JobRecord &a, const JobRecord &b) { return a.firstSeen < b.firstSeen; });
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const JobRecord &r : added) {
            m_index.insert(r.key(), static_cast<int>(m_rows.size()));
            m_rows << r;
        }
        endInsertRows();
        learnFromHistory(added, now);
    }
    bool anyActive = false;
    for (const JobRecord &r : std::as_const(m_rows))
        anyActive = anyActive || (!r.expired && !isTerminal(r.job.state));
    if (anyActive && !m_clockTimer->isActive())
        m_clockTimer->start();
    else if (!anyActive)
        m_clockTimer->stop(); // no timers ticking when nothing is active
}

void JobsModel::tick()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, DurationColumn), index(static_cast<int>(m_rows.size()) - 1, ActivityColumn), {Qt::DisplayRole, SortRole, Qt::ToolTipRole});
}
