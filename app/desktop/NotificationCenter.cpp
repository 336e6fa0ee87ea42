#include "NotificationCenter.h"

#include "ErrorAdvice.h"
#include "ImportService.h"
#include "JobReport.h"
#include "SafeCreate.h"

#include <QSettings>
#include <QTimer>

NotificationCenter::NotificationCenter(ImportService *service, Notifier *notifier, QObject *parent)
    : QObject(parent), m_service(service), m_notifier(notifier), m_batch(new QTimer(this))
{
    m_batch->setSingleShot(true);
    m_batch->setInterval(1500); // jobs that end in one poll (or one list) arrive within this window
    connect(m_batch, &QTimer::timeout, this, &NotificationCenter::flush);
    connect(service, &ImportService::jobTransition, this, &NotificationCenter::onTransition);
    connect(service, &ImportService::collectionTransition, this, &NotificationCenter::onCollectionTransition);
    connect(service, &ImportService::healthChanged, this, &NotificationCenter::onHealth);
    if (notifier)
        connect(notifier, &Notifier::actionInvoked, this, &NotificationCenter::onAction);
    m_stallTimer = new QTimer(this);
    m_stallTimer->setInterval(30000);
    connect(m_stallTimer, &QTimer::timeout, this, &NotificationCenter::checkStalls);
    m_stallTimer->start();
}

int NotificationCenter::stallMinutes() const
{
    return std::max(0, QSettings().value(QStringLiteral("notifications/stallMinutes"), 0).toInt());
}

void NotificationCenter::setStallMinutes(int minutes)
{
    QSettings().setValue(QStringLiteral("notifications/stallMinutes"), std::max(0, minutes));
}

void NotificationCenter::setStallCheckIntervalMs(int ms)
{
    m_stallTimer->setInterval(ms);
}

void NotificationCenter::checkStalls()
{
    const int minutes = stallMinutes();
    if (minutes <= 0 || !m_notifier || !m_notifier->isAvailable())
        return;
    const QDateTime now = m_service->now();
    for (const JobRecord &r : m_service->jobs()) {
        // Only importing jobs: a pending one waits its turn, one awaiting commit waits for the user.
        if (r.job.state != JobState::Running || r.expired)
            continue;
        // Without answers nothing can be said about movement (the connection's own notice covers that).
        if (m_service->health(r.connectionId).state != ConnectionHealth::State::Ok)
            continue;
        const qint64 still = r.stalledSeconds(now);
        if (still < qint64(minutes) * 60)
            continue;
        if (m_stallTold.value(r.key()) == r.lastChange)
            continue; // this stall was announced; a new one starts when the job moves again
        m_stallTold.insert(r.key(), r.lastChange);
        const Connection *c = m_service->connection(r.connectionId);
        Notification n;
        n.kind = Notification::Kind::Stalled;
        n.jobKeys = {r.key()};
        n.actions = QStringList{QStringLiteral("copy-report"), tr("Copy report")};
        n.title = tr("Import not moving on %1").arg(c ? c->name : r.connectionId);
        const int m = static_cast<int>(still / 60);
        n.body = m == 1 ? tr("Job %1 into “%2” has not moved for 1 minute.").arg(r.job.jobId, r.job.collectionName.value_or(QString()))
                        : tr("Job %1 into “%2” has not moved for %3 minutes.").arg(r.job.jobId, r.job.collectionName.value_or(QString())).arg(m);
        m_notifier->show(n);
    }
}

void NotificationCenter::onAction(const QString &key, const QString &action)
{
    const JobRecord *r = m_service->job(key);
    if (!r || !m_notifier)
        return;
    if (action == QLatin1String("copy-report")) {
        // The support report a user would copy in the window: never a key (JobReport).
        m_notifier->copyText(JobReport::supportReport(*r, m_service->connection(r->connectionId)));
    } else if (action == QLatin1String("retry")) {
        const QString connectionId = r->connectionId;
        QPointer<NotificationCenter> self(this);
        m_service->retryJob(key, [self, connectionId](const QString &newKey, const ApiError &e) {
            if (!self)
                return;
            if (!e.isError()) {
                Q_EMIT self->retryStarted(newKey);
                return;
            }
            const Connection *c = self->m_service->connection(connectionId);
            Notification n;
            n.kind = Notification::Kind::Failed;
            // Unanswered is not refused: the retry may be running, and its key is kept to find it.
            const bool lost = SafeCreate::answerLost(e);
            n.title = (lost ? tr("No answer to the retry on %1") : tr("Retry failed on %1")).arg(c ? c->name : connectionId);
            n.body = lost ? ErrorAdvice::forLostCreate(e) : ErrorAdvice::forCreate(e);
            if (self->m_notifier && self->m_notifier->isAvailable())
                self->m_notifier->show(n);
        });
    } else if (action == QLatin1String("show")) {
        Q_EMIT m_notifier->activated(key);
    }
}

