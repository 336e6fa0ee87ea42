#pragma once
// Turns job and connection transitions into notifications: exactly one per transition (remembered in the
// history, so never repeated after a restart, a reconnect or a re-poll), batched when several end together,
// each kind switchable.

#include "ImportTypes.h"
#include "Notifier.h"

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

private:
    void onTransition(const JobRecord &r, JobState from, JobState to);
    void onHealth(const QString &connectionId);

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
};
