#include "UnconfirmedCreatesBar.h"

#include "ErrorAdvice.h"
#include "SafeCreate.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {
QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

UnconfirmedCreatesBar::UnconfirmedCreatesBar(ImportService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_rows(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("unconfirmedCreates"));
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(4);
    connect(service, &ImportService::unconfirmedCreatesChanged, this, &UnconfirmedCreatesBar::rebuild);
    connect(service, &ImportService::connectionsChanged, this, &UnconfirmedCreatesBar::rebuild);
    // Found on the server by itself: nothing to decide, only to say.
    connect(service, &ImportService::unconfirmedCreateReached, this, [this](const ImportService::UnconfirmedCreate &u, const QString &key) {
        const JobRecord *r = m_service->job(key);
        Q_EMIT info(tr("The import of %1 started at %2 reached %3 as job %4.")
                        .arg(u.collectionName, when(u.createdAt), connectionName(u.connectionId), r ? r->job.jobId : key));
    });
    rebuild();
}

QString UnconfirmedCreatesBar::connectionName(const QString &id) const
{
    const Connection *c = m_service->connection(id);
    return c ? c->name : id;
}

QString UnconfirmedCreatesBar::textFor(const ImportService::UnconfirmedCreate &u, const QString &connectionName)
{
    return tr("An import of %1 started at %2 may not have reached %3.").arg(u.collectionName, when(u.createdAt), connectionName);
}

QStringList UnconfirmedCreatesBar::texts() const
{
    return m_texts;
}

QPushButton *UnconfirmedCreatesBar::resendButton(int row) const
{
    return m_resend.value(row);
}

QPushButton *UnconfirmedCreatesBar::discardButton(int row) const
{
    return m_discard.value(row);
}

void UnconfirmedCreatesBar::rebuild()
{
    // Later, not now: a click on one of these buttons may be what changed the list.
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    m_texts.clear();
    m_resend.clear();
    m_discard.clear();
    const QVector<ImportService::UnconfirmedCreate> creates = m_service->unconfirmedCreates();
    for (const ImportService::UnconfirmedCreate &u : creates) {
        auto *frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("unconfirmedCreate"));
        // A warning tint that follows the palette's text colour for contrast (KMessageWidget's warning orange).
        frame->setStyleSheet(QStringLiteral("QFrame#unconfirmedCreate { background: rgba(246, 116, 0, 40);"
                                            " border: 1px solid rgba(246, 116, 0, 160); border-radius: 4px; }"));
        auto *row = new QHBoxLayout(frame);
        row->setContentsMargins(8, 6, 8, 6);
        auto *icon = new QLabel(frame);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
        icon->setStyleSheet(QStringLiteral("border: none; background: transparent;"));
        row->addWidget(icon, 0, Qt::AlignTop);
        const QString text = textFor(u, connectionName(u.connectionId));
        auto *label = new QLabel(text + QLatin1Char('\n')
                                     + tr("Bulkwatch closed before the server answered. Resend it, or discard it if you know how it ended."),
                                 frame);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setStyleSheet(QStringLiteral("border: none; background: transparent;"));
        label->setToolTip(tr("Files: %1").arg(u.files.join(QStringLiteral(", "))));
        row->addWidget(label, 1);
        auto *resend = new QPushButton(tr("Resend"), frame);
        resend->setToolTip(tr("Sends the same request with the same Idempotency-Key. A server that honours the key "
                              "(Milvus 2.6.24 or newer) answers with the job it made, if it made one, so the files "
                              "cannot be imported twice. A server that ignores the key could import them a second time."));
        auto *discard = new QPushButton(tr("Discard"), frame);
        discard->setToolTip(tr("Forgets this import; nothing is sent to the server."));
        row->addWidget(resend, 0, Qt::AlignVCenter);
        row->addWidget(discard, 0, Qt::AlignVCenter);
        const QString idemKey = u.idempotencyKey;
        const QString collection = u.collectionName;
        connect(resend, &QPushButton::clicked, this, [this, idemKey, collection, resend, discard] {
            resend->setEnabled(false);
            discard->setEnabled(false);
            QPointer<UnconfirmedCreatesBar> self(this);
            m_service->resendUnconfirmed(idemKey, [self, collection](const QString &key, const ApiError &e) {
                if (!self)
                    return;
                if (SafeCreate::answerLost(e)) {
                    Q_EMIT self->error(tr("The import of %1: %2").arg(collection, ErrorAdvice::forLostCreate(e)));
                    return;
                }
                if (e.isError()) {
                    Q_EMIT self->error(tr("The import of %1 could not be sent again: %2").arg(collection, ErrorAdvice::forCreate(e)));
                    return;
                }
                Q_EMIT self->jobStarted(key);
                Q_EMIT self->info(tr("The import of %1 was sent again.").arg(collection));
            });
        });
        connect(discard, &QPushButton::clicked, this, [this, idemKey, collection] {
            m_service->discardUnconfirmed(idemKey);
            Q_EMIT info(tr("The import of %1 was discarded.").arg(collection));
        });
        m_rows->addWidget(frame);
        m_texts << text;
        m_resend << resend;
        m_discard << discard;
    }
    setVisible(!creates.isEmpty());
}