QString NotificationCenter::settingsKey(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::Completed: return QStringLiteral("notifications/completed");
    case Notification::Kind::Failed: return QStringLiteral("notifications/failed");
    case Notification::Kind::Expired: return QStringLiteral("notifications/expired");
    case Notification::Kind::ConnectionLost: return QStringLiteral("notifications/connectionLost");
    case Notification::Kind::ConnectionBack: return QStringLiteral("notifications/connectionBack");
    case Notification::Kind::Stalled: return QStringLiteral("notifications/stallMinutes");
    case Notification::Kind::Searchable: return QStringLiteral("notifications/searchable");
    case Notification::Kind::IndexFailed: return QStringLiteral("notifications/indexFailed");
    }
    return {};
}

bool NotificationCenter::isEnabled(Notification::Kind kind) const
{
    // Expired-on-server and connection notices are off by default: useful, but easy to find noisy.
    if (kind == Notification::Kind::Stalled)
        return stallMinutes() > 0;
    const bool byDefault = kind == Notification::Kind::Completed || kind == Notification::Kind::Failed
        || kind == Notification::Kind::Searchable || kind == Notification::Kind::IndexFailed;
    return QSettings().value(settingsKey(kind), byDefault).toBool();
}

void NotificationCenter::setEnabled(Notification::Kind kind, bool on)
{
    if (kind == Notification::Kind::Stalled) {
        setStallMinutes(on ? std::max(stallMinutes(), 10) : 0);
        return;
    }
    QSettings().setValue(settingsKey(kind), on);
}

void NotificationCenter::setBatchDelayMs(int ms)
{
    m_batch->setInterval(ms);
}

void NotificationCenter::onTransition(const JobRecord &r, JobState from, JobState to)
{
    const auto alive = [](JobState s) { return s == JobState::Pending || s == JobState::Running || s == JobState::Finalizing; };
    if (alive(from) || alive(to))
        m_watchedEnd.insert(r.key()); // seen importing: what its collection does next is news
    Notification::Kind kind;
    switch (to) {
    case JobState::Completed: kind = Notification::Kind::Completed; break;
    case JobState::Failed:
    case JobState::Cancelled: kind = Notification::Kind::Failed; break;
    case JobState::Expired: kind = Notification::Kind::Expired; break;
    default: return;
    }
    const QString stateName = jobStateName(to);
    if (r.notifiedState == stateName)
        return; // already told, perhaps before a restart
    // A job first seen already finished (added by ID, found by the list) ended before anyone watched it.
    const bool watchedItEnd = from == JobState::Pending || from == JobState::Running || from == JobState::Finalizing
        || (to == JobState::Expired && from != JobState::Unknown);
    // Aborted from Bulkwatch: the user ended it on purpose, and the window says Aborted; no failure alarm.
    if (!watchedItEnd || !isEnabled(kind) || (kind == Notification::Kind::Failed && r.aborted())) {
        m_service->markNotified(r.key(), stateName);
        return;
    }
    for (const Pending &p : std::as_const(m_pending))
        if (p.key == r.key() && p.stateName == stateName)
            return;
    m_pending << Pending{kind, r.connectionId, r.key(), stateName};
    if (!m_batch->isActive())
        m_batch->start();
}

void NotificationCenter::onHealth(const QString &connectionId)
{
    const ConnectionHealth h = m_service->health(connectionId);
    const bool ok = h.state == ConnectionHealth::State::Ok;
    const bool lost = h.state == ConnectionHealth::State::Offline;
    const bool wasOk = m_wasOk.value(connectionId, false);
    const bool known = m_wasOk.contains(connectionId);
    if (ok || lost)
        m_wasOk.insert(connectionId, ok);
    if (!known || (!ok && !lost))
        return;
    Notification::Kind kind;
    if (wasOk && lost)
        kind = Notification::Kind::ConnectionLost;
    else if (!wasOk && ok)
        kind = Notification::Kind::ConnectionBack;
    else
        return;
    if (!isEnabled(kind) || !m_notifier || !m_notifier->isAvailable())
        return;
    const Connection *c = m_service->connection(connectionId);
    Notification n;
    n.kind = kind;
    n.title = kind == Notification::Kind::ConnectionLost ? tr("Connection lost: %1").arg(c ? c->name : connectionId)
                                                         : tr("Connection back: %1").arg(c ? c->name : connectionId);
    n.body = kind == Notification::Kind::ConnectionLost ? tr("Showing the last known state; retrying by itself.\n%1").arg(h.lastError.summary())
                                                        : tr("Polling resumed.");
    m_notifier->show(n);
}

