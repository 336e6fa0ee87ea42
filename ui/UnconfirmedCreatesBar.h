#pragma once
// Above the jobs: the imports Bulkwatch started whose answer nobody saw (it crashed or quit while one was under
// way), one calm message each with Resend (the same Idempotency-Key) and Discard, in the manner of KDE's and
// KeePassXC's message widgets. Hidden while there are none.

#include "ImportService.h"

#include <QWidget>

class QPushButton;
class QVBoxLayout;

class UnconfirmedCreatesBar : public QWidget
{
    Q_OBJECT
public:
    explicit UnconfirmedCreatesBar(ImportService *service, QWidget *parent = nullptr);

    // What each message says, oldest first (for tests and screen readers alike).
    QStringList texts() const;
    // The buttons of message `row` (for tests).
    QPushButton *resendButton(int row) const;
    QPushButton *discardButton(int row) const;

    static QString textFor(const ImportService::UnconfirmedCreate &u, const QString &connectionName);

Q_SIGNALS:
    void info(const QString &text);
    void error(const QString &text);
    void jobStarted(const QString &key); // a resend named or made this job

private:
    void rebuild();
    QString connectionName(const QString &id) const;

    ImportService *m_service;
    QVBoxLayout *m_rows;
    QStringList m_texts;
    QList<QPushButton *> m_resend;
    QList<QPushButton *> m_discard;
};
