#pragma once
// Turns job and connection transitions into notifications: exactly one per transition (remembered in the
// history, so never repeated after a restart, a reconnect or a re-poll), batched when several end together,
// each kind switchable. A running job that has not moved for N minutes (off by default) is announced once per
// stall. The actions of a notification (Copy report, Retry, Show) are carried out here.

#include "CollectionState.h"
#include "ImportTypes.h"
#include "Notifier.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class ImportService;
class QTimer;
struct JobRecord;

class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    NotificationCenter(ImportService *service, Notifier *notifier, QObject *parent = nullptr);

    bool isEnabled(Notification::Kind kind) const;
    void setEnabled(Notification::Kind kind, bool on); // saved in settings
    void setBatchDelayMs(int ms);
    static QString settingsKey(Notification::Kind kind);
    void flush(); // sends what is pending now
    ImportService *service() const { return m_service; }

    // The stall alert: minutes without movement of a running job (0 = off, the default), saved in settings.
    int stallMinutes() const;
    void setStallMinutes(int minutes);
    void setStallCheckIntervalMs(int ms);
    void checkStalls(); // at the service's clock; runs by itself every half minute

Q_SIGNALS:
    void retryStarted(const QString &newJobKey); // a notification's Retry started the import again

private:
    void onTransition(const JobRecord &r, JobState from, JobState to);
    void onCollectionTransition(const JobRecord &r, CollectionPhase from, CollectionPhase to);
    void onHealth(const QString &connectionId);
    void onAction(const QString &key, const QString &action);

    ImportService *m_service;
    QPointer<Notifier> m_notifier;
    QTimer *m_batch;
    struct Pending
    {
        Notification::Kind kind;
        QString connectionId;
        QString key;
        QString stateName;
    };
    QList<Pending> m_pending;
    QHash<QString, bool> m_wasOk; // connection -> last health was OK (for lost / back)
    QTimer *m_stallTimer;
    QHash<QString, QDateTime> m_stallTold; // job key -> the lastChange of the stall already announced
    QSet<QString> m_watchedEnd; // jobs seen importing: their collection's steps are news
};