void NotificationCenter::flush()
{
    m_batch->stop();
    const QList<Pending> pending = std::exchange(m_pending, {});
    // One notification per connection and kind.
    QList<QPair<Notification::Kind, QString>> groups;
    for (const Pending &p : pending)
        if (!groups.contains(qMakePair(p.kind, p.connectionId)))
            groups << qMakePair(p.kind, p.connectionId);
    for (const auto &g : groups) {
        QStringList keys;
        for (const Pending &p : pending)
            if (p.kind == g.first && p.connectionId == g.second)
                keys << p.key;
        const Connection *c = m_service->connection(g.second);
        const QString where = c ? c->name : g.second;
        Notification n;
        n.kind = g.first;
        n.jobKeys = keys;
        const JobRecord *first = m_service->job(keys.first());
        const QString jobId = first ? first->job.jobId : QString();
        const QString collection = first ? first->job.collectionName.value_or(QString()) : QString();
        const int count = static_cast<int>(keys.size());
        switch (g.first) {
        case Notification::Kind::Completed:
            n.title = count == 1 ? tr("Import completed") : tr("%n imports completed on %1", nullptr, count).arg(where);
            n.body = count == 1 ? tr("Job %1 into “%2” on %3.").arg(jobId, collection, where) : tr("Click to see them.");
            break;
        case Notification::Kind::Failed:
            n.title = count == 1 ? tr("Import failed on %1").arg(where) : tr("%n imports failed on %1", nullptr, count).arg(where);
            n.body = count == 1 ? tr("Job %1 into “%2” on %3: %4").arg(jobId, collection, where, first && !first->job.reason.isEmpty() ? first->job.reason.left(300) : tr("no reason given"))
                                : tr("Click to see the reasons.");
            if (count == 1) {
                n.actions = QStringList{QStringLiteral("copy-report"), tr("Copy report")};
                // Retry only where Bulkwatch knows what the job was created with.
                if (first && !first->createParams.isEmpty())
                    n.actions << QStringLiteral("retry") << tr("Retry");
            }
            break;
        case Notification::Kind::Expired:
            n.title = count == 1 ? tr("Import expired on server") : tr("%n imports expired on %1", nullptr, count).arg(where);
            n.body = tr("The server forgot them; Bulkwatch keeps their last known state.");
            break;
        default: break;
        }
        if (m_notifier && m_notifier->isAvailable())
            m_notifier->show(n);
        for (const Pending &p : pending)
            if (p.kind == g.first && p.connectionId == g.second)
                m_service->markNotified(p.key, p.stateName);
    }
}

void NotificationCenter::onCollectionTransition(const JobRecord &r, CollectionPhase from, CollectionPhase to)
{
    if (to != CollectionPhase::Searchable && to != CollectionPhase::IndexFailed)
        return;
    // News only when it changed while watched: a collection first seen already searchable (after a restart, or a
    // job added long after) is not announced; the service announces each step once per run.
    if (from == CollectionPhase::None && !m_watchedEnd.contains(r.key()))
        return;
    const Notification::Kind kind = to == CollectionPhase::Searchable ? Notification::Kind::Searchable : Notification::Kind::IndexFailed;
    if (!isEnabled(kind) || !m_notifier || !m_notifier->isAvailable())
        return;
    const Connection *c = m_service->connection(r.connectionId);
    const QString where = c ? c->name : r.connectionId;
    const QString collection = r.collection.name.isEmpty() ? r.job.collectionName.value_or(QString()) : r.collection.name;
    Notification n;
    n.kind = kind;
    n.jobKeys = {r.key()};
    if (to == CollectionPhase::Searchable) {
        n.title = tr("%1 is ready to search").arg(collection);
        n.body = tr("Indexed and loaded on %1 after job %2.").arg(where, r.job.jobId);
    } else {
        QString reason;
        for (const IndexStatus &i : r.collection.indexes)
            if (i.state == IndexState::Failed && !i.failReason.isEmpty())
                reason = i.failReason;
        n.title = tr("Index failed on %1").arg(where);
        n.body = tr("The index of “%1” could not be built: %2").arg(collection, reason.isEmpty() ? tr("no reason given") : reason.left(300));
        n.actions = QStringList{QStringLiteral("copy-report"), tr("Copy report")};
    }
    m_notifier->show(n);
}
