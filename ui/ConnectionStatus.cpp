#include "ConnectionStatus.h"

#include "ImportService.h"

#include <QHash>
#include <QLocale>
#include <QResizeEvent>
#include <QTimer>

ConnectionStatus::ConnectionStatus(ImportService *service, QWidget *parent)
    : QLabel(parent), m_service(service), m_timer(new QTimer(this))
{
    setAccessibleName(tr("Connection health"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ConnectionStatus::refresh);
    connect(m_service, &ImportService::healthChanged, this, &ConnectionStatus::refresh);
    connect(m_service, &ImportService::connectionsChanged, this, &ConnectionStatus::refresh);
    refresh();
}

void ConnectionStatus::refresh()
{
    const QDateTime now = m_service->now();
    QStringList parts;
    bool ticking = false;
    m_errorTip.clear();
    // Throughput per connection: the smoothed rates of its jobs that are writing rows now.
    QHash<QString, double> rowsPerSecond;
    for (const JobRecord &r : m_service->jobs())
        if (r.job.state == JobState::Running && r.rowsPerSecond > 0)
            rowsPerSecond[r.connectionId] += r.rowsPerSecond;
    for (const Connection &c : m_service->connections()) {
        const ConnectionHealth h = m_service->health(c.id);
        QString s;
        const qint64 retryIn = h.retryAt.isValid() ? std::max<qint64>(0, (now.msecsTo(h.retryAt) + 999) / 1000) : 0;
        switch (h.state) {
        case ConnectionHealth::State::Connecting: s = tr("connecting…"); break;
        case ConnectionHealth::State::Ok:
            s = tr("last answer %1 s ago").arg(std::max<qint64>(0, h.lastAnswer.secsTo(now)));
            ticking = true;
            break;
        case ConnectionHealth::State::Backoff:
            s = (h.lastError.kind == ErrorKind::RateLimited ? tr("rate limited — retrying in %1 s") : tr("server trouble — retrying in %1 s")).arg(retryIn);
            ticking = true;
            break;
        case ConnectionHealth::State::Offline:
            s = h.lastError.kind == ErrorKind::Tls
                ? tr("TLS certificate not accepted — edit the connection to trust its CA (retrying in %1 s)").arg(retryIn)
                : tr("offline — showing last known state, retrying in %1 s").arg(retryIn);
            ticking = true;
            break;
        case ConnectionHealth::State::AuthFailed: s = tr("the key was refused — edit the connection"); break;
        case ConnectionHealth::State::NoKey: s = tr("no key — %1").arg(h.keyProblem); break;
        }
        if (h.state == ConnectionHealth::State::Ok && rowsPerSecond.value(c.id) > 0)
            s += tr(" · %1 rows/s").arg(QLocale().toString(qRound64(rowsPerSecond.value(c.id))));
        if (!h.clusterStatus.isEmpty()) // Zilliz Cloud: a cluster not RUNNING (ABNORMAL, FROZEN, …) explains slow or no answers
            s += tr(" · cluster %1").arg(h.clusterStatus);
        if (c.isUnencrypted() && !isLoopbackHost(c.baseUrl.host()))
            s += tr(" · unencrypted");
        parts << c.name + QStringLiteral(": ") + s;
        if (h.lastError.isError() && h.state != ConnectionHealth::State::Ok)
            m_errorTip = h.lastError.summary();
    }
    const QString full = parts.isEmpty() ? tr("No connections") : parts.join(QStringLiteral("   ·   "));
    if (full != m_full) {
        m_full = full;
        updateGeometry();
    }
    showElided();
    // Tick only while a number on screen changes with time; once per second only while something is running.
    const int interval = m_service->anyActive() ? 1000 : 10000;
    if (ticking && (!m_timer->isActive() || m_timer->interval() != interval))
        m_timer->start(interval);
    else if (!ticking)
        m_timer->stop();
}

QSize ConnectionStatus::sizeHint() const
{
    const QSize s = QLabel::sizeHint();
    return QSize(fontMetrics().horizontalAdvance(m_full) + 2 * margin() + 8, s.height());
}

QSize ConnectionStatus::minimumSizeHint() const
{
    // It gives way to the status messages: elided, the whole line in the tooltip.
    return QSize(fontMetrics().horizontalAdvance(QStringLiteral("Staging: …")), QLabel::minimumSizeHint().height());
}

void ConnectionStatus::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    showElided();
}

void ConnectionStatus::showElided()
{
    setText(fontMetrics().elidedText(m_full, Qt::ElideRight, std::max(0, width() - 2 * margin() - 4)));
    const QString tip = text() != m_full ? m_full : QString();
    setToolTip(tip.isEmpty() ? m_errorTip : (m_errorTip.isEmpty() ? tip : tip + QLatin1Char('\n') + m_errorTip));
}
